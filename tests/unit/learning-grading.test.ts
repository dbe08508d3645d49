/**
 * Quiz grading on the server (gradeQuiz) and the best-score rule (bestAttempt), issue 3:
 * every item answered exactly once with an existing option; missing, duplicated, out-of-range,
 * non-numeric and foreign answers are refused with the item named; the best attempt counts.
 */
import { describe, expect, it } from 'vitest';
import { bestAttempt, correctIndex, gradeQuiz, percent } from '../../src/lib/learning/grading';
import type { Pillar, QuizItem } from '../../src/lib/learning/types';
import { id as dictionary } from '../../src/i18n/id';

const item = (id: string, correct: number, pillar: Pillar = 'cakap', options = 3): QuizItem => ({
  id,
  question: `Soal ${id}?`,
  options: [...Array(options)].map((_, i) => ({ text: `Pilihan ${i}`, ...(i === correct ? { correct: true } : {}) })),
  explanation: `Penjelasan ${id}.`,
  pillar,
});

// Three items: a (right: 1, cakap), b (right: 0, aman), c (right: 2, aman, four options).
const QUIZ = [item('a', 1, 'cakap'), item('b', 0, 'aman'), item('c', 2, 'aman', 4)];
const RIGHT: Array<[string, string]> = [
  ['a', '1'],
  ['b', '0'],
  ['c', '2'],
];

function errorsOf(pairs: Array<[string, string]>, items = QUIZ) {
  const grade = gradeQuiz(items, pairs);
  expect(grade.ok).toBe(false);
  return grade.ok ? [] : grade.errors;
}

describe('gradeQuiz', () => {
  it('all right: full score, every result correct, per-pillar scores', () => {
    const grade = gradeQuiz(QUIZ, RIGHT);
    expect(grade).toEqual({
      ok: true,
      score: 3,
      maxScore: 3,
      answers: { a: 1, b: 0, c: 2 },
      results: [
        { itemId: 'a', chosen: 1, correctIndex: 1, correct: true },
        { itemId: 'b', chosen: 0, correctIndex: 0, correct: true },
        { itemId: 'c', chosen: 2, correctIndex: 2, correct: true },
      ],
      pillarScores: { cakap: { score: 1, max: 1 }, aman: { score: 2, max: 2 } },
    });
  });

  it('some wrong: the score counts only right answers and results say which', () => {
    const grade = gradeQuiz(QUIZ, [
      ['a', '0'],
      ['b', '0'],
      ['c', '3'],
    ]);
    if (!grade.ok) throw new Error('expected a grade');
    expect(grade.score).toBe(1);
    expect(grade.maxScore).toBe(3);
    expect(grade.results.map((r) => r.correct)).toEqual([false, true, false]);
    expect(grade.results[0]).toEqual({ itemId: 'a', chosen: 0, correctIndex: 1, correct: false });
    expect(grade.pillarScores).toEqual({ cakap: { score: 0, max: 1 }, aman: { score: 1, max: 2 } });
  });

  it('all wrong: zero, but still a valid attempt', () => {
    const grade = gradeQuiz(QUIZ, [
      ['a', '2'],
      ['b', '1'],
      ['c', '0'],
    ]);
    expect(grade).toMatchObject({ ok: true, score: 0, maxScore: 3 });
  });

  it('the order of the answers does not matter', () => {
    expect(gradeQuiz(QUIZ, [...RIGHT].reverse())).toEqual(gradeQuiz(QUIZ, RIGHT));
  });

  it('missing answers are named, one error per item', () => {
    expect(errorsOf([['a', '1']])).toEqual([
      { error: 'quizMissing', itemId: 'b' },
      { error: 'quizMissing', itemId: 'c' },
    ]);
    expect(errorsOf([])).toEqual(QUIZ.map((q) => ({ error: 'quizMissing', itemId: q.id })));
  });

  it('a duplicated answer is refused even when both copies agree', () => {
    expect(errorsOf([...RIGHT, ['b', '0']])).toEqual([{ error: 'quizDuplicate', itemId: 'b' }]);
    expect(errorsOf([...RIGHT, ['a', '2']])).toEqual([{ error: 'quizDuplicate', itemId: 'a' }]);
  });

  it.each([
    ['an option past the end', '3'],
    ['a big number', '99'],
    ['a negative number', '-1'],
    ['three digits', '100'],
  ])('out of range: %s', (_, raw) => {
    expect(errorsOf([['a', raw], RIGHT[1], RIGHT[2]])).toEqual([{ error: 'quizOutOfRange', itemId: 'a' }]);
  });

  it('the last option of a four-option item is in range', () => {
    expect(gradeQuiz(QUIZ, [RIGHT[0], RIGHT[1], ['c', '3']])).toMatchObject({ ok: true, score: 2 });
  });

  it.each([
    ['empty', ''],
    ['a word', 'satu'],
    ['a decimal', '1.0'],
    ['hex', '0x1'],
    ['spaces', ' 1'],
    ['exponent', '1e0'],
    ['plus sign', '+1'],
  ])('non-numeric (%s) is out of range, never coerced', (_, raw) => {
    expect(errorsOf([['a', raw], RIGHT[1], RIGHT[2]])).toEqual([{ error: 'quizOutOfRange', itemId: 'a' }]);
  });

  it('foreign item ids (another lesson’s items) are refused, not ignored', () => {
    expect(errorsOf([...RIGHT, ['wa-profil-1', '1']])).toEqual([{ error: 'quizForeign', itemId: 'wa-profil-1' }]);
    // Answers meant for another lesson entirely: all foreign, and this quiz's items missing.
    const errors = errorsOf([
      ['x', '0'],
      ['y', '1'],
    ]);
    expect(errors).toContainEqual({ error: 'quizForeign', itemId: 'x' });
    expect(errors).toContainEqual({ error: 'quizForeign', itemId: 'y' });
    expect(errors.filter((e) => e.error === 'quizMissing')).toHaveLength(3);
  });

  it('a very long foreign id is cut in the error (it is echoed back to the learner)', () => {
    const [error] = errorsOf([...RIGHT, ['z'.repeat(5000), '0']]);
    expect(error.error).toBe('quizForeign');
    expect((error as { itemId: string }).itemId.length).toBeLessThanOrEqual(60);
  });

  it('prototype-looking ids are foreign, not special', () => {
    expect(errorsOf([...RIGHT, ['__proto__', '0']])).toEqual([{ error: 'quizForeign', itemId: '__proto__' }]);
    expect(errorsOf([...RIGHT, ['constructor', '0']])).toEqual([{ error: 'quizForeign', itemId: 'constructor' }]);
  });

  it('several problems at once are all reported', () => {
    const errors = errorsOf([
      ['a', '7'],
      ['a', '1'],
      ['nope', '0'],
    ]);
    expect(errors).toEqual([
      { error: 'quizOutOfRange', itemId: 'a' },
      { error: 'quizDuplicate', itemId: 'a' },
      { error: 'quizForeign', itemId: 'nope' },
      { error: 'quizMissing', itemId: 'b' },
      { error: 'quizMissing', itemId: 'c' },
    ]);
  });

  it('an empty quiz cannot be graded', () => {
    expect(gradeQuiz([], [])).toEqual({ ok: false, errors: [{ error: 'quizEmpty' }] });
    expect(gradeQuiz([], [['a', '0']])).toEqual({ ok: false, errors: [{ error: 'quizEmpty' }] });
  });

  it('per-pillar scores cover only the pillars present', () => {
    const grade = gradeQuiz([item('p', 0, 'budaya'), item('q', 0, 'budaya'), item('r', 1, 'etika')], [
      ['p', '0'],
      ['q', '1'],
      ['r', '1'],
    ]);
    if (!grade.ok) throw new Error('expected a grade');
    expect(grade.pillarScores).toEqual({ budaya: { score: 1, max: 2 }, etika: { score: 1, max: 1 } });
    const sum = Object.values(grade.pillarScores).reduce((s, p) => s + p.score, 0);
    expect(sum).toBe(grade.score);
  });

  it('every error key has an Indonesian message', () => {
    for (const key of ['quizMissing', 'quizDuplicate', 'quizOutOfRange', 'quizForeign', 'quizEmpty', 'quizFixErrors']) {
      expect(typeof (dictionary as unknown as Record<string, unknown>)[key], key).toBe('string');
    }
  });

  it('correctIndex finds the single correct option', () => {
    expect(QUIZ.map(correctIndex)).toEqual([1, 0, 2]);
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
