import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@db/client';
import { learnerStats, learnerStatsStale, lessonProgress, quizAttempts, reviewAnswers, users, type StoredTest } from '@db/schema';
import { firstAttempt } from '../../learning/grading';
import { reviewSchedule } from '../../learning/spaced-review';
import type { CourseModule } from '../../learning/types';
import { quizzesFailedTwice } from '../../mentoring/stuck';
import { modulesFinished } from '../../reports/aggregate';
import { learnerCounter, toLearnerRecords } from '../../reports/facts';
import { listSet, loadLearnerFacts } from './records';

/**
 * The maintained per-learner aggregate (db/schema/aggregates.ts, docs/PERFORMANCE.md): computing
 * rows from the base tables with the report's own definitions, bringing stale rows up to date
 * before a read, and rebuilding everything (`npm run db:reaggregate`).
 *
 * Why a stale mark plus refresh-before-read, and not the figures updated by the writers: the
 * figures depend on the curriculum (which lessons, items and tasks count for which pillar), which
 * SQL in the writers cannot see, and the writers are many (progress sync, task review, tests,
 * self-assessment, spaced review, seeders, erasure). Triggers keep the mark in the writers'
 * transaction, whoever writes; the refresh recomputes only the marked learners with the same
 * functions a full recompute uses, so the numbers are the same by construction.
 */

export type LearnerStatsRow = typeof learnerStats.$inferSelect;

/** Learners recomputed per round: one query set and one write batch each. */
const CHUNK = 500;

const keys = new WeakMap<CourseModule[], string>();

/** Fingerprint of what the course-dependent columns depend on: modules, lessons, their pillars, items and tasks. */
export function courseKey(course: CourseModule[]): string {
  let key = keys.get(course);
  if (!key) {
    const shape = course.map((m) => [
      m.id,
      m.lessons.map((l) => [l.id, l.pillars, l.quiz.map((q) => [q.id, q.pillar]), l.task ? [l.task.id, l.task.pillar] : null]),
    ]);
    key = createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 24);
    keys.set(course, key);
  }
  return key;
}

/** The rows for these learners, computed from the base tables (nothing is written). Unknown ids get no row. */
export async function computeLearnerStats(ids: string[], course: CourseModule[], now: number): Promise<LearnerStatsRow[]> {
  if (ids.length === 0) return [];
  const set = listSet(ids);
  const [facts, progress, attempts, reviews] = await Promise.all([
    loadLearnerFacts(set, { moduleIds: course.map((m) => m.id) }),
    db()
      .select({
        userId: lessonProgress.userId,
        lessonId: lessonProgress.lessonId,
        completedAt: lessonProgress.completedAt,
        lastActiveAt: lessonProgress.lastActiveAt,
      })
      .from(lessonProgress)
      .where(inArray(lessonProgress.userId, set.ids))
      .orderBy(sql`rowid`),
    db()
      .select({ userId: quizAttempts.userId, lessonId: quizAttempts.lessonId, score: quizAttempts.score, maxScore: quizAttempts.maxScore, at: quizAttempts.at })
      .from(quizAttempts)
      .where(and(inArray(quizAttempts.userId, set.ids), eq(quizAttempts.kind, 'lesson')))
      .orderBy(sql`rowid`),
    db()
      .select({ userId: reviewAnswers.userId, itemId: reviewAnswers.itemId, correct: reviewAnswers.correct, at: reviewAnswers.answeredAt })
      .from(reviewAnswers)
      .where(inArray(reviewAnswers.userId, set.ids)),
  ]);
  const group = <T extends { userId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.userId);
      if (list) list.push(row);
      else map.set(row.userId, [row]);
    }
    return map;
  };
  const progressBy = group(progress);
  const attemptsBy = group(attempts);
  const reviewsBy = group(reviews);
  const count = learnerCounter(course);
  const key = courseKey(course);
  const rows: LearnerStatsRow[] = [];
  for (const f of facts.values()) {
    const mine = progressBy.get(f.id) ?? [];
    // The lesson touched last: the first row (oldest write) holding the latest activity, as the dashboard always read it.
    const lastTouched = mine.reduce<(typeof mine)[number] | undefined>((a, p) => (!a || p.lastActiveAt > a.lastActiveAt ? p : a), undefined);
    const tries = attemptsBy.get(f.id) ?? [];
    const byLesson = new Map<string, typeof tries>();
    for (const a of tries) byLesson.set(a.lessonId, [...(byLesson.get(a.lessonId) ?? []), a]);
    const firsts = [...byLesson.values()].map((list) => firstAttempt(list)!).filter((b) => b.maxScore > 0);
    const prePost: Record<string, { pre?: StoredTest; post?: StoredTest }> = {};
    for (const [moduleId, pair] of f.prePost) {
      prePost[moduleId] = {
        ...(pair.pre ? { pre: { score: pair.pre.score, max: pair.pre.max, at: pair.pre.at } } : {}),
        ...(pair.post ? { post: { score: pair.post.score, max: pair.post.max, at: pair.post.at } } : {}),
      };
    }
    const schedule = reviewSchedule({
      course,
      completions: mine.filter((p) => p.completedAt !== null).map((p) => ({ lessonId: p.lessonId, at: p.completedAt! })),
      reviews: reviewsBy.get(f.id) ?? [],
    });
    rows.push({
      userId: f.id,
      courseKey: key,
      lastActiveAt: f.lastActiveAt,
      lastLessonId: lastTouched?.lessonId ?? null,
      completed: [...f.completed].sort(),
      finishedModules: modulesFinished(course, f.completed).length,
      pillarCounts: count(toLearnerRecords(f)),
      prePost: f.prePost.size ? prePost : null,
      perception: f.perception.length ? f.perception : null,
      quizAverage: firsts.length ? Math.round((100 * firsts.reduce((sum, b) => sum + b.score / b.maxScore, 0)) / firsts.length) : null,
      failedQuizzes: quizzesFailedTwice(tries),
      reviewDueAt: schedule.firstDueAt,
      lastReviewAt: schedule.lastReviewAt,
      updatedAt: now,
    });
  }
  return rows;
}

const upsertSet = Object.fromEntries(
  (
    [
      'courseKey',
      'lastActiveAt',
      'lastLessonId',
      'completed',
      'finishedModules',
      'pillarCounts',
      'prePost',
      'perception',
      'quizAverage',
      'failedQuizzes',
      'reviewDueAt',
      'lastReviewAt',
      'updatedAt',
    ] as const
  ).map((k) => [k, sql.raw(`excluded.${learnerStats[k].name}`)]),
);

/** Recomputes the marked learners and clears the marks it saw (a mark changed meanwhile stays, so the next read redoes it). */
async function refreshMarked(course: CourseModule[], now: number): Promise<number> {
  const marks = await db()
    .select({ userId: learnerStatsStale.userId, changes: learnerStatsStale.changes })
    .from(learnerStatsStale)
    .orderBy(asc(learnerStatsStale.userId));
  for (let i = 0; i < marks.length; i += CHUNK) {
    const chunk = marks.slice(i, i + CHUNK);
    const rows = await computeLearnerStats(
      chunk.map((m) => m.userId),
      course,
      now,
    );
    const seen = JSON.stringify(chunk.map((m) => [m.userId, m.changes]));
    const clear = db().run(sql`
      DELETE FROM ${learnerStatsStale}
       WHERE (user_id, changes) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${seen}))`);
    if (rows.length) {
      await db().batch([db().insert(learnerStats).values(rows).onConflictDoUpdate({ target: learnerStats.userId, set: upsertSet }), clear]);
    } else await clear;
  }
  return marks.length;
}

let checkedKey: string | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Brings learner_stats up to date: rows computed for another curriculum are marked (once per
 * process and course version), then every marked learner is recomputed. Calls are queued, so two
 * reports at once never compute the same learners twice. Returns how many learners were recomputed.
 */
export function refreshLearnerStats(course: CourseModule[], now = Date.now()): Promise<number> {
  const run = queue.then(async () => {
    const key = courseKey(course);
    if (checkedKey !== key) {
      await db().run(sql`
        INSERT INTO ${learnerStatsStale} (user_id) SELECT user_id FROM ${learnerStats} WHERE course_key <> ${key}
        ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1`);
      checkedKey = key;
    }
    return refreshMarked(course, now);
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Every learner marked and recomputed from the base tables (`npm run db:reaggregate`). */
export async function rebuildLearnerStats(course: CourseModule[], now = Date.now()): Promise<number> {
  await db().run(sql`
    INSERT INTO ${learnerStatsStale} (user_id) SELECT id FROM users WHERE role = 'learner'
    ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1`);
  return refreshLearnerStats(course, now);
}

/**
 * Compares every stored row with a full recompute from the base tables (after bringing the marked
 * ones up to date): the learners whose stored figures differ, and those with no row. Empty means
 * the maintained aggregate equals the recompute.
 */
export async function verifyLearnerStats(course: CourseModule[], now = Date.now()): Promise<{ checked: number; differ: string[]; missing: string[] }> {
  await refreshLearnerStats(course, now);
  const stored = new Map((await db().select().from(learnerStats)).map((r) => [r.userId, r]));
  const learners = (await db().select({ id: users.id }).from(users).where(eq(users.role, 'learner'))).map((u) => u.id);
  const differ: string[] = [];
  const missing: string[] = [];
  for (let i = 0; i < learners.length; i += CHUNK) {
    for (const fresh of await computeLearnerStats(learners.slice(i, i + CHUNK), course, now)) {
      const row = stored.get(fresh.userId);
      if (!row) missing.push(fresh.userId);
      else if (!isDeepStrictEqual({ ...row, updatedAt: 0 }, { ...fresh, updatedAt: 0 })) differ.push(fresh.userId);
    }
  }
  return { checked: learners.length, differ, missing };
}
