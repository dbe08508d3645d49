import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { db } from '@db/client';
import { lessonProgress, quizAttempts, reviewAnswers } from '@db/schema';
import { allLessons } from '../../learning/curriculum';
import { firstAnswers } from '../../learning/grading';
import { correctOption, itemVersion } from '../../learning/options';
import { retention, reviewOverdueSince, reviewSession, type DueItem, type ReviewInput } from '../../learning/spaced-review';
import type { CourseModule } from '../../learning/types';
import { newId } from '../auth/tokens';

/**
 * "Ulang singkat" on the server: reads what the pure rules in
 * src/lib/learning/spaced-review.ts need, and stores review answers in their own table. Nothing
 * here writes quiz_attempts or lesson_progress: the first answers the indicator counts stay as
 * they are.
 */

type Inputs = Omit<ReviewInput, 'course' | 'now'>;

/** The picker's inputs for several learners at once (three queries, whatever their number). */
export async function reviewInputsFor(userIds: string[], course: CourseModule[]): Promise<Map<string, Inputs>> {
  const out = new Map<string, Inputs>(userIds.map((id) => [id, { completions: [], firstCorrect: new Map(), reviews: [] }]));
  if (userIds.length === 0) return out;
  const [completions, attempts, reviews] = await Promise.all([
    db()
      .select({ userId: lessonProgress.userId, lessonId: lessonProgress.lessonId, at: lessonProgress.completedAt })
      .from(lessonProgress)
      .where(and(inArray(lessonProgress.userId, userIds), isNotNull(lessonProgress.completedAt))),
    db()
      .select({ userId: quizAttempts.userId, lessonId: quizAttempts.lessonId, answers: quizAttempts.answers, at: quizAttempts.at })
      .from(quizAttempts)
      .where(and(inArray(quizAttempts.userId, userIds), eq(quizAttempts.kind, 'lesson'))),
    db()
      .select({ userId: reviewAnswers.userId, itemId: reviewAnswers.itemId, correct: reviewAnswers.correct, at: reviewAnswers.answeredAt })
      .from(reviewAnswers)
      .where(inArray(reviewAnswers.userId, userIds)),
  ]);
  for (const c of completions) out.get(c.userId)!.completions.push({ lessonId: c.lessonId, at: c.at! });
  for (const r of reviews) out.get(r.userId)!.reviews.push({ itemId: r.itemId, correct: r.correct, at: r.at });
  const quizByLesson = new Map(allLessons(course).map((l) => [l.id, l.quiz]));
  const attemptsBy = new Map<string, typeof attempts>();
  for (const a of attempts) {
    const key = `${a.userId}\u0000${a.lessonId}`;
    attemptsBy.set(key, [...(attemptsBy.get(key) ?? []), a]);
  }
  for (const [key, list] of attemptsBy) {
    const [userId, lessonId] = key.split('\u0000');
    const items = quizByLesson.get(lessonId);
    if (!items) continue;
    for (const [itemId, result] of firstAnswers(items, list)) out.get(userId)!.firstCorrect.set(itemId, result.correct);
  }
  return out;
}

async function inputsOf(userId: string, course: CourseModule[], now: number): Promise<ReviewInput> {
  const inputs = (await reviewInputsFor([userId], course)).get(userId)!;
  return { ...inputs, course, now };
}

/** Today's review items for one learner (empty when nothing is due). */
export async function reviewSessionFor(userId: string, course: CourseModule[], now: number): Promise<DueItem[]> {
  return reviewSession(await inputsOf(userId, course, now));
}

/** Learner id → since when a due review has waited past the mentor's nudge time (only those waiting). */
export async function reviewsOverdue(userIds: string[], course: CourseModule[], now: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [userId, inputs] of await reviewInputsFor(userIds, course)) {
    const since = reviewOverdueSince({ ...inputs, course, now });
    if (since !== null) out.set(userId, since);
  }
  return out;
}

export type ReviewPostError = 'reviewItemUnknown' | 'reviewNotDue' | 'reviewOptionUnknown' | 'reviewItemChanged';
export type ReviewPostResult = { ok: true; id: string } | { ok: false; status: 400 | 404 | 409; error: ReviewPostError };

/**
 * One tap of "Ulang singkat": the item must be one of this learner's due items right now, the
 * option one of that item's own ids, and the item unchanged since the page showed it. Stores one
 * review answer (graded on the server) and returns its id for the feedback page.
 */
export async function answerReview(userId: string, course: CourseModule[], form: FormData, now: number): Promise<ReviewPostResult> {
  const itemId = String(form.get('item') ?? '').slice(0, 80);
  const optionId = String(form.get('option') ?? '').slice(0, 80);
  const shownVersion = form.get('version');
  if (!itemId) return { ok: false, status: 400, error: 'reviewItemUnknown' };
  const lesson = allLessons(course).find((l) => l.quiz.some((q) => q.id === itemId));
  const item = lesson?.quiz.find((q) => q.id === itemId);
  if (!lesson || !item) return { ok: false, status: 404, error: 'reviewItemUnknown' };
  const due = await reviewSessionFor(userId, course, now);
  if (!due.some((d) => d.item.id === itemId)) return { ok: false, status: 409, error: 'reviewNotDue' };
  const version = itemVersion(item);
  if (typeof shownVersion === 'string' && shownVersion !== version) return { ok: false, status: 409, error: 'reviewItemChanged' };
  if (!item.options.some((o) => o.id === optionId)) return { ok: false, status: 400, error: 'reviewOptionUnknown' };
  const id = newId();
  await db()
    .insert(reviewAnswers)
    .values({ id, userId, itemId, lessonId: lesson.id, itemVersion: version, optionId, correct: optionId === correctOption(item).id, answeredAt: now });
  return { ok: true, id };
}

/** A stored review answer of this learner, with its item, for the feedback view. */
export async function reviewAnswerFor(userId: string, id: string, course: CourseModule[]) {
  const [row] = await db()
    .select()
    .from(reviewAnswers)
    .where(and(eq(reviewAnswers.id, id.slice(0, 40)), eq(reviewAnswers.userId, userId)))
    .limit(1);
  if (!row) return undefined;
  const lesson = allLessons(course).find((l) => l.id === row.lessonId);
  const item = lesson?.quiz.find((q) => q.id === row.itemId);
  return { row, lesson, item };
}

/** How this learner's reviews went (for /learn/capaian). */
export async function learnerRetention(userId: string) {
  const rows = await db().select({ correct: reviewAnswers.correct }).from(reviewAnswers).where(eq(reviewAnswers.userId, userId));
  return retention(rows);
}
