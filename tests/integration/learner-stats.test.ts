/**
 * The maintained aggregate learner_stats (db/schema/aggregates.ts) gives exactly what a full
 * recompute from the base tables gives, and the report built from it equals the report computed
 * the old way (every learner's records, scoredLearners). The database is varied: the demo's four
 * weeks written through the app's own functions (progress sync, quizzes and retries, tasks and
 * reviews, pre/post tests, self-assessments, spaced reviews), plus seeded learners at scale in two
 * cohorts with two mentors; then more writes through the same functions after a first refresh,
 * and a change of curriculum. Real libSQL on a temp file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { DEMO_IDS } from '../../db/seed';
import type { CourseModule } from '../../src/lib/learning/types';
import { courseFromContent, scaleLessons, seedLearners } from '../bench/seed-scale';
import { seedEvaluationExtras } from '../bench/seed-report';

let database: Database;
let course: CourseModule[];
const NOW = Date.now();
const TRAINER = { id: DEMO_IDS.trainer, role: 'trainer' as const };
const MENTOR = { id: DEMO_IDS.mentors[0], role: 'mentor' as const };

const stale = async () => (await database.all<{ n: number }>(sql`SELECT count(*) AS n FROM learner_stats_stale`))[0].n;

/** The report without its timings (the only part that may differ between two computations). */
async function bothReports(scope: Parameters<typeof import('../../src/lib/server/reports/report').buildReport>[0], at = NOW, courseNow = course) {
  const { buildReport } = await import('../../src/lib/server/reports/report');
  const fromAggregate = await buildReport(scope, courseNow, at);
  const recomputed = await buildReport(scope, courseNow, at, { source: 'recompute' });
  return [
    { ...fromAggregate, timings: null },
    { ...recomputed, timings: null },
  ];
}

beforeAll(async () => {
  ({ db: database } = await useTempDatabase());
  course = courseFromContent();
  const { seedDemoIfEmpty } = await import('../../db/seed');
  const { hashPassword } = await import('../../src/lib/server/auth/password');
  await seedDemoIfEmpty(database, { hashPassword, now: NOW, withHistory: true });
  const { seedDemoActivity } = await import('../../src/lib/server/demo/activity');
  await seedDemoActivity(course, NOW);
  const url = process.env.DATABASE_URL!;
  await database.run(sql`INSERT INTO users (id, phone, name, role, created_at) VALUES ('m-scale', '+6281100009001', 'Mentor Skala', 'mentor', ${NOW})`);
  const seeded = await seedLearners(url, {
    learners: 30,
    eventsPerLearner: 120,
    lessons: scaleLessons(course),
    mentorId: 'm-scale',
    cohorts: 2,
    now: NOW,
    seed: 7,
  });
  await seedEvaluationExtras(url, course, seeded.learnerIds, NOW);
}, 240_000);

describe('learner_stats', () => {
  it('marks every learner written to, and the refresh clears the marks', async () => {
    expect(await stale()).toBeGreaterThanOrEqual(35);
    const { refreshLearnerStats } = await import('../../src/lib/server/reports/learner-stats');
    expect(await refreshLearnerStats(course, NOW)).toBeGreaterThanOrEqual(35);
    expect(await stale()).toBe(0);
    expect(await refreshLearnerStats(course, NOW)).toBe(0);
  });

  it('equals a full recompute from the base tables', async () => {
    const { verifyLearnerStats } = await import('../../src/lib/server/reports/learner-stats');
    const result = await verifyLearnerStats(course, NOW);
    expect(result.checked).toBeGreaterThanOrEqual(35);
    expect(result.differ).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it('gives the same report as the old computation: trainer, mentor, cohort filter, 400 days later', async () => {
    const cohort = (await database.all<{ id: string }>(sql`SELECT id FROM cohorts ORDER BY id LIMIT 1`))[0].id;
    for (const scope of [{ actor: TRAINER }, { actor: MENTOR }, { actor: { id: 'm-scale', role: 'mentor' as const } }, { actor: TRAINER, cohortId: cohort }]) {
      const [fromAggregate, recomputed] = await bothReports(scope);
      expect(fromAggregate, JSON.stringify(scope)).toEqual(recomputed);
      expect(fromAggregate.learners).toBeGreaterThan(0);
    }
    const [later, laterRecomputed] = await bothReports({ actor: TRAINER }, NOW + 400 * 86_400_000);
    expect(later).toEqual(laterRecomputed);
  });

  it('follows new writes through the app functions: a lesson and its quiz, a task approved', async () => {
    const { recordProgressEvents } = await import('../../src/lib/server/progress/record');
    const { submitTask } = await import('../../src/lib/server/progress/tasks');
    const { reviewSubmission } = await import('../../src/lib/server/mentoring/review');
    const { allLessons } = await import('../../src/lib/learning/curriculum');
    const learner = DEMO_IDS.learners[2];
    const done = new Set(
      (await database.all<{ lesson_id: string }>(sql`SELECT lesson_id FROM lesson_progress WHERE user_id = ${learner} AND completed_at IS NOT NULL`)).map(
        (r) => r.lesson_id,
      ),
    );
    const lesson = allLessons(course).find((l) => !done.has(l.id) && l.quiz.length > 0 && l.task)!;
    const at = NOW - 3_600_000;
    const answers = Object.fromEntries(lesson.quiz.map((q) => [q.id, q.options[0].id]));
    const recorded = await recordProgressEvents(
      learner,
      [
        { id: crypto.randomUUID(), type: 'viewed', lessonId: lesson.id, at },
        { id: crypto.randomUUID(), type: 'quiz_submitted', lessonId: lesson.id, at: at + 60_000, data: { answers } },
      ],
      course,
      at + 120_000,
    );
    expect(recorded.rejected).toEqual([]);
    expect(await stale()).toBe(1);
    const task = await submitTask(learner, lesson, { text: 'Foto etalase toko saya sudah saya unggah ke katalog.', link: '' }, at + 180_000);
    if (!task.ok) throw new Error(JSON.stringify(task));
    const mentorOf = (
      await database.all<{ mentor_id: string }>(sql`SELECT mentor_id FROM mentor_assignments WHERE learner_id = ${learner} AND until IS NULL`)
    )[0];
    const reviewed = await reviewSubmission(
      { id: mentorOf.mentor_id, role: 'mentor' },
      learner,
      {
        submissionId: task.id,
        decision: 'approved',
        feedback: 'Bagus',
        rubricLevel: '3',
        checks: (lesson.task!.mentorChecks ?? []).map((_, i) => String(i)),
        openedAt: String(at + 200_000),
      },
      at + 300_000,
      course,
    );
    expect(reviewed.ok).toBe(true);

    const [fromAggregate, recomputed] = await bothReports({ actor: TRAINER });
    expect(fromAggregate).toEqual(recomputed);
    const { verifyLearnerStats } = await import('../../src/lib/server/reports/learner-stats');
    expect((await verifyLearnerStats(course, NOW)).differ).toEqual([]);
    const row = (
      await database.all<{ completed: string; pillar_counts: string }>(sql`SELECT completed, pillar_counts FROM learner_stats WHERE user_id = ${learner}`)
    )[0];
    expect(JSON.parse(row.completed)).toContain(lesson.id);
  });

  it('recomputes every row for a new curriculum, and the command rebuilds the same rows', async () => {
    const { rebuildLearnerStats, verifyLearnerStats } = await import('../../src/lib/server/reports/learner-stats');
    // A curriculum without its last lesson: every course-dependent figure changes meaning.
    const smaller = course.map((m, i) => (i === course.length - 1 ? { ...m, lessons: m.lessons.slice(0, -1) } : m));
    const [fromAggregate, recomputed] = await bothReports({ actor: TRAINER }, NOW, smaller);
    expect(fromAggregate).toEqual(recomputed);
    expect((await verifyLearnerStats(smaller, NOW)).differ).toEqual([]);
    const before = await database.all(sql`SELECT * FROM learner_stats ORDER BY user_id`);
    expect(await rebuildLearnerStats(course, NOW)).toBeGreaterThanOrEqual(35);
    expect((await verifyLearnerStats(course, NOW)).differ).toEqual([]);
    const after = await database.all(sql`SELECT * FROM learner_stats ORDER BY user_id`);
    expect(after.length).toBe(before.length);
  });
});
