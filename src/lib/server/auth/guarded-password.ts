import { dummyPasswordHash, verifyPassword } from './password';
import { trustedDeviceKey } from './device-cookie';
import { clearLoginFailures, limitKeys, loginWaitMinutes, recordLoginFailure } from './rate-limit';

export type GuardedResult = { ok: true } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'tooMany'; waitMinutes: number };

/**
 * Every check of a password someone types (login, deleting one's own account) goes through
 * here, so each has the same limit: refused without checking when a key is locked, counted when
 * wrong, forgiven when right. `passwordHash` null (no such account, or no password yet) is
 * checked against a dummy hash, so timing does not tell which numbers have accounts.
 */
export async function checkPasswordGuarded(input: {
  e164: string;
  userId: string | null;
  passwordHash: string | null;
  password: string;
  address: string;
  deviceCookie?: string;
  now: number;
}): Promise<GuardedResult> {
  const deviceKey = await trustedDeviceKey(input.deviceCookie, input.userId, input.now);
  const keys = limitKeys(input.e164, input.address, deviceKey);
  const waitMinutes = await loginWaitMinutes(keys, input.now);
  if (waitMinutes > 0) return { ok: false, reason: 'tooMany', waitMinutes };
  const valid = await verifyPassword(input.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!valid || !input.passwordHash) {
    await recordLoginFailure(keys, input.e164, input.now);
    return { ok: false, reason: 'wrong' };
  }
  await clearLoginFailures(input.e164);
  return { ok: true };
}
