import { and, desc, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { lessonProgress, quizAttempts, taskSubmissions } from '@db/schema';
import { firstAttempt } from '../../learning/grading';

/** The learner's lesson_progress rows by lesson id. */
export async function progressByLesson(userId: string) {
  const rows = await db().select().from(lessonProgress).where(eq(lessonProgress.userId, userId));
  return new Map(rows.map((row) => [row.lessonId, row]));
}

/** The lesson the learner touched last (for "Lanjutkan belajar"). */
export async function lastTouchedLesson(userId: string): Promise<string | undefined> {
  const [row] = await db()
    .select({ lessonId: lessonProgress.lessonId })
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, userId))
    .orderBy(desc(lessonProgress.lastActiveAt))
    .limit(1);
  return row?.lessonId;
}

export async function lessonAttempts(userId: string, lessonId: string) {
  return db()
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.lessonId, lessonId), eq(quizAttempts.kind, 'lesson')))
    .orderBy(desc(quizAttempts.at));
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
