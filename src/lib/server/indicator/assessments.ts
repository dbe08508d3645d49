import { and, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { assessments } from '@db/schema';
import { INSTRUMENT_VERSION, LIKERT, perceptionScores, SELF_ASSESSMENT, type Timepoint } from '../../indicator/instrument';
import { isUniqueViolation } from '../db-errors';

/**
 * The pre/post self-assessment (Skor Persepsi). Pre is offered at enrolment, post once every
 * lesson of the course is completed; each is answered once. Every item must be answered with
 * 1–5; otherwise nothing is stored and each item says what is wrong.
 */
export type AssessmentRow = typeof assessments.$inferSelect;
export type SelfAssessmentError = 'cpSaMissing' | 'cpSaOutOfRange' | 'cpSaDuplicate';
export type SubmitResult = { ok: true } | { ok: false; status: 400 | 409; errors: Record<string, string> };

const ITEM_IDS = new Set(SELF_ASSESSMENT.map((i) => i.id));
const VALUES = new Set(LIKERT.map((l) => String(l.value)));

/** Form pairs → answers, or per-item errors. Fields that are not items (intent, timepoint) are ignored. */
export function parseSelfAssessment(
  pairs: Array<[string, string]>,
): { ok: true; answers: Record<string, number> } | { ok: false; errors: Record<string, SelfAssessmentError> } {
  const errors: Record<string, SelfAssessmentError> = {};
  const answers: Record<string, number> = {};
  for (const [key, raw] of pairs) {
    if (!ITEM_IDS.has(key)) continue;
    if (key in answers || errors[key] === 'cpSaOutOfRange') {
      errors[key] = 'cpSaDuplicate';
      continue;
    }
    const value = String(raw).trim();
    if (!VALUES.has(value)) errors[key] ??= 'cpSaOutOfRange';
    else answers[key] = Number(value);
  }
  for (const item of SELF_ASSESSMENT) if (!(item.id in answers) && !errors[item.id]) errors[item.id] = 'cpSaMissing';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

export async function assessmentsOf(userId: string): Promise<{ pre?: AssessmentRow; post?: AssessmentRow }> {
  const rows = await db().select().from(assessments).where(eq(assessments.userId, userId)).orderBy(assessments.at);
  return { pre: rows.find((r) => r.timepoint === 'pre'), post: rows.find((r) => r.timepoint === 'post') };
}

export async function submitSelfAssessment(
  userId: string,
  timepoint: unknown,
  pairs: Array<[string, string]>,
  context: { courseDone: boolean },
  now = Date.now(),
): Promise<SubmitResult> {
  if (timepoint !== 'pre' && timepoint !== 'post') return { ok: false, status: 400, errors: { _form: 'cpSaTimepoint' } };
  const existing = await db()
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.userId, userId), eq(assessments.timepoint, timepoint)))
    .limit(1);
  if (existing.length) return { ok: false, status: 409, errors: { _form: timepoint === 'pre' ? 'cpSaPreDone' : 'cpSaPostDone' } };
  if (timepoint === 'post' && !context.courseDone) return { ok: false, status: 409, errors: { _form: 'cpSaPostNotYet' } };
  const parsed = parseSelfAssessment(pairs);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  const scores = perceptionScores(parsed.answers);
  try {
    await db()
      .insert(assessments)
      .values({
        id: crypto.randomUUID(),
        userId,
        timepoint: timepoint as Timepoint,
        instrumentVersion: INSTRUMENT_VERSION,
        answers: parsed.answers,
        pillarValues: scores.pillars as Record<string, number>,
        overall: scores.overall,
        at: now,
      });
  } catch (error) {
    // Two tabs sent it at once: the unique index kept the first.
    if (isUniqueViolation(error)) return { ok: false, status: 409, errors: { _form: timepoint === 'pre' ? 'cpSaPreDone' : 'cpSaPostDone' } };
    throw error;
  }
  return { ok: true };
}
