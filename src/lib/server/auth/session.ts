import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { sessions, users, type Role } from '@db/schema';
import { hashSecret, randomToken, secretMatches } from './tokens';

/** Following lucia-auth.com: a token is `id.secret`; the id finds the row, the secret proves it. */
export const SESSION_COOKIE = 'melek_session';
export const IDLE_MS = 30 * 24 * 3600_000;
export const ABSOLUTE_MS = 90 * 24 * 3600_000;
/** Sliding refresh writes at most once an hour per session, not on every request. */
const REFRESH_AFTER_MS = 3600_000;

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  phone: string | null;
  locale: 'id' | 'en';
  /** "Hemat kuota": pages leave out everything that is not needed. */
  dataSaver: boolean;
}

export interface Session {
  id: string;
  userId: string;
  createdAt: number;
  lastActiveAt: number;
}

export async function createSession(userId: string, now = Date.now()): Promise<{ token: string; session: Session }> {
  const id = randomToken();
  const secret = randomToken();
  const session = { id, userId, createdAt: now, lastActiveAt: now };
  await db()
    .insert(sessions)
    .values({ ...session, secretHash: hashSecret(secret) });
  return { token: `${id}.${secret}`, session };
}

export function sessionExpired(session: Pick<Session, 'createdAt' | 'lastActiveAt'>, now = Date.now()): boolean {
  return now - session.lastActiveAt >= IDLE_MS || now - session.createdAt >= ABSOLUTE_MS;
}

/** The user behind a cookie value, or null for anything forged, expired or deleted. */
export async function validateSessionToken(token: string, now = Date.now()): Promise<{ session: Session; user: SessionUser; refreshed: boolean } | null> {
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[a-z2-7]{32}$/.test(parts[0]) || !/^[a-z2-7]{32}$/.test(parts[1])) return null;
  const [id, secret] = parts;
  const rows = await db()
    .select({
      id: sessions.id,
      secretHash: sessions.secretHash,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastActiveAt: sessions.lastActiveAt,
      name: users.name,
      role: users.role,
      phone: users.phone,
      locale: users.locale,
      dataSaver: users.dataSaver,
      deletedAt: users.deletedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  const row = rows[0];
  if (!row || !secretMatches(secret, row.secretHash)) return null;
  if (row.deletedAt !== null || sessionExpired(row, now)) {
    await invalidateSession(id);
    return null;
  }
  const session: Session = { id, userId: row.userId, createdAt: row.createdAt, lastActiveAt: row.lastActiveAt };
  const refreshed = now - row.lastActiveAt >= REFRESH_AFTER_MS;
  if (refreshed) {
    session.lastActiveAt = now;
    await db().update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, id));
  }
  return { session, refreshed, user: { id: row.userId, name: row.name, role: row.role, phone: row.phone, locale: row.locale, dataSaver: row.dataSaver } };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(userId: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.userId, userId));
}
