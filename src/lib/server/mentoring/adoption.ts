import { desc, eq, min } from 'drizzle-orm';
import { db } from '@db/client';
import { adoptionChecks, cohortMembers, users } from '@db/schema';
import { jakartaDate } from '../../wib';
import { ADOPTION_ITEMS, isAdoptionItem, type AdoptionItem } from '../../reports/evaluation';
import type { FieldErrors, MessageKey } from '../../validation';
import type { SessionUser } from '../auth/session';
import { newId } from '../auth/tokens';
import { maySeeLearner } from '../access/learner-scope';

/**
 * The technology adoption checklist a mentor fills in on the learner page (docs/indicator.md: mentor-
 * checked, re-checked after 3 months). Each answered item becomes a new row — source "mentor",
 * verifier the person who saw it, the day seen — so the history is never overwritten.
 *
 * Form fields: `checkedOn` (YYYY-MM-DD) and `item.<item>` = "ya" | "tidak" | "" (not checked).
 */
export const ITEM_FIELD = 'item.';
export const ANSWERS = { ya: true, tidak: false } as const;

export type EvaluationResult = { ok: true; saved?: number } | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldErrors };

type Actor = Pick<SessionUser, 'id' | 'role'>;

/** Only the learner's current mentor or a trainer records evaluation checks. */
export async function mayVerify(actor: Actor, learnerId: string): Promise<boolean> {
  return (actor.role === 'mentor' || actor.role === 'trainer') && (await maySeeLearner(actor, learnerId));
}

/** When the learner enrolled: the earlier of account creation and the first cohort join. */
export async function learnerEnrolledAt(learnerId: string): Promise<number | undefined> {
  const [[user], [joined]] = await Promise.all([
    db().select({ createdAt: users.createdAt }).from(users).where(eq(users.id, learnerId)).limit(1),
    db()
      .select({ at: min(cohortMembers.joinedAt) })
      .from(cohortMembers)
      .where(eq(cohortMembers.userId, learnerId)),
  ]);
  if (!user) return undefined;
  return Math.min(user.createdAt, joined?.at ?? Number.POSITIVE_INFINITY);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (v: string) => ISO_DAY.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v;

/** The date a mentor saw something: a real day, not after today and not before enrolment (both in WIB). */
export function checkSeenDay(value: unknown, enrolledAt: number, now: number): { ok: true; day: string } | { ok: false; error: MessageKey } {
  const day = typeof value === 'string' ? value.trim() : '';
  if (!day) return { ok: false, error: 'repDateEmpty' };
  if (!validDay(day)) return { ok: false, error: 'dateInvalid' };
  if (day > jakartaDate(now)) return { ok: false, error: 'repDateFuture' };
  if (day < jakartaDate(enrolledAt)) return { ok: false, error: 'repDateBeforeEnrolment' };
  return { ok: true, day };
}

/** Validates the whole form first; stores nothing unless every field is right. */
export function parseAdoptionForm(
  input: Record<string, unknown>,
  enrolledAt: number,
  now: number,
): { ok: true; day: string; answers: Array<[AdoptionItem, boolean]> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const answers: Array<[AdoptionItem, boolean]> = [];
  for (const [key, raw] of Object.entries(input)) {
    if (!key.startsWith(ITEM_FIELD)) continue;
    const item = key.slice(ITEM_FIELD.length);
    if (!isAdoptionItem(item)) {
      errors.item ??= 'repAdoptItemUnknown';
      continue;
    }
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === '' || value === undefined) continue;
    if (value !== 'ya' && value !== 'tidak') {
      errors[key] ??= 'repAdoptAnswerInvalid';
      continue;
    }
    answers.push([item, ANSWERS[value]]);
  }
  const seen = checkSeenDay(input.checkedOn, enrolledAt, now);
  if (!seen.ok) errors.checkedOn = seen.error;
  if (Object.keys(errors).length === 0 && answers.length === 0) errors._form = 'repAdoptNothing';
  if (Object.keys(errors).length > 0 || !seen.ok) {
    // The page's alert names the first problem in words (not just "check the red text").
    errors._form ??= Object.values(errors)[0] ?? 'formInvalid';
    return { ok: false, errors };
  }
  return { ok: true, day: seen.day, answers };
}

export async function recordAdoptionChecks(actor: Actor, learnerId: string, input: Record<string, unknown>, now = Date.now()): Promise<EvaluationResult> {
  if (!(await mayVerify(actor, learnerId))) return { ok: false, status: 403, errors: { _form: 'repNotYourLearner' } };
  const enrolledAt = await learnerEnrolledAt(learnerId);
  if (enrolledAt === undefined) return { ok: false, status: 404, errors: { _form: 'learnerUnknown' } };
  const parsed = parseAdoptionForm(input, enrolledAt, now);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  await db()
    .insert(adoptionChecks)
    .values(
      parsed.answers.map(([item, present]) => ({
        id: newId(),
        userId: learnerId,
        item,
        present,
        source: 'mentor' as const,
        verifierId: actor.id,
        checkedOn: parsed.day,
        createdAt: now,
      })),
    );
  return { ok: true, saved: parsed.answers.length };
}

/** Every check of a learner, newest first, with who verified it. */
export async function adoptionHistory(learnerId: string) {
  return db()
    .select({
      id: adoptionChecks.id,
      item: adoptionChecks.item,
      present: adoptionChecks.present,
      source: adoptionChecks.source,
      checkedOn: adoptionChecks.checkedOn,
      createdAt: adoptionChecks.createdAt,
      verifierName: users.name,
    })
    .from(adoptionChecks)
    .leftJoin(users, eq(users.id, adoptionChecks.verifierId))
    .where(eq(adoptionChecks.userId, learnerId))
    .orderBy(desc(adoptionChecks.checkedOn), desc(adoptionChecks.createdAt));
}

export { ADOPTION_ITEMS };
