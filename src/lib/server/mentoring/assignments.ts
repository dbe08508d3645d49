import { z } from 'astro/zod';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '@db/client';
import { cohortMembers, cohorts, mentorAssignments, users } from '@db/schema';
import { parseForm, type FieldErrors } from '../../validation';
import { newId } from '../auth/tokens';

const assignSchema = z.object({
  learnerId: z.string({ required_error: 'learnerUnknown' }).min(1, 'learnerUnknown').max(40, 'learnerUnknown'),
  mentorId: z.string({ required_error: 'mentorUnknown' }).min(1, 'mentorUnknown').max(40, 'mentorUnknown'),
});

export type AssignResult = { ok: true; learnerName: string; mentorName: string } | { ok: false; errors: FieldErrors };

/**
 * Assigns (or reassigns) a learner's mentor. The current row is closed and a new one opened in
 * one batch, so the history is complete and a learner never has two current mentors.
 */
export async function assignMentor(input: unknown, assignedBy: string, now = Date.now()): Promise<AssignResult> {
  const parsed = parseForm(assignSchema, input);
  if (!parsed.ok) return parsed;
  const { learnerId, mentorId } = parsed.data;
  const [learner] = await db().select().from(users).where(eq(users.id, learnerId)).limit(1);
  if (!learner || learner.role !== 'learner' || learner.deletedAt !== null) return { ok: false, errors: { learnerId: 'learnerUnknown' } };
  const [mentor] = await db().select().from(users).where(eq(users.id, mentorId)).limit(1);
  if (!mentor || mentor.deletedAt !== null) return { ok: false, errors: { mentorId: 'mentorUnknown' } };
  if (mentor.role !== 'mentor') return { ok: false, errors: { mentorId: 'notAMentor' } };

  const [current] = await db()
    .select({ id: mentorAssignments.id, mentorId: mentorAssignments.mentorId })
    .from(mentorAssignments)
    .where(and(eq(mentorAssignments.learnerId, learnerId), isNull(mentorAssignments.until)));
  if (current?.mentorId === mentorId) return { ok: false, errors: { mentorId: 'alreadyAssigned' } };
  await db().batch([
    db()
      .update(mentorAssignments)
      .set({ until: now })
      .where(and(eq(mentorAssignments.learnerId, learnerId), isNull(mentorAssignments.until))),
    db().insert(mentorAssignments).values({ id: newId(), mentorId, learnerId, assignedBy, from: now }),
  ]);
  return { ok: true, learnerName: learner.name, mentorName: mentor.name };
}

/**
 * The mentor a learner who joins a cohort gets: of the mentors who follow learners of
 * that cohort now, the one with the fewest current learners (then by name). None when the cohort
 * has no mentor yet: the learner then waits in the trainer's "Peserta tanpa pendamping".
 */
export async function leastLoadedCohortMentor(cohortId: string): Promise<string | undefined> {
  const current = alias(mentorAssignments, 'current');
  const learner = alias(users, 'learner');
  const mentor = alias(users, 'mentor');
  const inCohort = db()
    .selectDistinct({ id: mentorAssignments.mentorId })
    .from(mentorAssignments)
    .innerJoin(cohortMembers, and(eq(cohortMembers.userId, mentorAssignments.learnerId), eq(cohortMembers.cohortId, cohortId)))
    .where(isNull(mentorAssignments.until));
  const [row] = await db()
    .select({ id: mentor.id, load: sql<number>`count(${learner.id})` })
    .from(mentor)
    .leftJoin(current, and(eq(current.mentorId, mentor.id), isNull(current.until)))
    .leftJoin(learner, and(eq(learner.id, current.learnerId), isNull(learner.deletedAt)))
    .where(and(eq(mentor.role, 'mentor'), isNull(mentor.deletedAt), inArray(mentor.id, inCohort)))
    .groupBy(mentor.id)
    .orderBy(sql`count(${learner.id})`, asc(mentor.name), asc(mentor.id))
    .limit(1);
  return row?.id;
}

/** The mentor with the fewest current learners of all (the one-tap suggestion for a learner without one). */
export async function leastLoadedMentor(): Promise<{ id: string; name: string; learners: number } | undefined> {
  const learner = alias(users, 'learner');
  const [row] = await db()
    .select({ id: users.id, name: users.name, learners: sql<number>`count(${learner.id})` })
    .from(users)
    .leftJoin(mentorAssignments, and(eq(mentorAssignments.mentorId, users.id), isNull(mentorAssignments.until)))
    .leftJoin(learner, and(eq(learner.id, mentorAssignments.learnerId), isNull(learner.deletedAt)))
    .where(and(eq(users.role, 'mentor'), isNull(users.deletedAt)))
    .groupBy(users.id)
    .orderBy(sql`count(${learner.id})`, asc(users.name), asc(users.id))
    .limit(1);
  return row ? { ...row, learners: Number(row.learners) } : undefined;
}

/** The learner's current mentor (name and phone for the WhatsApp link). */
export async function learnerMentor(learnerId: string) {
  const [row] = await learnerMentorQuery(learnerId);
  return row;
}

/** The query of learnerMentor(), to run inside a batch of reads (the lesson page's). */
export function learnerMentorQuery(learnerId: string) {
  return db()
    .select({ id: users.id, name: users.name, phone: users.phone })
    .from(mentorAssignments)
    .innerJoin(users, eq(users.id, mentorAssignments.mentorId))
    .where(and(eq(mentorAssignments.learnerId, learnerId), isNull(mentorAssignments.until)))
    .limit(1);
}

/** Every learner with their current mentor, for the trainer's lists. */
export async function learnersWithMentors() {
  const mentor = alias(users, 'mentor');
  return db()
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
      mentorName: mentor.name,
      cohortName: cohorts.name,
    })
    .from(users)
    .leftJoin(mentorAssignments, and(eq(mentorAssignments.learnerId, users.id), isNull(mentorAssignments.until)))
    .leftJoin(mentor, eq(mentor.id, mentorAssignments.mentorId))
    .leftJoin(cohortMembers, eq(cohortMembers.userId, users.id))
    .leftJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(and(eq(users.role, 'learner'), isNull(users.deletedAt)))
    .orderBy(asc(users.name));
}

export async function mentorOptions() {
  return db()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'mentor'), isNull(users.deletedAt)))
    .orderBy(asc(users.name));
}

/** Every assignment of a learner, newest first (the kept history). */
export async function assignmentHistory(learnerId: string) {
  return db()
    .select({ mentorName: users.name, from: mentorAssignments.from, until: mentorAssignments.until })
    .from(mentorAssignments)
    .innerJoin(users, eq(users.id, mentorAssignments.mentorId))
    .where(eq(mentorAssignments.learnerId, learnerId))
    .orderBy(desc(mentorAssignments.from));
}
