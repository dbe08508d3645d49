import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './client';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies pending drizzle-kit migrations. On an embedded file it also switches to WAL
 * (the setting persists in the file), so readers never block the writer.
 */
export async function applyMigrations(database: Database, folder = migrationsFolder): Promise<void> {
  const client = database.$client;
  if (client.protocol === 'file') {
    await client.execute('PRAGMA journal_mode=WAL');
  }
  await migrate(database, { migrationsFolder: folder });
}
