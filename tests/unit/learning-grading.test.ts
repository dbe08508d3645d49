/**
 * Quiz grading on the server (gradeQuiz), issue 14: grading by option identity, never by
 * position. Every item answered exactly once with one of its own option ids; missing,
 * duplicated, position-index, other-item, made-up and foreign answers are refused with the item
 * named; old position answers (queued on a phone before option ids) are read through the
 * snapshot of the old order, or refused when the item has changed since.
 */
import { describe, expect, it } from 'vitest';
import { bestAttempt, firstAnswerScore, gradeQuiz, percent, storedResults } from '../../src/lib/learning/grading';
import { itemVersion, legacyOption, optionOrder } from '../../src/lib/learning/options';
import type { Pillar, QuizItem } from '../../src/lib/learning/types';
import { id as dictionary } from '../../src/i18n/id';
import { en } from '../../src/i18n/en';

const item = (id: string, correct: number, pillar: Pillar = 'cakap', options = 3): QuizItem => ({
  id,
  question: `Soal ${id}?`,
  options: [...Array(options)].map((_, i) => ({ id: `${id}-o${i}`, text: `Pilihan ${i}`, ...(i === correct ? { correct: true } : {}) })),
  explanation: `Penjelasan ${id}.`,
  pillar,
});

// Three items: a (right: a-o1, cakap), b (right: b-o0, aman), c (right: c-o2, aman, four options).
const QUIZ = [item('a', 1, 'cakap'), item('b', 0, 'aman'), item('c', 2, 'aman', 4)];
const RIGHT: Array<[string, string]> = [
  ['a', 'a-o1'],
  ['b', 'b-o0'],
  ['c', 'c-o2'],
];

function errorsOf(pairs: Array<[string, unknown]>, items = QUIZ, options = {}) {
  const grade = gradeQuiz(items, pairs, options);
  expect(grade.ok).toBe(false);
  return grade.ok ? [] : grade.errors;
}

describe('gradeQuiz', () => {
  it('all right: full score, every result correct, per-pillar scores, each answer with its item version', () => {
    const grade = gradeQuiz(QUIZ, RIGHT);
    expect(grade).toEqual({
      ok: true,
      score: 3,
      maxScore: 3,
      answers: { a: 'a-o1', b: 'b-o0', c: 'c-o2' },
      versions: { a: itemVersion(QUIZ[0]), b: itemVersion(QUIZ[1]), c: itemVersion(QUIZ[2]) },
      results: [
        { itemId: 'a', chosenId: 'a-o1', correctId: 'a-o1', correct: true },
        { itemId: 'b', chosenId: 'b-o0', correctId: 'b-o0', correct: true },
        { itemId: 'c', chosenId: 'c-o2', correctId: 'c-o2', correct: true },
      ],
      pillarScores: { cakap: { score: 1, max: 1 }, aman: { score: 2, max: 2 } },
    });
  });

  it('grading is by identity: moving the right option elsewhere in the file changes nothing', () => {
    const moved = QUIZ.map((q) => ({ ...q, options: [...q.options].reverse() }));
    expect(gradeQuiz(moved, RIGHT)).toMatchObject({ ok: true, score: 3 });
    // …and the version does not depend on the order in the file either.
    expect(moved.map(itemVersion)).toEqual(QUIZ.map(itemVersion));
  });

  it('some wrong: the score counts only right answers and results say which', () => {
    const grade = gradeQuiz(QUIZ, [
      ['a', 'a-o0'],
      ['b', 'b-o0'],
      ['c', 'c-o3'],
    ]);
    if (!grade.ok) throw new Error('expected a grade');
    expect(grade.score).toBe(1);
    expect(grade.results[0]).toEqual({ itemId: 'a', chosenId: 'a-o0', correctId: 'a-o1', correct: false });
    expect(grade.pillarScores).toEqual({ cakap: { score: 0, max: 1 }, aman: { score: 1, max: 2 } });
  });

  it('the order of the answers does not matter', () => {
    expect(gradeQuiz(QUIZ, [...RIGHT].reverse())).toEqual(gradeQuiz(QUIZ, RIGHT));
  });

  it('missing answers are named, one error per item', () => {
    expect(errorsOf([['a', 'a-o1']])).toEqual([
      { error: 'quizMissing', itemId: 'b' },
      { error: 'quizMissing', itemId: 'c' },
    ]);
  });

  it('two answers for one item are refused even when both agree', () => {
    expect(errorsOf([...RIGHT, ['b', 'b-o0']])).toEqual([{ error: 'quizDuplicate', itemId: 'b' }]);
  });

  it.each([['0'], ['1'], ['2'], ['99']])('a position index (%s) where an id is expected is refused', (raw) => {
    expect(errorsOf([['a', raw], RIGHT[1], RIGHT[2]])).toEqual([{ error: 'quizPositionIndex', itemId: 'a' }]);
  });

  it('a number in a form-like post is a position, refused unless the old queue format is allowed', () => {
    expect(errorsOf([['a', 1], RIGHT[1], RIGHT[2]])).toEqual([{ error: 'quizPositionIndex', itemId: 'a' }]);
  });

  it('an option id of another item is refused', () => {
    expect(errorsOf([['a', 'b-o0'], RIGHT[1], RIGHT[2]])).toEqual([{ error: 'quizOptionForeign', itemId: 'a' }]);
  });

  it.each([
    ['made up', 'jawaban-z'],
    ['empty', ''],
    ['html', '<b>x</b>'],
    ['object', { id: 'a-o1' }],
  ])('a made-up option (%s) is refused', (_, raw) => {
    expect(errorsOf([['a', raw], RIGHT[1], RIGHT[2]])).toEqual([{ error: 'quizUnknownOption', itemId: 'a' }]);
  });

  it('foreign item ids are refused, cut to 60 characters', () => {
    expect(errorsOf([...RIGHT, ['wa-profil-1', 'x']])).toEqual([{ error: 'quizForeign', itemId: 'wa-profil-1' }]);
    const [error] = errorsOf([...RIGHT, ['z'.repeat(5000), '0']]);
    expect((error as { itemId: string }).itemId.length).toBeLessThanOrEqual(60);
    expect(errorsOf([...RIGHT, ['__proto__', '0']])).toEqual([{ error: 'quizForeign', itemId: '__proto__' }]);
  });

  it('an answer to an item that changed after the page was shown is refused', () => {
    expect(errorsOf(RIGHT, QUIZ, { shownVersions: { a: 'versi-lama' } })).toEqual([{ error: 'quizItemChanged', itemId: 'a' }]);
    expect(gradeQuiz(QUIZ, RIGHT, { shownVersions: { a: itemVersion(QUIZ[0]) } })).toMatchObject({ ok: true });
  });

  it('an empty quiz cannot be graded', () => {
    expect(gradeQuiz([], [])).toEqual({ ok: false, errors: [{ error: 'quizEmpty' }] });
  });

  it('every error key has an Indonesian and an English message', () => {
    for (const key of [
      'quizMissing',
      'quizDuplicate',
      'quizOutOfRange',
      'quizForeign',
      'quizOptionForeign',
      'quizUnknownOption',
      'quizPositionIndex',
      'quizItemChanged',
      'quizEmpty',
      'quizFixErrors',
    ]) {
      expect(typeof (dictionary as unknown as Record<string, unknown>)[key], key).toBe('string');
      expect(typeof (en as unknown as Record<string, unknown>)[key], key).toBe('string');
    }
  });
});

describe('old answers by position (queued before option ids)', () => {
  it('a real item unchanged since: its old position means the option of the old file order', () => {
    // wa-profil-1 as the snapshot recorded it; see src/lib/learning/legacy-option-order.ts.
    const real = { id: 'no-such-item', question: 'x', options: [], explanation: 'x', pillar: 'cakap' } as unknown as QuizItem;
    expect(legacyOption(real, 0)).toEqual({ ok: false, error: 'quizItemChanged' });
  });

  it('storedResults reads ids as they are and unknown old positions as nothing', () => {
    expect(storedResults(QUIZ, { a: 'a-o0', b: 'b-o0' })).toEqual([
      { itemId: 'a', chosenId: 'a-o0', correctId: 'a-o1', correct: false },
      { itemId: 'b', chosenId: 'b-o0', correctId: 'b-o0', correct: true },
    ]);
    expect(storedResults(QUIZ, { a: 1 })).toEqual([]);
  });
});

describe('optionOrder', () => {
  const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id }));
  it('is the same on every call for one learner and item, and keeps every option', () => {
    const once = optionOrder(options, 'item-1', 'learner-1');
    expect(optionOrder(options, 'item-1', 'learner-1')).toEqual(once);
    expect([...once].sort((x, y) => x.id.localeCompare(y.id))).toEqual(options);
  });
  it('differs between learners and is close to uniform over many learners', () => {
    const firsts = new Map<string, number>();
    const orders = new Set<string>();
    for (let n = 0; n < 2400; n++) {
      const order = optionOrder(options, 'item-1', `learner-${n}`);
      orders.add(order.map((o) => o.id).join(''));
      firsts.set(order[0].id, (firsts.get(order[0].id) ?? 0) + 1);
    }
    expect(orders.size).toBe(24);
    for (const count of firsts.values()) expect(Math.abs(count - 600)).toBeLessThan(100);
  });
  it('without a learner (a trainer previewing) the file order stays', () => {
    expect(optionOrder(options, 'item-1', undefined)).toEqual(options);
  });
});

describe('firstAnswerScore', () => {
  it('counts the first answer to each item, not a better later try', () => {
    const first = { at: 1, answers: { a: 'a-o0', b: 'b-o0', c: 'c-o0' } };
    const later = { at: 2, answers: { a: 'a-o1', b: 'b-o0', c: 'c-o2' } };
    expect(firstAnswerScore(QUIZ, [later, first])).toEqual({ score: 1, max: 3 });
    expect(firstAnswerScore(QUIZ, [])).toBeUndefined();
  });
});

describe('bestAttempt', () => {
  const a = (id: string, score: number, maxScore: number, at: number) => ({ id, score, maxScore, at });

  it('no attempts: undefined', () => {
    expect(bestAttempt([])).toBeUndefined();
  });

  it('the highest share of points wins, wherever it is in the list', () => {
    const attempts = [a('1', 1, 3, 100), a('2', 3, 3, 200), a('3', 2, 3, 300)];
    expect(bestAttempt(attempts)?.id).toBe('2');
    expect(bestAttempt([...attempts].reverse())?.id).toBe('2');
  });

  it('compares ratios, not raw scores (2/2 beats 3/4)', () => {
    expect(bestAttempt([a('x', 3, 4, 1), a('y', 2, 2, 2)])?.id).toBe('y');
  });

  it('a tie goes to the earlier attempt, in any list order', () => {
    const early = a('early', 2, 3, 1000);
    const late = a('late', 2, 3, 2000);
    expect(bestAttempt([early, late])?.id).toBe('early');
    expect(bestAttempt([late, early])?.id).toBe('early');
    // Equal ratio with different maxima is still a tie.
    expect(bestAttempt([a('late', 4, 6, 3000), a('early', 2, 3, 10)])?.id).toBe('early');
  });

  it('a later, worse retry never lowers the best score', () => {
    const attempts = [a('first', 3, 3, 1), a('retry', 0, 3, 2)];
    expect(bestAttempt(attempts)?.id).toBe('first');
  });

  it('all zero: the earliest zero; a real score beats a quiz without points', () => {
    expect(bestAttempt([a('b', 0, 3, 5), a('a', 0, 3, 1)])?.id).toBe('a');
    expect(bestAttempt([a('empty', 0, 0, 1), a('real', 1, 3, 2)])?.id).toBe('real');
  });

  it('percent rounds and survives a zero maximum', () => {
    expect(percent(2, 3)).toBe(67);
    expect(percent(3, 3)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });
});
