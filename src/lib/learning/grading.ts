import type { Pillar, QuizItem } from './types';
import { correctOption, itemVersion, legacyOption, storedOptionId } from './options';

export type QuizError =
  | { error: 'quizMissing'; itemId: string }
  | { error: 'quizDuplicate'; itemId: string }
  | { error: 'quizOutOfRange'; itemId: string }
  | { error: 'quizForeign'; itemId: string }
  | { error: 'quizOptionForeign'; itemId: string }
  | { error: 'quizUnknownOption'; itemId: string }
  | { error: 'quizPositionIndex'; itemId: string }
  | { error: 'quizItemChanged'; itemId: string }
  | { error: 'quizEmpty' };

export interface ItemResult {
  itemId: string;
  /** The option the learner chose (its id) and the right one. */
  chosenId: string;
  correctId: string;
  correct: boolean;
}

export type Grade =
  | {
      ok: true;
      score: number;
      maxScore: number;
      /** itemId → chosen option id. */
      answers: Record<string, string>;
      /** itemId → the item's version it was graded on (see itemVersion). */
      versions: Record<string, string>;
      results: ItemResult[];
      pillarScores: Record<Pillar, { score: number; max: number }>;
    }
  | { ok: false; errors: QuizError[] };

export interface GradeOptions {
  /**
   * Accept a JSON number as an option position in the old file order (answers queued on a phone
   * before option ids existed). Only the offline queue's JSON can carry one; a form always posts
   * text, and digits there are refused (quizPositionIndex).
   */
  legacyPositions?: boolean;
  /** itemId → the version the page showed; an answer to an item that has changed since is refused. */
  shownVersions?: Record<string, unknown>;
}

/**
 * Grades answers given as [itemId, optionId] pairs (as a form posts them). Every item must be
 * answered exactly once with one of its own option ids. Grading is by identity, never by
 * position: a position, an id of another item's option, a made-up id, an answer for an item not
 * in this quiz, or two answers for one item are refused (nothing is graded) rather than ignored.
 */
export function gradeQuiz(items: QuizItem[], pairs: Array<[string, unknown]>, options: GradeOptions = {}): Grade {
  if (items.length === 0) return { ok: false, errors: [{ error: 'quizEmpty' }] };
  const byId = new Map(items.map((item) => [item.id, item]));
  const otherOptions = new Set(items.flatMap((item) => item.options.map((o) => o.id)));
  const errors: QuizError[] = [];
  const answers: Record<string, string> = {};
  const versions: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [itemId, raw] of pairs) {
    const item = byId.get(itemId);
    if (!item) {
      errors.push({ error: 'quizForeign', itemId: String(itemId).slice(0, 60) });
      continue;
    }
    if (seen.has(itemId)) {
      errors.push({ error: 'quizDuplicate', itemId });
      continue;
    }
    seen.add(itemId);
    const version = itemVersion(item);
    const shown = options.shownVersions?.[itemId];
    if (shown !== undefined && shown !== version) {
      errors.push({ error: 'quizItemChanged', itemId });
      continue;
    }
    if (typeof raw === 'number' && options.legacyPositions) {
      const old = legacyOption(item, raw);
      if (!old.ok) errors.push({ error: old.error, itemId });
      else {
        answers[itemId] = old.optionId;
        versions[itemId] = version;
      }
      continue;
    }
    const value = typeof raw === 'string' ? raw : '';
    if (item.options.some((o) => o.id === value)) {
      answers[itemId] = value;
      versions[itemId] = version;
    } else if (/^\d{1,3}$/.test(value) || typeof raw === 'number') errors.push({ error: 'quizPositionIndex', itemId });
    else if (otherOptions.has(value)) errors.push({ error: 'quizOptionForeign', itemId });
    else errors.push({ error: 'quizUnknownOption', itemId });
  }
  for (const item of items) {
    if (!seen.has(item.id)) errors.push({ error: 'quizMissing', itemId: item.id });
  }
  if (errors.length) return { ok: false, errors };

  const pillarScores = {} as Record<Pillar, { score: number; max: number }>;
  const results = items.map((item) => {
    const right = correctOption(item).id;
    const correct = answers[item.id] === right;
    const bucket = (pillarScores[item.pillar] ??= { score: 0, max: 0 });
    bucket.max += 1;
    if (correct) bucket.score += 1;
    return { itemId: item.id, chosenId: answers[item.id], correctId: right, correct };
  });
  const score = results.filter((r) => r.correct).length;
  return { ok: true, score, maxScore: items.length, answers, versions, results, pillarScores };
}

/**
 * A stored attempt read again for showing: what the learner chose (by option id; old rows'
 * positions through the snapshot in options.ts) and whether it was right. Items the attempt did
 * not answer are left out.
 */
export function storedResults(items: QuizItem[], answers: Record<string, unknown>): ItemResult[] {
  return items.flatMap((item) => {
    const raw = answers[item.id];
    const chosenId = storedOptionId(item.id, raw);
    if (chosenId === undefined) return [];
    const correctId = correctOption(item).id;
    return [{ itemId: item.id, chosenId, correctId, correct: chosenId === correctId }];
  });
}

/**
 * The first-answer score of one quiz: for each item, the learner's first answer to it (in the
 * earliest attempt that answered it), right or not. Undefined before any attempt.
 */
export function firstAnswerScore(
  items: QuizItem[],
  attempts: Array<{ at: number; answers: Record<string, unknown> }>,
): { score: number; max: number } | undefined {
  if (attempts.length === 0) return undefined;
  const first = firstAnswers(items, attempts);
  return { score: [...first.values()].filter((r) => r.correct).length, max: items.length };
}

/** itemId → the result of the learner's first answer to it, over attempts in any order. */
export function firstAnswers(items: QuizItem[], attempts: Array<{ at: number; answers: Record<string, unknown> }>): Map<string, ItemResult> {
  const out = new Map<string, ItemResult>();
  for (const attempt of [...attempts].sort((a, b) => a.at - b.at)) {
    for (const r of storedResults(items, attempt.answers)) if (!out.has(r.itemId)) out.set(r.itemId, r);
  }
  return out;
}

/** The first attempt: the one that counts for the indicator and certificates (see docs/indicator.md). */
export function firstAttempt<T extends { at: number }>(attempts: T[]): T | undefined {
  let first: T | undefined;
  for (const attempt of attempts) if (!first || attempt.at < first.at) first = attempt;
  return first;
}

/** The attempt with the highest share of points; the earlier one wins a tie (kept for practice views only). */
export function bestAttempt<T extends { score: number; maxScore: number; at: number }>(attempts: T[]): T | undefined {
  let best: T | undefined;
  for (const attempt of attempts) {
    const ratio = attempt.maxScore > 0 ? attempt.score / attempt.maxScore : 0;
    const bestRatio = best && best.maxScore > 0 ? best.score / best.maxScore : -1;
    if (ratio > bestRatio || (ratio === bestRatio && best && attempt.at < best.at)) best = attempt;
  }
  return best;
}

/** Percent, rounded, for display ("67 %"). */
export const percent = (score: number, max: number) => (max > 0 ? Math.round((100 * score) / max) : 0);
