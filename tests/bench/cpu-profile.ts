/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and lists the functions with the most
 * self time: where the server's CPU went, without a profiler UI.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

/** The `top` functions by self time (same name, file and line summed), with their share of all samples. */
export function topSelfTime(file: string, top = 15): { total: number; rows: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byName = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = frameOf.get(id);
    if (!frame) return;
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|dist|melek-dist)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    byName.set(name, (byName.get(name) ?? 0) + us);
    total += us;
  });
  const rows = [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / Math.max(1, total) }));
  return { total: total / 1000, rows };
}

/** Time spent inside each named function, callees included (a function on the stack twice counts once). */
export function inclusiveTime(file: string, names: string[]): Map<string, number> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile & { nodes: Array<ProfileNode & { children?: number[] }> };
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const totals = new Map(names.map((n) => [n, 0]));
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf.get(at) ?? '';
      if (totals.has(name) && !seen.has(name)) {
        seen.add(name);
        totals.set(name, totals.get(name)! + us / 1000);
      }
    }
  });
  return totals;
}
