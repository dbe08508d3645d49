/**
 * Growth and cohort numbers, computed by hand: the normalized gain g = (post − pre) ÷ (max − pre)
 * with Hake's bands (pre = max has no gain; a lower post-test is a negative gain), the
 * descriptive statistics of cohort reports (n, mean, median, sample standard deviation), and the
 * Skor Persepsi of the self-assessment (per pillar and overall).
 */
import { describe, expect, it } from 'vitest';
import { gainBand, normalizedGain } from '../../src/lib/indicator/gain';
import { shareAtLeast, summarize } from '../../src/lib/indicator/stats';
import { INSTRUMENT_VERSION, LIKERT, perceptionScores, SELF_ASSESSMENT } from '../../src/lib/indicator/instrument';
import { PILLARS } from '../../src/lib/learning/types';

describe('normalizedGain and gainBand', () => {
  it('pre 2, post 4 of 5: (4 − 2) / (5 − 2) = 2/3 ≈ 0.667, medium', () => {
    const g = normalizedGain(2, 4, 5)!;
    expect(g).toBeCloseTo(2 / 3, 12);
    expect(gainBand(g)).toBe('sedang');
  });

  it('pre 0, post 6 of 6: 6/6 = 1, high', () => {
    expect(normalizedGain(0, 6, 6)).toBe(1);
    expect(gainBand(1)).toBe('tinggi');
  });

  it('pre = max (5 of 5): no room to grow, so no gain (null), whatever the post-test', () => {
    expect(normalizedGain(5, 5, 5)).toBeNull();
    expect(normalizedGain(5, 3, 5)).toBeNull();
  });

  it('a lower post-test is a negative gain: pre 3, post 1 of 5 → (1 − 3) / (5 − 3) = −1, low', () => {
    expect(normalizedGain(3, 1, 5)).toBe(-1);
    expect(gainBand(-1)).toBe('rendah');
  });

  it('no change: pre 2, post 2 of 6 → 0 / 4 = 0, low', () => {
    expect(normalizedGain(2, 2, 6)).toBe(0);
    expect(gainBand(0)).toBe('rendah');
  });

  it('an empty test (max 0) has no gain', () => {
    expect(normalizedGain(0, 0, 0)).toBeNull();
  });

  it("Hake's band edges: < 0.3 low, 0.3–0.7 medium, > 0.7 high", () => {
    expect(gainBand(normalizedGain(0, 3, 10)!)).toBe('sedang'); // 3/10 = 0.30
    expect(gainBand(0.2999)).toBe('rendah');
    expect(gainBand(normalizedGain(0, 7, 10)!)).toBe('sedang'); // 7/10 = 0.70
    expect(gainBand(0.7001)).toBe('tinggi');
    expect(gainBand(normalizedGain(2, 8, 10)!)).toBe('tinggi'); // 6/8 = 0.75
  });
});

describe('summarize (cohort statistics)', () => {
  it('[2, 4, 4, 5]: n 4, mean 15/4 = 3.75, median (4 + 4)/2 = 4, sd √(4.75/3) ≈ 1.2583', () => {
    // deviations from 3.75: −1.75, 0.25, 0.25, 1.25; squares 3.0625 + 0.0625 + 0.0625 + 1.5625 = 4.75;
    // sample variance 4.75 / (4 − 1) = 1.58333…; sd = √1.58333… = 1.25831…
    const s = summarize([2, 4, 4, 5]);
    expect(s.n).toBe(4);
    expect(s.mean).toBe(3.75);
    expect(s.median).toBe(4);
    expect(s.sd).toBeCloseTo(1.2583, 4);
  });

  it('odd n, unsorted [3, 1, 2]: median is the middle after sorting (2), mean 2, sd √((1 + 1 + 0)/2) = 1', () => {
    expect(summarize([3, 1, 2])).toEqual({ n: 3, mean: 2, median: 2, sd: 1 });
  });

  it('one value: no standard deviation (n − 1 = 0); none: everything null', () => {
    expect(summarize([3.4])).toEqual({ n: 1, mean: 3.4, median: 3.4, sd: null });
    expect(summarize([])).toEqual({ n: 0, mean: null, median: null, sd: null });
  });

  it('share at Cakap or above: [3.41, 3.40, 4.50, 2.00] with threshold 3.41 → 2 of 4 = 0.5; empty → null', () => {
    expect(shareAtLeast([3.41, 3.4, 4.5, 2], 3.41)).toBe(0.5);
    expect(shareAtLeast([], 3.41)).toBeNull();
  });
});

describe('the self-assessment instrument and perceptionScores', () => {
  it('8–12 Likert items, every pillar covered, unique ids, a version, 1–5 scale', () => {
    expect(SELF_ASSESSMENT.length).toBeGreaterThanOrEqual(8);
    expect(SELF_ASSESSMENT.length).toBeLessThanOrEqual(12);
    expect(new Set(SELF_ASSESSMENT.map((i) => i.id)).size).toBe(SELF_ASSESSMENT.length);
    for (const p of PILLARS)
      expect(
        SELF_ASSESSMENT.some((i) => i.pillar === p),
        p,
      ).toBe(true);
    expect(INSTRUMENT_VERSION).toMatch(/\S/);
    expect(LIKERT.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('per pillar means and the overall mean of all items, by hand', () => {
    // cakap  sa1..sa3  = 5, 4, 3 → 12/3 = 4
    // etika  sa4, sa5  = 2, 4    → 6/2  = 3
    // budaya sa6, sa7  = 1, 2    → 3/2  = 1.5
    // aman   sa8..sa10 = 5, 5, 2 → 12/3 = 4
    // overall: (5+4+3+2+4+1+2+5+5+2) / 10 = 33/10 = 3.3 — the mean of the items, not of the
    // pillar means (which would be (4 + 3 + 1.5 + 4)/4 = 3.125).
    const answers = { sa1: 5, sa2: 4, sa3: 3, sa4: 2, sa5: 4, sa6: 1, sa7: 2, sa8: 5, sa9: 5, sa10: 2 };
    const s = perceptionScores(answers);
    expect(s.pillars).toEqual({ cakap: 4, etika: 3, budaya: 1.5, aman: 4 });
    expect(s.overall).toBeCloseTo(3.3, 12);
  });

  it('all 1s → 1 everywhere; all 5s → 5 everywhere', () => {
    const ones = perceptionScores(Object.fromEntries(SELF_ASSESSMENT.map((i) => [i.id, 1])));
    expect(ones.overall).toBe(1);
    expect(Object.values(ones.pillars)).toEqual([1, 1, 1, 1]);
    expect(perceptionScores(Object.fromEntries(SELF_ASSESSMENT.map((i) => [i.id, 5]))).overall).toBe(5);
  });
});
