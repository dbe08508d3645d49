import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

import { ROLES, type Role } from '../../src/lib/roles';

export { ROLES, type Role };

/** Times are stored as epoch milliseconds (integers): cheap to compare and index. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** E.164, e.g. +6281234567890. Null only after the account was deleted (UU PDP erasure). */
    phone: text('phone').unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** argon2id; null until the user sets a password through an invite link. */
    passwordHash: text('password_hash'),
    businessName: text('business_name'),
    businessType: text('business_type'),
    kecamatan: text('kecamatan'),
    locale: text('locale', { enum: ['id', 'en'] })
      .notNull()
      .default('id'),
    consentAt: integer('consent_at'),
    /** "Hemat kuota": no automatic downloads (service worker, app shell), the smallest pages. */
    dataSaver: integer('data_saver', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('users_role_idx').on(t.role)],
);

/** Lucia-guide sessions: the id is public, only a SHA-256 hash of the secret is kept. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastActiveAt: integer('last_active_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed logins, one row each; keyed by "phone:<e164>" and "ip:<address>". `phone` says which
 * account the guess was for, so a successful login clears that account's misses from its
 * address's count too (a village hall's shared address is not locked by people who then got
 * their own password right) while guesses at other accounts keep counting.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    phone: text('phone'),
    at: integer('at').notNull(),
  },
  // phone: a successful login clears that account's misses; at: every failed login prunes rows older than the window.
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at), index('login_failures_phone_idx').on(t.phone), index('login_failures_at_idx').on(t.at)],
);

/** One-time links that let a user set (or reset) their password; only the hash is kept. */
export const invites = sqliteTable(
  'invites',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('invites_user_idx').on(t.userId)],
);
