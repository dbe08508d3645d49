/**
 * `npm run bench:mentor` (or `npx tsx tests/bench/mentor.ts`): the mentor dashboard's server time
 * with a full caseload. Starts the built server (dist/; pass --build to build first) on a fresh
 * seeded database, adds one mentor with 50 learners × 1,000 progress events each (seed-scale.ts),
 * then times 200 sequential GET /mentor as that mentor beside 200 GET /api/health, interleaved so
 * both see the same machine. Prints p50/p95/p99/mean/max, their ratio, the data size, the budget
 * note, and the EXPLAIN QUERY PLAN of every query the dashboard page runs, flagging full scans of
 * the big tables. Numbers are printed, never asserted.
 *
 * Options: --learners=N --events=N --requests=N --build
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { ROOT, startServer } from '../helpers/server';
import { formatTable, loginCookie } from './http';
import { courseFromContent, scaleLessons, seedLearners, seedUser, verifyProjection } from './seed-scale';

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const LEARNERS = arg('learners', 50);
const EVENTS = arg('events', 1000);
const REQUESTS = arg('requests', 200);
const WARMUP = 20;
const BIG_TABLES = ['progress_events', 'lesson_progress', 'quiz_attempts', 'task_submissions'];
const MENTOR = { id: 'bench-mentor', phone: '081199990001', name: 'Mentor Bench', password: 'bench-mentor-123' };
/** DESIGN.md's nearest server budget: a lesson page p95 ≤ 50 ms. Issue 4 names no number of its own. */
const REFERENCE_BUDGET_MS = 50;

if (process.argv.includes('--build')) {
  const build = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], { stdio: 'ignore', cwd: ROOT });
  if (build.status !== 0) throw new Error('astro build failed');
}
try {
  const built = statSync(join(ROOT, 'dist/server/melek.mjs')).mtime;
  console.log(`dist/ built ${built.toISOString()} (run with --build to rebuild first)`);
} catch {
  throw new Error('dist/ is missing: run `npx astro build` first, or pass --build.');
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1],
  };
}
const ms = (n: number) => n.toFixed(2);

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function serverCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
const loadAtStart = loadavg();

const server = await startServer();
try {
  // ---------------------------------------------------------------- data
  const { hashPassword } = await import('../../src/lib/server/auth/password');
  await seedUser(server.databaseUrl, { ...MENTOR, phone: `+62${MENTOR.phone.slice(1)}`, role: 'mentor', passwordHash: await hashPassword(MENTOR.password) });
  const course = courseFromContent();
  const lessons = scaleLessons(course);
  process.stdout.write(`seeding ${LEARNERS} learners × ${EVENTS} events over ${lessons.length} lessons… `);
  const seeded = await seedLearners(server.databaseUrl, {
    learners: LEARNERS,
    eventsPerLearner: EVENTS,
    mentorId: MENTOR.id,
    lessons,
    assignedBy: 'demo-trainer',
    prefix: 'bench-',
  });
  console.log(
    `${seeded.rows.toLocaleString('en')} rows in ${seeded.seconds.toFixed(1)} s: ${seeded.rowsPerSecond.toLocaleString('en')} rows/s wall, ${seeded.rowsPerCpuSecond.toLocaleString('en')} rows per CPU-second`,
  );
  const check = await verifyProjection(server.databaseUrl, seeded.learnerIds.slice(0, 3));
  console.log(`lesson_progress checked against the app's projection SQL for 3 learners: ${check.compared} rows, ${check.mismatches.length} differ`);

  const client = createClient({ url: server.databaseUrl });
  const count = async (sql: string, args: string[] = []) => Number((await client.execute({ sql, args })).rows[0].n);
  const ids = seeded.learnerIds;
  const inIds = `user_id IN (${ids.map(() => '?').join(', ')})`;
  const [events, attempts, submissions, progressRows, waiting] = await Promise.all([
    count(`SELECT count(*) AS n FROM progress_events WHERE ${inIds}`, ids),
    count(`SELECT count(*) AS n FROM quiz_attempts WHERE ${inIds}`, ids),
    count(`SELECT count(*) AS n FROM task_submissions WHERE ${inIds}`, ids),
    count(`SELECT count(*) AS n FROM lesson_progress WHERE ${inIds}`, ids),
    count(`SELECT count(*) AS n FROM task_submissions WHERE status = 'submitted' AND ${inIds}`, ids),
  ]);

  // ---------------------------------------------------------------- timing
  const cookie = await loginCookie(server.url, MENTOR.phone, MENTOR.password);
  const detailPath = `/mentor/learners/${ids[0]}`;
  const targets: Array<{ name: string; path: string; headers: Record<string, string> }> = [
    { name: 'GET /mentor (dashboard)', path: '/mentor', headers: { cookie } },
    { name: 'GET /api/health (baseline)', path: '/api/health', headers: {} },
    { name: `GET ${detailPath} (one learner)`, path: detailPath, headers: { cookie } },
  ];
  const first = await fetch(server.url + '/mentor', { headers: { cookie } });
  const html = await first.text();
  const listed = html.match(/data-learner="/g)?.length ?? 0;
  if (first.status !== 200 || listed !== LEARNERS) throw new Error(`dashboard answered ${first.status} with ${listed} learners, expected ${LEARNERS}`);

  const samples = targets.map(() => [] as number[]);
  const cpuMs = targets.map(() => 0);
  const pid = server.process.pid!;
  const hit = async (t: (typeof targets)[number]) => {
    const started = performance.now();
    const response = await fetch(server.url + t.path, { headers: t.headers });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`${t.path} answered ${response.status}`);
    return elapsed;
  };
  for (let i = 0; i < WARMUP; i++) for (const t of targets) await hit(t);
  // Interleaved in blocks of 10: drift and the machine's other load hit every target alike.
  // Around each block the server's CPU time is read from /proc (what the request cost the
  // server, whatever else the machine is doing).
  const BLOCK = 10;
  for (let done = 0; done < REQUESTS; done += BLOCK) {
    for (const [k, t] of targets.entries()) {
      const before = serverCpuMs(pid);
      for (let i = 0; i < Math.min(BLOCK, REQUESTS - done); i++) samples[k].push(await hit(t));
      cpuMs[k] += serverCpuMs(pid) - before;
    }
  }
  const [dash, health, detail] = samples.map(stats);
  const cpuPer = cpuMs.map((total) => total / REQUESTS);
  const load = loadavg();

  console.log(
    `\nMentor dashboard benchmark — ${REQUESTS} sequential requests per target after ${WARMUP} warm-up, interleaved in blocks of ${BLOCK}, one keep-alive client`,
  );
  console.log(
    `machine: ${cpus().length} CPUs, load average ${load.map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min; ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')} at start) — wall-clock times include waiting for a CPU; the server CPU column does not`,
  );
  console.log(
    `data: ${LEARNERS} learners of one mentor, ${events.toLocaleString('en')} progress events, ${progressRows} lesson_progress rows, ${attempts.toLocaleString('en')} quiz attempts, ${submissions} task submissions (${waiting} waiting); course of ${lessons.length} lessons; dashboard HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB (${(gzipSync(html).length / 1024).toFixed(1)} KB gzipped)\n`,
  );
  console.log(
    formatTable(
      ['request', 'n', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'server CPU ms/req'],
      targets.map((t, k) => {
        const st = [dash, health, detail][k];
        return [t.name, st.n, ms(st.mean), ms(st.p50), ms(st.p95), ms(st.p99), ms(st.max), ms(cpuPer[k])];
      }),
    ),
  );
  console.log(
    `\nratio dashboard / health: p50 ${(dash.p50 / health.p50).toFixed(1)}×, p95 ${(dash.p95 / health.p95).toFixed(1)}×, p99 ${(dash.p99 / health.p99).toFixed(1)}×, mean ${(dash.mean / health.mean).toFixed(1)}×, server CPU ${(cpuPer[0] / Math.max(cpuPer[1], 0.01)).toFixed(1)}×`,
  );
  console.log(`dashboard server time beyond the baseline (p50 − health p50): ${ms(dash.p50 - health.p50)} ms`);
  console.log(
    `budget: issue 4 names no number for the dashboard; DESIGN.md's nearest server budget is a page p95 ≤ ${REFERENCE_BUDGET_MS} ms. ` +
      `Dashboard p95 ${ms(dash.p95)} ms wall-clock (${dash.p95 <= REFERENCE_BUDGET_MS ? 'within' : 'OVER'}), ${ms(cpuPer[0])} ms of server CPU per request (${cpuPer[0] <= REFERENCE_BUDGET_MS ? 'within' : 'OVER'}).`,
  );

  // ---------------------------------------------------------------- query plans
  // Run the page's own domain calls in this process against the same file and capture every
  // statement they send, so the plans are those of the code as it is, not of a copy.
  process.env.DATABASE_URL = server.databaseUrl;
  const { db } = await import('../../db/client');
  const { mentorDashboard } = await import('../../src/lib/server/mentoring/dashboard');
  const { learnersInScope } = await import('../../src/lib/server/mentoring/scope');
  const appClient = db().$client;
  const captured: Array<{ sql: string; args: unknown[] }> = [];
  const original = appClient.execute.bind(appClient);
  appClient.execute = ((statement: unknown, args?: unknown) => {
    if (typeof statement === 'string') captured.push({ sql: statement, args: (args as unknown[]) ?? [] });
    else captured.push({ sql: (statement as { sql: string }).sql, args: ((statement as { args?: unknown[] }).args ?? []) as unknown[] });
    return original(statement as never, args as never);
  }) as typeof appClient.execute;
  const actor = { id: MENTOR.id, role: 'mentor' as const };
  const inProcess = performance.now();
  const [rows] = await Promise.all([mentorDashboard(actor, course), learnersInScope(actor)]);
  const inProcessMs = performance.now() - inProcess;
  appClient.execute = original;
  console.log(`\nin-process mentorDashboard() + learnersInScope(): ${rows.length} rows in ${ms(inProcessMs)} ms (first call, cold statement cache)`);

  console.log(`\nEXPLAIN QUERY PLAN of the ${captured.length} queries the dashboard page runs:`);
  const flagged: string[] = [];
  for (const [i, q] of captured.entries()) {
    const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.args as never });
    const tables = [...new Set([...q.sql.matchAll(/from "?(\w+)"?/gi)].map((m) => m[1]))].join(', ');
    console.log(`\n#${i + 1} (${tables}; ${q.args.length} parameters)\n  ${q.sql.length > 220 ? q.sql.slice(0, 220) + '…' : q.sql}`);
    for (const step of plan.rows) {
      const detailText = String(step.detail);
      const scan = BIG_TABLES.find((t) => new RegExp(`^SCAN ${t}\\b`).test(detailText));
      if (scan) flagged.push(`#${i + 1}: ${detailText}`);
      console.log(`  ${scan ? '!! FULL SCAN' : '  '} ${detailText}`);
    }
  }
  console.log(
    flagged.length
      ? `\nFLAGGED: ${flagged.length} full table scan(s) on ${BIG_TABLES.join('/')}:\n  ${flagged.join('\n  ')}`
      : `\nNo full table scan on ${BIG_TABLES.join(', ')}: every read of them is an index SEARCH.`,
  );
  client.close();
  appClient.close();
} finally {
  await server.stop();
}
