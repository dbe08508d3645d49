/**
 * Sessions following lucia-auth.com, in-process against a real migrated libSQL temp file:
 * what is stored, token strength, validation, expiry, sliding refresh, fixation, logout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { sessions } from '../../db/schema';
import { ABSOLUTE_MS, createSession, IDLE_MS, invalidateSession, invalidateUserSessions, validateSessionToken } from '../../src/lib/server/auth/session';
import { hashSecret, randomToken } from '../../src/lib/server/auth/tokens';
import { login } from '../../src/lib/server/accounts/login';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const LEARNER = 'demo-learner-1';
const MENTOR = 'demo-mentor-1';

let database: Database;

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
});

async function allSessionRows(): Promise<Record<string, unknown>[]> {
  const result = await database.$client.execute('SELECT * FROM sessions');
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, row[c as keyof typeof row]])));
}

async function sessionRow(id: string) {
  const [row] = await database.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

function split(token: string): [string, string] {
  const [id, secret] = token.split('.');
  return [id, secret];
}

describe('what the sessions table holds', () => {
  it('never the raw token nor the secret, in any column of any row', async () => {
    const tokens: string[] = [];
    for (const user of [LEARNER, MENTOR, 'demo-trainer']) tokens.push((await createSession(user)).token);
    const viaLogin = await login('081100000012', 'belajar-demo', 'addr-storage');
    expect(viaLogin.ok).toBe(true);
    if (viaLogin.ok) tokens.push(viaLogin.token);

    const rows = await allSessionRows();
    expect(rows.length).toBeGreaterThanOrEqual(tokens.length);
    for (const token of tokens) {
      const [, secret] = split(token);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          const stored = String(value);
          expect(stored, `column ${column}`).not.toContain(secret);
          expect(stored, `column ${column}`).not.toContain(token);
        }
      }
      // What is kept is the SHA-256 of the secret (64 hex characters), nothing else secret.
      const [id] = split(token);
      const row = await sessionRow(id);
      expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.secretHash).toBe(hashSecret(secret));
    }
  });
});

describe('token format and strength', () => {
  it('is id.secret with at least 120 random bits in each part', async () => {
    const { token } = await createSession(LEARNER);
    expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
    const [id, secret] = split(token);
    expect(id).not.toBe(secret);
    for (const part of [id, secret]) {
      const bytes = decodeBase32IgnorePadding(part.toUpperCase());
      expect(bytes.length * 8).toBeGreaterThanOrEqual(120);
      // 32 base32 characters carry 5 bits each.
      expect(part.length * 5).toBeGreaterThanOrEqual(120);
    }
  });

  it('never repeats and uses the whole alphabet (not a counter or a timestamp)', () => {
    const seen = new Set<string>();
    const chars = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const t = randomToken();
      seen.add(t);
      for (const c of t) chars.add(c);
    }
    expect(seen.size).toBe(2000);
    expect(chars.size).toBe(32);
  });
});

describe('validateSessionToken', () => {
  it('returns the session and its user for a real token', async () => {
    const now = Date.now();
    const { token, session } = await createSession(MENTOR, now);
    const result = await validateSessionToken(token, now + 1000);
    expect(result).not.toBeNull();
    expect(result!.session.id).toBe(session.id);
    expect(result!.user).toMatchObject({ id: MENTOR, role: 'mentor', name: 'Mbak Dewi', phone: '+6281100000002', locale: 'id' });
    expect(result!.refreshed).toBe(false);
  });

  it('rejects a forged secret with a real id, and the real session survives', async () => {
    const { token } = await createSession(LEARNER);
    const [id, secret] = split(token);
    const forgedSecrets = [randomToken(), secret.slice(0, 31) + (secret[31] === 'a' ? 'b' : 'a'), secret.toUpperCase()];
    for (const forged of forgedSecrets) {
      expect(await validateSessionToken(`${id}.${forged}`)).toBeNull();
    }
    expect(await sessionRow(id)).toBeDefined();
    expect((await validateSessionToken(token))?.user.id).toBe(LEARNER);
  });

  it.each([
    [''],
    ['a.b'],
    ['.'],
    ['nodot'],
    ['x'.repeat(32) + '.' + 'y'.repeat(32)],
    [`${randomToken()}.${randomToken()}`],
    [`${randomToken()}.${randomToken()}.${randomToken()}`],
    ["' OR 1=1 --.x"],
  ])('rejects the forged token %j', async (token) => {
    expect(await validateSessionToken(token)).toBeNull();
  });

  it('rejects a token whose id is another session id (secrets are not interchangeable)', async () => {
    const a = await createSession(LEARNER);
    const b = await createSession(MENTOR);
    const [idA] = split(a.token);
    const [, secretB] = split(b.token);
    expect(await validateSessionToken(`${idA}.${secretB}`)).toBeNull();
  });
});

describe('expiry', () => {
  it('an idle session (30 days without a request) is rejected and deleted', async () => {
    const t0 = Date.UTC(2026, 0, 1);
    const { token, session } = await createSession(LEARNER, t0);
    expect(IDLE_MS).toBe(30 * DAY);
    // Just before the limit it still works (without a refresh write it would expire at t0 + 30 d).
    const { token: other, session: otherSession } = await createSession(LEARNER, t0);
    expect(await validateSessionToken(other, t0 + 30 * DAY - 1)).not.toBeNull();
    expect((await sessionRow(otherSession.id)).lastActiveAt).toBe(t0 + 30 * DAY - 1);

    expect(await validateSessionToken(token, t0 + 30 * DAY)).toBeNull();
    expect(await sessionRow(session.id)).toBeUndefined();
    // Once deleted it stays rejected, even at a time it would have been valid.
    expect(await validateSessionToken(token, t0 + DAY)).toBeNull();
  });

  it('a session older than 90 days is rejected and deleted even when used every day', async () => {
    const t0 = Date.UTC(2026, 1, 1);
    const { token, session } = await createSession(LEARNER, t0);
    expect(ABSOLUTE_MS).toBe(90 * DAY);
    for (let day = 10; day < 90; day += 10) {
      const result = await validateSessionToken(token, t0 + day * DAY);
      expect(result, `day ${day}`).not.toBeNull();
    }
    expect(await validateSessionToken(token, t0 + 90 * DAY - HOUR)).not.toBeNull();
    expect((await sessionRow(session.id)).lastActiveAt).toBe(t0 + 90 * DAY - HOUR);
    // Active an hour ago, but 90 days old.
    expect(await validateSessionToken(token, t0 + 90 * DAY)).toBeNull();
    expect(await sessionRow(session.id)).toBeUndefined();
  });

  it('a session of a deleted user is rejected and deleted', async () => {
    const { token, session } = await createSession('demo-learner-6');
    await database.$client.execute({ sql: 'UPDATE users SET deleted_at = ? WHERE id = ?', args: [Date.now(), 'demo-learner-6'] });
    try {
      expect(await validateSessionToken(token)).toBeNull();
      expect(await sessionRow(session.id)).toBeUndefined();
    } finally {
      await database.$client.execute({ sql: 'UPDATE users SET deleted_at = NULL WHERE id = ?', args: ['demo-learner-6'] });
    }
  });
});

describe('sliding refresh', () => {
  it('updates last_active_at when the session is used after an hour, not on every request', async () => {
    const t0 = Date.UTC(2026, 2, 1);
    const { token, session } = await createSession(LEARNER, t0);

    const early = await validateSessionToken(token, t0 + 30 * 60_000);
    expect(early?.refreshed).toBe(false);
    expect((await sessionRow(session.id)).lastActiveAt).toBe(t0);

    const later = await validateSessionToken(token, t0 + 2 * HOUR);
    expect(later?.refreshed).toBe(true);
    expect(later?.session.lastActiveAt).toBe(t0 + 2 * HOUR);
    expect((await sessionRow(session.id)).lastActiveAt).toBe(t0 + 2 * HOUR);

    // Thanks to the refresh the session lives 30 days from its last use, not from its creation.
    expect(await validateSessionToken(token, t0 + 2 * HOUR + 29 * DAY)).not.toBeNull();
    expect((await sessionRow(session.id)).createdAt).toBe(t0);
  });
});

describe('login and logout', () => {
  it('every login issues a brand-new token (no session fixation)', async () => {
    const before = (await allSessionRows()).map((r) => r.id);
    const first = await login('081100000013', 'belajar-demo', 'addr-fixation');
    const second = await login('0811-0000-0013', 'belajar-demo', 'addr-fixation');
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.token).not.toBe(second.token);
    const [id1, secret1] = split(first.token);
    const [id2, secret2] = split(second.token);
    expect(id1).not.toBe(id2);
    expect(secret1).not.toBe(secret2);
    expect(before).not.toContain(id1);
    expect(before).not.toContain(id2);
    expect((await validateSessionToken(first.token))?.user.id).toBe('demo-learner-3');
    expect((await validateSessionToken(second.token))?.user.id).toBe('demo-learner-3');
  });

  it('a failed login creates no session', async () => {
    const count = (await allSessionRows()).length;
    const result = await login('081100000014', 'salah-sandi', 'addr-failed');
    expect(result).toEqual({ ok: false, error: 'loginFailed' });
    expect((await allSessionRows()).length).toBe(count);
  });

  it('invalidateSession (logout) deletes the row and the token stops working', async () => {
    const result = await login('081100000014', 'belajar-demo', 'addr-logout');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [id] = split(result.token);
    expect(await validateSessionToken(result.token)).not.toBeNull();
    await invalidateSession(id);
    expect(await sessionRow(id)).toBeUndefined();
    expect(await validateSessionToken(result.token)).toBeNull();
  });

  it('invalidateUserSessions ends every session of that user only', async () => {
    const a = await createSession('demo-learner-5');
    const b = await createSession('demo-learner-5');
    const other = await createSession('demo-learner-4');
    await invalidateUserSessions('demo-learner-5');
    expect(await validateSessionToken(a.token)).toBeNull();
    expect(await validateSessionToken(b.token)).toBeNull();
    expect(await database.select().from(sessions).where(eq(sessions.userId, 'demo-learner-5'))).toEqual([]);
    expect((await validateSessionToken(other.token))?.user.id).toBe('demo-learner-4');
  });
});
