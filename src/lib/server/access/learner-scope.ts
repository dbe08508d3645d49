import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, mentorAssignments, users } from '@db/schema';
import type { SessionUser } from '../auth/session';

/**
 * WHO MAY SEE WHICH LEARNERS — the one place this rule is written (docs/ARCHITECTURE.md,
 * "Access"). Every query that lists, counts, opens or exports learners filters with
 * `visibleLearners(viewer)`, the way Kolibri adds one `readable_by_user_filter` to every query:
 * mentoring (dashboard, learner page, notes, reviews, nudges, invites, certificates), the
 * indicator report and its CSV, the network view and the trainer's cohort page and members CSV.
 *
 *   - a trainer: every learner;
 *   - a mentor: the learners assigned to them NOW (`mentor_assignments.until IS NULL`). A former
 *     mentor loses a learner the moment the learner is reassigned; the history stays in the table
 *     for the trainer, it grants nothing;
 *   - a learner: themselves;
 *   - anyone else (no role): nobody.
 *
 * Deleted accounts (UU PDP, /learn/akun): the account's personal data is erased and its learning
 * rows are kept, so cohort figures stay valid. The policy, decided once here:
 *   - nobody sees a deleted learner as a person: no name, no list row, no learner page, no
 *     certificate, no network dot, no line in the members CSV — `purpose: 'people'` (the default);
 *   - a trainer's aggregate figures (the indicator report and its research CSV, which carries only
 *     pseudonymous ids) keep counting them — `purpose: 'figures'`;
 *   - a mentor's figures do not: a mentor follows people, and a deleted account follows no one.
 * tests/integration/learner-scope.test.ts tries to break each line of this comment.
 */
export type ScopeViewer = Pick<SessionUser, 'id' | 'role'>;

export interface ScopeOptions {
  /** Only this cohort's members. */
  cohortId?: string;
  /** Only this one learner (an access check). */
  learnerId?: string;
  /** 'people' (default): living accounts only. 'figures': a trainer's statistics also count deleted accounts. */
  purpose?: 'people' | 'figures';
}

/** The learners a mentor follows now (ids), as a subquery. */
const currentlyAssignedTo = (mentorId: string) =>
  db()
    .select({ id: mentorAssignments.learnerId })
    .from(mentorAssignments)
    .where(and(eq(mentorAssignments.mentorId, mentorId), isNull(mentorAssignments.until)));

/**
 * The rule as a predicate on the `users` table, for a query that already reads `users` (unaliased)
 * and wants its columns: `.from(users).where(and(visibleLearner(viewer), …))`.
 */
export function visibleLearner(viewer: ScopeViewer, options: ScopeOptions = {}): SQL {
  // For a mentor the few assigned ids drive the query (primary-key lookups). The unary plus keeps
  // SQLite, which has no statistics, from walking users_role_idx over every learner instead
  // (tests/integration/query-plans.test.ts; ~25 ms per call at 10,000 learners, ~2 ms this way).
  const conditions: SQL[] = [viewer.role === 'mentor' || options.learnerId !== undefined ? sql`+${users.role} = 'learner'` : sql`${users.role} = 'learner'`];
  if (options.purpose !== 'figures' || viewer.role !== 'trainer') conditions.push(isNull(users.deletedAt));
  if (options.learnerId !== undefined) conditions.push(eq(users.id, options.learnerId));
  if (options.cohortId !== undefined) {
    conditions.push(inArray(users.id, db().select({ id: cohortMembers.userId }).from(cohortMembers).where(eq(cohortMembers.cohortId, options.cohortId))));
  }
  if (viewer.role === 'mentor') conditions.push(inArray(users.id, currentlyAssignedTo(viewer.id)));
  else if (viewer.role === 'learner') conditions.push(eq(users.id, viewer.id));
  else if (viewer.role !== 'trainer') conditions.push(sql`0`);
  return and(...conditions)!;
}

/**
 * The ids of the learners `viewer` may see, as a drizzle subquery: use it with
 * `inArray(table.userId, visibleLearners(viewer))` or as a `FROM (…)`.
 */
export function visibleLearners(viewer: ScopeViewer, options: ScopeOptions = {}) {
  return db().select({ id: users.id }).from(users).where(visibleLearner(viewer, options));
}

/** May `viewer` see (and act on) this learner? Unknown ids, non-learners and deleted accounts: never. */
export async function maySeeLearner(viewer: ScopeViewer, learnerId: string): Promise<boolean> {
  if (learnerId.length > 64) return false;
  const rows = await visibleLearners(viewer, { learnerId }).limit(1);
  return rows.length > 0;
}

/** The ids `viewer` may see, as a set (for labelling: a mentor names only their own learners). */
export async function visibleLearnerIds(viewer: ScopeViewer, options: ScopeOptions = {}): Promise<Set<string>> {
  const rows = await visibleLearners(viewer, options);
  return new Set(rows.map((r) => r.id));
}

/**
 * The same subquery as SQL text and arguments, for the report's hand-written aggregations that
 * still go through `$client` (`user_id IN (${part.sql})`). Generated from visibleLearners(), never
 * written by hand: there is one rule, in two spellings.
 */
export function visibleLearnersSql(viewer: ScopeViewer, options: ScopeOptions = {}): { sql: string; args: Array<string | number> } {
  const query = visibleLearners(viewer, options).toSQL();
  return { sql: query.sql, args: query.params as Array<string | number> };
}
