/**
 * Item analysis (issue 14, part 5), pure: difficulty, point-biserial discrimination against the
 * rest of the same test, option choice counts, the plain-Indonesian flags, "belum cukup data"
 * below 30 answers, flagged items first; Cronbach's alpha with a hand-checked value.
 */
import { describe, expect, it } from 'vitest';
import { analyzeItems, cronbachAlpha, MIN_ANSWERS, pointBiserial, type BankItem, type FirstAnswer } from '../../src/lib/reports/item-analysis';
import { id as dictionary } from '../../src/i18n/id';
import { en } from '../../src/i18n/en';

const item = (id: string): BankItem => ({
  item: {
    id,
    question: `Soal ${id}?`,
    explanation: 'x',
    pillar: 'cakap',
    options: ['a', 'b', 'c'].map((o, i) => ({ id: `${id}-${o}`, text: o, correct: i === 0 })),
  },
  where: { kind: 'lesson', lessonId: 'm/1', title: 'Pelajaran 1' },
});

/** `n` learners; learner k answers each item right when `right(item, k)`, else picks option b. */
function answers(items: string[], n: number, right: (itemId: string, k: number) => boolean, context: FirstAnswer['context'] = 'lesson'): FirstAnswer[] {
  return Array.from({ length: n }, (_, k) =>
    items.map((itemId) => ({ learnerId: `p${k}`, itemId, context, optionId: right(itemId, k) ? `${itemId}-a` : `${itemId}-b`, correct: right(itemId, k) })),
  ).flat();
}

describe('analyzeItems', () => {
  const bank = ['good', 'easy', 'hard', 'reverse', 'x1', 'x2', 'x3'].map(item);
  // 40 learners of rising ability k: "good" is right for the stronger half, "easy" for all but
  // two, "hard" for two, "reverse" for the weaker half; x1..x3 follow ability (they make the total).
  const right = (id: string, k: number) =>
    id === 'good' ? k >= 20 : id === 'easy' ? k >= 2 : id === 'hard' ? k >= 38 : id === 'reverse' ? k < 20 : k >= 10 * Number(id.slice(1));
  const stats = analyzeItems(
    bank,
    answers(
      bank.map((b) => b.item.id),
      40,
      right,
    ),
  );
  const of = (id: string) => stats.find((s) => s.itemId === id)!;

  it('difficulty is the share right; options are counted', () => {
    expect(of('good')).toMatchObject({ n: 40, difficulty: 0.5, enoughData: true });
    expect(of('good').options.map((o) => o.chosen)).toEqual([20, 20, 0]);
    expect(of('hard').difficulty).toBe(0.05);
  });

  it('flags in plain words: too hard, negative, a distractor nobody picks; a good item has only the unused distractor', () => {
    expect(of('hard').flags).toContain('tooHard');
    expect(of('reverse').flags).toContain('negative');
    expect(of('reverse').discrimination!).toBeLessThan(0);
    expect(of('good').discrimination!).toBeGreaterThan(0.5);
    expect(of('good').flags).toEqual(['unusedDistractor']);
    expect(of('good').unused).toEqual(['good-c']);
    for (const f of ['tooEasyPre', 'tooHard', 'notDiscriminating', 'negative', 'unusedDistractor']) {
      expect(typeof (dictionary as unknown as Record<string, unknown>)[`repFlag_${f}`]).toBe('string');
      expect(typeof (en as unknown as Record<string, unknown>)[`repFlag_${f}`]).toBe('string');
    }
  });

  it('flagged items come first, the most flags first', () => {
    const firstUnflagged = stats.findIndex((s) => s.flags.length === 0);
    expect(stats.slice(firstUnflagged === -1 ? stats.length : firstUnflagged).every((s) => s.flags.length === 0)).toBe(true);
    for (let i = 1; i < stats.length; i++) if (stats[i].flags.length) expect(stats[i - 1].flags.length).toBeGreaterThanOrEqual(stats[i].flags.length);
  });

  it('too easy on the pre-test: 95 % right before learning', () => {
    const pre = analyzeItems(
      [item('p'), item('q')],
      answers(['p', 'q'], 40, (id, k) => (id === 'p' ? k >= 2 : k >= 20), 'pre'),
    );
    expect(pre.find((s) => s.itemId === 'p')!.flags).toContain('tooEasyPre');
  });

  it(`below ${MIN_ANSWERS} answers: numbers shown, no judgement ("belum cukup data"); an item nobody answered is listed too`, () => {
    const few = analyzeItems(
      [item('a'), item('b'), item('c')],
      answers(['a', 'b'], MIN_ANSWERS - 1, (id, k) => k % 2 === 0),
    );
    expect(few.find((s) => s.itemId === 'a')).toMatchObject({ n: 29, enoughData: false, flags: [] });
    expect(few.find((s) => s.itemId === 'c')).toMatchObject({ n: 0, difficulty: null, discrimination: null, enoughData: false });
  });

  it('point-biserial is Pearson r with a 0/1 variable; no spread → null', () => {
    expect(pointBiserial([true, false, true, false], [1, 0, 1, 0])).toBeCloseTo(1, 12);
    expect(pointBiserial([true, true], [1, 0])).toBeNull();
  });
});

describe('cronbachAlpha', () => {
  it('a hand-checked value: 30 copies of three respondents on two items', () => {
    // Items x = (1, 2, 3), y = (1, 3, 2) per block of three; var x = var y = 1 (per block), totals 2, 5, 5.
    const block = [
      { x: 1, y: 1 },
      { x: 2, y: 3 },
      { x: 3, y: 2 },
    ];
    const rows = Array.from({ length: 10 }, () => block).flat();
    const { n, alpha } = cronbachAlpha(rows, ['x', 'y']);
    expect(n).toBe(30);
    // With n−1 denominators: var x = var y = 20/29, var total = 60/29 → α = 2 × (1 − 40/60) = 2/3.
    expect(alpha).toBeCloseTo(2 / 3, 12);
  });
  it('fewer than 30 complete respondents: belum cukup data (null)', () => {
    expect(cronbachAlpha([{ x: 1, y: 2 }], ['x', 'y'])).toEqual({ n: 1, alpha: null });
  });
});
