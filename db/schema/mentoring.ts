import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

export const cohorts = sqliteTable('cohorts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kecamatan: text('kecamatan').notNull(),
  waGroupLink: text('wa_group_link'),
  /** Learners type this on the register page, e.g. SDA-2026. Stored upper-case. */
  joinCode: text('join_code').notNull().unique(),
  startsOn: text('starts_on'),
  endsOn: text('ends_on'),
  createdAt: integer('created_at').notNull(),
});

export const cohortMembers = sqliteTable(
  'cohort_members',
  {
    cohortId: text('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: integer('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index('cohort_members_user_idx').on(t.userId)],
);

/** Who mentors whom. Rows are never deleted: reassigning closes the old row (`until`), so history stays. */
export const mentorAssignments = sqliteTable(
  'mentor_assignments',
  {
    id: text('id').primaryKey(),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => users.id),
    learnerId: text('learner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedBy: text('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    from: integer('from').notNull(),
    until: integer('until'),
  },
  (t) => [
    index('mentor_assignments_mentor_idx').on(t.mentorId, t.until),
    index('mentor_assignments_learner_idx').on(t.learnerId, t.until),
    // At most one current mentor per learner, whatever two trainers click at the same moment.
    uniqueIndex('mentor_assignments_one_current')
      .on(t.learnerId)
      .where(sql`${t.until} IS NULL`),
  ],
);

/** A mentor's private notes about a learner; the learner never sees them. */
export const mentorNotes = sqliteTable(
  'mentor_notes',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('mentor_notes_learner_idx').on(t.learnerId, t.createdAt)],
);

export const NUDGE_KINDS = ['next_lesson', 'redo_task', 'invite', 'review_due'] as const;

/** A WhatsApp nudge a mentor opened for a learner (we record the intent; WhatsApp does the sending). */
export const nudges = sqliteTable(
  'nudges',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mentorId: text('mentor_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: NUDGE_KINDS }).notNull(),
    lessonId: text('lesson_id'),
    sentAt: integer('sent_at').notNull(),
  },
  (t) => [index('nudges_learner_idx').on(t.learnerId, t.sentAt)],
);

/**
 * A roster upload the trainer checked ("Periksa dulu"), kept for a while under a random token so
 * "Impor n baris yang siap" imports exactly what was checked without choosing the file again.
 * Only its uploader can use it, for its cohort, until it expires; it is deleted once imported.
 */
export const rosterUploads = sqliteTable(
  'roster_uploads',
  {
    id: text('id').primaryKey(),
    cohortId: text('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The file's bytes as uploaded, or the pasted text (then `pasted` is true). */
    content: blob('content', { mode: 'buffer' }).notNull(),
    pasted: integer('pasted', { mode: 'boolean' }).notNull().default(false),
    mentorId: text('mentor_id'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('roster_uploads_expires_idx').on(t.expiresAt)],
);
