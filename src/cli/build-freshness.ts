/**
 * Whether `dist/` is older than the sources it is built from, and a build when it is. One rule
 * for `npm start` and for the tests that start the built server, so neither serves old code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** Melek's own server (src/server/main.ts, bundled last by the build), which loads Astro's dist/server/entry.mjs. */
export const SERVER_ENTRY = join(ROOT, 'dist/server/melek.mjs');
const SOURCES = ['src', 'content', 'public', 'db/schema', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when the build is missing or any source file is newer than it (file times only: no clock is read). */
export function buildIsStale(): boolean {
  if (!existsSync(SERVER_ENTRY)) return true;
  const built = statSync(SERVER_ENTRY).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built);
}

/** Builds when stale; returns false when the build failed. `why` is printed before building. */
export function buildIfStale(why: string): boolean {
  if (!buildIsStale()) return true;
  console.log(why);
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build'], { stdio: 'inherit', cwd: ROOT });
  return result.status === 0;
}
