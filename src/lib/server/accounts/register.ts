import { z } from 'astro/zod';
import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, cohorts, mentorAssignments, users } from '@db/schema';
import { leastLoadedCohortMentor } from '../mentoring/assignments';
import { optionalText, parseForm, password, personName, phone, text, type FieldErrors } from '../../validation';
import { hashPassword } from '../auth/password';
import { createSession } from '../auth/session';
import { newId } from '../auth/tokens';
import { phoneTaken } from './users';
import { isUniqueViolation } from '../db-errors';
import { jakartaDate } from '../../wib';

export const registerSchema = z
  .object({
    joinCode: text(20, 'joinCodeEmpty').transform((v) => v.toUpperCase()),
    name: personName,
    phone,
    businessName: optionalText(80),
    businessType: optionalText(80),
    kecamatan: optionalText(60),
    password,
    passwordRepeat: z.string().optional(),
    consent: z.literal('on', { errorMap: () => ({ message: 'consentMissing' }) }),
  })
  .refine((v) => !passwordsDiffer(v), { path: ['passwordRepeat'], message: 'passwordMismatch' });

/** The two password fields differ (checked even when other fields are wrong, so it is said at once). */
function passwordsDiffer(v: { password?: unknown; passwordRepeat?: unknown }): boolean {
  return (v.password ?? '') !== (v.passwordRepeat ?? '');
}

export type RegisterResult = { ok: true; token: string; cohortName: string } | { ok: false; errors: FieldErrors };

/** A learner joins a cohort by its code. User and membership are written together or not at all. */
export async function registerWithJoinCode(input: unknown, now = Date.now()): Promise<RegisterResult> {
  const parsed = parseForm(registerSchema, input);
  if (!parsed.ok) {
    // zod skips the refinement while other fields fail: a mismatch is still reported with them.
    const raw = (input ?? {}) as { password?: unknown; passwordRepeat?: unknown };
    if (!parsed.errors.passwordRepeat && !parsed.errors.password && passwordsDiffer(raw)) parsed.errors.passwordRepeat = 'passwordMismatch';
    return parsed;
  }
  const form = parsed.data;

  const [cohort] = await db().select().from(cohorts).where(eq(cohorts.joinCode, form.joinCode)).limit(1);
  if (!cohort) return { ok: false, errors: { joinCode: 'joinCodeUnknown' } };
  // The cohort admits through its last day in Sidoarjo (WIB), whatever the server's time zone.
  if (cohort.endsOn && jakartaDate(now) > cohort.endsOn) {
    return { ok: false, errors: { joinCode: 'joinCodeEnded' } };
  }
  if (await phoneTaken(form.phone)) return { ok: false, errors: { phone: 'registerPhoneRefused' } };

  const userId = newId();
  const mentorId = await leastLoadedCohortMentor(cohort.id);
  const passwordHash = await hashPassword(form.password);
  try {
    await db().batch([
      db()
        .insert(users)
        .values({
          id: userId,
          phone: form.phone,
          name: form.name,
          role: 'learner',
          passwordHash,
          businessName: form.businessName,
          businessType: form.businessType,
          kecamatan: form.kecamatan ?? cohort.kecamatan,
          consentAt: now,
          createdAt: now,
        }),
      db().insert(cohortMembers).values({ cohortId: cohort.id, userId, joinedAt: now }),
      // Every learner has a mentor from the start when the cohort has one (the trainer can change it).
      ...(mentorId ? [db().insert(mentorAssignments).values({ id: newId(), mentorId, learnerId: userId, assignedBy: null, from: now })] : []),
    ]);
  } catch (error) {
    // Two registrations with one number at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, errors: { phone: 'registerPhoneRefused' } };
    throw error;
  }
  const { token } = await createSession(userId, now);
  return { ok: true, token, cohortName: cohort.name };
}
