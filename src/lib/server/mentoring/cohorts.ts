import { z } from 'astro/zod';
import { and, asc, countDistinct, eq, isNull } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, cohorts, mentorAssignments, users } from '@db/schema';
import { httpsLink, isoDate, parseForm, text, type FieldErrors } from '../../validation';
import { newId } from '../auth/tokens';
import { isUniqueViolation } from '../db-errors';

export const cohortSchema = z
  .object({
    name: text(80),
    kecamatan: text(60),
    joinCode: z
      .string({ required_error: 'joinCodeEmpty' })
      .trim()
      .min(1, 'joinCodeEmpty')
      .transform((v) => v.toUpperCase())
      .refine((v) => /^[A-Z0-9-]{4,20}$/.test(v), 'joinCodeFormat'),
    waGroupLink: httpsLink,
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn, { path: ['endsOn'], message: 'dateOrder' });

export async function createCohort(input: unknown, now = Date.now()): Promise<{ ok: true; id: string; name: string } | { ok: false; errors: FieldErrors }> {
  const parsed = parseForm(cohortSchema, input);
  if (!parsed.ok) return parsed;
  const taken = await db().select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.joinCode, parsed.data.joinCode)).limit(1);
  if (taken.length) return { ok: false, errors: { joinCode: 'joinCodeTaken' } };
  const id = newId();
  try {
    await db()
      .insert(cohorts)
      .values({ id, ...parsed.data, createdAt: now });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { joinCode: 'joinCodeTaken' } };
    throw error;
  }
  return { ok: true, id, name: parsed.data.name };
}

/** Cohorts with how many learners they hold and how many distinct mentors follow them now. */
export async function listCohortsWithCounts() {
  return db()
    .select({
      id: cohorts.id,
      name: cohorts.name,
      kecamatan: cohorts.kecamatan,
      joinCode: cohorts.joinCode,
      members: countDistinct(users.id),
      mentors: countDistinct(mentorAssignments.mentorId),
    })
    .from(cohorts)
    .leftJoin(cohortMembers, eq(cohortMembers.cohortId, cohorts.id))
    .leftJoin(users, and(eq(users.id, cohortMembers.userId), isNull(users.deletedAt)))
    .leftJoin(mentorAssignments, and(eq(mentorAssignments.learnerId, users.id), isNull(mentorAssignments.until)))
    .groupBy(cohorts.id)
    .orderBy(asc(cohorts.createdAt));
}

export async function cohortOptions() {
  return db().select({ id: cohorts.id, name: cohorts.name }).from(cohorts).orderBy(asc(cohorts.name));
}

/** The learner's cohort (the first they joined) — a learner belongs to one cohort at a time in practice. */
export async function learnerCohort(userId: string) {
  const [row] = await db()
    .select({ id: cohorts.id, name: cohorts.name, kecamatan: cohorts.kecamatan, waGroupLink: cohorts.waGroupLink })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(eq(cohortMembers.userId, userId))
    .orderBy(asc(cohortMembers.joinedAt))
    .limit(1);
  return row;
}
