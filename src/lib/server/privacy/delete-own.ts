import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { users } from '@db/schema';
import { checkPasswordGuarded } from '../auth/guarded-password';
import { eraseLearner } from './erase';

export const DELETE_WORD = 'HAPUS';

export type DeleteOwnResult =
  { ok: true } | { ok: false; error: 'deleteConfirm' | 'deletePassword' } | { ok: false; error: 'loginTooMany'; waitMinutes: number };

/**
 * A learner deletes their own account: they type HAPUS and their password, so a borrowed phone
 * cannot do it by one tap. The password check has the login's limit (checkPasswordGuarded), so
 * an open session cannot be used to guess the password here either.
 */
export async function deleteOwnAccount(
  userId: string,
  input: { confirm?: string; password?: string },
  context: { address: string; deviceCookie?: string; now?: number },
): Promise<DeleteOwnResult> {
  if ((input.confirm ?? '').trim().toUpperCase() !== DELETE_WORD) return { ok: false, error: 'deleteConfirm' };
  const [user] = await db().select({ passwordHash: users.passwordHash, role: users.role, phone: users.phone }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.role !== 'learner' || !user.phone) return { ok: false, error: 'deletePassword' };
  const check = await checkPasswordGuarded({
    e164: user.phone,
    userId,
    passwordHash: user.passwordHash,
    password: (input.password ?? '').slice(0, 200),
    address: context.address,
    deviceCookie: context.deviceCookie,
    now: context.now ?? Date.now(),
  });
  if (!check.ok)
    return check.reason === 'tooMany' ? { ok: false, error: 'loginTooMany', waitMinutes: check.waitMinutes } : { ok: false, error: 'deletePassword' };
  await eraseLearner(userId);
  return { ok: true };
}
