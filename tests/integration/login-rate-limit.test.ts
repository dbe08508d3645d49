/**
 * At most 5 failed logins per 15 minutes per phone number, per address and phone, 30 per address,
 * and a known device (device cookie) not locked out by strangers (issues 2 and 15),
 * in-process against a real migrated libSQL temp file with the demo accounts.
 * login() reads the clock itself, so time travel uses vitest's fake Date (timers stay real).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { loginFailures, sessions } from '../../db/schema';
import { login } from '../../src/lib/server/accounts/login';
import { ADDRESS_MAX_FAILURES, addressKey, loginWaitMinutes, MAX_FAILURES, pairKey, phoneKey, WINDOW_MS } from '../../src/lib/server/auth/rate-limit';
import { trustedDeviceKey } from '../../src/lib/server/auth/device-cookie';
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

  it('five misses from a shared address lock only that account there, not everyone behind the address (issue 15)', async () => {
    at(Date.UTC(2026, 10, 2, 8, 0));
    // One person at the village hall gets their password wrong five times.
    await failTimes(5, '081100000012', 'addr-b');
    expect(await failuresFor(pairKey('addr-b', '+6281100000012'))).toBe(5);
    expect(await login('081100000012', LEARNER_PASSWORD, 'addr-b')).toMatchObject({ ok: false, error: 'loginTooMany' });
    // Everybody else behind the same address still logs in.
    expect((await login('081100000014', LEARNER_PASSWORD, 'addr-b')).ok).toBe(true);
  });

  it('the address alone is limited at 30 misses in 15 minutes, over any accounts', async () => {
    expect(ADDRESS_MAX_FAILURES).toBe(30);
    at(Date.UTC(2026, 10, 2, 10, 0));
    for (let i = 0; i < 30; i++)
      expect(await login(`0812999${String(i).padStart(5, '0')}`, 'salah-sandi', 'addr-b3')).toEqual({ ok: false, error: 'loginFailed' });
    expect(await failuresFor(addressKey('addr-b3'))).toBe(30);
    const sessionsBefore = await sessionCount();
    expect(await login('081100000014', LEARNER_PASSWORD, 'addr-b3')).toEqual({ ok: false, error: 'loginTooMany', waitMinutes: 15 });
    expect(await sessionCount()).toBe(sessionsBefore);
    // From another address that account is fine.
    expect((await login('081100000014', LEARNER_PASSWORD, 'addr-b4')).ok).toBe(true);
  });

  it('a device that logged in to the account before still gets in while strangers have locked it; its own misses count against it only', async () => {
    const t0 = Date.UTC(2026, 10, 2, 12, 0);
    at(t0);
    const first = await login('081100000013', LEARNER_PASSWORD, 'addr-home');
    expect(first.ok).toBe(true);
    const device = first.ok ? first.deviceCookie : '';
    expect(device).toMatch(/^demo-learner-3\.\d+\.[A-Za-z0-9_-]{43}$/);
    // An attacker locks the account from elsewhere.
    at(t0 + MINUTE);
    for (let i = 0; i < 5; i++) await login('081100000013', `tebakan-${i}`, `addr-attacker-${i}`);
    expect(await login('081100000013', LEARNER_PASSWORD, 'addr-other')).toMatchObject({ ok: false, error: 'loginTooMany' });
    // The owner's phone, with its device cookie, is not locked out (from any address).
    expect((await login('081100000013', LEARNER_PASSWORD, 'addr-home', { deviceCookie: device })).ok).toBe(true);
    // A forged, another account's or an expired device cookie is no help.
    const [uid, issued] = device.split('.');
    for (const fake of [`${uid}.${issued}.${'A'.repeat(43)}`, device.replace('demo-learner-3', 'demo-learner-4'), 'x'.repeat(2000)]) {
      for (let i = 0; i < 5; i++) await login('081100000013', `tebakan-lagi-${i}`, `addr-attacker2-${i}`);
      expect(await login('081100000013', LEARNER_PASSWORD, 'addr-x', { deviceCookie: fake })).toMatchObject({ ok: false, error: 'loginTooMany' });
    }
    // The device's own misses: five, then it waits too.
    for (let i = 0; i < 5; i++)
      expect(await login('081100000013', `salah-${i}`, 'addr-home', { deviceCookie: device })).toEqual({ ok: false, error: 'loginFailed' });
    expect(await login('081100000013', LEARNER_PASSWORD, 'addr-home', { deviceCookie: device })).toMatchObject({ ok: false, error: 'loginTooMany' });
    // After 180 days the cookie is no longer believed.
    at(t0 + 181 * 24 * 60 * MINUTE);
    expect(await trustedDeviceKey(device, 'demo-learner-3', t0 + 181 * 24 * 60 * MINUTE)).toBeUndefined();
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
