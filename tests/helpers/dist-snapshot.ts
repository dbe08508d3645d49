/**
 * For the long-running scripts (npm run bench, npm run test:crash): a private copy of the built
 * server, so an `astro build` started meanwhile (by a developer or another test run) cannot pull
 * dist/ away from under a server that is being benchmarked or killed 50 times. The copy lives
 * under node_modules/.cache (packages still resolve from the project's node_modules) and the
 * absolute dist/ paths baked into its manifest are pointed at the copy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './server';

const DIST = join(ROOT, 'dist');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export interface DistSnapshot {
  entry: string;
  dir: string;
  builtAt: Date;
  remove(): void;
}

/** Waits until dist/ exists and has not changed for `quietMs`, then copies it; retries if it changed while copying. */
export async function snapshotDist(tag: string, { quietMs = 8000, timeoutMs = 180_000 } = {}): Promise<DistSnapshot> {
  const deadline = Date.now() + timeoutMs;
  const dir = join(ROOT, 'node_modules/.cache/melek-dist', `${tag}-${process.pid}`);
  for (;;) {
    if (Date.now() > deadline) throw new Error('dist/ never settled: is a build running in a loop? Run `npx astro build` and try again.');
    if (!existsSync(join(DIST, 'server/melek.mjs'))) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    const before = newest(DIST);
    if (Date.now() - before < quietMs) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      cpSync(DIST, dir, { recursive: true });
    } catch {
      continue; // a build removed files while we copied
    }
    if (newest(DIST) !== before || !existsSync(join(dir, 'server/melek.mjs'))) continue;
    const from = pathToFileURL(DIST).href + '/';
    const to = pathToFileURL(dir).href + '/';
    for (const file of readdirSync(join(dir, 'server')).filter((f) => f.endsWith('.mjs'))) {
      const path = join(dir, 'server', file);
      const text = readFileSync(path, 'utf8');
      if (text.includes(from)) writeFileSync(path, text.split(from).join(to));
    }
    return { entry: join(dir, 'server/melek.mjs'), dir, builtAt: new Date(before), remove: () => rmSync(dir, { recursive: true, force: true }) };
  }
}

/** Starts the built server with `env` (HOST, PORT, DATABASE_URL…); stderr goes to `logFile` when given; `nodeArgs` such as --cpu-prof go to node. */
export function launchServer(
  entry: string,
  env: NodeJS.ProcessEnv,
  options: { uid?: number; gid?: number; logFile?: string; nodeArgs?: string[] } = {},
): ChildProcess {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    uid: options.uid,
    gid: options.gid,
  });
  if (options.logFile) child.stderr!.pipe(createWriteStream(options.logFile, { flags: 'a' }));
  else child.stderr!.resume();
  return child;
}

export async function waitHealthy(url: string, timeoutMs = 20_000, pollMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`server at ${url} did not become healthy within ${timeoutMs} ms`);
}

export function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
