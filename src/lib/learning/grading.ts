import type { Pillar, QuizItem } from './types';

export type QuizError =
  | { error: 'quizMissing'; itemId: string }
  | { error: 'quizDuplicate'; itemId: string }
  | { error: 'quizOutOfRange'; itemId: string }
  | { error: 'quizForeign'; itemId: string }
  | { error: 'quizEmpty' };

export interface ItemResult {
  itemId: string;
  chosen: number;
  correctIndex: number;
  correct: boolean;
}

export type Grade =
  | { ok: true; score: number; maxScore: number; answers: Record<string, number>; results: ItemResult[]; pillarScores: Record<Pillar, { score: number; max: number }> }
  | { ok: false; errors: QuizError[] };

export const correctIndex = (item: QuizItem) => item.options.findIndex((o) => o.correct);

/**
 * Grades answers given as [itemId, optionIndex-as-text] pairs (as a form posts them). Every item
 * must be answered exactly once with an existing option; answers for items that are not in
 * this quiz are refused rather than ignored, so a post meant for another lesson cannot count.
 */
export function gradeQuiz(items: QuizItem[], pairs: Array<[string, string]>): Grade {
  if (items.length === 0) return { ok: false, errors: [{ error: 'quizEmpty' }] };
  const byId = new Map(items.map((item) => [item.id, item]));
  const errors: QuizError[] = [];
  const answers: Record<string, number> = {};
  const seen = new Set<string>();
  for (const [itemId, raw] of pairs) {
    const item = byId.get(itemId);
    if (!item) {
      errors.push({ error: 'quizForeign', itemId: itemId.slice(0, 60) });
      continue;
    }
    if (seen.has(itemId)) {
      errors.push({ error: 'quizDuplicate', itemId });
      continue;
    }
    seen.add(itemId);
    const chosen = /^\d{1,2}$/.test(raw) ? Number(raw) : -1;
    if (chosen < 0 || chosen >= item.options.length) {
      errors.push({ error: 'quizOutOfRange', itemId });
      continue;
    }
    answers[itemId] = chosen;
  }
  for (const item of items) {
    if (!seen.has(item.id)) errors.push({ error: 'quizMissing', itemId: item.id });
  }
  if (errors.length) return { ok: false, errors };

  const pillarScores = {} as Record<Pillar, { score: number; max: number }>;
  const results = items.map((item) => {
    const right = correctIndex(item);
    const correct = answers[item.id] === right;
    const bucket = (pillarScores[item.pillar] ??= { score: 0, max: 0 });
    bucket.max += 1;
    if (correct) bucket.score += 1;
    return { itemId: item.id, chosen: answers[item.id], correctIndex: right, correct };
  });
  const score = results.filter((r) => r.correct).length;
  return { ok: true, score, maxScore: items.length, answers, results, pillarScores };
}

/** The attempt that counts: the highest share of points; the earlier one wins a tie. */
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
