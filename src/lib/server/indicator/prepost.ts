import { db } from '@db/client';
import { quizAttempts } from '@db/schema';
import { gainBand, normalizedGain, type GainBand } from '../../indicator/gain';
import { gradeQuiz, storedResults, type ItemResult } from '../../learning/grading';
import type { CourseModule, QuizItem } from '../../learning/types';
import type { RawRecords } from './records';
import { attemptForm, formFor, formItems } from '../../indicator/forms';
import { pretestState } from '../../indicator/pretest-offer';

/**
 * A module's growth test: two parallel forms from the module's frontmatter (`prePost`, see
 * src/lib/indicator/forms.ts); each learner takes one form as the pre-test and the other as the
 * post-test (counterbalanced, stable per learner).
 * The pre-test is offered before the first lesson (a learner may skip it) and can be taken once,
 * only while no lesson of the module is completed; the post-test once, after the last lesson.
 * Attempts are quiz_attempts with kind "pre"/"post" and lessonId = the module id; they never
 * count in the indicator's Q (that is the lesson quizzes').
 */
export type PrePostKind = 'pre' | 'post';
export type Attempt = RawRecords['prePost'][number];

/** The items of this learner's pre- or post-test: the form they were given. */
export const testItems = (module: CourseModule, learnerId: string, kind: PrePostKind): QuizItem[] => formItems(module, formFor(learnerId, module.id, kind));

export function attemptOf(raw: Pick<RawRecords, 'prePost'>, moduleId: string, kind: PrePostKind): Attempt | undefined {
  // Only the first counts (one is allowed; a double post in a race keeps the earlier).
  return raw.prePost.find((a) => a.moduleId === moduleId && a.kind === kind);
}

export type Availability = { ok: true } | { ok: false; reason: 'cpTestNone' | 'cpPreDone' | 'cpPreTooLate' | 'cpPostDone' | 'cpPostNotYet' };

export function availability(module: CourseModule, kind: PrePostKind, raw: Pick<RawRecords, 'prePost' | 'completions'>): Availability {
  if (module.prePost.length === 0) return { ok: false, reason: 'cpTestNone' };
  const completed = new Set(raw.completions.map((c) => c.lessonId));
  if (kind === 'pre') {
    const state = pretestState(module, attemptOf(raw, module.id, 'pre') !== undefined, completed);
    if (state === 'taken') return { ok: false, reason: 'cpPreDone' };
    if (state === 'closed') return { ok: false, reason: 'cpPreTooLate' };
    return { ok: true };
  }
  if (attemptOf(raw, module.id, 'post')) return { ok: false, reason: 'cpPostDone' };
  if (module.lessons.length === 0 || !module.lessons.every((l) => completed.has(l.id))) return { ok: false, reason: 'cpPostNotYet' };
  return { ok: true };
}

export type PrePostResult = { ok: true; id: string } | { ok: false; status: 400 | 409; errors: Record<string, string> };

/** Grades and stores a pre/post attempt. Bad answers (missing, duplicate, foreign, out of range) → 400, nothing stored. */
export async function submitPrePost(
  userId: string,
  module: CourseModule,
  kind: PrePostKind,
  pairs: Array<[string, string]>,
  raw: Pick<RawRecords, 'prePost' | 'completions'>,
  now = Date.now(),
  shownVersions?: Record<string, string>,
): Promise<PrePostResult> {
  const open = availability(module, kind, raw);
  if (!open.ok) return { ok: false, status: 409, errors: { _form: open.reason } };
  const form = formFor(userId, module.id, kind);
  // Answers for the form this learner was not given (the other form's items): refused as a whole.
  const other = new Set(formItems(module, form === 'A' ? 'B' : 'A').map((i) => i.id));
  if (pairs.some(([itemId]) => other.has(itemId))) return { ok: false, status: 400, errors: { _form: 'quizWrongForm' } };
  const grade = gradeQuiz(formItems(module, form), pairs, { shownVersions });
  if (!grade.ok) {
    const errors: Record<string, string> = {};
    for (const e of grade.errors) errors['itemId' in e && e.error !== 'quizForeign' ? e.itemId : '_form'] ??= e.error;
    return { ok: false, status: 400, errors };
  }
  const id = crypto.randomUUID();
  await db().insert(quizAttempts).values({
    id,
    userId,
    lessonId: module.id,
    kind,
    form,
    answers: grade.answers,
    itemVersions: grade.versions,
    score: grade.score,
    maxScore: grade.maxScore,
    pillarScores: grade.pillarScores,
    at: now,
  });
  return { ok: true, id };
}

/** The items a stored pre/post attempt answered: the form it was given (old rows: pre = A, post = B). */
export function attemptItems(module: CourseModule, attempt: { kind: string; form?: string | null }): QuizItem[] {
  return formItems(module, attemptForm(attempt));
}

/** The attempt graded again for showing (right/wrong per item, explanations). */
export function resultsOf(module: CourseModule, attempt: Attempt): ItemResult[] {
  return storedResults(attemptItems(module, attempt), attempt.answers);
}

export interface ModuleGain {
  pre?: { score: number; max: number };
  post?: { score: number; max: number };
  /** Normalized gain; null when either test is missing or the pre-test was already full marks. */
  g: number | null;
  band: GainBand | null;
}

export function moduleGain(module: CourseModule, raw: Pick<RawRecords, 'prePost'>): ModuleGain {
  const pre = attemptOf(raw, module.id, 'pre');
  const post = attemptOf(raw, module.id, 'post');
  const g = pre && post ? normalizedGain(pre.score, post.score, pre.maxScore) : null;
  return {
    pre: pre && { score: pre.score, max: pre.maxScore },
    post: post && { score: post.score, max: post.maxScore },
    g,
    band: g === null ? null : gainBand(g),
  };
}

export { answerPairs } from '../../learning/form-answers';
