import { and, count, eq, gte, lt, min } from 'drizzle-orm';
import { db } from '@db/client';
import { loginFailures } from '@db/schema';

/** Failed password checks allowed per key in WINDOW_MS (an account, an address+account pair, a known device). */
export const MAX_FAILURES = 5;
/**
 * The ceiling for one address over all accounts: a village hall's shared Wi-Fi is one address
 * for everybody behind it, so five misses there must not lock them all out.
 */
export const ADDRESS_MAX_FAILURES = 30;
export const WINDOW_MS = 15 * 60_000;

export const phoneKey = (e164: string) => `phone:${e164}`;
export const addressKey = (address: string) => `ip:${address}`;
export const pairKey = (address: string, e164: string) => `pair:${address}|${e164}`;

/** How many failures a key may collect in the window. */
export function maxFailuresFor(key: string): number {
  return key.startsWith('ip:') ? ADDRESS_MAX_FAILURES : MAX_FAILURES;
}

/**
 * The keys a password check for `e164` from `address` is counted under. From a device that has
 * logged in to this account before (a device cookie, see device-cookie.ts): that device only,
 * so someone else's guesses never lock its owner out. Otherwise: this address with this account
 * (5), the account from anywhere (5: the brute-force limit), and the address alone (30).
 */
export function limitKeys(e164: string, address: string, deviceKey?: string): string[] {
  if (deviceKey) return [deviceKey];
  return [pairKey(address, e164), phoneKey(e164), addressKey(address)];
}

/**
 * Minutes to wait before another try, or 0 when a password may be checked: the longest wait of
 * any key that has reached its limit within the last 15 minutes.
 */
export async function loginWaitMinutes(keys: string[], now = Date.now()): Promise<number> {
  let waitMs = 0;
  for (const key of keys) {
    const [row] = await db()
      .select({ n: count(), oldest: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gte(loginFailures.at, now - WINDOW_MS)));
    if (row && row.n >= maxFailuresFor(key) && row.oldest !== null) {
      waitMs = Math.max(waitMs, row.oldest + WINDOW_MS - now);
    }
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 60_000)) : 0;
}

export async function recordLoginFailure(keys: string[], phone: string, now = Date.now()): Promise<void> {
  await db().batch([
    db()
      .insert(loginFailures)
      .values(keys.map((key) => ({ key, phone, at: now }))),
    // Keep the table small: anything older than the window no longer matters.
    db()
      .delete(loginFailures)
      .where(lt(loginFailures.at, now - WINDOW_MS)),
  ]);
}

/** After a successful login: this account's misses are forgiven, from every address. */
export async function clearLoginFailures(phone: string): Promise<void> {
  await db().delete(loginFailures).where(eq(loginFailures.phone, phone));
}
