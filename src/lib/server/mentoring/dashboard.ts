import { desc, inArray } from 'drizzle-orm';
import { db } from '@db/client';
import { learnerStats, taskSubmissions } from '@db/schema';
import { allLessons, continueLesson } from '../../learning/curriculum';
import { overdueSince } from '../../learning/spaced-review';
import type { CourseModule, LessonMeta } from '../../learning/types';
import { stuckReasons, type StuckReason } from '../../mentoring/stuck';
import type { SessionUser } from '../auth/session';
import { learnersInScope } from './scope';
import { reviewsOverdue } from '../progress/spaced-review';
import { computeLearnerStats, refreshLearnerStats, type LearnerStatsRow } from '../reports/learner-stats';

export interface DashboardRow {
  id: string;
  name: string;
  phone: string | null;
  cohortId: string | null;
  cohortName: string | null;
  done: number;
  total: number;
  lastActiveAt: number | null;
  /** Mean of the best score of each quiz taken, 0..100; null before any quiz. */
  quizAverage: number | null;
  waitingReview: number;
  stuck: StuckReason[];
  neverLoggedIn: boolean;
  next?: LessonMeta;
  /** The task to redo (needs work), if any, with its lesson. */
  redo?: { taskTitle: string; lesson: LessonMeta };
}

/**
 * The mentor's (or trainer's) learners with what a busy mentor must see in ten seconds.
 * Three set-based queries for the whole list, whatever its length: the learners, their maintained
 * aggregate rows (learner_stats, brought up to date first) and their task submissions; stuck learners first.
 */
export async function mentorDashboard(
  actor: Pick<SessionUser, 'id' | 'role'>,
  course: CourseModule[],
  filter: { cohortId?: string; waitingOnly?: boolean } = {},
  now = Date.now(),
): Promise<DashboardRow[]> {
  const learners = await learnersInScope(actor, filter.cohortId);
  if (learners.length === 0) return [];
  const ids = learners.map((l) => l.id);
  const lessons = allLessons(course);
  const published = new Set(lessons.map((l) => l.id));
  const taskLessons = new Map(lessons.filter((l) => l.task).map((l) => [l.task!.id, l]));

  await refreshLearnerStats(course, now);
  const [statsRows, submissionRows] = await Promise.all([
    db()
      .select({
        userId: learnerStats.userId,
        lastActiveAt: learnerStats.lastActiveAt,
        lastLessonId: learnerStats.lastLessonId,
        completed: learnerStats.completed,
        quizAverage: learnerStats.quizAverage,
        failedQuizzes: learnerStats.failedQuizzes,
        reviewDueAt: learnerStats.reviewDueAt,
        lastReviewAt: learnerStats.lastReviewAt,
      })
      .from(learnerStats)
      .where(inArray(learnerStats.userId, ids)),
    db()
      .select({
        userId: taskSubmissions.userId,
        taskId: taskSubmissions.taskId,
        status: taskSubmissions.status,
        reviewedAt: taskSubmissions.reviewedAt,
        submittedAt: taskSubmissions.submittedAt,
      })
      .from(taskSubmissions)
      .where(inArray(taskSubmissions.userId, ids))
      .orderBy(desc(taskSubmissions.submittedAt)),
  ]);
  const statsBy = new Map<string, Omit<LearnerStatsRow, 'courseKey' | 'finishedModules' | 'pillarCounts' | 'prePost' | 'perception' | 'updatedAt'>>(
    statsRows.map((r) => [r.userId, r]),
  );
  // A learner added while the refresh ran has no row yet: computed on the spot.
  for (const row of await computeLearnerStats(
    ids.filter((id) => !statsBy.has(id)),
    course,
    now,
  ))
    statsBy.set(row.userId, row);
  // A review answered after `now` (a clock set back) needs the full rule; otherwise the stored schedule gives the same answer.
  const future = [...statsBy.values()].filter((r) => r.lastReviewAt !== null && r.lastReviewAt > now).map((r) => r.userId);
  const overdueLive = future.length ? await reviewsOverdue(future, course, now) : new Map<string, number>();
  const submissionsBy = new Map<string, typeof submissionRows>();
  for (const row of submissionRows) {
    const list = submissionsBy.get(row.userId);
    if (list) list.push(row);
    else submissionsBy.set(row.userId, [row]);
  }

  const rows = learners.map((learner): DashboardRow => {
    const stats = statsBy.get(learner.id);
    const completed = new Set((stats?.completed ?? []).filter((id) => published.has(id)));
    const lastActiveAt = stats?.lastActiveAt ?? null;
    const reviewOverdueSince =
      stats && stats.lastReviewAt !== null && stats.lastReviewAt > now
        ? (overdueLive.get(learner.id) ?? null)
        : stats
          ? overdueSince({ firstDueAt: stats.reviewDueAt, lastReviewAt: stats.lastReviewAt }, now)
          : null;
    const latest = new Map<string, (typeof submissionRows)[number]>();
    for (const s of submissionsBy.get(learner.id) ?? []) if (!latest.has(s.taskId)) latest.set(s.taskId, s);
    const latestTasks = [...latest.values()];
    const redoTask = latestTasks.find((t) => t.status === 'needs_work' && taskLessons.has(t.taskId));
    return {
      id: learner.id,
      name: learner.name,
      phone: learner.phone,
      cohortId: learner.cohortId,
      cohortName: learner.cohortName,
      done: completed.size,
      total: lessons.length,
      lastActiveAt,
      quizAverage: stats?.quizAverage ?? null,
      waitingReview: latestTasks.filter((t) => t.status === 'submitted').length,
      stuck: stuckReasons(
        { joinedAt: learner.joinedAt ?? learner.createdAt, lastActiveAt, failedQuizzes: stats?.failedQuizzes ?? [], latestTasks, reviewOverdueSince },
        now,
      ),
      // Accounts made by a trainer have no password until the invite link is used.
      neverLoggedIn: !learner.hasPassword,
      next: continueLesson(course, completed, stats?.lastLessonId ?? undefined),
      redo: redoTask ? { taskTitle: taskLessons.get(redoTask.taskId)!.task!.title, lesson: taskLessons.get(redoTask.taskId)! } : undefined,
    };
  });
  const filtered = filter.waitingOnly ? rows.filter((r) => r.waitingReview > 0) : rows;
  // Stuck first (most reasons first), then those waiting for review, then by name.
  return filtered.sort((a, b) => b.stuck.length - a.stuck.length || b.waitingReview - a.waitingReview || a.name.localeCompare(b.name, 'id'));
}
