/** The pre-test rule and the learner home's main button (issue 16 item 4), as pure functions. */
import { describe, expect, it } from 'vitest';
import { homeMainAction, nextStepInModule, pretestState } from '../../src/lib/indicator/pretest-offer';
import { continueLesson } from '../../src/lib/learning/curriculum';
import { items, lesson, module } from './indicator-helpers';

const pair = (n: number) => ({ pillar: 'cakap' as const, a: items(`a${n}`, 'cakap', 1)[0], b: items(`b${n}`, 'cakap', 1)[0] });
const withTest = module('m', [lesson('01', ['cakap'], [], undefined, 'm'), lesson('02', ['cakap'], [], undefined, 'm')], [pair(1), pair(2)]);
const second = module('n', [lesson('01', ['aman'], [], undefined, 'n')], [pair(3)]);
const noTest = module('o', [lesson('01', ['etika'], [], undefined, 'o')]);
const course = [withTest, second, noTest];
const none = new Set<string>();
const main = (completed: Set<string>, taken = none, skipped = none) =>
  homeMainAction(course, continueLesson(course, completed, undefined), completed, taken, skipped);

describe('pretestState', () => {
  it('open before any lesson is finished; closed after one; taken wins; none without a test', () => {
    expect(pretestState(withTest, false, none)).toBe('open');
    expect(pretestState(withTest, false, new Set(['m/02']))).toBe('closed');
    expect(pretestState(withTest, true, new Set(['m/01']))).toBe('taken');
    expect(pretestState(noTest, false, none)).toBe('none');
  });
});

describe('homeMainAction', () => {
  it('a new learner is offered the first module’s pre-test, with lesson 1 behind it', () => {
    expect(main(none)).toMatchObject({ kind: 'pretest', module: { id: 'm' }, lesson: { id: 'm/01' } });
  });

  it('a skipped or taken pre-test: lesson 1, and nothing said about a closed test', () => {
    expect(main(none, none, new Set(['m']))).toMatchObject({ kind: 'lesson', lesson: { id: 'm/01' }, pretestClosed: false });
    expect(main(none, new Set(['m']))).toMatchObject({ kind: 'lesson', lesson: { id: 'm/01' }, pretestClosed: false });
  });

  it('a lesson finished without the pre-test: the next lesson, and the home says the pre-test closed', () => {
    expect(main(new Set(['m/01']))).toMatchObject({ kind: 'lesson', lesson: { id: 'm/02' }, pretestClosed: true });
  });

  it('the next module’s pre-test is offered when its first lesson is next; a skip of another module does not count', () => {
    expect(main(new Set(['m/01', 'm/02']), none, new Set(['m']))).toMatchObject({ kind: 'pretest', module: { id: 'n' } });
  });

  it('a module without a pre-test: its lesson; everything done: done', () => {
    expect(main(new Set(['m/01', 'm/02', 'n/01']))).toMatchObject({ kind: 'lesson', lesson: { id: 'o/01' }, pretestClosed: false });
    expect(main(new Set(['m/01', 'm/02', 'n/01', 'o/01']))).toEqual({ kind: 'done' });
  });
});

describe('nextStepInModule', () => {
  it('the first unfinished lesson, then the post-test, then the achievement page', () => {
    expect(nextStepInModule(withTest, new Set(['m/01']), false)).toMatchObject({ kind: 'lesson', lesson: { id: 'm/02' } });
    expect(nextStepInModule(withTest, new Set(['m/01', 'm/02']), false)).toEqual({ kind: 'posttest' });
    expect(nextStepInModule(withTest, new Set(['m/01', 'm/02']), true)).toEqual({ kind: 'capaian' });
    expect(nextStepInModule(noTest, new Set(['o/01']), false)).toEqual({ kind: 'capaian' });
  });
});
