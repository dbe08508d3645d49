/**
 * The functions that took the most self time in a V8 CPU profile (`node --cpu-prof`, e.g. from
 * `npm run bench -- --only=lesson --cpu-prof=DIR`), grouped by function and source place.
 *
 *   npx tsx tests/bench/profile-top.ts DIR/CPU.….cpuprofile [--top=25]
 */
import { readFileSync } from 'node:fs';
import { formatTable } from './http';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: tsx tests/bench/profile-top.ts FILE.cpuprofile [--top=25]');
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.split('=')[1] ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
/** Where a function lives, short: the package, or the file of dist/ it was bundled into. */
const place = (url: string, line: number) => {
  if (!url) return '';
  // The benchmarks run a private copy of dist/ under node_modules/.cache (tests/helpers/dist-snapshot.ts).
  url = url.replace(/\/node_modules\/\.cache\/melek-dist\/[^/]+\//, '/dist/');
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) return pkg;
  return `${url.replace(/^.*\/(dist|src)\//, '$1/').replace(/^node:/, 'node:')}:${line + 1}`;
};
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)!.callFrame;
  const key = `${frame.functionName || '(anonymous)'}\t${place(frame.url, frame.lineNumber)}`;
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
const rows = [...self]
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)
  .map(([key, us]) => {
    const [fn, where] = key.split('\t');
    return [fn.slice(0, 40), where.slice(0, 60), (us / 1000).toFixed(0), `${((100 * us) / total).toFixed(1)} %`];
  });
console.log(`${(total / 1e6).toFixed(1)} s sampled in ${file}`);
console.log(formatTable(['function', 'where', 'self ms', 'share'], rows));
