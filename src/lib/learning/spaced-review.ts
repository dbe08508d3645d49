import type { CourseModule, LessonMeta, QuizItem } from './types';

/**
 * "Ulang singkat": a few quiz items from lessons the learner finished a while
 * ago, asked again so we see what stayed. Pure rules over plain records; the caller passes `now`.
 *
 * The schedule, per item of a finished lesson:
 *  - never reviewed: due FIRST_REVIEW_AFTER (7 days) after the lesson was finished;
 *  - last review wrong: due again AFTER_WRONG (2 days) later, so a gap is closed while the lesson
 *    is still fresh enough to matter;
 *  - last review right: due again after 14 days, doubling with each further right answer in a row
 *    (14, 28, 56 days), at most MAX_INTERVAL (60 days). Spacing that widens after each success is
 *    the classic expanding schedule (Leitner boxes): an item the learner keeps knowing is asked
 *    rarely, and an item reviewed correctly is never asked again within 14 days.
 * Order: items whose latest answer was wrong (the review's, or the first answer's when never
 * reviewed) first, then the rest; within each group the longest-overdue first, then course order.
 * A session is SESSION_SIZE (3) items: reviews answered in the last SESSION_WINDOW (12 hours)
 * count against it, so "Ulang singkat" stays three taps a day and never becomes a second quiz.
 *
 * Review answers are a separate record: they never replace the first answers the indicator uses.
 */
export const DAY_MS = 24 * 3600_000;
export const FIRST_REVIEW_AFTER = 7 * DAY_MS;
export const AFTER_WRONG = 2 * DAY_MS;
export const AFTER_RIGHT = 14 * DAY_MS;
export const MAX_INTERVAL = 60 * DAY_MS;
export const SESSION_SIZE = 3;
export const SESSION_WINDOW = 12 * 3600_000;
/** A mentor is asked to nudge when a review has waited this long (three days). */
export const NUDGE_AFTER = 3 * DAY_MS;

export interface ReviewAnswer {
  itemId: string;
  correct: boolean;
  at: number;
}

export interface ReviewInput {
  course: CourseModule[];
  /** Finished lessons and when they were finished (epoch ms). */
  completions: Array<{ lessonId: string; at: number }>;
  /** itemId → whether the learner's FIRST answer to it was right (items never answered are absent). */
  firstCorrect: Map<string, boolean>;
  /** Every review answer of this learner, any order. */
  reviews: ReviewAnswer[];
  now: number;
}

export interface DueItem {
  item: QuizItem;
  lesson: LessonMeta;
  /** When it became due (epoch ms). */
  dueAt: number;
  /** Its latest answer (review, else first answer) was wrong. */
  wrongLast: boolean;
}

/** When an item is next due, given when its lesson was finished and its reviews (oldest first). */
export function nextDue(finishedAt: number, reviews: ReviewAnswer[]): number {
  if (reviews.length === 0) return finishedAt + FIRST_REVIEW_AFTER;
  const last = reviews[reviews.length - 1];
  if (!last.correct) return last.at + AFTER_WRONG;
  let streak = 0;
  for (let i = reviews.length - 1; i >= 0 && reviews[i].correct; i--) streak++;
  return last.at + Math.min(MAX_INTERVAL, AFTER_RIGHT * 2 ** (streak - 1));
}

/** Every item due now, in the order they should be asked. */
export function allDueItems(input: ReviewInput): DueItem[] {
  const finished = new Map<string, number>();
  for (const c of input.completions) finished.set(c.lessonId, Math.min(c.at, finished.get(c.lessonId) ?? Number.POSITIVE_INFINITY));
  const byItem = new Map<string, ReviewAnswer[]>();
  for (const r of [...input.reviews].sort((a, b) => a.at - b.at)) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  const due: Array<DueItem & { rank: number }> = [];
  let rank = 0;
  for (const module of input.course) {
    for (const lesson of module.lessons) {
      const at = finished.get(lesson.id);
      for (const item of lesson.quiz) {
        rank++;
        if (at === undefined) continue;
        const reviews = byItem.get(item.id) ?? [];
        const dueAt = nextDue(at, reviews);
        if (dueAt > input.now) continue;
        const wrongLast = reviews.length ? !reviews[reviews.length - 1].correct : input.firstCorrect.get(item.id) === false;
        due.push({ item, lesson, dueAt, wrongLast, rank });
      }
    }
  }
  due.sort((a, b) => Number(b.wrongLast) - Number(a.wrongLast) || a.dueAt - b.dueAt || a.rank - b.rank);
  return due.map(({ rank: _rank, ...rest }) => rest);
}

/** Today's "Ulang singkat": up to three due items, fewer when some were answered in the last 12 hours. */
export function reviewSession(input: ReviewInput): DueItem[] {
  const recent = input.reviews.filter((r) => r.at <= input.now && input.now - r.at < SESSION_WINDOW).length;
  const room = Math.max(0, SESSION_SIZE - recent);
  return room === 0 ? [] : allDueItems(input).slice(0, room);
}

/**
 * Since when a review has been waiting for a mentor's nudge: the moment the oldest due item became
 * due, or the learner's latest review if that is later (they are at it). Null when nothing is due
 * or it has waited less than NUDGE_AFTER.
 */
export function reviewOverdueSince(input: ReviewInput): number | null {
  const lastReviewAt = input.reviews.reduce<number | null>((max, r) => (r.at <= input.now && (max === null || r.at > max) ? r.at : max), null);
  return overdueSince({ firstDueAt: reviewSchedule(input).firstDueAt, lastReviewAt }, input.now);
}

/**
 * What reviewOverdueSince() needs, without `now`: when the earliest item falls due (null when no
 * finished lesson has items) and the latest review answer. The mentor dashboard's maintained
 * aggregate (learner_stats) stores these two numbers.
 */
export function reviewSchedule(input: Omit<ReviewInput, 'now' | 'firstCorrect'>): { firstDueAt: number | null; lastReviewAt: number | null } {
  const all = allDueItems({ ...input, firstCorrect: new Map(), now: Number.POSITIVE_INFINITY });
  return {
    firstDueAt: all.length ? Math.min(...all.map((d) => d.dueAt)) : null,
    lastReviewAt: input.reviews.reduce<number | null>((max, r) => (max === null || r.at > max ? r.at : max), null),
  };
}

/**
 * reviewOverdueSince() from a schedule: the oldest due item's time, or the latest review if later
 * (the learner is at it); null when nothing is due or it has waited less than NUDGE_AFTER. Exact
 * when `lastReviewAt` is not after `now` (a review answered "in the future" needs the full input).
 */
export function overdueSince(schedule: { firstDueAt: number | null; lastReviewAt: number | null }, now: number): number | null {
  if (schedule.firstDueAt === null || schedule.firstDueAt > now) return null;
  const since = Math.max(schedule.firstDueAt, schedule.lastReviewAt ?? Number.NEGATIVE_INFINITY);
  return now - since >= NUDGE_AFTER ? since : null;
}

/** Share correct in reviews (retention), 0..1; null before any review. */
export function retention(reviews: Array<Pick<ReviewAnswer, 'correct'>>): { answered: number; correct: number; share: number | null } {
  const correct = reviews.filter((r) => r.correct).length;
  return { answered: reviews.length, correct, share: reviews.length ? correct / reviews.length : null };
}
