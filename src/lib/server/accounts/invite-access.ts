import type { SessionUser } from '../auth/session';
import { maySeeLearner } from '../access/learner-scope';
import { findUser } from './users';

/** Trainers may send a login link to anyone; mentors only to the learners they follow now. */
export async function canInvite(actor: Pick<SessionUser, 'id' | 'role'>, userId: string): Promise<boolean> {
  if (actor.role === 'trainer') return (await findUser(userId)) !== undefined;
  if (actor.role === 'mentor') return maySeeLearner(actor, userId);
  return false;
}
