import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Small per-database values the app creates for itself, e.g. the secret behind the pseudonymous
 * ids of the research export (used when PSEUDONYM_SECRET is not set). Never shown in the interface.
 */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: integer('created_at').notNull(),
});
