import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../helpers/db';

describe('unique violations through drizzle', () => {
  it('are recognised in the wrapped error, so a race answers "taken" instead of a 500', async () => {
    const { db } = await useTempDatabase({ seed: true });
    const { users } = await import('../../db/schema');
    const { isUniqueViolation } = await import('../../src/lib/server/db-errors');
    const error = await db
      .insert(users)
      .values({ id: 'dup', phone: '+6281100000011', name: 'Dua Kali', role: 'learner', createdAt: Date.now() })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(String(error)).not.toContain('UNIQUE'); // why the old check never matched
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('disk I/O error'))).toBe(false);
  });

  it('two registrations with one phone at the same moment: one account, the other refused without confirming the account', async () => {
    const { registerWithJoinCode } = await import('../../src/lib/server/accounts/register');
    const form = {
      joinCode: 'SDA-2026',
      name: 'Bu Rina',
      phone: '0812 7777 0001',
      password: 'rahasia-sekali',
      passwordRepeat: 'rahasia-sekali',
      consent: 'on',
    };
    const results = await Promise.all([registerWithJoinCode(form), registerWithJoinCode({ ...form, name: 'Bu Rina Kembar' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, errors: { phone: 'registerPhoneRefused' } });
  });
});
