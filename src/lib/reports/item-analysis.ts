import type { Pillar, QuizItem } from '../learning/types';

/**
 * Item analysis for trainers, pure: per item, from each learner's FIRST answer
 * to it, how many answered, the difficulty (share right), the discrimination (point-biserial
 * correlation between being right on this item and the learner's total on the other items of
 * the same test), how often each option was chosen, and flags in plain Indonesian. Below
 * MIN_ANSWERS the numbers are shown but not judged ("belum cukup data"). Also Cronbach's alpha
 * for the self-assessment scale.
 */
export const MIN_ANSWERS = 30;
export const TOO_EASY_PRE = 0.9;
export const TOO_HARD = 0.2;
export const LOW_DISCRIMINATION = 0.2;

export type TestContext = 'lesson' | 'pre' | 'post';

export interface BankItem {
  item: QuizItem;
  /** Where it is asked: a lesson quiz, or form A/B of a module's growth test. */
  /** `retired`: an older version of an item a browser lesson replaced after learners answered it (issue 19). */
  where: { kind: 'lesson'; lessonId: string; title: string; retired?: boolean } | { kind: 'form'; moduleId: string; form: 'A' | 'B'; title: string };
}

/** One learner's first answer to one item, in one test context (a form item is asked as pre or post). */
export interface FirstAnswer {
  learnerId: string;
  itemId: string;
  context: TestContext;
  optionId: string;
  correct: boolean;
}

export type ItemFlag = 'tooEasyPre' | 'tooHard' | 'notDiscriminating' | 'negative' | 'unusedDistractor';

export interface ItemStats {
  itemId: string;
  question: string;
  pillar: Pillar;
  where: BankItem['where'];
  /** Learners who answered it (first answers only). */
  n: number;
  /** Share right (0..1), null when nobody answered. */
  difficulty: number | null;
  /** Share right on the pre-test only (for "too easy before learning"), null without pre answers. */
  preDifficulty: number | null;
  /** Point-biserial r against the rest of the same test (corrected), null when it cannot be computed. */
  discrimination: number | null;
  options: Array<{ id: string; text: string; correct: boolean; chosen: number }>;
  enoughData: boolean;
  flags: ItemFlag[];
  /** Options no learner chose (wrong ones only). */
  unused: string[];
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Pearson correlation of a 0/1 variable with a numeric one (the point-biserial r); null when either has no spread. */
export function pointBiserial(right: boolean[], rest: number[]): number | null {
  const n = right.length;
  if (n < 2) return null;
  const x = right.map((r) => (r ? 1 : 0));
  const mx = mean(x);
  const my = mean(rest);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (rest[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (rest[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * The analysis of every item of the bank. Each learner's total in a context is their share right
 * over the other items of that context they answered (the item itself left out, so an item does
 * not correlate with itself).
 */
export function analyzeItems(bank: BankItem[], answers: FirstAnswer[]): ItemStats[] {
  const byItem = new Map<string, FirstAnswer[]>();
  const perLearner = new Map<string, { right: number; total: number }>();
  const key = (learnerId: string, context: TestContext) => `${learnerId}\u0000${context}`;
  for (const a of answers) {
    byItem.set(a.itemId, [...(byItem.get(a.itemId) ?? []), a]);
    const t = perLearner.get(key(a.learnerId, a.context)) ?? { right: 0, total: 0 };
    t.total += 1;
    if (a.correct) t.right += 1;
    perLearner.set(key(a.learnerId, a.context), t);
  }
  const stats = bank.map(({ item, where }): ItemStats => {
    const mine = byItem.get(item.id) ?? [];
    const n = mine.length;
    const right = mine.filter((a) => a.correct).length;
    const pre = mine.filter((a) => a.context === 'pre');
    const withRest = mine
      .map((a) => {
        const t = perLearner.get(key(a.learnerId, a.context))!;
        const others = t.total - 1;
        return others > 0 ? { right: a.correct, rest: (t.right - (a.correct ? 1 : 0)) / others } : undefined;
      })
      .filter((x): x is { right: boolean; rest: number } => x !== undefined);
    const discrimination = pointBiserial(
      withRest.map((x) => x.right),
      withRest.map((x) => x.rest),
    );
    const options = item.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct === true, chosen: mine.filter((a) => a.optionId === o.id).length }));
    const unused = options.filter((o) => !o.correct && o.chosen === 0).map((o) => o.id);
    const difficulty = n ? right / n : null;
    const preDifficulty = pre.length ? pre.filter((a) => a.correct).length / pre.length : null;
    const enoughData = n >= MIN_ANSWERS;
    const flags: ItemFlag[] = [];
    if (enoughData) {
      if (preDifficulty !== null && pre.length >= MIN_ANSWERS && preDifficulty >= TOO_EASY_PRE) flags.push('tooEasyPre');
      if (difficulty !== null && difficulty < TOO_HARD) flags.push('tooHard');
      if (discrimination !== null && discrimination < 0) flags.push('negative');
      else if (discrimination !== null && discrimination < LOW_DISCRIMINATION) flags.push('notDiscriminating');
      if (unused.length) flags.push('unusedDistractor');
    }
    return {
      itemId: item.id,
      question: item.question,
      pillar: item.pillar,
      where,
      n,
      difficulty,
      preDifficulty,
      discrimination,
      options,
      enoughData,
      flags,
      unused,
    };
  });
  // Flagged items first (most flags first), then those without enough data, then the rest; bank order within.
  const rank = (s: ItemStats) => (s.flags.length ? -s.flags.length : s.enoughData ? 1 : 0);
  return stats
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * Cronbach's alpha of a scale: k/(k−1) × (1 − Σ item variances ÷ variance of the totals), over the
 * respondents who answered every item. Null below MIN_ANSWERS respondents ("belum cukup data") or
 * when the totals do not vary.
 */
export function cronbachAlpha(responses: Array<Record<string, number>>, itemIds: string[]): { n: number; alpha: number | null } {
  const complete = responses.filter((r) => itemIds.every((id) => typeof r[id] === 'number'));
  const n = complete.length;
  const k = itemIds.length;
  if (n < MIN_ANSWERS || k < 2) return { n, alpha: null };
  const variance = (xs: number[]) => {
    const m = mean(xs);
    return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  };
  const itemVar = itemIds.reduce((s, id) => s + variance(complete.map((r) => r[id])), 0);
  const totalVar = variance(complete.map((r) => itemIds.reduce((s, id) => s + r[id], 0)));
  if (totalVar === 0) return { n, alpha: null };
  return { n, alpha: (k / (k - 1)) * (1 - itemVar / totalVar) };
}
