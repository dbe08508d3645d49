import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { users, type Role } from '@db/schema';
import { normalizePhone } from '../../phone';
import { dummyPasswordHash, verifyPassword } from '../auth/password';
import { addressKey, clearLoginFailures, loginWaitMinutes, phoneKey, recordLoginFailure } from '../auth/rate-limit';
import { createSession } from '../auth/session';

export type LoginResult =
  | { ok: true; token: string; role: Role }
  | { ok: false; error: 'phoneEmpty' | 'phoneInvalid' | 'phoneForeign' | 'passwordEmpty' | 'loginFailed' }
  | { ok: false; error: 'loginTooMany'; waitMinutes: number };

/**
 * Phone + password login. Every failure is counted per phone and per client address; the
 * sixth inside 15 minutes is refused before the password is even checked.
 */
export async function login(phoneInput: string, password: string, address: string): Promise<LoginResult> {
  const phone = normalizePhone(phoneInput);
  if (!phone.ok) return { ok: false, error: phone.error };
  if (password === '') return { ok: false, error: 'passwordEmpty' };
  if (password.length > 1000) return { ok: false, error: 'loginFailed' };

  const keys = [phoneKey(phone.e164), addressKey(address)];
  const waitMinutes = await loginWaitMinutes(keys);
  if (waitMinutes > 0) return { ok: false, error: 'loginTooMany', waitMinutes };

  const [user] = await db()
    .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.phone, phone.e164))
    .limit(1);
  const usable = user && user.deletedAt === null;
  // Hash even when there is no user, so timing does not tell which numbers have accounts.
  const valid = await verifyPassword((usable && user.passwordHash) || (await dummyPasswordHash()), password);
  if (!usable || !valid || !user.passwordHash) {
    await recordLoginFailure(keys, phone.e164);
    // An account without a password answers like a wrong password: the login page never says which numbers have accounts.
    return { ok: false, error: 'loginFailed' };
  }
  await clearLoginFailures(phone.e164);
  const { token } = await createSession(user.id);
  return { ok: true, token, role: user.role };
}
