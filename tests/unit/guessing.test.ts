/**
 * Issue 14, part 6: learners who do not read the questions. Over the whole real item bank (every
 * pre-test form and every lesson quiz, read from content/ with the same schemas), simulated
 * learners tap by position, the longest option, or at random, in the order their own page shows,
 * and their answers go through the real grading code (gradeQuiz) and the real certificate rules.
 * None reaches a certificate and none scores above 50 % on average; the file order (what every
 * learner saw before the shuffle) is balanced too.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessedQuizzes, guessPassProbability, simulate, STRATEGIES } from '../../src/lib/indicator/guessing';
import { preForms } from '../../src/lib/indicator/forms';
import { courseFromDisk } from '../../src/lib/learning/load-from-disk';

const course = courseFromDisk(resolve(import.meta.dirname, '../../content'));
const quizzes = guessedQuizzes(course, preForms);
const share = (r: { right: number; answered: number }) => r.right / r.answered;

describe('guessing cannot pass', () => {
  it('the bank is the real one: every module, its forms and its lesson quizzes', () => {
    expect(course.length).toBeGreaterThanOrEqual(3);
    expect(quizzes.reduce((n, q) => n + q.items.length, 0)).toBeGreaterThanOrEqual(90);
  });

  it.each(STRATEGIES)('always "%s", each learner in their own option order (200 learners): ≤ 50 % on average, no certificate', (strategy) => {
    const run = simulate(course, quizzes, strategy, 200, (n) => `tebak-${strategy}-${n}`);
    expect(share(run), `${strategy}: ${(100 * share(run)).toFixed(1)} %`).toBeLessThanOrEqual(0.5);
    expect(run.certificates).toBe(0);
  });

  it.each(STRATEGIES.filter((s) => s !== 'random'))('always "%s" in the file order (no shuffle at all): ≤ 50 %, no certificate', (strategy) => {
    const run = simulate(course, quizzes, strategy, 1, () => undefined);
    expect(share(run), `${strategy}: ${(100 * share(run)).toFixed(1)} %`).toBeLessThanOrEqual(0.5);
    expect(run.certificates).toBe(0);
  });

  it('random guessing passes a module’s certificate quizzes with a probability below 1 in 10,000', () => {
    for (const m of course) expect(guessPassProbability(m), m.id).toBeLessThan(1e-4);
  });

  it('the probability is exact: one lesson of four 3-option items needs 3 right (70 % of 4 = 2.8): 9/81', () => {
    const item = (id: string) => ({
      id,
      question: 'q',
      explanation: 'e',
      pillar: 'cakap' as const,
      options: ['x', 'y', 'z'].map((o, i) => ({ id: o, text: o, correct: i === 0 })),
    });
    const lesson = { id: 'm/1', quiz: ['a', 'b', 'c', 'd'].map(item) };
    expect(guessPassProbability({ lessons: [lesson] } as never)).toBeCloseTo(9 / 81, 12);
  });
});
