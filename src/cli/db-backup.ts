/**
 * `npm run db:backup`: a consistent copy of the embedded database (VACUUM INTO, safe while the
 * server runs) at DATA_DIR/backups/melek-<YYYYMMDD-HHMMSS>.db. Prints the file's path.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { dataDir, databaseUrl, openDatabase } from '@db/client';

export async function backupDatabase(now = new Date()): Promise<string> {
  const url = databaseUrl();
  if (!url.startsWith('file:')) {
    throw new Error('db:backup bekerja untuk database berkas (file:). Untuk server libSQL/Turso, pakai fitur cadangan server itu.');
  }
  const folder = join(dataDir(), 'backups');
  mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const target = join(folder, `melek-${stamp}.db`);
  const database = openDatabase(url);
  try {
    await database.run(sql`VACUUM INTO ${target}`);
  } finally {
    database.$client.close();
  }
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`Cadangan tersimpan: ${await backupDatabase()}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
