import { db } from '@db/client';
import type { SessionUser } from '../auth/session';

export type ReportActor = Pick<SessionUser, 'id' | 'role'>;

/** Whose learners a report covers: a trainer's (everyone) or a mentor's current learners, optionally one cohort. */
export interface ReportScope {
  actor: ReportActor;
  cohortId?: string;
}

export interface SqlPart {
  sql: string;
  args: Array<string | number>;
}

/**
 * The ids of the learners in scope as one SQL subquery, so every aggregation filters with
 * `user_id IN (…)` in the database instead of shipping id lists back and forth. For a mentor the
 * same rule as learnersInScope(): current assignments, accounts not deleted; for a trainer every
 * learner, deleted accounts included (their rows carry no personal data any more).
 */
export function scopeIds(scope: ReportScope): SqlPart {
  // A deleted account (UU PDP) stays in the trainer's statistics under its pseudonymous id: its
  // personal data is erased, its learning rows are kept so cohort figures stay valid (issue 9,
  // and what /learn/akun promises before deleting). A mentor no longer follows it.
  let sql = `SELECT u.id FROM users u WHERE u.role = 'learner'${scope.actor.role === 'trainer' ? '' : ' AND u.deleted_at IS NULL'}`;
  const args: Array<string | number> = [];
  if (scope.cohortId) {
    sql += ` AND u.id IN (SELECT cm.user_id FROM cohort_members cm WHERE cm.cohort_id = ?)`;
    args.push(scope.cohortId);
  }
  if (scope.actor.role === 'mentor') {
    sql += ` AND u.id IN (SELECT ma.learner_id FROM mentor_assignments ma WHERE ma.mentor_id = ? AND ma.until IS NULL)`;
    args.push(scope.actor.id);
  } else if (scope.actor.role !== 'trainer') {
    sql += ' AND 0';
  }
  return { sql, args };
}

/** The cohorts an actor may filter the report by: every cohort for a trainer, a mentor's learners' cohorts. */
export async function reportCohorts(actor: ReportActor): Promise<Array<{ id: string; name: string }>> {
  if (actor.role === 'trainer') {
    const rs = await db().$client.execute('SELECT id, name FROM cohorts ORDER BY name');
    return rs.rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
  }
  if (actor.role !== 'mentor') return [];
  const ids = scopeIds({ actor });
  const rs = await db().$client.execute({
    sql: `SELECT DISTINCT c.id, c.name FROM cohorts c JOIN cohort_members cm ON cm.cohort_id = c.id WHERE cm.user_id IN (${ids.sql}) ORDER BY c.name`,
    args: ids.args,
  });
  return rs.rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
}

/**
 * May this actor filter by this cohort? A trainer: any cohort that exists (else "unknown", 404).
 * A mentor: only a cohort one of their current learners is in — anything else, existing or not,
 * is "forbidden" (403), so the answer says nothing about other cohorts.
 */
export async function checkCohortFilter(actor: ReportActor, cohortId: string): Promise<'ok' | 'forbidden' | 'unknown'> {
  if (actor.role === 'trainer') {
    const rs = await db().$client.execute({ sql: 'SELECT 1 FROM cohorts WHERE id = ?', args: [cohortId] });
    return rs.rows.length ? 'ok' : 'unknown';
  }
  if (actor.role !== 'mentor') return 'forbidden';
  return (await reportCohorts(actor)).some((c) => c.id === cohortId) ? 'ok' : 'forbidden';
}

/** The `kelas` query parameter, bounded; empty means every cohort in scope. */
export function cohortParam(url: URL): string | undefined {
  return url.searchParams.get('kelas')?.trim().slice(0, 40) || undefined;
}
