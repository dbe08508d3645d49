/** Best share per pillar from stored pillar_scores: the fast scan and the JSON path agree, as scorePillar reads them. */
import { describe, expect, it } from 'vitest';
import { bestSharesOf } from '../../src/lib/reports/points';

describe('bestSharesOf', () => {
  it("takes each pillar's best share over the attempts, skipping parts with max 0", () => {
    // cakap: max(2/3, 3/3) = 1; aman: max(0/1, 1/2) = 0.5; etika only with max 0 → none
    const text = JSON.stringify([
      { cakap: { score: 2, max: 3 }, aman: { score: 0, max: 1 }, etika: { score: 0, max: 0 } },
      { cakap: { score: 3, max: 3 }, aman: { score: 1, max: 2 } },
    ]);
    expect(bestSharesOf(text)).toEqual({ cakap: 1, aman: 0.5 });
  });

  it('a share of 0 is kept (it is a real result), unknown keys are ignored', () => {
    expect(bestSharesOf('[{"budaya":{"score":0,"max":4},"lainnya":{"score":9,"max":9}}]')).toEqual({ budaya: 0 });
  });

  it('shares are the same doubles scorePillar computes', () => {
    expect(bestSharesOf('[{"cakap":{"score":1,"max":3}}]').cakap).toBe(1 / 3);
    expect(bestSharesOf('[{"cakap":{"score":2,"max":7}}]').cakap).toBe(2 / 7);
  });

  it.each([
    ['spaces', '[ {"cakap": {"score": 2, "max": 4}} ]'],
    ['max before score', '[{"cakap":{"max":4,"score":2}}]'],
    ['decimals', '[{"cakap":{"score":2.0,"max":4}}]'],
    ['an empty object and null', '[{},null,{"cakap":{"score":2,"max":4}}]'],
  ])('other shapes fall back to JSON.parse with the same result (%s)', (_what, text) => {
    expect(bestSharesOf(text)).toEqual({ cakap: 0.5 });
  });

  it('garbage gives nothing rather than an error', () => {
    expect(bestSharesOf('not json')).toEqual({});
    expect(bestSharesOf('[]')).toEqual({});
    expect(bestSharesOf('[{"cakap":{"score":1,"max":2}}')).toEqual({});
  });
});

describe('bestSharesOf on many shapes', () => {
  it('the fast scan and JSON.parse agree on generated attempts', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pillars = ['cakap', 'etika', 'budaya', 'aman'];
    for (let k = 0; k < 300; k++) {
      const attempts = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
        const o: Record<string, { score: number; max: number }> = {};
        for (const p of pillars) if (rnd() < 0.5) {
          const max = Math.floor(rnd() * 12);
          o[p] = { score: Math.floor(rnd() * (max + 1)), max };
        }
        return o;
      });
      const text = JSON.stringify(attempts);
      const expected: Record<string, number> = {};
      for (const a of attempts) for (const [p, part] of Object.entries(a)) if (part.max > 0) expected[p] = Math.max(expected[p] ?? -1, part.score / part.max);
      expect(bestSharesOf(text)).toEqual(expected);
      // the same through the JSON path (a space defeats the scan)
      expect(bestSharesOf(text.replace('[', '[ '))).toEqual(expected);
    }
  });

  it('a number too long for the scan still reads right', () => {
    expect(bestSharesOf('[{"cakap":{"score":1,"max":10000000000}}]')).toEqual({ cakap: 1e-10 });
  });
});
