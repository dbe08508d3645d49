/** Applies pending migrations and seeds the demo data into an empty database. */
import { databaseUrl, openDatabase } from '@db/client';
import { applyMigrations } from '@db/migrate';
import { seedDemoIfEmpty } from '@db/seed';
import { hashPassword } from '../lib/server/auth/password';
import { importDemoH5p } from '../lib/server/h5p/demo';

export async function prepareDatabase(): Promise<{ url: string; seeded: boolean }> {
  const url = databaseUrl();
  const database = openDatabase(url);
  try {
    await applyMigrations(database);
    const seeded = process.env.MELEK_SEED === '0' ? false : await seedDemoIfEmpty(database, { hashPassword });
    if (seeded) {
      // The demo H5P activity (src/h5p-library/) that lesson keamanan-data/05-modus-penipuan embeds.
      const demo = await importDemoH5p(database, 'demo-trainer');
      if (!demo.ok) console.error(`Demo H5P activity not imported: ${demo.problem.code}`);
    }
    return { url, seeded };
  } finally {
    database.$client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url, seeded } = await prepareDatabase();
  console.log(`Database ready: ${url}${seeded ? ' (demo data added)' : ''}`);
}
