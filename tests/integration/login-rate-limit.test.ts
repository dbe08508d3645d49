/**
 * At most 5 failed logins per 15 minutes per phone number and per client address (issue 2),
 * in-process against a real migrated libSQL temp file with the demo accounts.
 * login() reads the clock itself, so time travel uses vitest's fake Date (timers stay real).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { loginFailures, sessions } from '../../db/schema';
import { login } from '../../src/lib/server/accounts/login';
import { addressKey, loginWaitMinutes, MAX_FAILURES, phoneKey, WINDOW_MS } from '../../src/lib/server/auth/rate-limit';
import { id as dictionary } from '../../src/i18n/id';

const MINUTE = 60_000;
const LEARNER_PASSWORD = 'belajar-demo';
let database: Database;

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
});

afterEach(() => {
  vi.useRealTimers();
});

function at(time: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(time);
}

async function sessionCount(): Promise<number> {
  const [{ n }] = await database.select({ n: count() }).from(sessions);
  return n;
}

async function failuresFor(key: string): Promise<number> {
  const [{ n }] = await database.select({ n: count() }).from(loginFailures).where(eq(loginFailures.key, key));
  return n;
}

async function failTimes(times: number, phone: string, address: string) {
  for (let i = 0; i < times; i++) {
    expect(await login(phone, 'salah-sandi', address), `attempt ${i + 1}`).toEqual({ ok: false, error: 'loginFailed' });
  }
}

describe('login rate limit', () => {
  it('the limits are 5 failures in 15 minutes', () => {
    expect(MAX_FAILURES).toBe(5);
    expect(WINDOW_MS).toBe(15 * MINUTE);
  });

  it('5 wrong passwords, then the 6th attempt is refused even with the right password', async () => {
    const t0 = Date.UTC(2026, 10, 1, 8, 0);
    at(t0);
    await failTimes(5, '081100000011', 'addr-a');
    const sessionsBefore = await sessionCount();

    const sixth = await login('081100000011', LEARNER_PASSWORD, 'addr-a');
    expect(sixth).toEqual({ ok: false, error: 'loginTooMany', waitMinutes: 15 });
    expect(await sessionCount()).toBe(sessionsBefore);
    // The refusal itself does not count as another failure (the wait does not grow).
    expect(await failuresFor(phoneKey('+6281100000011'))).toBe(5);

    // The message is Indonesian and names the minutes.
    const text = dictionary.loginTooMany(15);
    expect(text).toContain('Tunggu 15 menit');
    expect(text).toMatch(/Terlalu banyak percobaan/);

    // The account is protected from every address, in every way of writing the number.
    expect(await login('+62 811-0000-0011', LEARNER_PASSWORD, 'addr-somewhere-else')).toMatchObject({ ok: false, error: 'loginTooMany' });
  });

  it('counts failures per client address across different phone numbers', async () => {
    at(Date.UTC(2026, 10, 2, 8, 0));
    const phones = ['081100000012', '081100000013', '081100000002', '081299990001', '081299990002'];
    for (const phone of phones) await failTimes(1, phone, 'addr-b');
    expect(await failuresFor(addressKey('addr-b'))).toBe(5);

    // A sixth account, never tried before, with its right password: refused from this address.
    const sessionsBefore = await sessionCount();
    expect(await login('081100000014', LEARNER_PASSWORD, 'addr-b')).toEqual({ ok: false, error: 'loginTooMany', waitMinutes: 15 });
    expect(await sessionCount()).toBe(sessionsBefore);
    // From another address that account is fine: only the address is limited.
    const elsewhere = await login('081100000014', LEARNER_PASSWORD, 'addr-b2');
    expect(elsewhere.ok).toBe(true);
  });

  it('a successful login resets the counter', async () => {
    at(Date.UTC(2026, 10, 3, 8, 0));
    await failTimes(4, '081100000015', 'addr-c');
    expect(await failuresFor(phoneKey('+6281100000015'))).toBe(4);
    const ok = await login('081100000015', LEARNER_PASSWORD, 'addr-c');
    expect(ok.ok).toBe(true);
    expect(await failuresFor(phoneKey('+6281100000015'))).toBe(0);

    // Again 5 failures are allowed before the lock, not just 1.
    await failTimes(4, '081100000015', 'addr-c');
    expect((await login('081100000015', LEARNER_PASSWORD, 'addr-c')).ok).toBe(true);
    await failTimes(5, '081100000015', 'addr-c');
    expect(await login('081100000015', LEARNER_PASSWORD, 'addr-c')).toMatchObject({ ok: false, error: 'loginTooMany' });
  });

  it('after 15 minutes login is allowed again; the wait counts down meanwhile', async () => {
    const t0 = Date.UTC(2026, 10, 4, 8, 0);
    at(t0);
    await failTimes(5, '081100000003', 'addr-d');
    expect(await login('081100000003', 'mentor-demo', 'addr-d')).toEqual({ ok: false, error: 'loginTooMany', waitMinutes: 15 });

    at(t0 + 5 * MINUTE);
    expect(await login('081100000003', 'mentor-demo', 'addr-d')).toEqual({ ok: false, error: 'loginTooMany', waitMinutes: 10 });
    at(t0 + 14 * MINUTE + 30_000);
    expect(await login('081100000003', 'mentor-demo', 'addr-d')).toEqual({ ok: false, error: 'loginTooMany', waitMinutes: 1 });
    expect(await loginWaitMinutes([phoneKey('+6281100000003')], t0 + 14 * MINUTE + 30_000)).toBe(1);

    at(t0 + 15 * MINUTE);
    expect(await loginWaitMinutes([phoneKey('+6281100000003'), addressKey('addr-d')], t0 + 15 * MINUTE)).toBe(0);
    const again = await login('081100000003', 'mentor-demo', 'addr-d');
    expect(again).toMatchObject({ ok: true, role: 'mentor' });
  });

  it('the window slides: failures spread over more than 15 minutes never lock', async () => {
    const t0 = Date.UTC(2026, 10, 5, 8, 0);
    for (let i = 0; i < 8; i++) {
      at(t0 + i * 4 * MINUTE);
      await failTimes(1, '081100000016', 'addr-e');
    }
    // At most 4 of them fall within any 15 minutes.
    at(t0 + 8 * 4 * MINUTE);
    expect((await login('081100000016', LEARNER_PASSWORD, 'addr-e')).ok).toBe(true);
  });

  it('an unknown phone number costs a failure too, with the same message as a wrong password', async () => {
    at(Date.UTC(2026, 10, 6, 8, 0));
    const unknown = '081299998888';
    for (let i = 0; i < 5; i++) {
      // From a different address each time: the number itself is counted.
      expect(await login(unknown, 'apa-saja-123', `addr-f${i}`)).toEqual({ ok: false, error: 'loginFailed' });
    }
    expect(await failuresFor(phoneKey('+6281299998888'))).toBe(5);
    expect(await login(unknown, 'apa-saja-123', 'addr-f-new')).toEqual({ ok: false, error: 'loginTooMany', waitMinutes: 15 });

    // And it counts against the address.
    await failTimes(4, '081299997777', 'addr-g');
    expect(await failuresFor(addressKey('addr-g'))).toBe(4);
  });

  it('input errors (empty, malformed, foreign) are answered without counting', async () => {
    at(Date.UTC(2026, 10, 7, 8, 0));
    expect(await login('', 'x', 'addr-h')).toEqual({ ok: false, error: 'phoneEmpty' });
    expect(await login('abc', 'x', 'addr-h')).toEqual({ ok: false, error: 'phoneInvalid' });
    expect(await login('+1 415 555 0100', 'x', 'addr-h')).toEqual({ ok: false, error: 'phoneForeign' });
    expect(await login('9'.repeat(1000), 'x', 'addr-h')).toEqual({ ok: false, error: 'phoneInvalid' });
    expect(await login('081100000012', '', 'addr-h')).toEqual({ ok: false, error: 'passwordEmpty' });
    expect(await failuresFor(addressKey('addr-h'))).toBe(0);
    // A 1,000-character password is simply wrong, and answered quickly.
    expect(await login('081100000012', 'x'.repeat(1001), 'addr-h')).toEqual({ ok: false, error: 'loginFailed' });
  });
});
