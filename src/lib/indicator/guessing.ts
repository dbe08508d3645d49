import { seededRandom } from '../random';
import { moduleEligibility, PASS_PERCENT } from './certificate-rules';
import { gradeQuiz } from '../learning/grading';
import { optionOrder } from '../learning/options';
import type { CourseModule, QuizItem, QuizOption } from '../learning/types';

/**
 * Learners who do not read the questions: they tap by position, or the longest
 * option, or at random, in the order THEIR page shows (the per-learner shuffle), and their answers
 * go through the real grading code. Used by the guessing test and `npm run guessing`.
 */
export const STRATEGIES = ['first', 'second', 'last', 'longest', 'random'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** A seeded generator, so a run is repeatable. */
export const seeded = seededRandom;

export function pick(strategy: Strategy, shown: QuizOption[], random: () => number): QuizOption {
  switch (strategy) {
    case 'first':
      return shown[0];
    case 'second':
      return shown[Math.min(1, shown.length - 1)];
    case 'last':
      return shown[shown.length - 1];
    case 'longest':
      // The first of the longest ones, as a hurried reader would.
      return shown.reduce((best, o) => (o.text.length > best.text.length ? o : best), shown[0]);
    case 'random':
      return shown[Math.floor(random() * shown.length)];
  }
}

/** The quizzes a guesser meets: every pre-test form and every lesson quiz. */
export function guessedQuizzes(
  course: CourseModule[],
  preForms: (m: CourseModule) => QuizItem[][],
): Array<{ moduleId: string; lessonId?: string; items: QuizItem[] }> {
  return course.flatMap((m) => [
    ...preForms(m).map((items) => ({ moduleId: m.id, items })),
    ...m.lessons.filter((l) => l.quiz.length > 0).map((l) => ({ moduleId: m.id, lessonId: l.id, items: l.quiz })),
  ]);
}

export interface GuessRun {
  strategy: Strategy;
  learners: number;
  right: number;
  answered: number;
  /** Certificates the guessers would earn (every lesson done and every task approved, first answers by guessing). */
  certificates: number;
}

/**
 * Simulates `learners` guessers per strategy over the quizzes. `learnerId(n)` names each one, so
 * each sees their own option order (undefined = the file order, as before the shuffle).
 */
export function simulate(
  course: CourseModule[],
  quizzes: ReturnType<typeof guessedQuizzes>,
  strategy: Strategy,
  learners: number,
  learnerId: (n: number) => string | undefined,
  seed = 20261202,
): GuessRun {
  const random = seeded(seed);
  let right = 0;
  let answered = 0;
  let certificates = 0;
  for (let n = 0; n < learners; n++) {
    const id = learnerId(n);
    const firstByLesson = new Map<string, { score: number; maxScore: number }>();
    for (const quiz of quizzes) {
      const pairs: Array<[string, string]> = quiz.items.map((item) => [item.id, pick(strategy, optionOrder(item.options, item.id, id), random).id]);
      const grade = gradeQuiz(quiz.items, pairs);
      if (!grade.ok) throw new Error(`guessing: ${JSON.stringify(grade.errors)}`);
      right += grade.score;
      answered += grade.maxScore;
      if (quiz.lessonId) firstByLesson.set(quiz.lessonId, { score: grade.score, maxScore: grade.maxScore });
    }
    // The most generous case: every lesson completed and every task approved; only the quizzes decide.
    const lessons = course.flatMap((m) => m.lessons);
    const records = {
      completedLessons: new Set(lessons.map((l) => l.id)),
      firstByLesson,
      approvedTasks: new Set(lessons.flatMap((l) => (l.task ? [l.task.id] : []))),
    };
    certificates += course.filter((m) => moduleEligibility(m, records).eligible).length;
  }
  return { strategy, learners, right, answered, certificates };
}

/**
 * The exact probability that pure random guessing (each option equally likely) passes every
 * lesson quiz of a module on the first attempt (≥ 70 % each): the product over its lessons of
 * P(right answers ≥ 70 %), each a Poisson-binomial sum over the items' 1/k chances.
 */
export function guessPassProbability(module: CourseModule): number {
  let p = 1;
  for (const lesson of module.lessons) {
    if (lesson.quiz.length === 0) continue;
    let dist = [1];
    for (const item of lesson.quiz) {
      const q = 1 / item.options.length;
      const next = new Array(dist.length + 1).fill(0);
      dist.forEach((v, k) => {
        next[k] += v * (1 - q);
        next[k + 1] += v * q;
      });
      dist = next;
    }
    const n = lesson.quiz.length;
    const need = Math.ceil((n * PASS_PERCENT) / 100);
    p *= dist.slice(need).reduce((s, v) => s + v, 0);
  }
  return p;
}
