import { and, desc, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { lessonProgress, quizAttempts, taskSubmissions } from '@db/schema';
import { firstAttempt } from '../../learning/grading';
import type { LessonMeta } from '../../learning/types';
import { learnerMentorQuery } from '../mentoring/assignments';
import { viewsWritten } from './view-batch';

/** The learner's lesson_progress rows by lesson id (with every view they made so far: view-batch.ts). */
export async function progressByLesson(userId: string) {
  await viewsWritten(userId);
  const rows = await db().select().from(lessonProgress).where(eq(lessonProgress.userId, userId));
  return new Map(rows.map((row) => [row.lessonId, row]));
}

/** The lesson the learner touched last (for "Lanjutkan belajar"). */
export async function lastTouchedLesson(userId: string): Promise<string | undefined> {
  await viewsWritten(userId);
  const [row] = await db()
    .select({ lessonId: lessonProgress.lessonId })
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, userId))
    .orderBy(desc(lessonProgress.lastActiveAt))
    .limit(1);
  return row?.lessonId;
}

export async function lessonAttempts(userId: string, lessonId: string) {
  return lessonAttemptsQuery(userId, lessonId);
}

function lessonAttemptsQuery(userId: string, lessonId: string) {
  return db()
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.lessonId, lessonId), eq(quizAttempts.kind, 'lesson')))
    .orderBy(desc(quizAttempts.at));
}

/**
 * What a learner's lesson page shows of their own, read in one batch (one call into the
 * database, one read transaction) instead of a query each: their quiz attempts at this lesson
 * (newest first), whether they completed it, their newest submission of its task, and their
 * mentor (whom the task's "sent" note names). Only this lesson's rows, not all of the learner's.
 */
export async function lessonPageState(userId: string, lesson: Pick<LessonMeta, 'id' | 'task'>) {
  const database = db();
  const [attempts, progress, submission, mentor] = await database.batch([
    lessonAttemptsQuery(userId, lesson.id),
    database
      .select({ status: lessonProgress.status })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lesson.id)))
      .limit(1),
    database
      .select()
      .from(taskSubmissions)
      .where(and(eq(taskSubmissions.userId, userId), eq(taskSubmissions.taskId, lesson.task?.id ?? '')))
      .orderBy(desc(taskSubmissions.submittedAt))
      .limit(1),
    learnerMentorQuery(userId),
  ]);
  return { attempts, completed: progress[0]?.status === 'completed', latestSubmission: submission[0], mentor: mentor[0] };
}

/** The first lesson-quiz attempt per lesson for one learner (the one that counts). */
export async function bestScoresByLesson(userId: string) {
  const rows = await db()
    .select({ lessonId: quizAttempts.lessonId, score: quizAttempts.score, maxScore: quizAttempts.maxScore, at: quizAttempts.at })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.kind, 'lesson')));
  const grouped = new Map<string, typeof rows>();
  for (const row of rows) grouped.set(row.lessonId, [...(grouped.get(row.lessonId) ?? []), row]);
  return new Map([...grouped].map(([lessonId, attempts]) => [lessonId, firstAttempt(attempts)!]));
}

/** The newest submission of each task by this learner. */
export async function latestSubmissions(userId: string) {
  const rows = await db().select().from(taskSubmissions).where(eq(taskSubmissions.userId, userId)).orderBy(desc(taskSubmissions.submittedAt));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.taskId)) latest.set(row.taskId, row);
  return latest;
}
