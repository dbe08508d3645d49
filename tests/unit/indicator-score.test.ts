/**
 * The Indikator Capaian Literasi Digital (DESIGN.md; issue 5 part 1), every expected value
 * computed by hand in the comments: score = 1 + 4 × (0.45·Q + 0.40·P + 0.15·C), the 3.40 cap
 * without an approved task, "belum cukup data" (fewer than 5 quiz items, or no task), the level
 * boundaries, and the overall mean of the pillars that have data. Issue 14: Q counts FIRST answers
 * (the first attempt of each lesson quiz), the score is exact (fractions of whole numbers, rounded
 * once half up), and a pillar held back by its missing task says so.
 */
import { describe, expect, it } from 'vitest';
import { CAP_WITHOUT_TASK, levelOf, overallOf, pillarContent, scoreLearner, scorePillar, type PillarScore } from '../../src/lib/indicator/score';
import { attempt, items, lesson, module, records } from './indicator-helpers';

type Scored = Extract<PillarScore, { enoughData: true }>;
const scored = (p: PillarScore): Scored => {
  expect(p.enoughData).toBe(true);
  return p as Scored;
};

// A course in which every pillar has data:
//   L1 cakap        quiz c×3 (cakap)              task t-cakap-1 (cakap)
//   L2 cakap, aman  quiz c×2 (cakap), a×3 (aman)   task t-aman-1  (aman)
//   L3 cakap        no quiz                        task t-cakap-2 (cakap)
//   L4 etika,budaya quiz e×5 (etika), b×5 (budaya) task t-etika-1 (etika)
//   L5 budaya, aman quiz a×2 (aman)                task t-budaya-1 (budaya)
// So:  cakap  quiz lessons L1, L2 (5 items), tasks t-cakap-1, t-cakap-2, lessons L1 L2 L3
//      aman   quiz lessons L2, L5 (5 items), task  t-aman-1,             lessons L2 L5
//      etika  quiz lesson  L4     (5 items), task  t-etika-1,            lessons L4
//      budaya quiz lesson  L4     (5 items), task  t-budaya-1,           lessons L4 L5
const COURSE = [
  module('m', [
    lesson('L1', ['cakap'], items('c1', 'cakap', 3), { id: 't-cakap-1', pillar: 'cakap' }),
    lesson('L2', ['cakap', 'aman'], [...items('c2', 'cakap', 2), ...items('a2', 'aman', 3)], { id: 't-aman-1', pillar: 'aman' }),
    lesson('L3', ['cakap'], [], { id: 't-cakap-2', pillar: 'cakap' }),
    lesson('L4', ['etika', 'budaya'], [...items('e4', 'etika', 5), ...items('b4', 'budaya', 5)], { id: 't-etika-1', pillar: 'etika' }),
    lesson('L5', ['budaya', 'aman'], items('a5', 'aman', 2), { id: 't-budaya-1', pillar: 'budaya' }),
  ]),
];

describe('pillarContent', () => {
  it('counts quiz lessons, quiz items, tasks and lessons per pillar', () => {
    const c = pillarContent(COURSE);
    expect(c.cakap).toEqual({ quizLessons: ['m/L1', 'm/L2'], quizItems: 5, tasks: ['t-cakap-1', 't-cakap-2'], lessons: ['m/L1', 'm/L2', 'm/L3'] });
    expect(c.aman).toEqual({ quizLessons: ['m/L2', 'm/L5'], quizItems: 5, tasks: ['t-aman-1'], lessons: ['m/L2', 'm/L5'] });
    expect(c.etika).toEqual({ quizLessons: ['m/L4'], quizItems: 5, tasks: ['t-etika-1'], lessons: ['m/L4'] });
    expect(c.budaya).toEqual({ quizLessons: ['m/L4'], quizItems: 5, tasks: ['t-budaya-1'], lessons: ['m/L4', 'm/L5'] });
  });
});

describe('scoreLearner: all four pillars, by hand', () => {
  // L1 twice (2/3 then 3/3: the FIRST counts), L2 once (cakap 1/2, aman 2/3), L4 once
  // (etika 4/5, budaya 1/5), L5 never. Approved: t-cakap-1, t-etika-1. Completed: L1, L2, L4.
  const R = records({
    attempts: [
      attempt('m/L1', { cakap: [2, 3] }, 1),
      attempt('m/L1', { cakap: [3, 3] }, 2),
      attempt('m/L2', { cakap: [1, 2], aman: [2, 3] }, 3),
      attempt('m/L4', { etika: [4, 5], budaya: [1, 5] }, 4),
    ],
    approvedTasks: ['t-cakap-1', 't-etika-1'],
    completedLessons: ['m/L1', 'm/L2', 'm/L4'],
  });
  const result = scoreLearner(COURSE, R);
  const byPillar = Object.fromEntries(result.pillars.map((p) => [p.pillar, p]));

  it('cakap: Q = (2 first-right in L1 + 1 in L2) / 5 items = 0.6 (the later 3/3 retry does not count), P = 1/2, C = 2/3 → 1 + 1.08 + 0.80 + 0.40 = 3.28, Berkembang', () => {
    const p = scored(byPillar.cakap);
    expect(p.Q).toBe(0.6);
    expect(p.P).toBe(0.5);
    expect(p.C).toBeCloseTo(2 / 3, 10);
    expect(p.score).toBe(3.28);
    expect(p.level).toBe('Berkembang');
    expect(p.capped).toBe(false);
    expect(p.heldByTask).toBe(false);
  });

  it('aman: Q = 2/5 (L5 never taken counts 0), P = 0, C = 1/2 → 1 + 0.72 + 0 + 0.30 = 2.02, Dasar, held back by its missing task', () => {
    const p = scored(byPillar.aman);
    expect(p.Q).toBe(0.4);
    expect(p.P).toBe(0);
    expect(p.C).toBe(0.5);
    expect(p.score).toBe(2.02);
    expect(p.level).toBe('Dasar');
    // One approved task would add 1.60 → 3.62, Cakap: the note must say so.
    expect(p.heldByTask).toBe(true);
  });

  it('etika: Q = 4/5, P = 1, C = 1 → 1 + 4 × (0.36 + 0.40 + 0.15) = 4.64, Mahir', () => {
    const p = scored(byPillar.etika);
    expect(p.score).toBe(4.64);
    expect(p.level).toBe('Mahir');
  });

  it('budaya: Q = 1/5, P = 0, C = 1/2 → 1 + 4 × (0.09 + 0 + 0.075) = 1.66, Pemula', () => {
    const p = scored(byPillar.budaya);
    expect(p.score).toBe(1.66);
    expect(p.level).toBe('Pemula');
  });

  it('overall = (3.28 + 2.02 + 4.64 + 1.66) / 4 = 11.60 / 4 = 2.90, Berkembang', () => {
    expect(result.overall).toBe(2.9);
    expect(result.level).toBe('Berkembang');
  });

  it('a learner who did nothing scores 1.00 (Pemula) in every pillar, not "no data"', () => {
    const none = scoreLearner(COURSE, records({}));
    expect(none.pillars.map((p) => (p.enoughData ? p.score : null))).toEqual([1, 1, 1, 1]);
    expect(none.overall).toBe(1);
    expect(none.level).toBe('Pemula');
  });
});

describe('the cap: at most 3.40 without an approved task in the pillar', () => {
  // One pillar: a quiz lesson with 5 items, one task, one lesson.
  const content = { quizLessons: ['q'], quizItems: 5, tasks: ['t'], lessons: ['q'] };

  it('everything but the task: Q = 1, C = 1, P = 0 → 1 + 4 × (0.45 + 0.15) = 3.40, Berkembang (not Cakap)', () => {
    const p = scored(scorePillar('cakap', content, records({ attempts: [attempt('q', { cakap: [5, 5] })], completedLessons: ['q'] })));
    expect(p.score).toBe(3.4);
    expect(p.level).toBe('Berkembang');
  });

  it('a record claiming more right answers than items (16 of 15) is held to the items: 3.40, and the missing task is named as what holds it', () => {
    // P = 0 keeps the score at 3.40 at most (0.45 + 0.15 = 0.60): the cap never has to cut, so the
    // learner is told whenever the missing task is what keeps the pillar from the next level.
    const p = scored(scorePillar('cakap', content, records({ attempts: [attempt('q', { cakap: [16, 15] })], completedLessons: ['q'] })));
    expect(p.Q).toBe(1);
    expect(p.score).toBe(CAP_WITHOUT_TASK);
    expect(p.level).toBe('Berkembang');
    expect(p.heldByTask).toBe(true);
  });

  it('one approved task lifts it: Q = 1, P = 1, C = 1 → 5.00, Mahir, not capped', () => {
    const p = scored(scorePillar('cakap', content, records({ attempts: [attempt('q', { cakap: [5, 5] })], completedLessons: ['q'], approvedTasks: ['t'] })));
    expect(p.score).toBe(5);
    expect(p.capped).toBe(false);
    expect(p.level).toBe('Mahir');
  });
});

describe('exact arithmetic: fractions of whole numbers, rounded once, half up', () => {
  it('Q 3/8, P 0, C 7/10 is exactly 2.095 and shows 2.10 (a float gives 2.09499… → 2.09), Dasar', () => {
    const lessons = Array.from({ length: 10 }, (_, i) => `l${i}`);
    const content = { quizLessons: ['l0'], quizItems: 8, tasks: ['t'], lessons };
    const p = scored(scorePillar('cakap', content, records({ attempts: [attempt('l0', { cakap: [3, 8] })], completedLessons: lessons.slice(0, 7) })));
    expect(p.exact.n / p.exact.d).toBe(209.5);
    expect(p.score).toBe(2.1);
    expect(p.level).toBe('Dasar');
    // The float formula really does fall on the wrong side:
    expect(Math.round((1 + 4 * (0.45 * 0.375 + 0.4 * 0 + 0.15 * 0.7)) * 100) / 100).toBe(2.09);
  });

  it('every reachable Q/P/C of a 16-item, 3-task, 6-lesson pillar rounds half up from the exact value', () => {
    const lessons = Array.from({ length: 6 }, (_, i) => `l${i}`);
    const tasks = ['t0', 't1', 't2'];
    const content = { quizLessons: ['l0'], quizItems: 16, tasks, lessons };
    for (let q = 0; q <= 16; q++)
      for (let a = 0; a <= 3; a++)
        for (let c = 0; c <= 6; c++) {
          const p = scored(
            scorePillar(
              'cakap',
              content,
              records({ attempts: [attempt('l0', { cakap: [q, 16] })], approvedTasks: tasks.slice(0, a), completedLessons: lessons.slice(0, c) }),
            ),
          );
          // Exact in 1/1440 hundredths: 100 + 180·q/16 + 160·a/3 + 60·c/6.
          const n = 144000 + 16200 * q + 76800 * a + 14400 * c;
          expect(Math.round(p.score * 100), `${q}/${a}/${c}`).toBe(Math.floor((2 * n + 1440) / 2880));
          expect(p.score).toBe(Math.floor((2 * n + 1440) / 2880) / 100);
        }
  });

  it('the overall score averages the EXACT pillar scores and rounds once: 1.69, 1.60, 5.00, 2.13 → 10.42 / 4 = 2.605 → 2.61 Berkembang', () => {
    const p = (h: number) => ({ pillar: 'cakap', enoughData: true, exact: { n: h, d: 1 } }) as unknown as PillarScore;
    expect(overallOf([p(169), p(160), p(500), p(213)])).toEqual({ overall: 2.61, level: 'Berkembang' });
    // …and unrounded pillars stay unrounded until the end: 2.095 + 2.095 → 2.095 → 2.10.
    const half = { pillar: 'cakap', enoughData: true, exact: { n: 2095, d: 10 } } as unknown as PillarScore;
    expect(overallOf([half, half]).overall).toBe(2.1);
  });
});

describe('"belum cukup data"', () => {
  it('4 quiz items in a pillar: no score, whatever the learner did', () => {
    const course = [module('m', [lesson('L1', ['cakap'], items('c', 'cakap', 4), { id: 't', pillar: 'cakap' })])];
    const r = scoreLearner(course, records({ attempts: [attempt('m/L1', { cakap: [4, 4] })], approvedTasks: ['t'], completedLessons: ['m/L1'] }));
    expect(r.pillars.find((p) => p.pillar === 'cakap')).toEqual({ pillar: 'cakap', enoughData: false, reason: 'fewQuizItems' });
  });

  it('5 quiz items but no task in the pillar: no score', () => {
    const course = [module('m', [lesson('L1', ['aman'], items('a', 'aman', 5))])];
    const r = scoreLearner(course, records({ attempts: [attempt('m/L1', { aman: [5, 5] })], completedLessons: ['m/L1'] }));
    expect(r.pillars.find((p) => p.pillar === 'aman')).toEqual({ pillar: 'aman', enoughData: false, reason: 'noTask' });
  });

  it('the overall is the mean of the pillars with data only; none with data → null, no level', () => {
    // cakap: 5 items + task → scored; aman: 4 items → no data; etika, budaya: nothing → no data.
    // Q = 5/5, P = 0, C = 1 → 3.40, so the overall is 3.40 (not (3.40 + 1 + 1 + 1)/4).
    const course = [
      module('m', [
        lesson('L1', ['cakap'], items('c', 'cakap', 5), { id: 't', pillar: 'cakap' }),
        lesson('L2', ['aman'], items('a', 'aman', 4), { id: 'u', pillar: 'aman' }),
      ]),
    ];
    const r = scoreLearner(course, records({ attempts: [attempt('m/L1', { cakap: [5, 5] })], completedLessons: ['m/L1'] }));
    expect(r.pillars.filter((p) => p.enoughData).map((p) => p.pillar)).toEqual(['cakap']);
    expect(r.overall).toBe(3.4);
    expect(scoreLearner([module('m', [lesson('L1', ['aman'], items('a', 'aman', 4))])], records({}))).toEqual(
      expect.objectContaining({ overall: null, level: null }),
    );
  });
});

describe('level boundaries (by the score as shown, two decimals)', () => {
  it.each([
    [1.0, 'Pemula'],
    [1.8, 'Pemula'],
    [1.81, 'Dasar'],
    [2.6, 'Dasar'],
    [2.61, 'Berkembang'],
    [3.4, 'Berkembang'],
    [3.41, 'Cakap'],
    [4.2, 'Cakap'],
    [4.21, 'Mahir'],
    [5.0, 'Mahir'],
    // rounding to two decimals decides: 1.804 shows as 1.80, 1.805 as 1.81
    [1.804, 'Pemula'],
    [1.805, 'Dasar'],
    [3.4049, 'Berkembang'],
  ] as const)('%s → %s', (score, level) => {
    expect(levelOf(score)).toBe(level);
  });

  // The same boundaries reached through scorePillar with real shares.
  const lessonsN = (n: number) => Array.from({ length: n }, (_, i) => `l${i + 1}`);
  const run = (quiz: [number, number], approved: number, tasks: number, completed: number, lessons: number) =>
    scored(
      scorePillar(
        'cakap',
        { quizLessons: ['l1'], quizItems: quiz[1], tasks: lessonsN(tasks).map((t) => `t-${t}`), lessons: lessonsN(lessons) },
        records({ attempts: [attempt('l1', { cakap: quiz })], approvedTasks: lessonsN(approved).map((t) => `t-${t}`), completedLessons: lessonsN(completed) }),
      ),
    );

  it.each([
    // [quiz right/items, approved/tasks, completed/lessons] → score, level      (hand arithmetic)
    { quiz: [4, 9], p: [0, 1], c: [0, 1], score: 1.8, level: 'Pemula' }, //      0.45·4/9 = 0.20       → 1 + 0.80 = 1.80
    { quiz: [9, 20], p: [0, 1], c: [0, 1], score: 1.81, level: 'Dasar' }, //     0.45·9/20 = 0.2025    → 1 + 0.81 = 1.81
    { quiz: [0, 5], p: [1, 1], c: [0, 1], score: 2.6, level: 'Dasar' }, //       0.40·1 = 0.40         → 1 + 1.60 = 2.60
    { quiz: [9, 20], p: [1, 2], c: [0, 1], score: 2.61, level: 'Berkembang' }, // 0.2025 + 0.20 = 0.4025 → 1 + 1.61 = 2.61
    { quiz: [5, 5], p: [0, 1], c: [1, 1], score: 3.4, level: 'Berkembang' }, //  0.45 + 0.15 = 0.60     → 1 + 2.40 = 3.40
    { quiz: [9, 20], p: [1, 1], c: [0, 1], score: 3.41, level: 'Cakap' }, //     0.2025 + 0.40 = 0.6025 → 1 + 2.41 = 3.41
    { quiz: [5, 5], p: [1, 2], c: [1, 1], score: 4.2, level: 'Cakap' }, //       0.45 + 0.20 + 0.15 = 0.80 → 1 + 3.20 = 4.20
    { quiz: [7, 10], p: [1, 1], c: [7, 12], score: 4.21, level: 'Mahir' }, //    0.315 + 0.40 + 0.0875 = 0.8025 → 1 + 3.21 = 4.21
  ])('Q $quiz, P $p, C $c → $score ($level)', ({ quiz, p, c, score, level }) => {
    const result = run(quiz as [number, number], p[0], p[1], c[0], c[1]);
    expect(result.score).toBe(score);
    expect(result.level).toBe(level);
  });
});
