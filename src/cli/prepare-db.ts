/**
 * Applies pending migrations and seeds the demo into an empty database. MELEK_SEED picks how much:
 *   1 (default)  demo accounts dated four weeks back, the demo H5P activity, and four weeks of demo
 *                activity written through the app's own rules (src/lib/server/demo/activity.ts);
 *   accounts     demo accounts and the H5P activity only, all written now (what most tests start from);
 *   0            nothing (production: the demo passwords are public).
 */
import { databaseUrl, openDatabase } from '@db/client';
import { applyMigrations } from '@db/migrate';
import { seedDemoIfEmpty } from '@db/seed';
import { hashPassword } from '../lib/server/auth/password';
import { importDemoH5p } from '../lib/server/h5p/demo';
import { courseFromContent } from '../lib/server/content-files';
import { seedDemoActivity } from '../lib/server/demo/activity';

export async function prepareDatabase(now = Date.now()): Promise<{ url: string; seeded: boolean }> {
  const url = databaseUrl();
  const database = openDatabase(url);
  const mode = process.env.MELEK_SEED ?? '1';
  try {
    await applyMigrations(database);
    const seeded = mode === '0' ? false : await seedDemoIfEmpty(database, { hashPassword, now, withHistory: mode !== 'accounts' });
    if (seeded) {
      // The demo H5P activity (src/h5p-library/) that lesson keamanan-data/05-modus-penipuan embeds.
      const demo = await importDemoH5p(database, 'demo-trainer');
      if (!demo.ok) console.error(`Demo H5P activity not imported: ${demo.problem.code}`);
      if (mode !== 'accounts') await seedDemoActivity(courseFromContent(), now);
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
