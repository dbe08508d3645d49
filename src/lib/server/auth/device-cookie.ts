import { createHmac, timingSafeEqual } from 'node:crypto';
import { databaseSecret } from '../database-secret';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * successful login the browser gets a signed note "this device logged in to account X". A
 * correct password from such a device still works while the account or the address is locked
 * by someone else's guesses; that device's own misses are counted against the device only.
 *
 * Cookie `melek_device`: up to MAX_ENTRIES entries "<userId>.<issuedAt>.<hmac>" joined by "~"
 * (a family phone may be used for several accounts). The HMAC key is a per-database secret.
 */
export const DEVICE_COOKIE = 'melek_device';
export const DEVICE_TTL_MS = 180 * 24 * 3600_000;
const MAX_ENTRIES = 4;
const SECRET_KEY = 'device_cookie_secret';

interface Entry {
  userId: string;
  issuedAt: number;
  mac: string;
}

function sign(secret: string, userId: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`${userId}.${issuedAt}`).digest('base64url');
}

function parse(value: string | undefined): Entry[] {
  if (!value || value.length > 1000) return [];
  return value
    .split('~')
    .slice(0, MAX_ENTRIES)
    .map((part) => part.match(/^([A-Za-z0-9_-]{1,40})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ userId: m[1], issuedAt: Number(m[2]), mac: m[3] }));
}

function valid(secret: string, entry: Entry, now: number): boolean {
  if (entry.issuedAt > now + 60_000 || now - entry.issuedAt > DEVICE_TTL_MS) return false;
  const expected = Buffer.from(sign(secret, entry.userId, entry.issuedAt));
  const given = Buffer.from(entry.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The rate-limit key of this device for this account ("device:<userId>.<issuedAt>"), or undefined if it is not a known device. */
export async function trustedDeviceKey(cookie: string | undefined, userId: string | null | undefined, now: number): Promise<string | undefined> {
  if (!userId) return undefined;
  const entries = parse(cookie).filter((e) => e.userId === userId);
  if (entries.length === 0) return undefined;
  const secret = await databaseSecret(SECRET_KEY);
  const entry = entries.find((e) => valid(secret, e, now));
  return entry ? `device:${entry.userId}.${entry.issuedAt}` : undefined;
}

/** The cookie value after a successful login to `userId` on this device (a fresh entry first, other accounts' valid entries kept). */
export async function rememberDevice(cookie: string | undefined, userId: string, now: number): Promise<string> {
  const secret = await databaseSecret(SECRET_KEY);
  const others = parse(cookie).filter((e) => e.userId !== userId && valid(secret, e, now));
  const fresh: Entry = { userId, issuedAt: now, mac: sign(secret, userId, now) };
  return [fresh, ...others]
    .slice(0, MAX_ENTRIES)
    .map((e) => `${e.userId}.${e.issuedAt}.${e.mac}`)
    .join('~');
}
