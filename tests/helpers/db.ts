import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Points this test file's app database (db() in db/client.ts) at a fresh temporary file and
 * migrates it. Call before anything touches db(); vitest runs each file in its own process.
 */
export async function useTempDatabase(options: { seed?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'melek-unit-'));
  process.env.DATA_DIR = dir;
  process.env.DATABASE_URL = `file:${join(dir, 'melek.db')}`;
  const { db } = await import('../../db/client');
  const { applyMigrations } = await import('../../db/migrate');
  await applyMigrations(db());
  if (options.seed) {
    const { seedDemoIfEmpty } = await import('../../db/seed');
    const { hashPassword } = await import('../../src/lib/server/auth/password');
    await seedDemoIfEmpty(db(), { hashPassword });
  }
  return { db: db(), dir };
}
