import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { users, type Role } from '@db/schema';
import { normalizePhone } from '../../phone';
import { checkPasswordGuarded } from '../auth/guarded-password';
import { rememberDevice } from '../auth/device-cookie';
import { createSession } from '../auth/session';

export type LoginResult =
  | { ok: true; token: string; role: Role; deviceCookie: string }
  | { ok: false; error: 'phoneEmpty' | 'phoneInvalid' | 'phoneForeign' | 'passwordEmpty' | 'loginFailed' }
  | { ok: false; error: 'loginTooMany'; waitMinutes: number };

/**
 * Phone + password login, limited by checkPasswordGuarded (per address and account, per account,
 * per address, or per known device). A success also remembers this device for the account.
 */
export async function login(
  phoneInput: string,
  password: string,
  address: string,
  options: { deviceCookie?: string; now?: number } = {},
): Promise<LoginResult> {
  const now = options.now ?? Date.now();
  const phone = normalizePhone(phoneInput);
  if (!phone.ok) return { ok: false, error: phone.error };
  if (password === '') return { ok: false, error: 'passwordEmpty' };
  if (password.length > 1000) return { ok: false, error: 'loginFailed' };

  const [user] = await db()
    .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.phone, phone.e164))
    .limit(1);
  const usable = user && user.deletedAt === null ? user : undefined;
  const check = await checkPasswordGuarded({
    e164: phone.e164,
    userId: usable?.id ?? null,
    passwordHash: usable?.passwordHash ?? null,
    password,
    address,
    deviceCookie: options.deviceCookie,
    now,
  });
  if (!check.ok) {
    if (check.reason === 'tooMany') return { ok: false, error: 'loginTooMany', waitMinutes: check.waitMinutes };
    // An account without a password answers like a wrong password: the login page never says which numbers have accounts.
    return { ok: false, error: 'loginFailed' };
  }
  const { token } = await createSession(usable!.id, now);
  return { ok: true, token, role: usable!.role, deviceCookie: await rememberDevice(options.deviceCookie, usable!.id, now) };
}
