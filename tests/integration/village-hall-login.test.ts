/**
 * A village hall logging in (issue 20): every phone in the hall reaches the server from ONE
 * address (the hall's Wi-Fi). 300 distinct accounts logging in from it must all get in, also
 * when some of them mistype their password first; password guessing from that address stays
 * limited (per account, and over all accounts by the address ceiling).
 * In-process against a real migrated libSQL temp file; argon2id hashes are real.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { count, like } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { login } from '../../src/lib/server/accounts/login';
import { hashPassword } from '../../src/lib/server/auth/password';
import { ADDRESS_MAX_FAILURES, MAX_FAILURES } from '../../src/lib/server/auth/rate-limit';

const HALL = '10.20.30.40';
const PASSWORD = 'sandi-balai-desa';
const PEOPLE = 300;
let database: Database;

/** National phone number (as typed at the login form) of hall member i. */
const phoneOf = (i: number) => `0857110${String(i).padStart(5, '0')}`;

beforeAll(async () => {
  ({ db: database } = await useTempDatabase());
  const passwordHash = await hashPassword(PASSWORD);
  const now = Date.now();
  await database.insert(users).values(
    Array.from({ length: PEOPLE + 40 }, (_, i) => ({
      id: `hall-${i}`,
      phone: `+62${phoneOf(i).slice(1)}`,
      name: `Warga ${i}`,
      role: 'learner' as const,
      passwordHash,
      createdAt: now,
    })),
  );
}, 60_000);

/** Logs everyone in `indexes` in, `parallel` at a time (as phones arrive at once). */
async function logInAll(indexes: number[], password: (i: number) => string, parallel = 8) {
  const results: Array<Awaited<ReturnType<typeof login>>> = [];
  for (let start = 0; start < indexes.length; start += parallel) {
    results.push(...(await Promise.all(indexes.slice(start, start + parallel).map((i) => login(phoneOf(i), password(i), HALL)))));
  }
  return results;
}

describe('a village hall behind one address', () => {
  it('300 distinct accounts all get in; 40 who first mistype their password get in on the second try', async () => {
    // Mistakes come in small waves (people retry soon after a miss), never 30 outstanding at once.
    for (let wave = 0; wave < 4; wave++) {
      const typos = Array.from({ length: 10 }, (_, i) => wave * 10 + i);
      const misses = await logInAll(typos, () => 'salah-ketik');
      expect(misses.every((r) => !r.ok && r.error === 'loginFailed')).toBe(true);
      const retries = await logInAll(typos, () => PASSWORD);
      expect(retries.filter((r) => !r.ok)).toEqual([]);
    }
    const rest = await logInAll(
      Array.from({ length: PEOPLE - 40 }, (_, i) => 40 + i),
      () => PASSWORD,
    );
    expect(rest.filter((r) => !r.ok)).toEqual([]);
    const [{ n }] = await database.select({ n: count() }).from(sessions).where(like(sessions.userId, 'hall-%'));
    expect(n).toBe(PEOPLE);
  }, 180_000);

  it('password guessing from the hall stays limited: per account, and over all accounts by the address ceiling', async () => {
    const target = PEOPLE + 1;
    for (let i = 0; i < MAX_FAILURES; i++) expect(await login(phoneOf(target), `tebakan-${i}`, HALL)).toMatchObject({ ok: false, error: 'loginFailed' });
    expect(await login(phoneOf(target), PASSWORD, HALL)).toMatchObject({ ok: false, error: 'loginTooMany' });

    // Spraying one guess over many accounts: refused once the address has its ceiling of misses.
    const sprayed = Array.from({ length: ADDRESS_MAX_FAILURES - MAX_FAILURES }, (_, i) => PEOPLE + 2 + i);
    for (const i of sprayed) expect(await login(phoneOf(i), 'tebakan-umum', HALL)).toMatchObject({ ok: false, error: 'loginFailed' });
    expect(await login(phoneOf(PEOPLE + 39), 'tebakan-umum', HALL)).toMatchObject({ ok: false, error: 'loginTooMany' });
  }, 120_000);
});
