import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, cohorts, mentorAssignments, users } from '@db/schema';
import type { SessionUser } from '../auth/session';

/**
 * The learners an actor may follow, with cohort and membership date: a mentor's current
 * assignments, or every learner for a trainer. Optionally narrowed to one cohort.
 */
export async function learnersInScope(actor: Pick<SessionUser, 'id' | 'role'>, cohortId?: string) {
  const base = db()
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      businessName: users.businessName,
      createdAt: users.createdAt,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
      cohortId: cohorts.id,
      cohortName: cohorts.name,
      joinedAt: cohortMembers.joinedAt,
    })
    .from(users)
    .leftJoin(cohortMembers, eq(cohortMembers.userId, users.id))
    .leftJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId));
  // For a mentor the few assigned ids drive the query (primary-key lookups). The unary plus keeps
  // SQLite, which has no statistics, from walking users_role_idx over every learner instead
  // (tests/integration/query-plans.test.ts; ~25 ms per call at 10,000 learners, ~2 ms this way).
  const conditions = [actor.role === 'mentor' ? sql`+${users.role} = 'learner'` : eq(users.role, 'learner'), isNull(users.deletedAt)];
  if (cohortId) conditions.push(eq(cohortMembers.cohortId, cohortId));
  if (actor.role === 'mentor') {
    const assigned = db()
      .select({ id: mentorAssignments.learnerId })
      .from(mentorAssignments)
      .where(and(eq(mentorAssignments.mentorId, actor.id), isNull(mentorAssignments.until)));
    conditions.push(inArray(users.id, assigned));
  } else if (actor.role !== 'trainer') {
    return [];
  }
  return base.where(and(...conditions));
}
