import type { CourseModule } from '../../learning/types';
import { z } from 'astro/zod';
import { and, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { taskSubmissions } from '@db/schema';
import type { SessionUser } from '../auth/session';
import { parseForm, type FieldErrors } from '../../validation';
import { canAccessLearner } from './access';
import { certificateHookFailed, issueEligibleCertificates } from '../indicator/certificates';

export const FEEDBACK_MAX = 2000;

const reviewSchema = z
  .object({
    submissionId: z.string({ required_error: 'reviewUnknown' }).min(1, 'reviewUnknown').max(40, 'reviewUnknown'),
    decision: z.enum(['approved', 'needs_work'], { errorMap: () => ({ message: 'reviewDecision' }) }),
    feedback: z.string().trim().max(FEEDBACK_MAX, 'feedbackLong').optional().default(''),
  })
  // Sending work back without saying what to fix helps nobody.
  .refine((v) => v.decision === 'approved' || v.feedback.length > 0, { path: ['feedback'], message: 'feedbackNeeded' });

export type ReviewResult = { ok: true } | { ok: false; status: 400 | 404 | 409; errors: FieldErrors };

/**
 * A mentor (of this learner now) or a trainer approves a task or sends it back with feedback.
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
  if (!(await canAccessLearner(actor, learnerId)) || actor.role === 'learner') return { ok: false, status: 404, errors: { _form: 'learnerUnknown' } };
  const parsed = parseForm(reviewSchema, input);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  const { submissionId, decision, feedback } = parsed.data;
  const [submission] = await db()
    .select({ id: taskSubmissions.id, status: taskSubmissions.status })
    .from(taskSubmissions)
    .where(and(eq(taskSubmissions.id, submissionId), eq(taskSubmissions.userId, learnerId)))
    .limit(1);
  if (!submission) return { ok: false, status: 404, errors: { _form: 'reviewUnknown' } };
  if (submission.status !== 'submitted') return { ok: false, status: 409, errors: { _form: 'reviewAlready' } };
  const updated = await db()
    .update(taskSubmissions)
    .set({ status: decision, feedback: feedback || null, reviewerId: actor.id, reviewedAt: now })
    .where(and(eq(taskSubmissions.id, submissionId), eq(taskSubmissions.status, 'submitted')))
    .returning({ id: taskSubmissions.id });
  if (updated.length === 0) return { ok: false, status: 409, errors: { _form: 'reviewAlready' } };
  if (decision === 'approved') await issueEligibleCertificates(learnerId, course, undefined, now).catch(certificateHookFailed);
  return { ok: true };
}
