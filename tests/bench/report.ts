/**
 * `npm run bench:report`: the trainer report and the research CSV at scale. For each size (by
 * default 1,000 → 10,000 learners, 100 progress events each: 1,000,000 at the top) it seeds a
 * fresh temporary database, starts the built server on it, and measures over HTTP, one request
 * at a time:
 *   - GET /api/health (the baseline: the same server and middleware, no work) × 20
 *   - GET /trainer/reports × 20: client time p50/p95 and the page's own Server-Timing
 *   - GET /trainer/reports.csv × 3: time to the last byte and size
 *   - GET /mentor/reports (one mentor's 50 learners) × 20
 * Budget (issue 5): the trainer report at 10,000 learners / 1,000,000 events within ~1 s.
 * Options: --no-build, --sizes=1000,10000, --events=100, --runs=20.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { hashPassword } from '../../src/lib/server/auth/password';
import { ROOT, startServer } from '../helpers/server';
import { formatTable, loginCookie } from './http';
import { BENCH_MENTOR, BENCH_TRAINER, seedReportData } from './seed-report';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = (arg('sizes') ?? '1000,2500,5000,10000').split(',').map(Number);
const eventsPerLearner = Number(arg('events') ?? 100);
const runs = Number(arg('runs') ?? 20);
const BUDGET_MS = 1000;
const PASSWORD = 'bench-pelatih';

if (!process.argv.includes('--no-build')) {
  console.log('building…');
  const build = spawnSync(`${ROOT}/node_modules/.bin/astro`, ['build'], { stdio: 'ignore', cwd: ROOT });
  if (build.status !== 0) throw new Error('astro build failed');
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (n: number) => n.toFixed(1);

async function timed(url: string, cookie: string | undefined, n: number) {
  const client: number[] = [];
  const server: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: cookie ? { cookie } : {} });
    const body = new Uint8Array(await response.arrayBuffer());
    client.push(performance.now() - started);
    status = response.status;
    bytes = body.length;
    const timing = response.headers.get('server-timing') ?? '';
    const dur = timing.match(/^report;dur=([\d.]+)/)?.[1];
    if (dur) server.push(Number(dur));
    const cpuDur = timing.match(/cpu;dur=([\d.]+)/)?.[1];
    if (cpuDur) cpu.push(Number(cpuDur));
  }
  if (status !== 200) throw new Error(`${url} answered ${status}`);
  const q = (values: number[], p: number) => (values.length ? quantile(values, p) : NaN);
  return { p50: q(client, 0.5), p95: q(client, 0.95), serverP50: q(server, 0.5), serverP95: q(server, 0.95), cpuP50: q(cpu, 0.5), cpuP95: q(cpu, 0.95), bytes };
}

const passwordHash = await hashPassword(PASSWORD);
const results: Array<Record<string, number>> = [];

for (const learners of sizes) {
  const server = await startServer({ seed: false });
  try {
    const seeded = await seedReportData(server.databaseUrl, { learners, eventsPerLearner, passwordHash });
    const { core, extras } = seeded;
    const counts = { events: core.events };
    console.log(
      `\n${learners} learners seeded in ${seeded.cpuSeconds.toFixed(1)} s of CPU (${core.seconds.toFixed(1)} s for the learning data): ${core.events} progress events, ${core.lessonProgress} lesson_progress, ${core.quizAttempts} lesson quiz attempts, ${core.submissions} task submissions; ${extras.attempts} pre/post tests, ${extras.assessments} self-assessments, ${extras.adoption} adoption checks, ${extras.collaborations} partnerships, ${extras.sales} sales reports`,
    );
    const trainer = await loginCookie(server.url, BENCH_TRAINER.national, PASSWORD);
    const mentor = await loginCookie(server.url, BENCH_MENTOR.national, PASSWORD);
    // Warm up: the first request loads the curriculum and the query plans, and brings the
    // maintained aggregate (learner_stats) up to date for every learner the seeding wrote.
    const first = await timed(`${server.url}/trainer/reports`, trainer, 1);
    console.log(`first report after seeding (recomputes learner_stats for all ${learners} learners): ${ms(first.p50)} ms`);
    await timed(`${server.url}/trainer/reports`, trainer, 1);
    const health = await timed(`${server.url}/api/health`, undefined, runs);
    const report = await timed(`${server.url}/trainer/reports`, trainer, runs);
    const mentorReport = await timed(`${server.url}/mentor/reports`, mentor, runs);
    const csv = await timed(`${server.url}/trainer/reports.csv`, trainer, 3);
    results.push({
      learners,
      events: counts.events,
      health50: health.p50,
      health95: health.p95,
      report50: report.p50,
      report95: report.p95,
      server50: report.serverP50,
      server95: report.serverP95,
      cpu50: report.cpuP50,
      cpu95: report.cpuP95,
      mentor50: mentorReport.p50,
      csv50: csv.p50,
      csvBytes: csv.bytes,
    });
    console.log(
      formatTable(
        ['request', 'p50 ms', 'p95 ms', 'server p50 ms', 'server p95 ms', 'server CPU p50 ms', 'size KB'],
        [
          ['GET /api/health (baseline)', ms(health.p50), ms(health.p95), '-', '-', '-', (health.bytes / 1024).toFixed(1)],
          [
            'GET /trainer/reports',
            ms(report.p50),
            ms(report.p95),
            ms(report.serverP50),
            ms(report.serverP95),
            ms(report.cpuP50),
            (report.bytes / 1024).toFixed(1),
          ],
          [
            'GET /mentor/reports (50 learners)',
            ms(mentorReport.p50),
            ms(mentorReport.p95),
            ms(mentorReport.serverP50),
            ms(mentorReport.serverP95),
            ms(mentorReport.cpuP50),
            (mentorReport.bytes / 1024).toFixed(1),
          ],
          ['GET /trainer/reports.csv (3 runs)', ms(csv.p50), ms(csv.p95), '-', '-', '-', (csv.bytes / 1024).toFixed(1)],
        ],
      ),
    );
  } finally {
    await server.stop();
  }
}

console.log('\nGrowth (client-measured p50 unless noted):');
console.log(
  formatTable(
    [
      'learners',
      'events',
      'health ms',
      'report ms',
      'report p95 ms',
      'server ms',
      'server p95 ms',
      'server CPU ms',
      'ratio to health',
      'mentor ms',
      'CSV ms',
      'CSV MB',
    ],
    results.map((r) => [
      r.learners,
      r.events,
      ms(r.health50),
      ms(r.report50),
      ms(r.report95),
      ms(r.server50),
      ms(r.server95),
      ms(r.cpu50),
      (r.report50 / r.health50).toFixed(0) + '×',
      ms(r.mentor50),
      ms(r.csv50),
      (r.csvBytes / 1048576).toFixed(1),
    ]),
  ),
);
const top = results[results.length - 1];
if (top) {
  const ok = top.server95 <= BUDGET_MS;
  const [load1] = loadavg();
  console.log(
    `\nTrainer report at ${top.learners} learners / ${top.events} events: server p50 ${ms(top.server50)} ms, p95 ${ms(top.server95)} ms (CPU p50 ${ms(top.cpu50)} ms) — ${ok ? 'within' : 'OVER'} the ${BUDGET_MS} ms budget. Load average at the end: ${load1.toFixed(1)} on ${cpus().length} CPUs (wall times grow with it; CPU time much less).`,
  );
  process.exitCode = ok ? 0 : 1;
}
