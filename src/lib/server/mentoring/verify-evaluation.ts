import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '@db/client';
import { collaborations, salesReports, users } from '@db/schema';
import { COUNTED_PARTNERSHIP_STATUSES } from '../../reports/evaluation';
import type { FieldErrors } from '../../validation';
import type { SessionUser } from '../auth/session';
import { adoptionHistory, mayVerify, recordAdoptionChecks, type EvaluationResult } from './adoption';

/**
 * A mentor's side of the evaluation records on the learner page: the adoption checklist, marking
 * a learner's self-logged partnership as verified, and marking a self-reported sales band "seen
 * by mentor" — each only with an explicit statement that they saw it (the `confirm` checkbox).
 * The record keeps its source (who reported it); the verifier is the mentor.
 */
export const EVALUATION_INTENTS = ['adoption', 'partnership', 'sales'] as const;
export type EvaluationIntent = (typeof EVALUATION_INTENTS)[number];

export const isEvaluationIntent = (v: unknown): v is EvaluationIntent => typeof v === 'string' && (EVALUATION_INTENTS as readonly string[]).includes(v);

/** Where the page goes after a saved form: back to the evaluation section with its message. */
export const evaluationRedirect = (learnerId: string, intent: EvaluationIntent) => `/mentor/learners/${encodeURIComponent(learnerId)}?ok=${intent}#evaluasi`;

type Actor = Pick<SessionUser, 'id' | 'role'>;

const recordId = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 64 ? v : null);
const confirmed = (v: unknown) => v === '1' || v === 'on';

export async function verifyPartnership(actor: Actor, learnerId: string, input: Record<string, unknown>, now = Date.now()): Promise<EvaluationResult> {
  if (!(await mayVerify(actor, learnerId))) return { ok: false, status: 403, errors: { _form: 'repNotYourLearner' } };
  const id = recordId(input.partnershipId);
  if (!id) return { ok: false, status: 400, errors: { _form: 'repPartnerUnknown' } };
  if (!confirmed(input.confirm)) return { ok: false, status: 400, errors: { _form: 'repConfirmNeeded', confirm: 'repConfirmNeeded' } };
  // Only a partnership that stands (self-logged, or confirmed by the other seller) can be verified.
  const standing = and(eq(collaborations.id, id), eq(collaborations.userId, learnerId), inArray(collaborations.status, [...COUNTED_PARTNERSHIP_STATUSES]));
  const [row] = await db().select({ id: collaborations.id }).from(collaborations).where(standing).limit(1);
  if (!row) return { ok: false, status: 404, errors: { _form: 'repPartnerUnknown' } };
  const updated = await db()
    .update(collaborations)
    .set({ verifierId: actor.id, verifiedAt: now })
    .where(and(standing, isNull(collaborations.verifiedAt)))
    .returning({ id: collaborations.id });
  if (updated.length === 0) return { ok: false, status: 409, errors: { _form: 'repPartnerAlready' } };
  return { ok: true };
}

export async function markSalesSeen(actor: Actor, learnerId: string, input: Record<string, unknown>): Promise<EvaluationResult> {
  if (!(await mayVerify(actor, learnerId))) return { ok: false, status: 403, errors: { _form: 'repNotYourLearner' } };
  const id = recordId(input.salesId);
  if (!id) return { ok: false, status: 400, errors: { _form: 'repSalesUnknown' } };
  if (!confirmed(input.confirm)) return { ok: false, status: 400, errors: { _form: 'repConfirmNeeded', confirm: 'repConfirmNeeded' } };
  const [row] = await db()
    .select({ id: salesReports.id })
    .from(salesReports)
    .where(and(eq(salesReports.id, id), eq(salesReports.userId, learnerId)))
    .limit(1);
  if (!row) return { ok: false, status: 404, errors: { _form: 'repSalesUnknown' } };
  const updated = await db()
    .update(salesReports)
    .set({ verifierId: actor.id })
    .where(and(eq(salesReports.id, id), eq(salesReports.userId, learnerId), isNull(salesReports.verifierId)))
    .returning({ id: salesReports.id });
  if (updated.length === 0) return { ok: false, status: 409, errors: { _form: 'repSalesAlready' } };
  return { ok: true };
}

/** The learner page's POST for the evaluation intents. */
export async function handleEvaluation(
  actor: Actor,
  learnerId: string,
  intent: EvaluationIntent,
  values: Record<string, string>,
  now = Date.now(),
): Promise<EvaluationResult> {
  if (intent === 'adoption') return recordAdoptionChecks(actor, learnerId, values, now);
  if (intent === 'partnership') return verifyPartnership(actor, learnerId, values, now);
  return markSalesSeen(actor, learnerId, values);
}

/** What the evaluation section shows: adoption history, partnerships and sales reports with their verifiers. */
export async function evaluationRecords(learnerId: string) {
  const verifier = alias(users, 'verifier');
  const [adoption, partnerships, sales] = await Promise.all([
    adoptionHistory(learnerId),
    db()
      .select({
        id: collaborations.id,
        type: collaborations.type,
        partner: collaborations.partner,
        startedOn: collaborations.startedOn,
        source: collaborations.source,
        verifiedAt: collaborations.verifiedAt,
        verifierName: verifier.name,
      })
      .from(collaborations)
      .leftJoin(verifier, eq(verifier.id, collaborations.verifierId))
      .where(and(eq(collaborations.userId, learnerId), inArray(collaborations.status, [...COUNTED_PARTNERSHIP_STATUSES])))
      .orderBy(desc(collaborations.startedOn), desc(collaborations.createdAt)),
    db()
      .select({
        id: salesReports.id,
        timepoint: salesReports.timepoint,
        band: salesReports.band,
        source: salesReports.source,
        reportedAt: salesReports.reportedAt,
        verifierId: salesReports.verifierId,
        verifierName: verifier.name,
      })
      .from(salesReports)
      .leftJoin(verifier, eq(verifier.id, salesReports.verifierId))
      .where(eq(salesReports.userId, learnerId))
      .orderBy(asc(salesReports.reportedAt)),
  ]);
  return { adoption, partnerships, sales };
}

export type { EvaluationResult, FieldErrors };
