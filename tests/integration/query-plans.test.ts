/**
 * EXPLAIN QUERY PLAN of the hot queries, captured from the app's own domain functions as they run
 * (not copies of their SQL): the lesson page's progress lookups, a progress batch (insert +
 * lesson_progress projection), the learner's home, the mentor dashboard, login and session
 * validation. Every read of a table that grows with the number of learners must be an index
 * SEARCH (or a lookup by primary key), never a SCAN, and never a walk down an index on a column
 * with a handful of values (users.role, task_submissions.status), which reads a share of the
 * whole table just the same. Plans are those of a database without statistics, as in production
 * (Melek never runs ANALYZE; statistics from a small test database would mislead the planner).
 *
 * Set QUERY_PLANS_PRINT=1 to see every statement with its plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client, type InStatement } from '@libsql/client';
import { useTempDatabase } from '../helpers/db';

/** Tables that grow with learners × activity. Small catalogue tables (cohorts, h5p_contents, settings) may be scanned. */
const BIG = [
  'users',
  'sessions',
  'login_failures',
  'invites',
  'cohort_members',
  'mentor_assignments',
  'mentor_notes',
  'nudges',
  'progress_events',
  'lesson_progress',
  'quiz_attempts',
  'task_submissions',
  'assessments',
  'adoption_checks',
  'collaborations',
  'sales_reports',
  'certificates',
  'h5p_results',
];

type Database = Awaited<ReturnType<typeof useTempDatabase>>['db'];
let db: Database;
let course: Awaited<ReturnType<(typeof import('../bench/seed-scale'))['courseFromContent']>>;
const MENTOR = 'demo-mentor-1';
const LEARNER = 'demo-learner-1';

interface Captured {
  sql: string;
  args: unknown[];
}

/** Runs `work` and returns every statement it sent to the database (execute and batch). */
async function capture(work: () => Promise<unknown>): Promise<Captured[]> {
  const client = db.$client;
  const out: Captured[] = [];
  const push = (s: InStatement | string, args?: unknown) => {
    if (typeof s === 'string') out.push({ sql: s, args: Array.isArray(args) ? args : [] });
    else out.push({ sql: s.sql, args: Array.isArray(s.args) ? s.args : s.args ? Object.values(s.args) : [] });
  };
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  client.execute = ((s: InStatement | string, args?: unknown) => {
    push(s, args);
    return execute(s as never, args as never);
  }) as typeof client.execute;
  client.batch = ((stmts: Array<InStatement | string>, mode?: unknown) => {
    for (const s of stmts) push(s);
    return batch(stmts as never, mode as never);
  }) as typeof client.batch;
  try {
    await work();
  } finally {
    client.execute = execute;
    client.batch = batch;
  }
  return out;
}

interface Finding {
  query: string;
  plan: string[];
  scans: string[];
}

/**
 * Plans are asked on a connection of their own: an EXPLAIN of an `INSERT … RETURNING` leaves its
 * statement open in @libsql/client, and on the app's connection the next write batch would fail
 * with "cannot commit transaction - SQL statements in progress".
 */
async function explain(statements: Captured[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  const side = createClient({ url: process.env.DATABASE_URL! });
  try {
    for (const s of statements) {
      if (/^\s*(PRAGMA|BEGIN|COMMIT|ROLLBACK|SELECT 1\b)/i.test(s.sql)) continue;
      findings.push(await planOf(side, s));
    }
  } finally {
    side.close();
  }
  return findings;
}

async function planOf(side: Client, s: Captured): Promise<Finding> {
  {
    const plan = (await side.execute({ sql: `EXPLAIN QUERY PLAN ${s.sql}`, args: s.args as never })).rows.map((r) => String(r.detail));
    // A SCAN of a big table, even through a covering index, reads every row of it.
    const scans = plan.filter((d) => {
      const m = d.match(/^SCAN (\w+)/);
      if (m !== null && BIG.includes(m[1])) return true;
      return LOW_SELECTIVITY.some((index) => d.includes(`USING INDEX ${index} `) || d.includes(`USING COVERING INDEX ${index} `));
    });
    return { query: s.sql.replace(/\s+/g, ' ').trim(), plan, scans };
  }
}

function report(name: string, findings: Finding[]) {
  if (process.env.QUERY_PLANS_PRINT) {
    console.log(`\n=== ${name}: ${findings.length} statements`);
    for (const f of findings) console.log(`${f.query.slice(0, 200)}\n    ${f.plan.join('\n    ')}`);
  }
  return findings.filter((f) => f.scans.length).map((f) => `${name}: ${f.scans.join('; ')} in: ${f.query.slice(0, 240)}`);
}

/** Indexes whose leading column has a handful of values: a SEARCH through them visits every learner (or every waiting task). */
const LOW_SELECTIVITY = ['users_role_idx', 'task_submissions_status_idx'];

/** The hot paths, each run through the app's own functions. */
const HOT: Array<[string, () => Promise<unknown>]> = [];

beforeAll(async () => {
  ({ db } = await useTempDatabase({ seed: true }));
  const { courseFromContent, scaleLessons, seedLearners } = await import('../bench/seed-scale');
  course = courseFromContent();
  // Some volume, so the tables are not trivially empty (and ANALYZE has something to say).
  await seedLearners(process.env.DATABASE_URL!, {
    learners: 120,
    eventsPerLearner: 60,
    mentorId: ['demo-mentor-1', 'demo-mentor-2'],
    lessons: scaleLessons(course),
    prefix: 'qp-',
  });

  const lesson = course[0].lessons[0];
  const { lessonPageState, progressByLesson, latestSubmissions, lastTouchedLesson, bestScoresByLesson } = await import('../../src/lib/server/progress/queries');
  const { queueView, flushViews } = await import('../../src/lib/server/progress/view-batch');
  const { recordProgressEvents } = await import('../../src/lib/server/progress/record');
  const { learnerHome } = await import('../../src/lib/server/progress/learner-home');
  const { learnHomeCapaian } = await import('../../src/lib/server/indicator/overview');
  const { learnerCohort } = await import('../../src/lib/server/mentoring/cohorts');
  const { learnerMentor } = await import('../../src/lib/server/mentoring/assignments');
  const { mentorDashboard } = await import('../../src/lib/server/mentoring/dashboard');
  const { learnersInScope } = await import('../../src/lib/server/mentoring/scope');
  const { maySeeLearner } = await import('../../src/lib/server/access/learner-scope');
  const { login } = await import('../../src/lib/server/accounts/login');
  const { createSession, validateSessionToken } = await import('../../src/lib/server/auth/session');
  const { DEMO } = await import('../../db/seed');
  const mentor = { id: MENTOR, role: 'mentor' as const };
  const { token } = await createSession(LEARNER);

  HOT.push(
    [
      'lesson page: progress lookups',
      () =>
        Promise.all([
          lessonPageState(LEARNER, lesson),
          progressByLesson(LEARNER),
          latestSubmissions(LEARNER),
          bestScoresByLesson(LEARNER),
          lastTouchedLesson(LEARNER),
        ]),
    ],
    [
      'lesson page: recording views (a batch of two learners)',
      () => {
        queueView(LEARNER, lesson.id);
        queueView('demo-learner-2', course[0].lessons[1].id);
        return flushViews();
      },
    ],
    [
      'POST /api/progress: 10-event batch (insert + projection)',
      () =>
        recordProgressEvents(
          LEARNER,
          Array.from({ length: 10 }, (_, i) => ({
            id: crypto.randomUUID(),
            type: i % 2 ? 'time' : 'viewed',
            lessonId: course[0].lessons[i % course[0].lessons.length].id,
            at: Date.now() - 1000 * i,
            data: i % 2 ? { seconds: 30 } : undefined,
          })),
          course,
        ),
    ],
    ['learner home', () => Promise.all([learnerHome(LEARNER, course), learnerCohort(LEARNER), learnerMentor(LEARNER), learnHomeCapaian(LEARNER, course)])],
    ['mentor dashboard', () => Promise.all([mentorDashboard(mentor, course), learnersInScope(mentor)])],
    ['mentor opens a learner (access check)', () => maySeeLearner(mentor, LEARNER)],
    ['login (right password)', () => login(DEMO.learners[1].phone, DEMO.learnerPassword, '10.1.1.1')],
    ['login (wrong password)', () => login(DEMO.learners[2].phone, 'salah-sekali', '10.1.1.2')],
    ['session validation', () => validateSessionToken(token)],
  );
}, 120_000);

describe('hot queries use indexes (EXPLAIN QUERY PLAN)', () => {
  it('every hot path reads the big tables through a selective index', async () => {
    const problems: string[] = [];
    for (const [name, work] of HOT) {
      const statements = await capture(work);
      expect(statements.length, `${name} sent no SQL`).toBeGreaterThan(0);
      problems.push(...report(name, await explain(statements)));
    }
    expect(problems).toEqual([]);
  });
});
