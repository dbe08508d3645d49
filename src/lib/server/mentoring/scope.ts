import { and, eq, sql } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, cohorts, users } from '@db/schema';
import { visibleLearner, type ScopeViewer } from '../access/learner-scope';

/**
 * The learners an actor may follow (access/learner-scope.ts decides who), with cohort and
 * membership date. Optionally narrowed to one cohort.
 */
export async function learnersInScope(actor: ScopeViewer, cohortId?: string) {
  if (actor.role !== 'mentor' && actor.role !== 'trainer') return [];
  return db()
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
    .leftJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(and(visibleLearner(actor), cohortId ? eq(cohortMembers.cohortId, cohortId) : undefined));
}
