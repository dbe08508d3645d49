import { sha256 } from '@oslojs/crypto/sha2';
import type { CourseModule, QuizItem } from '../learning/types';

/**
 * Parallel pre/post forms. Each module's `prePost` pairs make two forms of equal
 * length, A (every pair's `a`) and B (every pair's `b`), testing the same objectives with
 * different items. Half the learners take A as their pre-test and B as their post-test, half the
 * other way round, decided stably per learner and module from SHA-256(learner, module), so the
 * gain is not inflated by seeing the same questions twice.
 */
export type Form = 'A' | 'B';
export type TestKind = 'pre' | 'post';

export const formItems = (module: Pick<CourseModule, 'prePost'>, form: Form): QuizItem[] => module.prePost.map((pair) => (form === 'A' ? pair.a : pair.b));

/** Both forms of a module (empty when it has no growth test). */
export const preForms = (module: Pick<CourseModule, 'prePost'>): QuizItem[][] =>
  module.prePost.length ? [formItems(module, 'A'), formItems(module, 'B')] : [];

const encoder = new TextEncoder();

/** The form this learner takes as the module's pre-test: A for about half of the learners, B for the others. */
export function preFormFor(learnerId: string, moduleId: string): Form {
  return sha256(encoder.encode(`form\u0000${learnerId}\u0000${moduleId}`))[0] % 2 === 0 ? 'A' : 'B';
}

/** The form of the learner's pre- or post-test: the post-test is always the other form. */
export function formFor(learnerId: string, moduleId: string, kind: TestKind): Form {
  const pre = preFormFor(learnerId, moduleId);
  return kind === 'pre' ? pre : pre === 'A' ? 'B' : 'A';
}

/**
 * The form a stored attempt used. Rows from before the forms (no `form`) were graded on the
 * module's pre items (now form A) and post items (now form B), so reports keep working on them.
 */
export function attemptForm(attempt: { kind: string; form?: string | null }): Form {
  if (attempt.form === 'A' || attempt.form === 'B') return attempt.form;
  return attempt.kind === 'post' ? 'B' : 'A';
}
