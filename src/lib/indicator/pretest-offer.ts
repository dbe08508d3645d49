import type { CourseModule, LessonMeta } from '../learning/types';

/**
 * When a module's pre-test is open, and what the learner home's main button offers.
 *
 * The pre-test measures what a learner can do before learning, so it is open only while no lesson
 * of the module is finished, and taken once. The home offers it before the module's lessons
 * ("Kerjakan tes awal", with "Lewati tes awal" beside it); a skip is remembered per learner and
 * module, and then the main button leads to the lesson. Once a lesson is finished the pre-test is
 * closed, and the home and the pre-test page say why. Pure.
 */
export type PretestState = 'none' | 'taken' | 'closed' | 'open';

export function pretestState(module: Pick<CourseModule, 'prePost' | 'lessons'>, taken: boolean, completed: ReadonlySet<string>): PretestState {
  if (module.prePost.length === 0) return 'none';
  if (taken) return 'taken';
  if (module.lessons.some((l) => completed.has(l.id))) return 'closed';
  return 'open';
}

export const pretestUrl = (moduleId: string) => `/learn/${moduleId}/tes-awal`;
export const posttestUrl = (moduleId: string) => `/learn/${moduleId}/tes-akhir`;

export type MainAction =
  | { kind: 'pretest'; module: CourseModule; lesson: LessonMeta }
  /** `pretestClosed`: the module's pre-test was never taken and has closed (the home says why). */
  | { kind: 'lesson'; lesson: LessonMeta; module: CourseModule; pretestClosed: boolean }
  | { kind: 'done' };

/**
 * The home's main button: the next lesson (see continueLesson), or, before it, the pre-test of
 * that lesson's module while the pre-test is open and the learner has not skipped it.
 */
export function homeMainAction(
  course: CourseModule[],
  next: LessonMeta | undefined,
  completed: ReadonlySet<string>,
  pretestsTaken: ReadonlySet<string>,
  pretestsSkipped: ReadonlySet<string>,
): MainAction {
  if (!next) return { kind: 'done' };
  const module = course.find((m) => m.lessons.some((l) => l.id === next.id));
  if (!module) return { kind: 'done' };
  const state = pretestState(module, pretestsTaken.has(module.id), completed);
  if (state === 'open' && !pretestsSkipped.has(module.id)) return { kind: 'pretest', module, lesson: next };
  return { kind: 'lesson', lesson: next, module, pretestClosed: state === 'closed' };
}

/**
 * Where a learner goes from a module's closed test page: the module's first unfinished lesson,
 * else its post-test (not taken yet), else the achievement page.
 */
export type ModuleStep = { kind: 'lesson'; lesson: LessonMeta } | { kind: 'posttest' } | { kind: 'capaian' };

export function nextStepInModule(module: CourseModule, completed: ReadonlySet<string>, posttestTaken: boolean): ModuleStep {
  const lesson = module.lessons.find((l) => !completed.has(l.id));
  if (lesson) return { kind: 'lesson', lesson };
  return module.prePost.length > 0 && !posttestTaken ? { kind: 'posttest' } : { kind: 'capaian' };
}
