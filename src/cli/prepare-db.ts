/** Applies pending migrations and seeds the demo data into an empty database. */
import { databaseUrl, openDatabase } from '@db/client';
import { applyMigrations } from '@db/migrate';
import { seedDemoIfEmpty } from '@db/seed';
import { hashPassword } from '../lib/server/auth/password';

export async function prepareDatabase(): Promise<{ url: string; seeded: boolean }> {
  const url = databaseUrl();
  const database = openDatabase(url);
  try {
    await applyMigrations(database);
    const seeded = process.env.MELEK_SEED === '0' ? false : await seedDemoIfEmpty(database, { hashPassword });
    return { url, seeded };
  } finally {
    database.$client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url, seeded } = await prepareDatabase();
  console.log(`Database ready: ${url}${seeded ? ' (demo data added)' : ''}`);
}
