import { and, count, eq, gte, lt, min } from 'drizzle-orm';
import { db } from '@db/client';
import { loginFailures } from '@db/schema';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

export const phoneKey = (e164: string) => `phone:${e164}`;
export const addressKey = (address: string) => `ip:${address}`;

/**
 * Minutes to wait before another try, or 0 when login may be attempted. Counted per phone
 * number and per client address, so neither one account nor one attacker gets more than 5 guesses.
 */
export async function loginWaitMinutes(keys: string[], now = Date.now()): Promise<number> {
  let waitMs = 0;
  for (const key of keys) {
    const [row] = await db()
      .select({ n: count(), oldest: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gte(loginFailures.at, now - WINDOW_MS)));
    if (row && row.n >= MAX_FAILURES && row.oldest !== null) {
      waitMs = Math.max(waitMs, row.oldest + WINDOW_MS - now);
    }
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 60_000)) : 0;
}

export async function recordLoginFailure(keys: string[], phone: string, now = Date.now()): Promise<void> {
  await db().batch([
    db().insert(loginFailures).values(keys.map((key) => ({ key, phone, at: now }))),
    // Keep the table small: anything older than the window no longer matters.
    db().delete(loginFailures).where(lt(loginFailures.at, now - WINDOW_MS)),
  ]);
}

/** After a successful login: this account's misses are forgiven, from every address. */
export async function clearLoginFailures(phone: string): Promise<void> {
  await db().delete(loginFailures).where(eq(loginFailures.phone, phone));
}
