/**
 * Who is stuck, and why: the mentor dashboard's first column. Pure rules over plain records.
 *  - no activity for 7 days (or never started, 7 days after joining);
 *  - the same lesson quiz failed twice in a row (below the pass mark) with no pass since;
 *  - a task sent back as "needs work" and not resubmitted within 7 days;
 *  - an "Ulang singkat" (spaced review) due and left for 3 days by a learner who is
 *    otherwise active (the caller passes since when, from reviewOverdueSince in
 *    src/lib/learning/spaced-review.ts).
 */
export const STUCK_AFTER_MS = 7 * 24 * 3600_000;
export const PASS_RATIO = 0.7;

export type StuckReason =
  | { kind: 'inactive'; since: number }
  | { kind: 'neverStarted'; since: number }
  | { kind: 'quizFailedTwice'; lessonId: string }
  | { kind: 'taskNotRedone'; taskId: string; since: number }
  | { kind: 'reviewDue'; since: number };

export interface LearnerActivity {
  joinedAt: number;
  lastActiveAt: number | null;
  /** Lesson quiz attempts, any order (or `failedQuizzes`, what quizzesFailedTwice() made of them). */
  attempts?: Array<{ lessonId: string; score: number; maxScore: number; at: number }>;
  failedQuizzes?: string[];
  /** The newest submission of each task. */
  latestTasks: Array<{ taskId: string; status: 'submitted' | 'approved' | 'needs_work'; reviewedAt: number | null }>;
  /** Since when a spaced review has waited past its nudge time (null or absent: nothing waiting). */
  reviewOverdueSince?: number | null;
}

export const passed = (a: { score: number; maxScore: number }) => a.maxScore > 0 && a.score / a.maxScore >= PASS_RATIO;

/** Lessons whose quiz was failed twice in a row (below the pass mark) with no pass since: the lesson ids, in order of first attempt. */
export function quizzesFailedTwice(attempts: NonNullable<LearnerActivity['attempts']>): string[] {
  const byLesson = new Map<string, NonNullable<LearnerActivity['attempts']>>();
  for (const attempt of attempts) byLesson.set(attempt.lessonId, [...(byLesson.get(attempt.lessonId) ?? []), attempt]);
  const failed: string[] = [];
  for (const [lessonId, list] of byLesson) {
    const sorted = [...list].sort((a, b) => a.at - b.at);
    const lastTwo = sorted.slice(-2);
    if (lastTwo.length === 2 && !lastTwo.some(passed) && !sorted.some(passed)) failed.push(lessonId);
  }
  return failed;
}

export function stuckReasons(activity: LearnerActivity, now: number): StuckReason[] {
  const reasons: StuckReason[] = [];
  if (activity.lastActiveAt === null) {
    if (now - activity.joinedAt >= STUCK_AFTER_MS) reasons.push({ kind: 'neverStarted', since: activity.joinedAt });
  } else if (now - activity.lastActiveAt >= STUCK_AFTER_MS) {
    reasons.push({ kind: 'inactive', since: activity.lastActiveAt });
  }
  for (const lessonId of activity.failedQuizzes ?? quizzesFailedTwice(activity.attempts ?? [])) reasons.push({ kind: 'quizFailedTwice', lessonId });
  for (const task of activity.latestTasks) {
    if (task.status === 'needs_work' && task.reviewedAt !== null && now - task.reviewedAt >= STUCK_AFTER_MS) {
      reasons.push({ kind: 'taskNotRedone', taskId: task.taskId, since: task.reviewedAt });
    }
  }
  // Only for a learner who is otherwise active: an inactive one gets the "come back" nudge already.
  const away = reasons.some((r) => r.kind === 'inactive' || r.kind === 'neverStarted');
  if (activity.reviewOverdueSince != null && !away) reasons.push({ kind: 'reviewDue', since: activity.reviewOverdueSince });
  return reasons;
}
