import { z } from 'astro/zod';
import { inArray } from 'drizzle-orm';
import { db } from '@db/client';
import { taskSubmissions } from '@db/schema';
import { hasControlChars, type FieldErrors } from '../../validation';
import type { LessonMeta } from '../../learning/types';
import { checkTask, TASK_TEXT_MAX } from '../../learning/task-rules';
import { newId } from '../auth/tokens';

export { TASK_TEXT_MAX };

/** Types only (form fields are strings, or missing); the rules themselves are in learning/task-rules.ts. */
const submissionShape = z.object({
  text: z.string().optional().catch(undefined),
  link: z.string().optional().catch(undefined),
});

/** A submission checked by the rules the phone also applies before it queues one. */
export function parseTaskSubmission(input: unknown): { ok: true; data: { text: string; link: string | null } } | { ok: false; errors: FieldErrors } {
  const shape = submissionShape.safeParse(input ?? {});
  if (!shape.success) return { ok: false, errors: { text: 'taskTextEmpty' } };
  // A NUL or another control character is never stored (as in every other form, see parseForm).
  const control: FieldErrors = {};
  for (const field of ['text', 'link'] as const) if (hasControlChars(shape.data[field] ?? '')) control[field] = 'textControl';
  if (Object.keys(control).length) return { ok: false, errors: control };
  const checked = checkTask(shape.data);
  return checked.ok ? checked : { ok: false, errors: checked.errors as FieldErrors };
}

/**
 * A learner hands in evidence for a lesson's practical task; it waits for the mentor's review.
 * `id` is the one the page made for the form (a UUID): a post that reached the server but whose
 * answer was lost, then sent again from the phone's queue, is stored once.
 */
export async function submitTask(
  userId: string,
  lesson: LessonMeta,
  input: unknown,
  now = Date.now(),
  id = newId(),
): Promise<{ ok: true; id: string; duplicate?: boolean } | { ok: false; errors: FieldErrors }> {
  if (!lesson.task) return { ok: false, errors: { _form: 'taskNone' } };
  const parsed = parseTaskSubmission(input);
  if (!parsed.ok) return parsed;
  const inserted = await db()
    .insert(taskSubmissions)
    .values({ id, userId, taskId: lesson.task.id, lessonId: lesson.id, text: parsed.data.text, link: parsed.data.link, submittedAt: now })
    .onConflictDoNothing()
    .returning({ id: taskSubmissions.id });
  if (inserted.length > 0) return { ok: true, id };
  const [owner] = await db()
    .select({ userId: taskSubmissions.userId })
    .from(taskSubmissions)
    .where(inArray(taskSubmissions.id, [id]));
  if (owner?.userId === userId) return { ok: true, id, duplicate: true };
  return { ok: false, errors: { _form: 'eventIdTaken' } };
}
