import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index';

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

/** Everything Melek writes at run time lives here (database file, uploads). */
export function dataDir(): string {
  return resolve(process.env.DATA_DIR || './data');
}

/** DATABASE_URL wins; otherwise an embedded file inside DATA_DIR. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || `file:${dataDir()}/melek.db`;
}

/**
 * The one place that opens the database. A `file:` URL is embedded libSQL (SQLite); a
 * `libsql://`, `http(s)://` or `ws(s)://` URL is a libSQL server or Turso, with
 * DATABASE_AUTH_TOKEN when it needs one. The same queries run on both.
 */
export function openDatabase(url: string = databaseUrl()): Database {
  if (url.startsWith('file:') && !url.includes(':memory:')) {
    mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true });
  }
  // `timeout` is the busy timeout for every pooled connection (a PRAGMA would reach only one).
  const client = createClient({ url, authToken: process.env.DATABASE_AUTH_TOKEN, timeout: 5000 });
  return drizzle(client, { schema }) as Database;
}

let shared: Database | undefined;

/** The app's database, opened on first use and shared by every request of this process. */
export function db(): Database {
  shared ??= openDatabase();
  return shared;
}

/**
 * Runs statements built at run time as one batch (one transaction); none at all is nothing to do.
 * drizzle's batch() takes a non-empty tuple, which a list built with map/flatMap is not typed as.
 */
export async function batchAll(statements: ReadonlyArray<BatchItem<'sqlite'>>, database: Database = db()): Promise<void> {
  const [first, ...rest] = statements;
  if (first === undefined) return;
  await database.batch([first, ...rest]);
}

export { schema };
