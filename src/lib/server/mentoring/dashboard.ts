import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@db/client';
import { lessonProgress, quizAttempts, taskSubmissions } from '@db/schema';
import { allLessons, continueLesson } from '../../learning/curriculum';
import { firstAttempt } from '../../learning/grading';
import type { CourseModule, LessonMeta } from '../../learning/types';
import { stuckReasons, type StuckReason } from '../../mentoring/stuck';
import type { SessionUser } from '../auth/session';
import { learnersInScope } from './scope';
import { reviewsOverdue } from '../progress/spaced-review';

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
 * Four set-based queries for the whole list, whatever its length; stuck learners first.
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

  const [progressRows, attemptRows, submissionRows, overdue] = await Promise.all([
    db()
      .select({ userId: lessonProgress.userId, lessonId: lessonProgress.lessonId, status: lessonProgress.status, lastActiveAt: lessonProgress.lastActiveAt })
      .from(lessonProgress)
      .where(inArray(lessonProgress.userId, ids)),
    db()
      .select({ userId: quizAttempts.userId, lessonId: quizAttempts.lessonId, score: quizAttempts.score, maxScore: quizAttempts.maxScore, at: quizAttempts.at })
      .from(quizAttempts)
      .where(and(inArray(quizAttempts.userId, ids), eq(quizAttempts.kind, 'lesson'))),
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
    reviewsOverdue(ids, course, now),
  ]);
  const group = <T extends { userId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), row]);
    return map;
  };
  const progressBy = group(progressRows);
  const attemptsBy = group(attemptRows);
  const submissionsBy = group(submissionRows);

  const rows = learners.map((learner): DashboardRow => {
    const progress = progressBy.get(learner.id) ?? [];
    const completed = new Set(progress.filter((p) => p.status === 'completed' && published.has(p.lessonId)).map((p) => p.lessonId));
    const lastActiveAt = progress.length ? Math.max(...progress.map((p) => p.lastActiveAt)) : null;
    const lastTouched = progress.reduce<(typeof progress)[number] | undefined>((a, p) => (!a || p.lastActiveAt > a.lastActiveAt ? p : a), undefined);
    const attempts = attemptsBy.get(learner.id) ?? [];
    const bestByLesson = new Map<string, typeof attempts>();
    for (const a of attempts) bestByLesson.set(a.lessonId, [...(bestByLesson.get(a.lessonId) ?? []), a]);
    const bests = [...bestByLesson.values()].map((list) => firstAttempt(list)!).filter((b) => b.maxScore > 0);
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
      quizAverage: bests.length ? Math.round((100 * bests.reduce((sum, b) => sum + b.score / b.maxScore, 0)) / bests.length) : null,
      waitingReview: latestTasks.filter((t) => t.status === 'submitted').length,
      stuck: stuckReasons(
        { joinedAt: learner.joinedAt ?? learner.createdAt, lastActiveAt, attempts, latestTasks, reviewOverdueSince: overdue.get(learner.id) ?? null },
        now,
      ),
      // Accounts made by a trainer have no password until the invite link is used.
      neverLoggedIn: !learner.hasPassword,
      next: continueLesson(course, completed, lastTouched?.lessonId),
      redo: redoTask ? { taskTitle: taskLessons.get(redoTask.taskId)!.task!.title, lesson: taskLessons.get(redoTask.taskId)! } : undefined,
    };
  });
  const filtered = filter.waitingOnly ? rows.filter((r) => r.waitingReview > 0) : rows;
  // Stuck first (most reasons first), then those waiting for review, then by name.
  return filtered.sort((a, b) => b.stuck.length - a.stuck.length || b.waitingReview - a.waitingReview || a.name.localeCompare(b.name, 'id'));
}
