import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, cohorts } from '@db/schema';
import type { SessionUser } from '../auth/session';
import { visibleLearners } from '../access/learner-scope';

export type ReportActor = Pick<SessionUser, 'id' | 'role'>;

/** Whose learners a report covers: a trainer's (everyone) or a mentor's current learners, optionally one cohort. */
export interface ReportScope {
  actor: ReportActor;
  cohortId?: string;
}

/**
 * The ids of the learners in scope as one SQL subquery, so every aggregation filters with
 * `user_id IN (…)` in the database instead of shipping id lists back and forth. The rule is
 * access/learner-scope.ts's, for figures: a trainer's report keeps counting deleted accounts
 * (pseudonymous rows, personal data erased), a mentor's does not.
 */
export function scopeIds(scope: ReportScope): SQL {
  return sql`${visibleLearners(scope.actor, { cohortId: scope.cohortId, purpose: 'figures' })}`;
}

/** The cohorts an actor may filter the report by: every cohort for a trainer, a mentor's learners' cohorts. */
export async function reportCohorts(actor: ReportActor): Promise<Array<{ id: string; name: string }>> {
  if (actor.role === 'trainer') return db().select({ id: cohorts.id, name: cohorts.name }).from(cohorts).orderBy(asc(cohorts.name));
  if (actor.role !== 'mentor') return [];
  return db()
    .selectDistinct({ id: cohorts.id, name: cohorts.name })
    .from(cohorts)
    .innerJoin(cohortMembers, eq(cohortMembers.cohortId, cohorts.id))
    .where(inArray(cohortMembers.userId, visibleLearners(actor)))
    .orderBy(asc(cohorts.name));
}

/**
 * May this actor filter by this cohort? A trainer: any cohort that exists (else "unknown", 404).
 * A mentor: only a cohort one of their current learners is in — anything else, existing or not,
 * is "forbidden" (403), so the answer says nothing about other cohorts.
 */
export async function checkCohortFilter(actor: ReportActor, cohortId: string): Promise<'ok' | 'forbidden' | 'unknown'> {
  if (actor.role === 'trainer') {
    const found = await db().select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).limit(1);
    return found.length ? 'ok' : 'unknown';
  }
  if (actor.role !== 'mentor') return 'forbidden';
  return (await reportCohorts(actor)).some((c) => c.id === cohortId) ? 'ok' : 'forbidden';
}

/** The `kelas` query parameter, bounded; empty means every cohort in scope. */
export function cohortParam(url: URL): string | undefined {
  return url.searchParams.get('kelas')?.trim().slice(0, 40) || undefined;
}
