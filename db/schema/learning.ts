import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { EVENT_TYPES, type EventType } from '../../src/lib/learning/event-types';

export { EVENT_TYPES, type EventType };

/**
 * Append-only log of what learners did. The id is chosen by the client (a UUID), so a batch
 * replayed after a lost connection is stored once. Lesson ids are content ids ("module/slug").
 */
export const progressEvents = sqliteTable(
  'progress_events',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lessonId: text('lesson_id').notNull(),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    /** When it happened on the device (epoch ms); may be older than receivedAt for offline work. */
    at: integer('at').notNull(),
    receivedAt: integer('received_at').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('progress_events_user_lesson_idx').on(t.userId, t.lessonId, t.at), index('progress_events_user_at_idx').on(t.userId, t.at)],
);

export const LESSON_STATUSES = ['viewed', 'completed'] as const;

/** The projection of progress_events per learner and lesson; always recomputable from the log. */
export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lessonId: text('lesson_id').notNull(),
    moduleId: text('module_id').notNull(),
    status: text('status', { enum: LESSON_STATUSES }).notNull(),
    firstViewedAt: integer('first_viewed_at'),
    lastActiveAt: integer('last_active_at').notNull(),
    completedAt: integer('completed_at'),
    timeSpentSec: integer('time_spent_sec').notNull().default(0),
  },
  (t) => [uniqueIndex('lesson_progress_pk').on(t.userId, t.lessonId), index('lesson_progress_user_active_idx').on(t.userId, t.lastActiveAt)],
);

/** Every quiz submission, graded on the server. The id is the progress event's id (idempotent). */
export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lessonId: text('lesson_id').notNull(),
    /** Which quiz: "lesson" for a lesson's items, "pre"/"post" for a module's growth test. */
    kind: text('kind', { enum: ['lesson', 'pre', 'post'] })
      .notNull()
      .default('lesson'),
    /**
     * itemId → the chosen option's id. Rows written before option ids existed hold the option's
     * position in the file order of the time instead (a number; read through
     * src/lib/learning/legacy-option-order.json).
     */
    answers: text('answers', { mode: 'json' }).notNull().$type<Record<string, string | number>>(),
    /** itemId → the item's version (hash of question, options and key) the answer was graded on. */
    itemVersions: text('item_versions', { mode: 'json' }).$type<Record<string, string>>(),
    /** Pre/post tests: which parallel form ("A"/"B") was given; null for lesson quizzes and old rows. */
    form: text('form', { enum: ['A', 'B'] }),
    score: integer('score').notNull(),
    maxScore: integer('max_score').notNull(),
    /** Per pillar correct/total, so the indicator needs no content lookup to recompute Q. */
    pillarScores: text('pillar_scores', { mode: 'json' }).$type<Record<string, { score: number; max: number }>>(),
    at: integer('at').notNull(),
  },
  (t) => [index('quiz_attempts_user_lesson_idx').on(t.userId, t.lessonId)],
);

export const TASK_STATUSES = ['submitted', 'approved', 'needs_work'] as const;

/** A learner's evidence for a practical task. Each resubmission is a new row; the newest counts. */
export const taskSubmissions = sqliteTable(
  'task_submissions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    taskId: text('task_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    text: text('text').notNull(),
    link: text('link'),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('submitted'),
    reviewerId: text('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    feedback: text('feedback'),
    submittedAt: integer('submitted_at').notNull(),
    reviewedAt: integer('reviewed_at'),
    /** Which of the task's mentorChecks (by index) the reviewer ticked as seen (issue 14). */
    checksSeen: text('checks_seen', { mode: 'json' }).$type<number[]>(),
    /** The reviewer's rubric level, 1 (not yet) to 4 (very good); required for an approval. */
    rubricLevel: integer('rubric_level'),
    /** When the review form was opened (server time written into the form), to see one-click approvals. */
    reviewOpenedAt: integer('review_opened_at'),
  },
  (t) => [index('task_submissions_user_task_idx').on(t.userId, t.taskId, t.submittedAt), index('task_submissions_status_idx').on(t.status)],
);

/**
 * Answers to "Ulang singkat", the spaced review (issue 17): a quiz item of a finished lesson asked
 * again days later. Kept apart from quiz_attempts on purpose: a review never replaces the first
 * answers the indicator and certificates count; it is reported beside them as retention.
 */
export const reviewAnswers = sqliteTable(
  'review_answers',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    /** The lesson the item belongs to (content id), for reports by module. */
    lessonId: text('lesson_id').notNull(),
    /** The item's version (see itemVersion) the answer was graded on. */
    itemVersion: text('item_version').notNull(),
    optionId: text('option_id').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [index('review_answers_user_at_idx').on(t.userId, t.answeredAt)],
);
