import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

/** A learner's whole counts in one pillar (src/lib/indicator/score.ts, PillarCounts). */
export interface StoredPillarCounts {
  qRight: number;
  approved: number;
  done: number;
}

/** The first pre-test and post-test of a module: points, maximum, when. */
export interface StoredTest {
  score: number;
  max: number;
  at: number;
}

export interface StoredPerception {
  timepoint: 'pre' | 'post';
  overall: number;
  pillars: Partial<Record<string, number>>;
  version: string;
  at: number;
}

/**
 * The maintained aggregate behind the indicator report and the mentor dashboard: ONE row per
 * learner with the figures both show, so a report reads one row per learner instead of every
 * attempt, progress row and submission (docs/PERFORMANCE.md, "Maintained aggregates").
 *
 * How it stays exact: triggers (migration learner_stats_marks) put a learner in
 * `learner_stats_stale` in the SAME transaction as any write to the tables these figures come
 * from, whoever writes. Before reading, src/lib/server/reports/learner-stats.ts recomputes the
 * stale learners with the report's own definitions (records.ts + the pure scorer) and clears the
 * marks it has seen. Parts that depend on the curriculum carry `course_key`; a new course version
 * makes every row stale. `npm run db:reaggregate` rebuilds every row from the base tables.
 */
export const learnerStats = sqliteTable('learner_stats', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Fingerprint of the curriculum the course-dependent columns were computed for. */
  courseKey: text('course_key').notNull(),
  /** Latest activity on any lesson (lesson_progress.last_active_at), null before any. */
  lastActiveAt: integer('last_active_at'),
  /** The lesson touched last (ties: the smallest lesson id), for "continue". */
  lastLessonId: text('last_lesson_id'),
  /** Completed lesson ids, any lesson ever (the dashboard keeps the published ones). */
  completed: text('completed', { mode: 'json' }).notNull().$type<string[]>(),
  /** Modules of the course with every lesson completed. */
  finishedModules: integer('finished_modules').notNull(),
  /** Per pillar in PILLARS order: first-answer points, approved tasks, completed lessons (course-dependent). */
  pillarCounts: text('pillar_counts', { mode: 'json' }).notNull().$type<StoredPillarCounts[]>(),
  /** module id → its first pre-test and first post-test (modules of the course only). */
  prePost: text('pre_post', { mode: 'json' }).$type<Record<string, { pre?: StoredTest; post?: StoredTest }>>(),
  /** The latest self-assessment per timepoint. */
  perception: text('perception', { mode: 'json' }).$type<StoredPerception[]>(),
  /** Mean share of the first attempt of each lesson quiz taken, 0..100; null before any. */
  quizAverage: integer('quiz_average'),
  /** Lessons whose quiz was failed twice in a row with no pass (stuck rule). */
  failedQuizzes: text('failed_quizzes', { mode: 'json' }).notNull().$type<string[]>(),
  /** When the earliest "Ulang singkat" item falls due (course-dependent); null when none will. */
  reviewDueAt: integer('review_due_at'),
  /** The learner's latest review answer. */
  lastReviewAt: integer('last_review_at'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Learners whose learner_stats row is out of date. `changes` counts the writes since the mark was
 * made, so a refresh deletes only a mark it has seen (a write during the refresh leaves it stale).
 */
export const learnerStatsStale = sqliteTable('learner_stats_stale', {
  userId: text('user_id').primaryKey(),
  changes: integer('changes').notNull().default(1),
});
