import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, mentorAssignments, users } from '@db/schema';
import type { NetworkViewer } from '../../network/visibility';
import type { SessionUser } from '../auth/session';

/** Who is looking at the network: their role, their cohorts and (for learners) when they enrolled. */
export interface Viewer extends NetworkViewer {
  name: string;
  /** Earliest cohort join, else account creation (epoch ms) — the same rule as the indicator records. */
  enrolledAt: number;
}

export async function loadViewer(user: Pick<SessionUser, 'id' | 'role' | 'name'>): Promise<Viewer> {
  const [[row], memberships] = await Promise.all([
    db().select({ createdAt: users.createdAt }).from(users).where(eq(users.id, user.id)).limit(1),
    db().select({ cohortId: cohortMembers.cohortId, joinedAt: cohortMembers.joinedAt }).from(cohortMembers).where(eq(cohortMembers.userId, user.id)),
  ]);
  const firstJoin = memberships.reduce((m, c) => Math.min(m, c.joinedAt), Number.POSITIVE_INFINITY);
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    cohortIds: memberships.map((m) => m.cohortId),
    enrolledAt: Math.min(row?.createdAt ?? Date.now(), firstJoin),
  };
}

/** The cohorts a seller belongs to (for the pure visibility rule). */
export async function cohortIdsOf(userId: string): Promise<string[]> {
  const rows = await db().select({ cohortId: cohortMembers.cohortId }).from(cohortMembers).where(eq(cohortMembers.userId, userId));
  return rows.map((r) => r.cohortId);
}

/** A mentor's current learners (ids), for labelling the network view. */
export async function currentLearnerIds(mentorId: string): Promise<Set<string>> {
  const rows = await db()
    .select({ id: mentorAssignments.learnerId })
    .from(mentorAssignments)
    .innerJoin(users, eq(users.id, mentorAssignments.learnerId))
    .where(and(eq(mentorAssignments.mentorId, mentorId), isNull(mentorAssignments.until), isNull(users.deletedAt)));
  return new Set(rows.map((r) => r.id));
}

