/**
 * `npm start`: migrate, seed an empty database, build when the build is missing or older than
 * the sources, then serve on HOST:PORT (default localhost:4321).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '@db/seed';
import { prepareDatabase } from './prepare-db';

const ROOT = process.cwd();
const ENTRY = join(ROOT, 'dist/server/entry.mjs');
const SOURCES = ['src', 'content', 'public', 'db/schema', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIsStale(): boolean {
  if (!existsSync(ENTRY)) return true;
  const built = statSync(ENTRY).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built);
}

const { url, seeded } = await prepareDatabase();
console.log(`Database: ${url}${seeded ? ' (demo data added)' : ''}`);

if (buildIsStale()) {
  console.log('Building Melek (first start or sources changed)…');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const host = process.env.HOST || 'localhost';
const port = process.env.PORT || '4321';
process.env.HOST = host;
process.env.PORT = port;
await import(ENTRY);
console.log(`
Melek is running: http://${host}:${port}

Demo accounts (phone / password):
  trainer   ${DEMO.trainer.phone} / ${DEMO.trainer.password}
  mentors   ${DEMO.mentors.map((m) => m.phone).join(', ')} / ${DEMO.mentors[0].password}
  learners  ${DEMO.learners[0].phone} … ${DEMO.learners[DEMO.learners.length - 1].phone} / ${DEMO.learnerPassword}
  join code ${DEMO.cohort.joinCode} (register page)
`);
