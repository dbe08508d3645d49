import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { AUTHORED_STATUSES } from '../../src/lib/authoring/status';
import type { Pillar } from '../../src/lib/learning/types';

export { AUTHORED_STATUSES };

/**
 * Modules written in the browser (issue 19). The built-in curriculum stays in content/; course()
 * merges these in once a lesson of theirs is published. `copiedFrom` names the built-in module a
 * trainer copied to edit it.
 */
export const authoredModules = sqliteTable('authored_modules', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  titleEn: text('title_en').notNull(),
  summary: text('summary').notNull(),
  order: integer('order').notNull(),
  pillars: text('pillars', { mode: 'json' }).notNull().$type<Pillar[]>(),
  copiedFrom: text('copied_from'),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
});

/**
 * One row per browser lesson ("module/NN-slug", the same id shape as content/ lessons): its
 * status, the version the editor shows (`draftVersion`) and the version learners see
 * (`publishedVersion`, null before the first publish). The versions themselves are append-only.
 */
export const authoredLessons = sqliteTable(
  'authored_lessons',
  {
    id: text('id').primaryKey(),
    moduleId: text('module_id')
      .notNull()
      .references(() => authoredModules.id),
    status: text('status', { enum: AUTHORED_STATUSES }).notNull().default('draft'),
    draftVersion: integer('draft_version').notNull(),
    publishedVersion: integer('published_version'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('authored_lessons_module_idx').on(t.moduleId)],
);

/**
 * Every saved version of a browser lesson, never updated: the lesson draft as JSON (frontmatter
 * fields, quiz, task, body and order), who saved it, when, the change note, and whether it was a
 * publish. Rolling back publishes an old version's content as a new version.
 */
export const lessonVersions = sqliteTable(
  'lesson_versions',
  {
    lessonId: text('lesson_id')
      .notNull()
      .references(() => authoredLessons.id),
    version: integer('version').notNull(),
    draft: text('draft').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    note: text('note').notNull().default(''),
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.version] })],
);

/**
 * One row (id 1): numbers bumped when the curriculum changes.
 * Each server process reads it once per course() call (a primary-key lookup) and rebuilds its
 * cached course when it changed, so a publish reaches every process on its next request.
 */
export const contentGeneration = sqliteTable('content_generation', {
  id: integer('id').primaryKey(),
  /** Bumped by what learners see: a publish, a roll back, an archive. */
  generation: integer('generation').notNull().default(0),
  /** Bumped by every saved draft too: the trainers' preview course (courseWithDrafts) follows it. */
  draftGeneration: integer('draft_generation').notNull().default(0),
});
