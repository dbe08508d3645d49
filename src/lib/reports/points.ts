import { PILLARS, type Pillar } from '../learning/types';

/**
 * The best share (0..1) of each pillar's quiz items over a lesson's attempts, from their stored
 * `pillar_scores` — as scorePillar takes it (a part counts when its max is above 0; the share is
 * score ÷ max). Input: a JSON array of the attempts' objects, e.g.
 *   [{"cakap":{"score":2,"max":3},"aman":{"score":1,"max":1}},{"cakap":{"score":3,"max":3}}]
 * The report reads about 200,000 of these for 10,000 learners, so the exact shape the grader
 * writes (JSON.stringify: no spaces, pillar keys, integer score then max) is scanned directly,
 * without allocating; anything else (other keys, spaces, key order, decimals, null) falls back
 * to JSON.parse, so the result is the same either way.
 */
export type PillarPoints = Partial<Record<Pillar, { score: number; max: number }>>;
export type BestShares = Partial<Record<Pillar, number>>;

const PREFIX: Record<Pillar, string> = {
  cakap: '"cakap":{"score":',
  etika: '"etika":{"score":',
  budaya: '"budaya":{"score":',
  aman: '"aman":{"score":',
};
const MAX = ',"max":';

/** The pillar whose part starts at i (by its first letter, then the whole prefix), or undefined. */
function pillarAt(text: string, i: number): Pillar | undefined {
  const c = text.charCodeAt(i + 1);
  const pillar: Pillar | undefined = c === 99 ? 'cakap' : c === 101 ? 'etika' : c === 98 ? 'budaya' : c === 97 ? 'aman' : undefined;
  return pillar && text.startsWith(PREFIX[pillar], i) ? pillar : undefined;
}

function keep(best: BestShares, pillar: Pillar, score: number, max: number): void {
  if (!(max > 0)) return;
  const share = score / max;
  const seen = best[pillar];
  if (seen === undefined || share > seen) best[pillar] = share;
}

/**
 * The fast path: `[` objects `,`-separated `]`, each object `{` parts `,`-separated `}`, each part
 * `"<pillar>":{"score":<digits>,"max":<digits>}`. Null as soon as anything else shows up
 * (another key, a space, a decimal) — the caller then parses it as JSON.
 */
function scan(text: string): BestShares | null {
  const best: BestShares = {};
  const n = text.length;
  let i = 0;
  let value = 0;
  // Reads 1–9 digits at i into `value`; false if there are none.
  const digits = (): boolean => {
    const start = i;
    value = 0;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57 && i - start < 9; c = text.charCodeAt(++i)) value = value * 10 + (c - 48);
    return i > start && !(text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57);
  };
  if (text.charCodeAt(i++) !== 91 /* [ */) return null;
  if (text.charCodeAt(i) === 93 /* ] */) return i + 1 === n ? best : null;
  for (;;) {
    if (text.charCodeAt(i++) !== 123 /* { */) return null;
    if (text.charCodeAt(i) === 125 /* } */) i += 1;
    else {
      for (;;) {
        const pillar = pillarAt(text, i);
        if (!pillar) return null;
        i += PREFIX[pillar].length;
        if (!digits()) return null;
        const score = value;
        if (!text.startsWith(MAX, i)) return null;
        i += MAX.length;
        if (!digits() || text.charCodeAt(i++) !== 125 /* } */) return null;
        keep(best, pillar, score, value);
        const c = text.charCodeAt(i++);
        if (c === 125 /* } */) break;
        if (c !== 44 /* , */) return null;
      }
    }
    const c = text.charCodeAt(i++);
    if (c === 93 /* ] */) return i === n ? best : null;
    if (c !== 44 /* , */) return null;
  }
}

/** The exact path, for any valid JSON. */
function parse(text: string): BestShares {
  const best: BestShares = {};
  let attempts: unknown;
  try {
    attempts = JSON.parse(text);
  } catch {
    return best;
  }
  if (!Array.isArray(attempts)) return best;
  for (const points of attempts as Array<PillarPoints | null>) {
    if (!points || typeof points !== 'object') continue;
    for (const p of PILLARS) {
      const part = points[p];
      if (part && typeof part.score === 'number' && typeof part.max === 'number') keep(best, p, part.score, part.max);
    }
  }
  return best;
}

export function bestSharesOf(attemptsJson: string): BestShares {
  return scan(attemptsJson) ?? parse(attemptsJson);
}
