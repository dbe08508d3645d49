import type { CourseModule } from '../../learning/types';
import { z } from 'astro/zod';
import { and, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { taskSubmissions } from '@db/schema';
import type { SessionUser } from '../auth/session';
import { parseForm, type FieldErrors } from '../../validation';
import { maySeeLearner } from '../access/learner-scope';
import { certificateHookFailed, issueEligibleCertificates } from '../indicator/certificates';
import { allLessons } from '../../learning/curriculum';

export const FEEDBACK_MAX = 2000;

const reviewSchema = z
  .object({
    submissionId: z.string({ required_error: 'reviewUnknown' }).min(1, 'reviewUnknown').max(40, 'reviewUnknown'),
    decision: z.enum(['approved', 'needs_work'], { errorMap: () => ({ message: 'reviewDecision' }) }),
    feedback: z.string().trim().max(FEEDBACK_MAX, 'feedbackLong').optional().default(''),
    rubricLevel: z.enum(['1', '2', '3', '4'], { errorMap: () => ({ message: 'reviewRubric' }) }).optional(),
    openedAt: z
      .string()
      .regex(/^\d{1,15}$/)
      .optional()
      .catch(undefined),
    checks: z
      .array(z.string().regex(/^\d{1,2}$/, 'reviewChecksUnknown'))
      .max(20, 'reviewChecksUnknown')
      .optional()
      .default([]),
  })
  // Sending work back without saying what to fix helps nobody.
  .refine((v) => v.decision === 'approved' || v.feedback.length > 0, { path: ['feedback'], message: 'feedbackNeeded' });

/** The checks a review form ticked: repeated `check` fields (the page's checkboxes) or one `checks` list "0,2". */
export function reviewChecks(form: FormData): string[] {
  const ticked = form.getAll('check').filter((v): v is string => typeof v === 'string');
  const listed = form.get('checks');
  return typeof listed === 'string' && listed ? [...ticked, ...listed.split(',').slice(0, 20)] : ticked;
}

export type ReviewResult = { ok: true } | { ok: false; status: 400 | 404 | 409; errors: FieldErrors };

/**
 * A mentor (of this learner now) or a trainer approves a task or sends it back with feedback.
 * An approval records which of the task's mentorChecks were seen (all are required) and a rubric
 * level 1–4, and when the form was opened, so a one-click approval shows in the report.
 * Only a submission still waiting can be reviewed; the conditional update makes a second review
 * of the same submission (even at the same moment) fail instead of overwriting the first.
 */
export async function reviewSubmission(
  actor: Pick<SessionUser, 'id' | 'role'>,
  learnerId: string,
  input: unknown,
  now = Date.now(),
  /** The curriculum for the certificate check; the published course when left out. */
  course?: CourseModule[],
): Promise<ReviewResult> {
  if (!(await maySeeLearner(actor, learnerId)) || actor.role === 'learner') return { ok: false, status: 404, errors: { _form: 'learnerUnknown' } };
  const parsed = parseForm(reviewSchema, input);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  const { submissionId, decision, feedback, rubricLevel, openedAt, checks } = parsed.data;
  const [submission] = await db()
    .select({ id: taskSubmissions.id, status: taskSubmissions.status, taskId: taskSubmissions.taskId })
    .from(taskSubmissions)
    .where(and(eq(taskSubmissions.id, submissionId), eq(taskSubmissions.userId, learnerId)))
    .limit(1);
  if (!submission) return { ok: false, status: 404, errors: { _form: 'reviewUnknown' } };
  if (submission.status !== 'submitted') return { ok: false, status: 409, errors: { _form: 'reviewAlready' } };
  // The task's mentorChecks: an approval needs every one of them ticked as seen.
  // An approval says how good the work is (a rubric level), not just "ok".
  if (decision === 'approved' && rubricLevel === undefined) return { ok: false, status: 400, errors: { rubricLevel: 'reviewRubricNeeded' } };
  // Loaded lazily: the demo seed runs this outside Astro, with its course given.
  const task = allLessons(course ?? (await (await import('../content')).course())).find((l) => l.task?.id === submission.taskId)?.task;
  const total = task?.mentorChecks.length ?? 0;
  const seen = [...new Set(checks.map(Number))].sort((a, b) => a - b);
  if (seen.some((i) => i >= total)) return { ok: false, status: 400, errors: { checks: 'reviewChecksUnknown' } };
  if (decision === 'approved' && seen.length < total) return { ok: false, status: 400, errors: { checks: 'reviewChecksMissing' } };
  const opened = openedAt !== undefined && Number(openedAt) <= now && Number(openedAt) > now - 7 * 86_400_000 ? Number(openedAt) : null;
  const updated = await db()
    .update(taskSubmissions)
    .set({
      status: decision,
      feedback: feedback || null,
      reviewerId: actor.id,
      reviewedAt: now,
      checksSeen: seen,
      rubricLevel: rubricLevel === undefined ? null : Number(rubricLevel),
      reviewOpenedAt: opened,
    })
    .where(and(eq(taskSubmissions.id, submissionId), eq(taskSubmissions.status, 'submitted')))
    .returning({ id: taskSubmissions.id });
  if (updated.length === 0) return { ok: false, status: 409, errors: { _form: 'reviewAlready' } };
  if (decision === 'approved') await issueEligibleCertificates(learnerId, course, undefined, now).catch(certificateHookFailed);
  return { ok: true };
}
