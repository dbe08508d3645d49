import { and, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { pretestSkips, quizAttempts } from '@db/schema';

/** Remembers that a learner chose "Lewati tes awal" for a module (once; a second skip changes nothing). */
export async function skipPretest(userId: string, moduleId: string, now: number): Promise<void> {
  await db().insert(pretestSkips).values({ userId, moduleId, at: now }).onConflictDoNothing();
}

/** What the home needs about a learner's pre-tests: the modules whose pre-test was taken, and those skipped. */
export async function pretestStatus(userId: string): Promise<{ taken: Set<string>; skipped: Set<string> }> {
  const [taken, skipped] = await Promise.all([
    db()
      .selectDistinct({ moduleId: quizAttempts.lessonId })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.kind, 'pre'))),
    db().select({ moduleId: pretestSkips.moduleId }).from(pretestSkips).where(eq(pretestSkips.userId, userId)),
  ]);
  return { taken: new Set(taken.map((r) => r.moduleId)), skipped: new Set(skipped.map((r) => r.moduleId)) };
}
