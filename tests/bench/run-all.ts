/**
 * `npm run bench`: every server benchmark in one run, one summary table, and docs/PERFORMANCE.md.
 *
 * 1. HTTP load (autocannon, 50 connections, a fixed duration each) against the built server on a
 *    database of 1,000 learners × 100 progress events, beside a plain Node `http` static server
 *    serving the SAME lesson HTML from a file, in the same run:
 *      - the static lesson file (the baseline)
 *      - a lesson page as a logged-in learner (SSR; it also records the view: one write)
 *      - POST /api/progress with a 10-event batch, unique UUIDs per request, 50 learners
 *      - the mentor dashboard (50 learners)
 *      - POST /login (argon2id is deliberately ~30 ms of CPU per login)
 *      - POST /api/progress at a FIXED offered rate (3,000 events/s; write-load.ts)
 *      - a village hall: 300 distinct accounts logging in over a minute from one address, then 50 at once
 *    Goals (DESIGN.md): lesson SSR ≥ 0.5× the static req/s and p95 ≤ 50 ms; progress p99 ≤ 50 ms.
 * 2. Scale: 1,000 then 10,000 learners (100 events each: 1,000,000 at the top; seed-report.ts),
 *    sequential requests timed against /api/health: the mentor dashboard (50 learners), a learner's
 *    home, the trainer report; growth from 1k to 10k.
 * 3. The other benchmarks (bench:weight, bench:mentor, bench:report) as child processes, their key
 *    figures in the same table.
 *
 * Options: --duration=10 (seconds per load test) --runs=15 (sequential samples per scale request)
 *          --big=10000 (learners of the larger scale) --skip-scale --skip-children
 *          --progress-rate=300 (fixed offered progress requests/s) --quick (a shorter village hall)
 *          --no-write (do not touch docs/PERFORMANCE.md)
 *          --only=lesson (only the static baseline and the lesson page; implies --no-write, the
 *          other sections)
 *          --dist=DIR (benchmark that build instead of a copy of dist/; it must sit under node_modules/
 *          so packages resolve, like tests/helpers/dist-snapshot.ts's copies)
 *          --cpu-prof=DIR (the app server runs under `node --cpu-prof`; its .cpuprofile lands in
 *          DIR when it stops; `npx tsx tests/bench/profile-top.ts DIR/*.cpuprofile` lists the
 *          functions by self time)
 * Client and server share the machine; numbers are printed and written, never asserted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { freePort, prepareDatabase, ROOT } from '../helpers/server';
import { launchServer, snapshotDist, stopServer, waitHealthy } from '../helpers/dist-snapshot';
import { formatTable, loginCookie } from './http';
import { BENCH_MENTOR, BENCH_TRAINER, seedReportData } from './seed-report';
import { courseFromContent } from './seed-scale';
import { hashPassword } from '../../src/lib/server/auth/password';
import { EVENTS_PER_BATCH, hallAccounts, processCpuMs as cpuMs, progressLoad, quantile, villageHall, type LoginWave } from './write-load';

// ------------------------------------------------------------------ options

const flag = (name: string) => process.argv.includes(`--${name}`);
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const DURATION = arg('duration', 10);
const CONNECTIONS = 50;
const RUNS = arg('runs', 15);
/** The larger scale (learners); 10,000 × 100 events = 1,000,000 by default. */
const BIG = arg('big', 10_000);
const PASSWORD = 'bench-sandi-123';
/** The fixed offered rate of progress requests (10 events each): 3,000 events/s (issue 20). */
const PROGRESS_RATE = arg('progress-rate', 300);
/** A village hall: 300 logins over a minute, then 50 at once; --quick: 60 over 12 s, then 50. */
const HALL = flag('quick') ? { spread: 60, spreadSeconds: 12, burst: 50 } : { spread: 300, spreadSeconds: 60, burst: 50 };
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];
const ONLY_LESSON = ONLY === 'lesson';
if (ONLY !== undefined && !ONLY_LESSON) throw new Error(`--only=${ONLY}: only --only=lesson is known`);
const CPU_PROF = process.argv.find((a) => a.startsWith('--cpu-prof='))?.split('=')[1];
const startedAt = new Date();
/** docs/PERFORMANCE.md below this line is written by hand and kept by every run. */
const KEPT_MARKER = '<!-- Written by hand below this line; npm run bench keeps it. -->';
const loadAtStart = loadavg();

// autocannon ships no types; this is the part of its API used here.
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: CannonRequest) => CannonRequest;
}
interface CannonResult {
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  duration: number;
}
type Tracker = NodeJS.EventEmitter & { stop(): void };
const autocannon = createRequire(import.meta.url)('autocannon') as (
  opts: { url: string; connections: number; duration: number; requests?: CannonRequest[]; headers?: Record<string, string>; method?: string; body?: string },
  cb: (err: Error | null, result: CannonResult) => void,
) => Tracker;
const autocannonVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/autocannon/package.json'), 'utf8')).version as string;

// ------------------------------------------------------------------ small tools

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const int = (n: number) => Math.round(n).toLocaleString('en');

interface Load {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  total: number;
  statuses: Record<string, number>;
  errors: number;
  /** Server CPU per answered request, ms. */
  cpu: number;
}

/** One autocannon run; latencies of every response are kept, so p95 is exact (autocannon reports 97.5). */
function load(name: string, url: string, requests: CannonRequest[], serverPid: number | undefined): Promise<Load> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const cpuBefore = cpuMs(serverPid);
    const tracker = autocannon({ url, connections: CONNECTIONS, duration: DURATION, requests }, (err, result) => {
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      const cpu = (cpuMs(serverPid) - cpuBefore) / Math.max(1, latencies.length);
      resolve({
        name,
        rps: result.requests.average,
        p50: quantile(latencies, 0.5),
        p95: quantile(latencies, 0.95),
        p99: quantile(latencies, 0.99),
        total: result.requests.total,
        statuses,
        errors: result.errors + result.timeouts,
        cpu,
      });
    });
    tracker.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
      latencies.push(time);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
}

async function sequential(url: string, cookie: string | undefined, runs: number, serverPid: number | undefined) {
  const samples: number[] = [];
  let cpuBefore = NaN;
  let status = 0;
  let serverMs: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: cookie ? { cookie } : {} });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    status = response.status;
    if (i < 2) {
      if (i === 1) cpuBefore = cpuMs(serverPid);
      continue; // warm-up
    }
    samples.push(elapsed);
    const dur = response.headers.get('server-timing')?.match(/dur=([\d.]+)/)?.[1];
    if (dur) serverMs.push(Number(dur));
  }
  if (status !== 200) throw new Error(`${url} answered ${status}`);
  samples.sort((a, b) => a - b);
  serverMs = serverMs.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), server50: quantile(serverMs, 0.5), cpu: (cpuMs(serverPid) - cpuBefore) / runs };
}

/** A plain Node static file server in its own process (as the app server is), serving one file. */
async function staticServer(file: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const code = `
    const http = require('node:http'); const fs = require('node:fs');
    const file = ${JSON.stringify(file)};
    http.createServer((req, res) => {
      fs.stat(file, (err, st) => {
        if (err) { res.writeHead(404); return res.end(); }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': st.size, 'last-modified': st.mtime.toUTCString() });
        fs.createReadStream(file).pipe(res);
      });
    }).listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, child };
}

interface Env {
  url: string;
  databaseUrl: string;
  dataDir: string;
  server: ChildProcess;
}

/** A fresh database with `learners` learners × 100 events (seed-report.ts: 200 mentors of 50, a trainer), and the server on it. */
async function scaleServer(entry: string, learners: number, passwordHash: string): Promise<Env & { seedSeconds: number; events: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'melek-bench-'));
  const port = await freePort();
  const databaseUrl = `file:${join(dataDir, 'melek.db')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    MELEK_SEED: 'accounts',
  };
  prepareDatabase(env);
  const started = performance.now();
  const seeded = await seedReportData(databaseUrl, { learners, eventsPerLearner: 100, passwordHash });
  // The bench mentor's 50 learners may log in too (the progress load writes as all of them).
  const db = createClient({ url: databaseUrl });
  await db.execute({
    sql: 'UPDATE users SET password_hash = ? WHERE id IN (SELECT learner_id FROM mentor_assignments WHERE mentor_id = ? AND until IS NULL)',
    args: [passwordHash, BENCH_MENTOR.id],
  });
  await db.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  const seedSeconds = (performance.now() - started) / 1000;
  const server = launchServer(entry, env, { nodeArgs: CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [] });
  await waitHealthy(`http://127.0.0.1:${port}`, 60_000);
  return { url: `http://127.0.0.1:${port}`, databaseUrl, dataDir, server, seedSeconds, events: seeded.core.events };
}

async function closeEnv(env: Env) {
  await stopServer(env.server);
  rmSync(env.dataDir, { recursive: true, force: true });
}

const nationalOf = (e164: string) => `0${e164.slice(3)}`;

async function learnerCookies(env: Env, n: number): Promise<string[]> {
  const db = createClient({ url: env.databaseUrl });
  const rows = await db.execute({
    sql: 'SELECT u.phone FROM users u JOIN mentor_assignments a ON a.learner_id = u.id AND a.until IS NULL WHERE a.mentor_id = ? AND u.password_hash IS NOT NULL ORDER BY u.id LIMIT ?',
    args: [BENCH_MENTOR.id, n],
  });
  db.close();
  const cookies: string[] = [];
  for (const r of rows.rows) cookies.push(await loginCookie(env.url, nationalOf(String(r.phone)), PASSWORD));
  return cookies;
}

/**
 * What one small write transaction costs on this disk with SQLite's synchronous=FULL (the libSQL
 * default the app runs with: an fsync per commit) and with NORMAL (WAL fsynced at checkpoints
 * only; still safe when the process is killed, may lose the last commits on power loss). SQLite
 * commits one transaction at a time, so this bounds the writes per second of one database.
 */
async function commitCost(): Promise<{ full: number; normal: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'melek-fsync-'));
  const db = createClient({ url: `file:${join(dir, 'x.db')}` });
  try {
    await db.execute('PRAGMA journal_mode=WAL');
    await db.execute('CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT)');
    const out = { full: 0, normal: 0 };
    for (const mode of ['full', 'normal'] as const) {
      await db.execute(`PRAGMA synchronous=${mode.toUpperCase()}`);
      const started = performance.now();
      for (let i = 0; i < 200; i++) await db.batch([{ sql: 'INSERT INTO t VALUES (?, ?)', args: [crypto.randomUUID(), 'x'.repeat(300)] }], 'write');
      out[mode] = (performance.now() - started) / 200;
    }
    return out;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ run

const summary: Array<[string, string, string, string]> = [];
const sections: string[] = [];
const say = (text: string) => {
  console.log(text);
  sections.push(text);
};

// --dist=DIR: another build (e.g. a copy of dist/ from before a change), used in place, not copied.
const DIST_ARG = process.argv.find((a) => a.startsWith('--dist='))?.split('=')[1];
const snapshot = DIST_ARG
  ? { entry: join(DIST_ARG, 'server/melek.mjs'), builtAt: statSync(join(DIST_ARG, 'server/melek.mjs')).mtime, remove: () => undefined }
  : await snapshotDist('bench');
const passwordHash = await hashPassword(PASSWORD);
const course = courseFromContent();
const lesson = course[0].lessons[0];
const lessonPath = `/learn/${lesson.id}`;
console.log(
  `Melek benchmarks — ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, build of ${snapshot.builtAt.toISOString()}, load average ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')}`,
);

let scale1k: (Env & { seedSeconds: number; events: number }) | undefined;
try {
  // ---------------------------------------------------------------- 1. HTTP load
  process.stdout.write('\nSeeding 1,000 learners × 100 events for the load tests… ');
  scale1k = await scaleServer(snapshot.entry, 1000, passwordHash);
  console.log(`${scale1k.events.toLocaleString('en')} events in ${scale1k.seedSeconds.toFixed(1)} s`);
  const env = scale1k;
  const learners = await learnerCookies(env, ONLY_LESSON ? 1 : 50);
  const learner = learners[0];
  const mentor = ONLY_LESSON ? '' : await loginCookie(env.url, BENCH_MENTOR.national, PASSWORD);

  const page = await fetch(env.url + lessonPath, { headers: { cookie: learner } });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`lesson page answered ${page.status}`);
  const staticDir = mkdtempSync(join(tmpdir(), 'melek-static-'));
  const staticFile = join(staticDir, 'lesson.html');
  writeFileSync(staticFile, html);
  const stat = await staticServer(staticFile);

  console.log(`\nHTTP load: ${CONNECTIONS} connections × ${DURATION} s each (autocannon ${autocannonVersion}) …`);
  const results: Load[] = [];
  try {
    results.push(await load('static lesson HTML (node:http, same bytes)', stat.url, [{ method: 'GET', path: '/lesson.html' }], stat.child.pid));
  } finally {
    stat.child.kill();
    rmSync(staticDir, { recursive: true, force: true });
  }
  results.push(
    await load(
      'lesson page, logged-in learner (SSR + view write)',
      env.url,
      [{ method: 'GET', path: lessonPath, headers: { cookie: learner } }],
      env.server.pid,
    ),
  );
  // As phones ask for it: the app compresses (brotli 5) what a static server would send as is.
  results.push(
    await load(
      '  the same, with Accept-Encoding: br (as phones send)',
      env.url,
      [{ method: 'GET', path: lessonPath, headers: { cookie: learner, 'accept-encoding': 'gzip, deflate, br' } }],
      env.server.pid,
    ),
  );
  const lessons = course.flatMap((m) => m.lessons.map((l) => l.id));
  if (!ONLY_LESSON) {
    let next = 0;
    results.push(
      await load(
        'POST /api/progress, 10 events (50 learners)',
        env.url,
        [
          {
            method: 'POST',
            path: '/api/progress',
            setupRequest: (req) => {
              const cookie = learners[next++ % learners.length];
              const events = Array.from({ length: 10 }, (_, i) => ({
                id: crypto.randomUUID(),
                type: i % 2 ? 'time' : 'viewed',
                lessonId: lessons[(next + i) % lessons.length],
                at: Date.now(),
                ...(i % 2 ? { data: { seconds: 30 } } : {}),
              }));
              return { ...req, headers: { 'content-type': 'application/json', origin: env.url, cookie }, body: JSON.stringify({ events }) };
            },
          },
        ],
        env.server.pid,
      ),
    );
    results.push(
      await load('GET /mentor, dashboard of 50 learners', env.url, [{ method: 'GET', path: '/mentor', headers: { cookie: mentor } }], env.server.pid),
    );
    results.push(
      await load(
        'POST /login (argon2id by design)',
        env.url,
        [
          {
            method: 'POST',
            path: '/login',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: env.url },
            body: new URLSearchParams({ phone: BENCH_TRAINER.national, password: PASSWORD }).toString(),
          },
        ],
        env.server.pid,
      ),
    );
  }
  const [stat0, ssr, , progress, dashboard, login] = results;
  const ratio = ssr.rps / stat0.rps;
  const statusText = (r: Load) =>
    Object.entries(r.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ') + (r.errors ? ` errors×${r.errors}` : '');
  say(
    `\n## HTTP load — ${CONNECTIONS} connections, ${DURATION} s each, database of 1,000 learners / ${int(env.events)} events\n\n` +
      formatTable(
        ['request', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'vs static', 'server CPU ms/req', 'responses'],
        results.map((r) => [
          r.name,
          r.rps.toFixed(0),
          ms(r.p50),
          ms(r.p95),
          ms(r.p99),
          r === stat0 ? '1.00×' : `${(r.rps / stat0.rps).toFixed(2)}×`,
          r.cpu.toFixed(2),
          statusText(r),
        ]),
      ),
  );
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  summary.push([
    'lesson SSR vs static file',
    `${ssr.rps.toFixed(0)} vs ${stat0.rps.toFixed(0)} req/s = ${ratio.toFixed(2)}× (server CPU ${ssr.cpu.toFixed(1)} vs ${stat0.cpu.toFixed(2)} ms/req)`,
    '≥ 0.5×',
    verdict(ratio >= 0.5),
  ]);
  summary.push([
    'lesson SSR server CPU per page',
    `${ssr.cpu.toFixed(2)} ms (static ${stat0.cpu.toFixed(2)} ms)`,
    '≤ 1.5 ms (issue 20)',
    verdict(ssr.cpu <= 1.5),
  ]);
  summary.push(['lesson SSR p95 (50 conn.)', `${ms(ssr.p95)} ms (static ${ms(stat0.p95)} ms)`, '≤ 50 ms', verdict(ssr.p95 <= 50)]);
  if (!ONLY_LESSON) {
    summary.push([
      'POST /api/progress at most (10 events)',
      `${int(progress.rps * 10)} events/s (${progress.rps.toFixed(0)} req/s), p99 ${ms(progress.p99)} ms`,
      '≥ 5,000 events/s (issue 20)',
      verdict(progress.rps * 10 >= 5000),
    ]);
    // Offered at a fixed rate (autocannon overallRate), as phones syncing do: latency when the server keeps up.
    const fixed = await progressLoad({ url: env.url, cookies: learners, lessons, serverPid: env.server.pid, duration: DURATION, rate: PROGRESS_RATE });
    say(
      `\n## POST /api/progress at a fixed offered ${int(PROGRESS_RATE * EVENTS_PER_BATCH)} events/s (${PROGRESS_RATE} req/s of 10, ${CONNECTIONS} connections, ${DURATION} s)\n\n` +
        `answered ${fixed.rps.toFixed(0)} req/s = ${int(fixed.eventsPerSecond)} events/s stored; p50 ${ms(fixed.p50)} ms, p95 ${ms(fixed.p95)} ms, p99 ${ms(fixed.p99)} ms ` +
        `(corrected for coordinated omission ${ms(fixed.p99corrected)} ms); server CPU ${fixed.cpu.toFixed(2)} ms/req; ${statusText({ ...fixed, name: '', total: 0 })}`,
    );
    summary.push([
      `POST /api/progress p99 at ${int(PROGRESS_RATE * EVENTS_PER_BATCH)} events/s offered`,
      `${ms(Math.max(fixed.p99, fixed.p99corrected))} ms (${int(fixed.eventsPerSecond)} events/s stored)`,
      '≤ 100 ms (issue 20)',
      verdict(Math.max(fixed.p99, fixed.p99corrected) <= 100 && fixed.eventsPerSecond >= 0.95 * PROGRESS_RATE * EVENTS_PER_BATCH),
    ]);
    const commit = await commitCost();
    summary.push([
      'one write transaction on this disk',
      `${commit.full.toFixed(2)} ms with synchronous=FULL (the default: fsync per commit) vs ${commit.normal.toFixed(2)} ms with NORMAL`,
      '—',
      `info: ≤ ${int(1000 / commit.full)} commits/s`,
    ]);
    summary.push([
      'mentor dashboard (50 conn.)',
      `p95 ${ms(dashboard.p95)} ms, ${dashboard.rps.toFixed(0)} req/s, ${dashboard.cpu.toFixed(1)} ms CPU/req`,
      '—',
      'info',
    ]);
    summary.push([
      'login (argon2id, costly by design)',
      `${login.rps.toFixed(0)} logins/s, p95 ${ms(login.p95)} ms, ${login.cpu.toFixed(1)} ms CPU/login`,
      '—',
      'info (CPU-bound by design)',
    ]);
    // A village hall: every phone behind one address (this client), distinct accounts.
    const hallPhones = await hallAccounts(env.databaseUrl, passwordHash, HALL.spread + HALL.burst);
    await waitHealthy(env.url, 120_000); // the loads above may have left requests queued
    const hall = await villageHall({ url: env.url, phones: hallPhones, password: PASSWORD, ...HALL, serverPid: env.server.pid });
    const wave = (w: LoginWave) =>
      `p50 ${ms(w.p50)}, p95 ${ms(w.p95)}, max ${ms(w.max)} ms, ${w.cpu.toFixed(1)} ms CPU/login, ${w.refused} refused, ${w.unanswered} unanswered in 30 s`;
    say(
      `\n## A village hall logging in from one address\n\n${HALL.spread} distinct accounts over ${HALL.spreadSeconds} s: ${wave(hall.spread)}\n` +
        `then ${HALL.burst} at once: ${wave(hall.burst)}`,
    );
    summary.push([
      `village hall: ${HALL.spread} logins over ${HALL.spreadSeconds} s, then ${HALL.burst} at once`,
      `p95 ${ms(hall.spread.p95)} ms spread, ${ms(hall.burst.p95)} ms burst; ${hall.spread.refused + hall.burst.refused} refused, ${hall.spread.unanswered + hall.burst.unanswered} unanswered`,
      'p95 ≤ 500 ms / ≤ 2 s, none refused',
      verdict(
        hall.spread.p95 <= 500 && hall.burst.p95 <= 2000 && hall.spread.refused + hall.burst.refused + hall.spread.unanswered + hall.burst.unanswered === 0,
      ),
    ]);
  }

  // ---------------------------------------------------------------- 2. scale
  if (!flag('skip-scale') && !ONLY_LESSON) {
    const trainer = await loginCookie(env.url, BENCH_TRAINER.national, PASSWORD);
    const measure = async (e: Env, cookies: { learner: string; mentor: string; trainer: string }) => ({
      health: await sequential(`${e.url}/api/health`, undefined, RUNS, e.server.pid),
      dashboard: await sequential(`${e.url}/mentor`, cookies.mentor, RUNS, e.server.pid),
      home: await sequential(`${e.url}/learn`, cookies.learner, RUNS, e.server.pid),
      report: await sequential(`${e.url}/trainer/reports`, cookies.trainer, RUNS, e.server.pid),
    });
    console.log(`\nScale: ${RUNS} sequential requests each after 2 warm-up, on 1,000 learners…`);
    const small = await measure(env, { learner, mentor, trainer });
    await closeEnv(env);
    scale1k = undefined;
    process.stdout.write(`Seeding ${int(BIG)} learners × 100 events (${int(BIG * 100)})… `);
    const big = await scaleServer(snapshot.entry, BIG, passwordHash);
    console.log(`${int(big.events)} events in ${big.seedSeconds.toFixed(1)} s`);
    let large;
    try {
      const [bigLearner] = await learnerCookies(big, 1);
      large = await measure(big, {
        learner: bigLearner,
        mentor: await loginCookie(big.url, BENCH_MENTOR.national, PASSWORD),
        trainer: await loginCookie(big.url, BENCH_TRAINER.national, PASSWORD),
      });
    } finally {
      await closeEnv(big);
    }
    const rows: Array<[string, keyof typeof small]> = [
      ['GET /api/health (baseline)', 'health'],
      ['GET /mentor (dashboard, 50 learners)', 'dashboard'],
      ["GET /learn (a learner's home)", 'home'],
      ['GET /trainer/reports (everyone)', 'report'],
    ];
    say(
      `\n## Scale — sequential requests, one at a time (${RUNS} each after 2 warm-up)\n\n` +
        formatTable(
          ['request', '1k p50 ms', '1k p95 ms', '1k CPU ms', '10k p50 ms', '10k p95 ms', '10k CPU ms', 'growth p50', 'growth CPU'],
          rows.map(([label, key]) => [
            label,
            ms(small[key].p50),
            ms(small[key].p95),
            ms(small[key].cpu),
            ms(large[key].p50),
            ms(large[key].p95),
            ms(large[key].cpu),
            `${(large[key].p50 / small[key].p50).toFixed(2)}×`,
            `${(large[key].cpu / small[key].cpu).toFixed(2)}×`,
          ]),
        ),
    );
    // Growth is judged on server CPU per request: wall-clock on a shared machine moves with its load.
    const growth = (key: 'dashboard' | 'home') => large[key].cpu / small[key].cpu;
    summary.push([
      'mentor dashboard 1k → 10k learners',
      `p50 ${ms(small.dashboard.p50)} → ${ms(large.dashboard.p50)} ms; CPU ${ms(small.dashboard.cpu)} → ${ms(large.dashboard.cpu)} ms/req (${growth('dashboard').toFixed(2)}×)`,
      'flat (50 learners either way)',
      growth('dashboard') < 1.5 ? 'met' : 'GROWS',
    ]);
    summary.push([
      "learner's home 1k → 10k",
      `p50 ${ms(small.home.p50)} → ${ms(large.home.p50)} ms; CPU ${ms(small.home.cpu)} → ${ms(large.home.cpu)} ms/req (${growth('home').toFixed(2)}×)`,
      'flat (one learner)',
      growth('home') < 1.5 ? 'met' : 'GROWS',
    ]);
    summary.push([
      'trainer report 1k → 10k',
      `p50 ${ms(small.report.p50)} → ${ms(large.report.p50)} ms (${(large.report.p50 / small.report.p50).toFixed(1)}×)`,
      '≤ 1,000 ms at 10k (issue 5)',
      verdict(large.report.p95 <= 1000),
    ]);
  }
} finally {
  if (scale1k) await closeEnv(scale1k);
}

// ---------------------------------------------------------------- 3. the other benchmarks
if (!flag('skip-children') && !ONLY_LESSON) {
  const children: Array<{ name: string; script: string; args: string[]; pick: (out: string) => [string, string, string] }> = [
    {
      name: 'bench:weight',
      script: 'tests/bench/weight.ts',
      args: ['--no-build'],
      pick: (out) => {
        const m = out.match(/(\d+) pages; budgets: ([^;]+); largest HTML ([\d.]+) KB gz \((\d+) % of budget\); (\d+) over budget/);
        return m
          ? [`${m[1]} pages, largest HTML ${m[3]} KB gz (${m[4]} % of 14 KB), ${m[5]} over`, m[2], m[5] === '0' ? 'met' : 'MISSED']
          : ['(no figures)', '', 'see output'];
      },
    },
    {
      name: 'bench:mentor',
      script: 'tests/bench/mentor.ts',
      args: [],
      pick: (out) => {
        const row = out.split('\n').find((l) => l.startsWith('GET /mentor (dashboard)'));
        const cells = row?.trim().split(/\s{2,}/) ?? [];
        const ratio = out.match(/ratio dashboard \/ health: p50 ([\d.]+)×, p95 ([\d.]+)×/);
        const flagged = /FLAGGED/.test(out) ? 'full scans FLAGGED' : 'no full scans';
        return cells.length >= 8
          ? [
              `p50 ${cells[3]} ms, p95 ${cells[4]} ms, ${cells[7]} ms server CPU/req; ${ratio ? `${ratio[1]}× health` : ''}; ${flagged}`,
              'page p95 ≤ 50 ms',
              Number(cells[4]) <= 50 ? 'met' : 'MISSED',
            ]
          : ['(no figures)', '', 'see output'];
      },
    },
    {
      name: 'bench:report',
      script: 'tests/bench/report.ts',
      args: ['--no-build', '--sizes=1000,10000', '--runs=10'],
      pick: (out) => {
        const m = out.match(/Trainer report at (\d+) learners \/ (\d+) events: (.*?) — (within|OVER)/);
        return m
          ? [`trainer report at ${int(Number(m[1]))} learners / ${int(Number(m[2]))} events: ${m[3]}`, '≤ 1,000 ms', m[4] === 'within' ? 'met' : 'MISSED']
          : ['(no figures)', '≤ 1,000 ms', 'see output'];
      },
    },
  ];
  for (const child of children) {
    if (!statSync(join(ROOT, child.script), { throwIfNoEntry: false })) {
      summary.push([child.name, 'not present', '', 'skipped']);
      continue;
    }
    console.log(`\nRunning ${child.name}…`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), child.script, ...child.args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    const out = `${run.stdout}\n${run.stderr}`;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const [value, goal, result] =
      run.status === 0 || /over budget|OVER/.test(out)
        ? child.pick(out)
        : [`failed (exit ${run.status}): ${out.trim().split('\n').slice(-1)[0]?.slice(0, 120)}`, '', 'ERROR'];
    summary.push([child.name, value, goal, result]);
    say(
      `\n## ${child.name} (${seconds} s, exit ${run.status})\n\n${out
        .trim()
        .split('\n')
        .filter((l) => !/^\s*$/.test(l))
        .slice(-40)
        .join('\n')}`,
    );
  }
}

snapshot.remove();

// ---------------------------------------------------------------- summary and docs
const loadAtEnd = loadavg();
const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM (${(freemem() / 2 ** 30).toFixed(1)} GB free at the end), Node ${process.version}, ${process.platform} ${process.arch}; load average ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')} at the start, ${loadAtEnd.map((l) => l.toFixed(1)).join(' / ')} at the end (1/5/15 min)`;
const table = formatTable(['measure', 'value', 'goal', 'verdict'], summary);
console.log(`\n## Summary\n\n${table}\n\nmachine: ${machine}\ndate: ${startedAt.toISOString()}`);

if (!flag('no-write') && !ONLY_LESSON) {
  const doc = `# Performance

The latest figures of \`npm run bench\` (tests/bench/run-all.ts), on the machine below. They are
measured, printed and written here; no test asserts a timing. Each budget sits beside a baseline
from the same run (a static file, the health check), because absolute numbers on a shared
machine move with whatever else it is doing.

- **Date:** ${startedAt.toISOString()}
- **Machine:** ${machine}
- **Build:** dist/ of ${snapshot.builtAt.toISOString()} (a private copy, so a rebuild cannot change it mid-run)
- **Load generator:** autocannon ${autocannonVersion} on the same machine as the server (it takes CPU from it, for the static baseline as much as for the app)

## Summary

\`\`\`
${table}
\`\`\`

How to read it:

- *lesson SSR vs static*: the same lesson HTML from the app (session lookup, page render, and a
  \`viewed\` progress event written for every request) against a plain \`node:http\` server
  streaming it from a file, both at 50 connections. The goal is at least half the static
  requests per second and a p95 of 50 ms.
- *progress p99*: each request is a batch of 10 events with fresh UUIDs from one of 50 learners,
  stored with its lesson_progress projection in one batch (one transaction).
- *server CPU ms/req* is the server process's own CPU time (from /proc) divided by the requests it
  answered: what a request costs, whatever else the machine was doing. Wall-clock latencies on a
  shared machine include waiting for a CPU; compare the load average above.
- *one write transaction*: SQLite commits one transaction at a time, and with the libSQL default
  \`synchronous=FULL\` each commit waits for an fsync. Every progress batch and every lesson view is
  one such commit, so this number bounds the writes per second of one database file.
  \`synchronous=NORMAL\` in WAL mode keeps every write that a killed process acknowledged (what
  \`npm run test:crash\` checks) but may lose the last ones on a power cut or kernel crash.
- *login* is bound by argon2id, expensive on purpose (it is what makes password guessing slow);
  its CPU per login is in the table. A whole village hall signing in at the start of a session
  is a few hundred logins spread over minutes.
- *scale*: the same requests, one at a time, on 1,000 and then 10,000 learners (100 progress
  events each: 100,000 and 1,000,000). A mentor's dashboard and a learner's home must not grow
  with the size of the whole program; the trainer report reads everyone and does.

${sections.map((s) => s.replace(/^\n## (.*)\n\n([\s\S]*)$/, (_, title, body) => `## ${title}\n\n\`\`\`\n${body}\n\`\`\``)).join('\n\n')}
`;
  // What engineers wrote below the marker (profiles, decisions) is kept; only the figures above are new.
  const previous = readFileSync(join(ROOT, 'docs/PERFORMANCE.md'), { encoding: 'utf8', flag: 'a+' });
  const kept = previous.includes(KEPT_MARKER) ? previous.slice(previous.indexOf(KEPT_MARKER)) : `${KEPT_MARKER}\n`;
  writeFileSync(join(ROOT, 'docs/PERFORMANCE.md'), `${doc}\n${kept}`);
  console.log('\nwritten: docs/PERFORMANCE.md');
}
