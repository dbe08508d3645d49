import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, users } from '@db/schema';
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
