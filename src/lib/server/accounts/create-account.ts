import { z } from 'astro/zod';
import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, cohorts, users } from '@db/schema';
import { optionalText, parseForm, personName, phone, type FieldErrors } from '../../validation';
import { newId } from '../auth/tokens';
import { phoneTaken } from './users';
import { isUniqueViolation } from '../db-errors';

export const accountSchema = z.object({
  // Trainers create learners and mentors here; a trainer account is made by an operator, not a form.
  role: z.enum(['learner', 'mentor'], { errorMap: () => ({ message: 'roleInvalid' }) }),
  name: personName,
  phone,
  businessName: optionalText(80),
  businessType: optionalText(80),
  kecamatan: optionalText(60),
  cohortId: optionalText(40),
});

/**
 * A trainer creates an account without a password; the person sets one through an invite link.
 * Learners may be placed in a cohort at once. Nothing is written unless everything is valid.
 */
export async function createAccount(input: unknown, now = Date.now()): Promise<{ ok: true; id: string; name: string } | { ok: false; errors: FieldErrors }> {
  const parsed = parseForm(accountSchema, input);
  if (!parsed.ok) return parsed;
  const form = parsed.data;
  if (form.cohortId) {
    const found = await db().select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, form.cohortId)).limit(1);
    if (!found.length) return { ok: false, errors: { cohortId: 'cohortUnknown' } };
  }
  if (await phoneTaken(form.phone)) return { ok: false, errors: { phone: 'phoneTaken' } };
  const id = newId();
  const learner = form.role === 'learner';
  try {
    await db().batch([
      db()
        .insert(users)
        .values({
          id,
          phone: form.phone,
          name: form.name,
          role: form.role,
          businessName: learner ? form.businessName : null,
          businessType: learner ? form.businessType : null,
          kecamatan: form.kecamatan,
          createdAt: now,
        }),
      ...(learner && form.cohortId ? [db().insert(cohortMembers).values({ cohortId: form.cohortId, userId: id, joinedAt: now })] : []),
    ] as const);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { phone: 'phoneTaken' } };
    throw error;
  }
  return { ok: true, id, name: form.name };
}
