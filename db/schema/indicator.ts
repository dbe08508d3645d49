import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { ADOPTION_ITEMS, PARTNERSHIP_TYPES, SALES_BANDS, SOURCES } from '../../src/lib/reports/evaluation';

export { ADOPTION_ITEMS, PARTNERSHIP_TYPES, SALES_BANDS, SOURCES };

/** Pre/post self-assessment answers (Skor Persepsi), with the instrument version they used. */
export const assessments = sqliteTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    timepoint: text('timepoint', { enum: ['pre', 'post'] }).notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    answers: text('answers', { mode: 'json' }).notNull().$type<Record<string, number>>(),
    pillarValues: text('pillar_values', { mode: 'json' }).notNull().$type<Record<string, number>>(),
    overall: real('overall').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [uniqueIndex('assessments_user_timepoint_version').on(t.userId, t.timepoint, t.instrumentVersion)],
);

export type AdoptionItem = (typeof ADOPTION_ITEMS)[number];

/** Technology adoption, one row per check: what, whether seen in place, by whom, when. */
export const adoptionChecks = sqliteTable(
  'adoption_checks',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    item: text('item', { enum: ADOPTION_ITEMS }).notNull(),
    present: integer('present', { mode: 'boolean' }).notNull(),
    source: text('source', { enum: SOURCES }).notNull(),
    verifierId: text('verifier_id').references(() => users.id, { onDelete: 'set null' }),
    checkedOn: text('checked_on').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('adoption_checks_user_idx').on(t.userId, t.item, t.checkedOn)],
);

/** DESIGN.md's partnership types, plus the collaborations sellers make with each other (issue 10). */

/** New partnerships a learner made since enrolment; a mentor may verify them. */
export const collaborations = sqliteTable(
  'collaborations',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: PARTNERSHIP_TYPES }).notNull(),
    /** Free text for a partner outside Melek; for a Melek seller, their name at the time. */
    partner: text('partner').notNull(),
    /** Another Melek seller (from the directory); they confirm or decline. */
    partnerUserId: text('partner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** logged: self-reported outside partner; pending/confirmed/declined: a Melek seller's answer. */
    status: text('status', { enum: ['logged', 'pending', 'confirmed', 'declined'] })
      .notNull()
      .default('logged'),
    respondedAt: integer('responded_at'),
    startedOn: text('started_on').notNull(),
    source: text('source', { enum: SOURCES }).notNull().default('self'),
    verifierId: text('verifier_id').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: integer('verified_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('collaborations_user_idx').on(t.userId), index('collaborations_partner_idx').on(t.partnerUserId, t.status)],
);

/** Self-reported monthly sales band at start and follow-up; "seen by mentor" only when they saw the books. */
export const salesReports = sqliteTable(
  'sales_reports',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    timepoint: text('timepoint', { enum: ['start', 'followup'] }).notNull(),
    band: text('band', { enum: SALES_BANDS }).notNull(),
    source: text('source', { enum: SOURCES }).notNull().default('self'),
    verifierId: text('verifier_id').references(() => users.id, { onDelete: 'set null' }),
    reportedAt: integer('reported_at').notNull(),
  },
  (t) => [index('sales_reports_user_idx').on(t.userId, t.timepoint)],
);

/** Issued when a module is complete: all lessons, first quiz attempt ≥ 70 % each, all tasks approved. */
export const certificates = sqliteTable(
  'certificates',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    code: text('code').notNull().unique(),
    /** Kept so the public page still shows it after a profile change; erased with the account. */
    learnerName: text('learner_name').notNull(),
    issuedAt: integer('issued_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('certificates_user_module').on(t.userId, t.moduleId)],
);

/**
 * A learner chose "Lewati tes awal" for a module (issue 16): the home's main button then leads to
 * the module's lessons instead of offering the pre-test again. The pre-test itself stays open
 * until a lesson of the module is finished (src/lib/indicator/pretest-offer.ts).
 */
export const pretestSkips = sqliteTable(
  'pretest_skips',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [uniqueIndex('pretest_skips_user_module').on(t.userId, t.moduleId)],
);
