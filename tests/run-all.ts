/**
 * `npm test`: builds the app, then runs the unit and integration tests (vitest) and the
 * end-to-end tests (Playwright in Debian's Chromium). Stops at the first failing stage.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromiumInstalled, chromiumPath } from './helpers/chromium';
import { ROOT } from './helpers/server';

if (!chromiumInstalled()) {
  console.error(`
Chromium tidak ditemukan di ${chromiumPath()} — the end-to-end tests need Debian's Chromium.
Install it with:   sudo apt-get update && sudo apt-get install -y chromium
(or point CHROMIUM_PATH at another Chromium binary), then run npm test again.
`);
  process.exit(1);
}

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const stages: Array<[string, string, string[]]> = [
  ['content check (npm run content:check)', bin('tsx'), ['src/cli/content-check.ts']],
  ['build', bin('astro'), ['build']],
  ['unit + integration (vitest)', bin('vitest'), ['run']],
  ['end-to-end (Playwright, Chromium 360×740)', bin('playwright'), ['test']],
];

const timings: string[] = [];
for (const [name, command, args] of stages) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
  timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    console.error(`\nnpm test: stage "${name}" failed.`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\nnpm test: all stages passed.\n${timings.map((t) => `  ${t}`).join('\n')}`);
