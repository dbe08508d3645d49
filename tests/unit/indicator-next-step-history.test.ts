/**
 * The learner view's two computed parts (issue 5 part 2), by hand: the next concrete step per
 * pillar (the single action that raises the pillar's score the most, and whether it reaches the
 * next level), and the weekly history (the score recomputed at the end of each week since
 * enrolment, plus now).
 */
import { describe, expect, it } from 'vitest';
import { nextStep } from '../../src/lib/server/indicator/next-step';
import { MAX_WEEKS, WEEK_MS, weeklyHistory } from '../../src/lib/server/indicator/history';
import { attempt, items, lesson, module, records } from './indicator-helpers';

type Status = 'submitted' | 'approved' | 'needs_work';
const statuses = (entries: Array<[string, Status]> = []) => new Map<string, Status>(entries);

// cakap: L1 quiz 5 items + task "Katalog Produk"; L2 no quiz + task "Foto Produk".
// Content: quiz lessons [L1] (5 items), tasks [katalog, foto], lessons [L1, L2].
const COURSE = [
  module('m', [
    lesson('L1', ['cakap'], items('c', 'cakap', 5), { id: 'katalog', pillar: 'cakap', title: 'Katalog Produk' }),
    lesson('L2', ['cakap'], [], { id: 'foto', pillar: 'cakap', title: 'Foto Produk' }),
  ]),
];

describe('nextStep', () => {
  const allButTasks = records({ attempts: [attempt('m/L1', { cakap: [5, 5] })], completedLessons: ['m/L1', 'm/L2'] });

  it('everything but the tasks (3.40, Berkembang): a task approved → P = 1/2 → 1 + 4 × (0.45 + 0.20 + 0.15) = 4.20: "naik ke Cakap"', () => {
    // Both tasks raise it equally; the earlier in the course is named.
    const step = nextStep(COURSE, allButTasks, 'cakap', statuses());
    expect(step).toMatchObject({ kind: 'step', from: 3.4, to: 4.2, toLevel: 'Cakap', nextLevel: 'Cakap', reaches: true });
    expect(step.kind === 'step' && step.action).toMatchObject({ kind: 'task', taskTitle: 'Katalog Produk', redo: false });
  });

  it('a task waiting for the mentor is not a step the learner can take: the other task is named', () => {
    const step = nextStep(COURSE, allButTasks, 'cakap', statuses([['katalog', 'submitted']]));
    expect(step.kind === 'step' && step.action).toMatchObject({ kind: 'task', taskTitle: 'Foto Produk' });
  });

  it('both waiting: "waiting" for the first; a task sent back is offered as a redo', () => {
    expect(
      nextStep(
        COURSE,
        allButTasks,
        'cakap',
        statuses([
          ['katalog', 'submitted'],
          ['foto', 'submitted'],
        ]),
      ),
    ).toMatchObject({ kind: 'waiting', taskTitle: 'Katalog Produk' });
    const redo = nextStep(COURSE, allButTasks, 'cakap', statuses([['katalog', 'needs_work']]));
    expect(redo.kind === 'step' && redo.action).toMatchObject({ kind: 'task', taskTitle: 'Katalog Produk', redo: true });
  });

  it('nothing done (1.00): the quiz all right (Q = 1, and it completes L1: C = 1/2) → 1 + 4 × (0.45 + 0.075) = 3.10 beats a task (1.80) and L2 alone (1.30)', () => {
    const step = nextStep(COURSE, records({}), 'cakap', statuses());
    expect(step).toMatchObject({ kind: 'step', from: 1, to: 3.1, toLevel: 'Berkembang', reaches: true });
    expect(step.kind === 'step' && step.action.kind).toBe('quiz');
  });

  it('a step that does not reach the next level says how far it gets', () => {
    // Four lessons with 2 cakap items and a task each (8 items, 4 tasks). Nothing done: one quiz
    // all right → Q = 1/4, C = 1/4 → 1 + 4 × (0.1125 + 0.0375) = 1.60 (still Pemula); one task →
    // P = 1/4 → 1 + 0.40 = 1.40. So the quiz, from 1.00 to 1.60, towards Dasar.
    const four = [
      module(
        'm',
        [1, 2, 3, 4].map((n) => lesson(`L${n}`, ['cakap'], items(`q${n}`, 'cakap', 2), { id: `t${n}`, pillar: 'cakap' })),
      ),
    ];
    const step = nextStep(four, records({}), 'cakap', statuses());
    expect(step).toMatchObject({ kind: 'step', from: 1, to: 1.6, toLevel: 'Pemula', nextLevel: 'Dasar', reaches: false });
    expect(step.kind === 'step' && step.action).toMatchObject({ kind: 'quiz', lesson: { id: 'm/L1' } });
  });

  it('all done (5.00): nothing left; a pillar without enough data has no step', () => {
    const done = records({ attempts: [attempt('m/L1', { cakap: [5, 5] })], completedLessons: ['m/L1', 'm/L2'], approvedTasks: ['katalog', 'foto'] });
    expect(nextStep(COURSE, done, 'cakap', statuses())).toEqual({ kind: 'done' });
    expect(nextStep(COURSE, done, 'aman', statuses())).toEqual({ kind: 'noData' });
  });
});

describe('weeklyHistory', () => {
  // One scored pillar (cakap: L1 with 5 items and a task), so the overall is the cakap score.
  const course = [module('m', [lesson('L1', ['cakap'], items('c', 'cakap', 5), { id: 't', pillar: 'cakap' })])];
  const T0 = Date.UTC(2026, 10, 1);
  const DAY = 24 * 3600_000;
  const raw = {
    completions: [{ lessonId: 'm/L1', at: T0 + 1 * DAY }],
    attempts: [attempt('m/L1', { cakap: [4, 5] }, T0 + 10 * DAY)],
    approvals: [{ taskId: 't', at: T0 + 16 * DAY }],
  };

  it('end of week 1, end of week 2, and now (day 17), each from the records as they stood', () => {
    const points = weeklyHistory(course, raw, T0, T0 + 17 * DAY);
    expect(points.map((p) => [p.week, p.at, p.current])).toEqual([
      [1, T0 + WEEK_MS, false],
      [2, T0 + 2 * WEEK_MS, false],
      [3, T0 + 17 * DAY, true],
    ]);
    // week 1: only the completion → C = 1 → 1 + 4 × 0.15 = 1.60
    // week 2: + the 4/5 quiz → Q = 0.8 → 1 + 4 × (0.36 + 0.15) = 3.04
    // now:    + the approval → P = 1 → 1 + 4 × (0.36 + 0.40 + 0.15) = 4.64
    expect(points.map((p) => p.overall)).toEqual([1.6, 3.04, 4.64]);
    expect(points.map((p) => p.level)).toEqual(['Pemula', 'Berkembang', 'Mahir']);
    expect(points[2].pillars).toEqual({ cakap: 4.64, etika: null, budaya: null, aman: null });
  });

  it('enrolled today: one point, now', () => {
    const points = weeklyHistory(course, raw, T0, T0 + 2 * 3600_000);
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ week: 1, current: true, overall: 1 });
  });

  it('a long enrolment keeps the last MAX_WEEKS points, ending now', () => {
    const now = T0 + 300 * WEEK_MS + DAY;
    const points = weeklyHistory(course, raw, T0, now);
    expect(points).toHaveLength(MAX_WEEKS);
    expect(points[points.length - 1]).toMatchObject({ week: 301, current: true, at: now });
    expect(points[0].week).toBe(301 - MAX_WEEKS + 1);
  });
});
