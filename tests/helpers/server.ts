import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVER_ENTRY } from '../../src/cli/build-freshness';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Melek's own server in front of Astro's handler (dist/server/melek.mjs): the one path, from build-freshness.ts. */
const ENTRY = SERVER_ENTRY;
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => res(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface TestServer {
  url: string;
  dataDir: string;
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  process: ChildProcess;
  stop(): Promise<void>;
  /** Kill and start again on the same database and port (crash tests). */
  restart(signal?: NodeJS.Signals): Promise<void>;
}

/** Migrates (and seeds) a database the way `npm start` does, in a child process. */
export function prepareDatabase(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [TSX, join(ROOT, 'src/cli/prepare-db.ts')], { env, cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`prepare-db failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Starts the real built server (dist/server/melek.mjs) on a free port with a fresh temporary database,
 * migrated and seeded with the demo data unless `seed` is false.
 */
export async function startServer(options: { seed?: boolean | 'activity'; env?: NodeJS.ProcessEnv; entry?: string } = {}): Promise<TestServer> {
  const entry = options.entry ?? ENTRY;
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npx astro build` (npm test does it for you).');
  const dataDir = mkdtempSync(join(tmpdir(), 'melek-test-'));
  const databaseUrl = `file:${join(dataDir, 'melek.db')}`;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    // Most tests start from the bare demo accounts; 'activity' adds the weeks of demo activity npm start seeds.
    MELEK_SEED: options.seed === false ? '0' : options.seed === 'activity' ? '1' : 'accounts',
    ...options.env,
  };
  prepareDatabase(env);
  const url = `http://127.0.0.1:${port}`;
  const server: TestServer = {
    url,
    dataDir,
    databaseUrl,
    env,
    process: launch(env, entry),
    async stop() {
      await kill(server.process, 'SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart(signal: NodeJS.Signals = 'SIGKILL') {
      await kill(server.process, signal);
      server.process = launch(env, entry);
      await waitForHealth(url);
    },
  };
  await waitForHealth(url);
  return server;
}

function launch(env: NodeJS.ProcessEnv, entry = ENTRY): ChildProcess {
  const child = spawn(process.execPath, [entry], { env, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk) => {
    if (process.env.MELEK_TEST_VERBOSE) process.stderr.write(chunk);
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((res) => {
    child.once('exit', () => res());
    child.kill(signal);
  });
}

async function waitForHealth(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not become healthy`);
}
