import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@db/client';
import { mentorAssignments, users } from '@db/schema';
import type { SessionUser } from '../auth/session';

/** The mentor who follows a learner now, if any. */
export async function currentMentorId(learnerId: string): Promise<string | undefined> {
  const [row] = await db()
    .select({ mentorId: mentorAssignments.mentorId })
    .from(mentorAssignments)
    .where(and(eq(mentorAssignments.learnerId, learnerId), isNull(mentorAssignments.until)))
    .limit(1);
  return row?.mentorId;
}

/**
 * DESIGN.md roles: a trainer may act on every learner, a mentor only on the learners assigned
 * to them now, a learner only on themselves. Unknown or deleted learners are never accessible.
 */
export async function canAccessLearner(actor: Pick<SessionUser, 'id' | 'role'>, learnerId: string): Promise<boolean> {
  const [learner] = await db()
    .select({ role: users.role, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, learnerId))
    .limit(1);
  if (!learner || learner.role !== 'learner' || learner.deletedAt !== null) return false;
  if (actor.role === 'trainer') return true;
  if (actor.role === 'learner') return actor.id === learnerId;
  return (await currentMentorId(learnerId)) === actor.id;
}
