import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { settings } from '@db/schema';

const cache = new Map<string, Promise<string>>();

/**
 * A random 256-bit secret made once per database and kept in `settings` under `key`.
 * Insert-or-ignore then read, so two processes asking at once agree on one value.
 */
export function databaseSecret(key: string): Promise<string> {
  let cached = cache.get(key);
  if (!cached) {
    cached = (async () => {
      await db()
        .insert(settings)
        .values({ key, value: randomBytes(32).toString('hex'), createdAt: Date.now() })
        .onConflictDoNothing();
      const [row] = await db().select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
      return row.value;
    })().catch((error) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, cached);
  }
  return cached;
}
