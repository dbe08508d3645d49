/**
 * `npm run bench:write`: the write side of issue 20, optionally BEFORE and AFTER in one run.
 *
 * On one seeded database (1,000 learners × 100 events, seed-report.ts), copied fresh for each
 * server build under test:
 *   1. POST /api/progress, 10-event batches from 50 learners, as fast as answered (50 connections);
 *   2. the same at a fixed offered rate (default 300 req/s = 3,000 events/s);
 *   3. a village hall logging in from one address: 300 accounts over 60 s, then 50 at once.
 * With --profile the server of steps 1–2 runs under `node --cpu-prof` and the top functions by
 * self time are printed (docs/PERFORMANCE.md, "Progress writes profile").
 *
 * Options: --before=<path to another build's server/melek.mjs> (e.g. /work/main/dist/server/melek.mjs)
 *          --duration=10 --rate=300 --learners=1000 --profile --quick (hall: 60 over 12 s + 50)
 *          --skip-hall --skip-progress --keep-profile=<path prefix> (keeps the .cpuprofile files)
 * Numbers are printed, never asserted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { freePort, prepareDatabase, ROOT } from '../helpers/server';
import { launchServer, snapshotDist, stopServer, waitHealthy } from '../helpers/dist-snapshot';
import { formatTable } from './http';
import { seedReportData } from './seed-report';
import { courseFromContent } from './seed-scale';
import { topSelfTime } from './cpu-profile';
import { hallAccounts, progressLoad, villageHall, type LoginWave, type ProgressLoad } from './write-load';
import { hashPassword } from '../../src/lib/server/auth/password';
import { hashSecret, randomToken } from '../../src/lib/server/auth/tokens';

const flag = (name: string) => process.argv.includes(`--${name}`);
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const DURATION = Number(option('duration') ?? 10);
const RATE = Number(option('rate') ?? 300);
const LEARNERS = Number(option('learners') ?? 1000);
const QUICK = flag('quick');
const HALL = QUICK ? { spread: 60, spreadSeconds: 12, burst: 50 } : { spread: 300, spreadSeconds: 60, burst: 50 };
const PASSWORD = 'bench-sandi-123';
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const int = (n: number) => Math.round(n).toLocaleString('en');

/** Sessions written straight into the database, so the profile holds no logins (argon2id). */
async function sessionCookies(databaseUrl: string, learnerPhones: string[]): Promise<string[]> {
  const db = createClient({ url: databaseUrl });
  try {
    const now = Date.now();
    const cookies: string[] = [];
    for (const national of learnerPhones) {
      const user = await db.execute({ sql: 'SELECT id FROM users WHERE phone = ?', args: [`+62${national.slice(1)}`] });
      const id = randomToken();
      const secret = randomToken();
      await db.execute({
        sql: 'INSERT INTO sessions (id, user_id, secret_hash, created_at, last_active_at) VALUES (?, ?, ?, ?, ?)',
        args: [id, String(user.rows[0].id), hashSecret(secret), now, now],
      });
      cookies.push(`melek_session=${id}.${secret}`);
    }
    return cookies;
  } finally {
    db.close();
  }
}

/** The built server, under `node --cpu-prof` when `profileDir` is given (a SIGTERM then exits cleanly, which writes the profile). */
function start(entry: string, env: NodeJS.ProcessEnv, profileDir?: string): ChildProcess {
  if (!profileDir) return launchServer(entry, env);
  const exitOnTerm = 'data:text/javascript,process.on("SIGTERM",()=>process.exit(0))';
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', exitOnTerm, entry], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.resume();
  return child;
}

interface Outcome {
  label: string;
  max?: ProgressLoad;
  fixed?: ProgressLoad;
  hall?: { spread: LoginWave; burst: LoginWave };
  profile?: string;
}

async function measure(label: string, entry: string, template: string, phones: string[], lessons: string[]): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'melek-write-'));
  copyFileSync(template, join(dir, 'melek.db'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const databaseUrl = `file:${join(dir, 'melek.db')}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port), MELEK_SEED: '0' };
  const outcome: Outcome = { label };
  try {
    if (!flag('skip-progress')) {
      const profileDir = flag('profile') ? join(dir, 'profile') : undefined;
      const server = start(entry, env, profileDir);
      try {
        await waitHealthy(url, 60_000);
        const cookies = await sessionCookies(databaseUrl, phones.slice(0, 50));
        // Warm-up (module loading, JIT), not measured: a few seconds of the same load.
        await progressLoad({ url, cookies, lessons, serverPid: server.pid, duration: 3, connections: 10 });
        console.log(`  ${label}: progress, as fast as answered (${DURATION} s)…`);
        outcome.max = await progressLoad({ url, cookies, lessons, serverPid: server.pid, duration: DURATION });
        console.log(`  ${label}: progress at a fixed ${RATE} req/s (${DURATION} s)…`);
        outcome.fixed = await progressLoad({ url, cookies, lessons, serverPid: server.pid, duration: DURATION, rate: RATE });
      } finally {
        await stopServer(server);
      }
      if (profileDir) {
        const [file] = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
        if (file) {
          const kept = option('keep-profile');
          if (kept) copyFileSync(join(profileDir, file), `${kept}-${label}.cpuprofile`);
          const { total, rows } = topSelfTime(join(profileDir, file), 15);
          outcome.profile =
            `${label}: ${int(total)} ms sampled (startup included)\n` +
            formatTable(
              ['self ms', 'share', 'function'],
              rows.map((r) => [ms(r.ms), `${(r.share * 100).toFixed(1)} %`, r.name]),
            );
        }
      }
    }
    if (!flag('skip-hall')) {
      const server = launchServer(entry, env);
      try {
        await waitHealthy(url, 60_000);
        console.log(`  ${label}: village hall, ${HALL.spread} logins over ${HALL.spreadSeconds} s, then ${HALL.burst} at once…`);
        outcome.hall = await villageHall({ url, phones: phones.slice(50), password: PASSWORD, ...HALL, serverPid: server.pid });
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return outcome;
}

// ------------------------------------------------------------------ run

console.log(
  `bench:write — ${cpus().length} CPUs, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
const snapshot = await snapshotDist('write');
const templateDir = mkdtempSync(join(tmpdir(), 'melek-write-template-'));
const template = join(templateDir, 'melek.db');
try {
  const env = { ...process.env, DATA_DIR: templateDir, DATABASE_URL: `file:${template}`, MELEK_SEED: '0' };
  prepareDatabase(env);
  const passwordHash = await hashPassword(PASSWORD);
  process.stdout.write(`Seeding ${int(LEARNERS)} learners × 100 events… `);
  const seeded = await seedReportData(`file:${template}`, { learners: LEARNERS, eventsPerLearner: 100, passwordHash });
  const phones = await hallAccounts(`file:${template}`, passwordHash, 50 + HALL.spread + HALL.burst);
  const db = createClient({ url: `file:${template}` });
  await db.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  console.log(`${int(seeded.core.events)} events`);
  const lessons = courseFromContent().flatMap((m) => m.lessons.map((l) => l.id));

  const outcomes: Outcome[] = [];
  const before = option('before');
  if (before) outcomes.push(await measure('before', before, template, phones, lessons));
  outcomes.push(await measure(before ? 'after' : 'this build', snapshot.entry, template, phones, lessons));

  const statusText = (s: Record<string, number>, errors = 0) =>
    Object.entries(s)
      .map(([k, n]) => `${k}×${n}`)
      .join(' ') + (errors ? ` errors×${errors}` : '');
  const rows: Array<Array<string>> = [];
  for (const o of outcomes) {
    for (const [name, r] of [
      ['max', o.max],
      [`fixed ${RATE}/s`, o.fixed],
    ] as const) {
      if (!r) continue;
      rows.push([
        `${o.label}: progress ${name}`,
        r.rps.toFixed(0),
        int(r.eventsPerSecond),
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        ms(r.p99corrected),
        r.cpu.toFixed(2),
        statusText(r.statuses, r.errors),
      ]);
    }
  }
  if (rows.length) {
    console.log(
      `\n## POST /api/progress, 10-event batches, 50 learners, 50 connections, ${DURATION} s each\n\n` +
        formatTable(['run', 'req/s', 'events/s', 'p50 ms', 'p95 ms', 'p99 ms', 'p99 corr. ms', 'server CPU ms/req', 'responses'], rows),
    );
  }
  const hallRows = outcomes.flatMap((o) =>
    o.hall
      ? [
          [
            `${o.label}: ${o.hall.spread.count} over ${HALL.spreadSeconds} s`,
            ms(o.hall.spread.p50),
            ms(o.hall.spread.p95),
            ms(o.hall.spread.max),
            o.hall.spread.cpu.toFixed(1),
            String(o.hall.spread.refused),
            String(o.hall.spread.unanswered),
            statusText(o.hall.spread.statuses),
          ],
          [
            `${o.label}: ${o.hall.burst.count} at once`,
            ms(o.hall.burst.p50),
            ms(o.hall.burst.p95),
            ms(o.hall.burst.max),
            o.hall.burst.cpu.toFixed(1),
            String(o.hall.burst.refused),
            String(o.hall.burst.unanswered),
            statusText(o.hall.burst.statuses),
          ],
        ]
      : [],
  );
  if (hallRows.length) {
    console.log(
      `\n## A village hall logging in from one address\n\n` +
        formatTable(['wave', 'p50 ms', 'p95 ms', 'max ms', 'server CPU ms/login', 'refused', 'unanswered', 'responses'], hallRows),
    );
  }
  for (const o of outcomes) if (o.profile) console.log(`\n## CPU profile, top self time\n\n${o.profile}`);
  console.log(
    `\nload average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  );
} finally {
  rmSync(templateDir, { recursive: true, force: true });
  snapshot.remove();
}
