import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

/** An imported H5P package, extracted under DATA_DIR/h5p/<id>/. */
export const h5pContents = sqliteTable('h5p_contents', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  mainLibrary: text('main_library').notNull(),
  /** Folder name under DATA_DIR/h5p. */
  folder: text('folder').notNull(),
  /** Bytes a learner downloads to play it: the files the player fetches, text at its compressed size. */
  sizeBytes: integer('size_bytes').notNull(),
  /** SHA-256 of the .h5p file: the same package imported twice is recognised. */
  packageHash: text('package_hash').notNull().unique(),
  importedBy: text('imported_by').references(() => users.id, { onDelete: 'set null' }),
  importedAt: integer('imported_at').notNull(),
});

/** Results reported by the player through xAPI (answered/completed with a score), checked on the server. */
export const h5pResults = sqliteTable(
  'h5p_results',
  {
    /** The progress event's id (client UUID): a replay is stored once. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contentId: text('content_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    verb: text('verb').notNull(),
    score: integer('score').notNull(),
    maxScore: integer('max_score').notNull(),
    statement: text('statement', { mode: 'json' }).$type<Record<string, unknown>>(),
    at: integer('at').notNull(),
  },
  (t) => [index('h5p_results_user_idx').on(t.userId, t.contentId)],
);
