import type { Role } from '../roles';
import type { Visibility } from './vocab';

/**
 * Who may see whom in the collaboration network. Pure rules, so each one has a unit
 * test that tries to break it; the directory's SQL (src/lib/server/network/directory.ts) states
 * the same rule and an integration test checks the two agree for every pair of demo sellers.
 *
 *  - A profile is hidden by default. A hidden profile is seen by nobody but its owner: not in the
 *    directory, not in the partnership or promo pickers, not in partnership requests, not as a
 *    label in the network view — for no role.
 *  - "cohort": learners who share a cohort with the seller. "all": every Melek learner.
 *  - A deleted account has no profile (erasure deletes it; the rule also says no, in case a row
 *    outlived the account).
 *  - Trainers previewing the learner area see every profile that is not hidden (they run the
 *    cohorts). Mentors are not in the learner area at all.
 */
export interface ProfileOwner {
  userId: string;
  visibility: Visibility;
  cohortIds: readonly string[];
  deleted?: boolean;
}

export interface NetworkViewer {
  id: string;
  role: Role;
  cohortIds: readonly string[];
}

export const sharesCohort = (a: readonly string[], b: readonly string[]) => a.some((c) => b.includes(c));

/** May `viewer` see this seller's profile in the learner area (directory, pickers, promo, requests)? */
export function maySeeProfile(viewer: NetworkViewer, owner: ProfileOwner): boolean {
  if (owner.deleted) return false;
  if (viewer.id === owner.userId) return true;
  if (owner.visibility === 'hidden') return false;
  if (viewer.role === 'trainer') return true;
  if (viewer.role !== 'learner') return false;
  if (owner.visibility === 'all') return true;
  return owner.visibility === 'cohort' && sharesCohort(viewer.cohortIds, owner.cohortIds);
}

/**
 * May the network view (mentor/trainer) write this seller's business name beside their dot?
 * A trainer: any profile that is not hidden. A mentor: only their own current learners' profiles
 * that are not hidden — other mentors' learners (and anyone else) stay unlabelled dots, so a
 * mentor learns that their learner has a partner, not who that partner is. A seller without a
 * profile, with a hidden one, or whose account is deleted is never labelled, for anyone.
 */
export function mayLabel(
  viewer: { id: string; role: Role; ownLearners: ReadonlySet<string> },
  owner: { userId: string; visibility: Visibility | null; deleted?: boolean },
): boolean {
  if (owner.deleted || owner.visibility === null || owner.visibility === 'hidden') return false;
  if (viewer.role === 'trainer') return true;
  if (viewer.role === 'mentor') return viewer.ownLearners.has(owner.userId);
  return false;
}
