import { z } from 'astro/zod';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { batchAll, db } from '@db/client';
import { cohortMembers, mentorAssignments, users } from '@db/schema';
import { parseForm, type FieldErrors } from '../../validation';
import { newId } from '../auth/tokens';

/** At most this many learners in one bulk assignment (the size of the biggest import). */
export const BULK_MAX = 2000;

const bulkSchema = z.object({
  learnerIds: z
    .array(z.string().trim().max(40, 'learnerUnknown'), { required_error: 'trChooseLearners', invalid_type_error: 'trChooseLearners' })
    .transform((ids) => [...new Set(ids.filter(Boolean))])
    .refine((ids) => ids.length > 0, 'trChooseLearners')
    .refine((ids) => ids.length <= BULK_MAX, 'trTooManyChosen'),
  mentorId: z.string({ required_error: 'trMentorMissing', invalid_type_error: 'trMentorMissing' }).trim().min(1, 'trMentorMissing').max(40, 'mentorUnknown'),
});

export type BulkAssignResult = { ok: true; mentorName: string; changed: number; unchanged: number } | { ok: false; errors: FieldErrors };

const chunks = <T>(items: T[], size = 400): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Gives several learners one mentor at once. Like assignMentor, every change closes the learner's
 * current row and opens a new one, so the history is kept; learners who already have this mentor
 * are left as they are. All or nothing: one unknown learner (or, with `cohortId`, one who is not
 * in that cohort) and nothing changes.
 */
export async function assignMentorBulk(input: unknown, assignedBy: string, options: { cohortId?: string; now?: number } = {}): Promise<BulkAssignResult> {
  const now = options.now ?? Date.now();
  const parsed = parseForm(bulkSchema, input);
  if (!parsed.ok) return parsed;
  const { learnerIds, mentorId } = parsed.data;

  const [mentor] = await db().select().from(users).where(eq(users.id, mentorId)).limit(1);
  if (!mentor || mentor.deletedAt !== null) return { ok: false, errors: { mentorId: 'mentorUnknown' } };
  if (mentor.role !== 'mentor') return { ok: false, errors: { mentorId: 'notAMentor' } };

  let found = 0;
  const current = new Map<string, string>();
  for (const part of chunks(learnerIds)) {
    const learners = await db()
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          inArray(users.id, part),
          eq(users.role, 'learner'),
          isNull(users.deletedAt),
          ...(options.cohortId
            ? [inArray(users.id, db().select({ id: cohortMembers.userId }).from(cohortMembers).where(eq(cohortMembers.cohortId, options.cohortId)))]
            : []),
        ),
      );
    found += learners.length;
    const open = await db()
      .select({ learnerId: mentorAssignments.learnerId, mentorId: mentorAssignments.mentorId })
      .from(mentorAssignments)
      .where(and(inArray(mentorAssignments.learnerId, part), isNull(mentorAssignments.until)));
    for (const row of open) current.set(row.learnerId, row.mentorId);
  }
  if (found !== learnerIds.length) return { ok: false, errors: { learnerIds: 'trLearnersUnknown' } };

  const changing = learnerIds.filter((id) => current.get(id) !== mentorId);
  if (changing.length > 0) {
    const statements = chunks(changing).flatMap((part) => [
      db()
        .update(mentorAssignments)
        .set({ until: now })
        .where(and(inArray(mentorAssignments.learnerId, part), isNull(mentorAssignments.until), ne(mentorAssignments.mentorId, mentorId))),
      db()
        .insert(mentorAssignments)
        .values(part.map((learnerId) => ({ id: newId(), mentorId, learnerId, assignedBy, from: now }))),
    ]);
    await batchAll(statements);
  }
  return { ok: true, mentorName: mentor.name, changed: changing.length, unchanged: learnerIds.length - changing.length };
}
