import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { settings } from '@db/schema';

const KEY = 'pseudonym_secret';
let cached: Promise<string> | undefined;

/**
 * The secret behind the export's pseudonymous ids: PSEUDONYM_SECRET when set (so several
 * databases can share ids), otherwise a random 256-bit value made once per database and kept in
 * `settings`. Insert-or-ignore then read, so two first exports at once agree on one secret.
 */
export function pseudonymSecret(): Promise<string> {
  const fromEnv = process.env.PSEUDONYM_SECRET?.trim();
  if (fromEnv) return Promise.resolve(fromEnv);
  cached ??= (async () => {
    await db()
      .insert(settings)
      .values({ key: KEY, value: randomBytes(32).toString('hex'), createdAt: Date.now() })
      .onConflictDoNothing();
    const [row] = await db().select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).limit(1);
    return row.value;
  })().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
