import { z } from 'astro/zod';
import { db } from '@db/client';
import { taskSubmissions } from '@db/schema';
import { parseForm, type FieldErrors } from '../../validation';
import type { LessonMeta } from '../../learning/types';
import { newId } from '../auth/tokens';

export const TASK_TEXT_MAX = 2000;

const submissionSchema = z.object({
  text: z
    .string({ required_error: 'taskTextEmpty', invalid_type_error: 'taskTextEmpty' })
    .trim()
    .min(1, 'taskTextEmpty')
    .max(TASK_TEXT_MAX, 'taskTextLong'),
  link: z
    .string()
    .trim()
    .max(500, 'taskLinkInvalid')
    .optional()
    .transform((v) => (v ? v : null))
    // Only web links: a javascript: or data: link would run in the mentor's browser.
    .refine((v) => v === null || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), 'taskLinkInvalid'),
});

/** A learner hands in evidence for a lesson's practical task; it waits for the mentor's review. */
export async function submitTask(userId: string, lesson: LessonMeta, input: unknown, now = Date.now()): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  if (!lesson.task) return { ok: false, errors: { _form: 'taskNone' } };
  const parsed = parseForm(submissionSchema, input);
  if (!parsed.ok) return parsed;
  const id = newId();
  await db().insert(taskSubmissions).values({
    id,
    userId,
    taskId: lesson.task.id,
    lessonId: lesson.id,
    text: parsed.data.text,
    link: parsed.data.link,
    submittedAt: now,
  });
  return { ok: true, id };
}
