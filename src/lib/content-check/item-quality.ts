/**
 * Item-quality rules: an item bank a learner can pass without reading is not a
 * measure. Pure functions over plain items; content:check (check.ts) turns their findings into
 * Indonesian problems with file and line, and the guessing test checks the result.
 */
export interface PlainOption {
  text: string;
  correct?: boolean;
}
export interface PlainItem {
  id?: string;
  question: string;
  options: PlainOption[];
}

/** A module may have its right answer as the (strictly) longest option in at most this share of items. */
export const MAX_LONGEST_SHARE = 0.4;
/** "Much longer": the right answer at least this many times the longest wrong one… */
export const MUCH_LONGER_RATIO = 1.4;
/** …and at least this many characters longer. */
export const MUCH_LONGER_CHARS = 12;
export const MIN_OPTIONS = 3;

const len = (o: PlainOption) => String(o.text ?? '').trim().length;

export function correctIsLongest(item: PlainItem): boolean {
  const right = item.options.filter((o) => o.correct);
  if (right.length !== 1) return false;
  const others = item.options.filter((o) => !o.correct);
  return others.length > 0 && len(right[0]) > Math.max(...others.map(len));
}

/** The right answer's and the longest wrong answer's lengths when the right one is much longer, else undefined. */
export function muchLonger(item: PlainItem): { right: number; other: number } | undefined {
  const right = item.options.filter((o) => o.correct);
  const others = item.options.filter((o) => !o.correct);
  if (right.length !== 1 || others.length === 0) return undefined;
  const r = len(right[0]);
  const o = Math.max(...others.map(len));
  return r >= MUCH_LONGER_RATIO * o && r - o >= MUCH_LONGER_CHARS ? { right: r, other: o } : undefined;
}

/** Words of three letters or more, lower-case, without accents or punctuation. */
function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9\s]/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2),
  );
}
function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

/**
 * Whether a pre/post item nearly repeats a lesson-quiz item: a near-identical question, near-
 * identical options, or the same right answer to a related question. Measured as word overlap
 * (Jaccard): question ≥ 0.5, all options ≥ 0.45, or right answer ≥ 0.6 with question ≥ 0.25.
 */
export function repeats(form: PlainItem, lesson: PlainItem): boolean {
  const q = jaccard(words(form.question), words(lesson.question));
  const all = jaccard(words(form.options.map((o) => o.text).join(' ')), words(lesson.options.map((o) => o.text).join(' ')));
  const rightOf = (i: PlainItem) => i.options.find((o) => o.correct)?.text ?? '';
  const right = jaccard(words(rightOf(form)), words(rightOf(lesson)));
  return q >= 0.5 || all >= 0.45 || (right >= 0.6 && q >= 0.25);
}
