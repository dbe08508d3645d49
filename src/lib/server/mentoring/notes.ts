import { z } from 'astro/zod';
import { desc, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { mentorNotes, users } from '@db/schema';
import type { SessionUser } from '../auth/session';
import { parseForm, type FieldErrors } from '../../validation';
import { newId } from '../auth/tokens';
import { maySeeLearner } from '../access/learner-scope';

const noteSchema = z.object({
  note: z.string({ required_error: 'noteEmpty' }).trim().min(1, 'noteEmpty').max(2000, 'feedbackLong'),
});

/** Private notes: mentors of the learner and trainers write and read them; learners never. */
export async function addNote(
  actor: Pick<SessionUser, 'id' | 'role'>,
  learnerId: string,
  input: unknown,
  now = Date.now(),
): Promise<{ ok: true } | { ok: false; status: 400 | 404; errors: FieldErrors }> {
  if (actor.role === 'learner' || !(await maySeeLearner(actor, learnerId))) return { ok: false, status: 404, errors: { _form: 'learnerUnknown' } };
  const parsed = parseForm(noteSchema, input);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  await db().insert(mentorNotes).values({ id: newId(), learnerId, authorId: actor.id, text: parsed.data.note, createdAt: now });
  return { ok: true };
}

export async function notesFor(learnerId: string) {
  return db()
    .select({ id: mentorNotes.id, text: mentorNotes.text, createdAt: mentorNotes.createdAt, author: users.name })
    .from(mentorNotes)
    .leftJoin(users, eq(users.id, mentorNotes.authorId))
    .where(eq(mentorNotes.learnerId, learnerId))
    .orderBy(desc(mentorNotes.createdAt));
}
