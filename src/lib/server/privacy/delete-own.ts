import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { users } from '@db/schema';
import { verifyPassword } from '../auth/password';
import { eraseLearner } from './erase';

export const DELETE_WORD = 'HAPUS';

/** A learner deletes their own account: they type HAPUS and their password, so a borrowed phone cannot do it by one tap. */
export async function deleteOwnAccount(userId: string, input: { confirm?: string; password?: string }): Promise<{ ok: true } | { ok: false; error: 'deleteConfirm' | 'deletePassword' }> {
  if ((input.confirm ?? '').trim().toUpperCase() !== DELETE_WORD) return { ok: false, error: 'deleteConfirm' };
  const [user] = await db().select({ passwordHash: users.passwordHash, role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.role !== 'learner' || !user.passwordHash || !(await verifyPassword(user.passwordHash, (input.password ?? '').slice(0, 200)))) {
    return { ok: false, error: 'deletePassword' };
  }
  await eraseLearner(userId);
  return { ok: true };
}
