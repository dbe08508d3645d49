/**
 * The report's pure aggregations, each against numbers worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { LearnerIndicator, Level, PillarScore } from '../../src/lib/indicator/score';
import { scoreLearner } from '../../src/lib/indicator/score';
import type { CourseModule, Pillar } from '../../src/lib/learning/types';
import {
  adoptionCounts,
  cohortBreakdown,
  engagementCounts,
  engagementOf,
  gainByModule,
  latestChecks,
  learnerGain,
  modulesFinished,
  partnershipCounts,
  perceptionSummary,
  pillarStats,
  recheckDue,
  salesSummary,
  type AdoptionCheckRow,
} from '../../src/lib/reports/aggregate';
import { addMonths } from '../../src/lib/reports/dates';
import { jakartaDate, jakartaDateTime } from '../../src/lib/wib';
import { enrolledAt, learnerScorer, toLearnerRecords, type LearnerFacts } from '../../src/lib/reports/facts';

const DAY = 86_400_000;
const NO_COUNTS = { qRight: 0, qItems: 0, approved: 0, tasks: 0, done: 0, lessons: 0 };

/** A learner indicator with the given pillar scores (null = "belum cukup data"). */
function indicator(scores: Partial<Record<Pillar, number | null>>, overall: number | null): LearnerIndicator {
  const level = (s: number): Level => (s <= 1.8 ? 'Pemula' : s <= 2.6 ? 'Dasar' : s <= 3.4 ? 'Berkembang' : s <= 4.2 ? 'Cakap' : 'Mahir');
  const pillars: PillarScore[] = (['cakap', 'etika', 'budaya', 'aman'] as Pillar[]).map((pillar) => {
    const s = scores[pillar];
    return s === null || s === undefined
      ? { pillar, enoughData: false, reason: 'noTask' }
      : {
          pillar,
          enoughData: true,
          Q: 0,
          P: 0,
          C: 0,
          raw: s,
          score: s,
          exact: { n: Math.round(s * 100), d: 1 },
          capped: false,
          level: level(s),
          heldByTask: false,
          counts: NO_COUNTS,
        };
  });
  return { pillars, overall, level: overall === null ? null : level(overall) };
}

describe('pillarStats', () => {
  const learners = [
    indicator({ cakap: 2.0, etika: null, budaya: 1.0, aman: 3.4 }, 2.13),
    indicator({ cakap: 3.41, etika: null, budaya: 2.6, aman: 3.41 }, 3.14),
    indicator({ cakap: 4.5, etika: null, budaya: null, aman: 4.21 }, 4.36),
  ];
  const stats = Object.fromEntries(pillarStats(learners).map((s) => [s.pillar, s]));

  it('cakap: 2.00, 3.41, 4.50', () => {
    // mean = 9.91 / 3 = 3.30333…; median = 3.41;
    // sd: deviations −1.30333, 0.10667, 1.19667 → squares 1.69868 + 0.01138 + 1.43201 = 3.14207; ÷ 2 = 1.57103; √ = 1.25341
    expect(stats.cakap.n).toBe(3);
    expect(stats.cakap.mean).toBeCloseTo(3.30333, 4);
    expect(stats.cakap.median).toBe(3.41);
    expect(stats.cakap.sd).toBeCloseTo(1.25341, 4);
    // 3.41 and 4.50 are Cakap or above: 2 of 3.
    expect(stats.cakap.shareCakap).toBeCloseTo(2 / 3, 10);
    expect(stats.cakap.levels).toEqual({ Pemula: 0, Dasar: 1, Berkembang: 0, Cakap: 1, Mahir: 1 });
    expect(stats.cakap.notEnoughData).toBe(0);
  });

  it('a pillar without data counts every learner as "belum cukup data"', () => {
    expect(stats.etika).toMatchObject({ n: 0, mean: null, median: null, sd: null, shareCakap: null, notEnoughData: 3 });
  });

  it('budaya: 1.00 and 2.60, one learner without data', () => {
    // mean 1.80, median 1.80, sd = |2.6 − 1.0| / √2 = 1.13137; none at Cakap.
    expect(stats.budaya.n).toBe(2);
    expect(stats.budaya.mean).toBeCloseTo(1.8, 10);
    expect(stats.budaya.median).toBeCloseTo(1.8, 10);
    expect(stats.budaya.sd).toBeCloseTo(1.13137, 4);
    expect(stats.budaya.shareCakap).toBe(0);
    expect(stats.budaya.notEnoughData).toBe(1);
  });

  it('aman: the level boundaries 3.40 / 3.41 and 4.20 / 4.21', () => {
    expect(stats.aman.levels).toEqual({ Pemula: 0, Dasar: 0, Berkembang: 1, Cakap: 1, Mahir: 1 });
    expect(stats.aman.shareCakap).toBeCloseTo(2 / 3, 10);
  });

  it('overall: 2.13, 3.14, 4.36', () => {
    // mean 9.63 / 3 = 3.21; median 3.14; one (4.36) at Cakap or above.
    expect(stats.overall.n).toBe(3);
    expect(stats.overall.mean).toBeCloseTo(3.21, 10);
    expect(stats.overall.median).toBe(3.14);
    expect(stats.overall.shareCakap).toBeCloseTo(1 / 3, 10);
    expect(stats.overall.levels).toEqual({ Pemula: 0, Dasar: 1, Berkembang: 1, Cakap: 0, Mahir: 1 });
  });

  it('an empty scope gives nulls, not NaN', () => {
    for (const s of pillarStats([])) expect(s).toMatchObject({ n: 0, mean: null, sd: null, shareCakap: null, notEnoughData: 0 });
  });
});

describe('normalized gain per module', () => {
  it('on shares of the maximum', () => {
    // pre 2/5 = 0.4, post 4/5 = 0.8 → (0.8 − 0.4) / (1 − 0.4) = 0.6667
    expect(learnerGain({ score: 2, max: 5 }, { score: 4, max: 5 })).toBeCloseTo(2 / 3, 10);
    // pre 1/4 = 0.25, post 3/6 = 0.5 → 0.25 / 0.75 = 0.3333 (tests of different length still compare)
    expect(learnerGain({ score: 1, max: 4 }, { score: 3, max: 6 })).toBeCloseTo(1 / 3, 10);
    // pre 3/5, post 2/5 → −0.2 / 0.4 = −0.5 (a loss is reported, not hidden)
    expect(learnerGain({ score: 3, max: 5 }, { score: 2, max: 5 })).toBeCloseTo(-0.5, 10);
  });

  it('pre = max cannot be computed', () => {
    expect(learnerGain({ score: 5, max: 5 }, { score: 5, max: 5 })).toBeNull();
    expect(learnerGain({ score: 5, max: 5 }, { score: 3, max: 5 })).toBeNull();
  });

  it('counts bands, "tidak bisa dihitung" and pre-only per module', () => {
    const results = [
      { moduleId: 'a', pre: { score: 2, max: 6 }, post: { score: 3, max: 6 } }, // 1/6 ÷ 4/6 = 0.25 → rendah
      { moduleId: 'a', pre: { score: 2, max: 6 }, post: { score: 4, max: 6 } }, // 2/4 = 0.5 → sedang
      { moduleId: 'a', pre: { score: 0, max: 6 }, post: { score: 6, max: 6 } }, // 1.0 → tinggi
      { moduleId: 'a', pre: { score: 6, max: 6 }, post: { score: 6, max: 6 } }, // pre = max
      { moduleId: 'a', pre: { score: 1, max: 6 } }, // no post yet
      { moduleId: 'b', post: { score: 6, max: 6 } }, // post without pre: not a pair
    ];
    const [a, b, c] = gainByModule(['a', 'b', 'c'], results);
    expect(a).toMatchObject({ moduleId: 'a', pairs: 4, bands: { rendah: 1, sedang: 1, tinggi: 1 }, notComputable: 1, preOnly: 1 });
    // mean of 0.25, 0.5, 1.0 = 0.58333; median 0.5
    expect(a.mean).toBeCloseTo(0.58333, 4);
    expect(a.median).toBeCloseTo(0.5, 10);
    expect(b).toMatchObject({ pairs: 0, preOnly: 0, mean: null, bands: { rendah: 0, sedang: 0, tinggi: 0 } });
    expect(c.pairs).toBe(0);
  });

  it('band edges: 0.3 and 0.7 are sedang', () => {
    // pre 0/10, post 3/10 → 0.3; post 7/10 → 0.7; post 8/10 → 0.8
    const [m] = gainByModule(
      ['m'],
      [
        { moduleId: 'm', pre: { score: 0, max: 10 }, post: { score: 3, max: 10 } },
        { moduleId: 'm', pre: { score: 0, max: 10 }, post: { score: 7, max: 10 } },
        { moduleId: 'm', pre: { score: 0, max: 10 }, post: { score: 8, max: 10 } },
      ],
    );
    expect(m.bands).toEqual({ rendah: 0, sedang: 2, tinggi: 1 });
  });
});

describe('dropouts', () => {
  const now = Date.UTC(2027, 0, 31);
  it('finished a module wins over everything', () => {
    expect(engagementOf({ enrolledAt: now - 100 * DAY, lastActiveAt: null, finishedModules: 1 }, now)).toBe('finished');
  });
  it('active in the last 30 days', () => {
    expect(engagementOf({ enrolledAt: now - 100 * DAY, lastActiveAt: now - 29 * DAY, finishedModules: 0 }, now)).toBe('active');
  });
  it('inactive exactly 30 days, enrolled long ago: dropout', () => {
    expect(engagementOf({ enrolledAt: now - 100 * DAY, lastActiveAt: now - 30 * DAY, finishedModules: 0 }, now)).toBe('dropout');
  });
  it('never started, enrolled 30 days ago: dropout; 29 days ago: new', () => {
    expect(engagementOf({ enrolledAt: now - 30 * DAY, lastActiveAt: null, finishedModules: 0 }, now)).toBe('dropout');
    expect(engagementOf({ enrolledAt: now - 29 * DAY, lastActiveAt: null, finishedModules: 0 }, now)).toBe('new');
  });
  it('counts', () => {
    const c = engagementCounts([
      { engagement: 'finished', lastActiveAt: 1 },
      { engagement: 'active', lastActiveAt: 1 },
      { engagement: 'dropout', lastActiveAt: null },
      { engagement: 'dropout', lastActiveAt: 1 },
      { engagement: 'new', lastActiveAt: null },
    ]);
    expect(c).toEqual({ enrolled: 5, finished: 1, neverFinished: 4, active: 1, new: 1, dropout: 2, neverStarted: 2 });
  });
  it('a module is finished when every one of its lessons is', () => {
    const course = [
      { id: 'm1', lessons: [{ id: 'm1/a' }, { id: 'm1/b' }] },
      { id: 'm2', lessons: [{ id: 'm2/a' }] },
      { id: 'm3', lessons: [] },
    ] as unknown as CourseModule[];
    expect(modulesFinished(course, new Set(['m1/a', 'm2/a']))).toEqual(['m2']);
    expect(modulesFinished(course, new Set(['m1/a', 'm1/b']))).toEqual(['m1']);
    expect(modulesFinished(course, new Set())).toEqual([]);
  });
});

describe('Skor Persepsi', () => {
  it('pre and post side by side, paired change', () => {
    const s = perceptionSummary([
      { userId: 'a', timepoint: 'pre', overall: 2.0, pillars: { cakap: 2, aman: 3 } },
      { userId: 'b', timepoint: 'pre', overall: 3.0, pillars: { cakap: 4 } },
      { userId: 'a', timepoint: 'post', overall: 3.5, pillars: { cakap: 4, aman: 4 } },
      { userId: 'c', timepoint: 'post', overall: 4.0, pillars: { cakap: 5 } },
    ]);
    expect(s.pre.overall).toMatchObject({ n: 2, mean: 2.5 });
    expect(s.post.overall).toMatchObject({ n: 2, mean: 3.75 });
    expect(s.pre.pillars.cakap).toMatchObject({ n: 2, mean: 3 });
    expect(s.pre.pillars.aman).toMatchObject({ n: 1, mean: 3 });
    expect(s.pre.pillars.etika).toMatchObject({ n: 0, mean: null });
    // only a answered both: 3.5 − 2.0 = +1.5
    expect(s.paired).toBe(1);
    expect(s.meanChange).toBe(1.5);
  });
});

describe('adoption', () => {
  it('re-check is due three calendar months after the day seen', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-10-15', 3)).toBe('2028-01-15');
    expect(recheckDue('2026-11-30', '2027-02-27')).toBe(false);
    expect(recheckDue('2026-11-30', '2027-02-28')).toBe(true);
  });

  const row = (userId: string, item: AdoptionCheckRow['item'], present: boolean, checkedOn: string, createdAt = 0): AdoptionCheckRow => ({
    userId,
    item,
    present,
    checkedOn,
    createdAt,
  });

  it('the latest check per learner and item counts: newest day, then newest entry of that day', () => {
    const checks = [
      row('a', 'qris_active', false, '2026-11-01'),
      row('a', 'qris_active', true, '2026-12-01'),
      row('b', 'qris_active', true, '2026-12-01', 1),
      row('b', 'qris_active', false, '2026-12-01', 2),
    ];
    const latest = latestChecks(checks);
    expect(latest.get('a\u0000qris_active')?.present).toBe(true);
    expect(latest.get('b\u0000qris_active')?.present).toBe(false);
  });

  it('counts yes / no / unchecked / re-check due over the learners in scope', () => {
    const counts = adoptionCounts(
      [
        row('a', 'qris_active', false, '2026-08-01'),
        row('a', 'qris_active', true, '2026-10-01'), // latest: yes, seen 2026-10-01 → due 2027-01-01
        row('b', 'qris_active', false, '2027-01-10'), // no, recent
        row('a', 'catalog_5_items', true, '2026-12-31'),
      ],
      4,
      '2027-01-15',
    );
    const qris = counts.find((c) => c.item === 'qris_active')!;
    expect(qris).toEqual({ item: 'qris_active', yes: 1, no: 1, unchecked: 2, recheckDue: 1 });
    expect(counts.find((c) => c.item === 'catalog_5_items')).toEqual({ item: 'catalog_5_items', yes: 1, no: 0, unchecked: 3, recheckDue: 0 });
    expect(counts.find((c) => c.item === 'two_step_verification')).toEqual({ item: 'two_step_verification', yes: 0, no: 0, unchecked: 4, recheckDue: 0 });
    expect(counts.map((c) => c.item)).toEqual(['wa_business_profile', 'catalog_5_items', 'qris_active', 'bookkeeping_4_weeks', 'two_step_verification']);
  });
});

describe('partnerships and sales', () => {
  it('partnerships by type, by source, verified', () => {
    const p = partnershipCounts([
      { type: 'supplier', source: 'self', verified: true, n: 2 },
      { type: 'supplier', source: 'self', verified: false, n: 1 },
      { type: 'reseller', source: 'mentor', verified: true },
      { type: 'community', source: 'peer', verified: false, n: 3 },
    ]);
    expect(p.total).toBe(7);
    expect(p.verified).toBe(3);
    expect(p.byType.supplier).toEqual({ total: 3, verified: 2 });
    expect(p.byType.reseller).toEqual({ total: 1, verified: 1 });
    expect(p.byType.lender).toEqual({ total: 0, verified: 0 });
    expect(p.bySource).toEqual({ self: 3, mentor: 1, peer: 3 });
  });

  it('sales bands at start and follow-up, seen by mentor', () => {
    const [start, followup] = salesSummary([
      { timepoint: 'start', band: 'lt1', seen: false, n: 3 },
      { timepoint: 'start', band: '1to3', seen: true, n: 1 },
      { timepoint: 'followup', band: '1to3', seen: true, n: 2 },
      { timepoint: 'followup', band: '3to5', seen: false, n: 1 },
    ]);
    expect(start).toMatchObject({ timepoint: 'start', total: 4, seen: 1 });
    expect(start.bands).toEqual({ lt1: 3, '1to3': 1, '3to5': 0, '5to10': 0, '10to25': 0, gt25: 0 });
    expect(followup).toMatchObject({ total: 3, seen: 2 });
  });
});

describe('per cohort', () => {
  it('a learner in two cohorts counts in both; no cohort is its own row', () => {
    const rows = cohortBreakdown([
      { cohortIds: ['k1'], overall: 2.0, engagement: 'finished' },
      { cohortIds: ['k1', 'k2'], overall: 4.0, engagement: 'dropout' },
      { cohortIds: [], overall: null, engagement: 'new' },
    ]);
    const by = Object.fromEntries(rows.map((r) => [String(r.cohortId), r]));
    // k1: mean (2 + 4) / 2 = 3.00; one of two at Cakap or above
    expect(by.k1).toMatchObject({ learners: 2, finished: 1, dropout: 1, shareCakap: 0.5 });
    expect(by.k1.overall.mean).toBe(3);
    expect(by.k2).toMatchObject({ learners: 1, dropout: 1, shareCakap: 1 });
    expect(by.null).toMatchObject({ learners: 1, shareCakap: null });
  });
});

describe('dates in Asia/Jakarta', () => {
  it('UTC 17:00 is already the next day in WIB', () => {
    const at = Date.UTC(2026, 10, 2, 17, 30);
    expect(jakartaDate(at)).toBe('2026-11-03');
    expect(jakartaDateTime(at)).toBe('2026-11-03T00:30:00+07:00');
  });
});

describe('bulk facts score like the raw records', () => {
  const quiz = (id: string, pillar: Pillar) => ({ id, question: id, options: [{ text: 'a', correct: true }, { text: 'b' }], explanation: '', pillar });
  const course = [
    {
      id: 'm',
      prePost: [],
      lessons: [
        { id: 'm/1', pillars: ['cakap'], quiz: [quiz('q1', 'cakap'), quiz('q2', 'cakap'), quiz('q3', 'aman')], task: { id: 't1', pillar: 'cakap' } },
        { id: 'm/2', pillars: ['cakap', 'aman'], quiz: [quiz('q4', 'cakap'), quiz('q5', 'cakap'), quiz('q6', 'cakap'), quiz('q7', 'aman')] },
      ],
    },
  ] as unknown as CourseModule[];

  it('the first attempt of each lesson (what the report SQL loads) gives the same indicator as every attempt', () => {
    const attempts = [
      { lessonId: 'm/1', score: 1, maxScore: 3, at: 1, pillarScores: { cakap: { score: 1, max: 2 }, aman: { score: 0, max: 1 } } },
      { lessonId: 'm/1', score: 2, maxScore: 3, at: 2, pillarScores: { cakap: { score: 1, max: 2 }, aman: { score: 1, max: 1 } } },
      { lessonId: 'm/2', score: 3, maxScore: 4, at: 3, pillarScores: { cakap: { score: 3, max: 3 }, aman: { score: 0, max: 1 } } },
    ];
    const raw = { attempts, approvedTasks: new Set(['t1']), completedLessons: new Set(['m/1']) };
    const facts: LearnerFacts = {
      id: 'x',
      createdAt: 10,
      cohorts: [{ id: 'k', joinedAt: 5 }],
      completed: new Set(['m/1']),
      lastActiveAt: 3,
      // the SQL's row with MIN(at) per lesson
      firstAttempts: [attempts[0], attempts[2]],
      approvedTasks: new Set(['t1']),
      prePost: new Map(),
      perception: [],
    };
    const a = scoreLearner(course, raw);
    const b = scoreLearner(course, toLearnerRecords(facts));
    expect(b).toEqual(a);
    // the many-learner scorer (content worked out once) gives the same, too
    expect(learnerScorer(course)(toLearnerRecords(facts))).toEqual(a);
    expect(learnerScorer(course)(raw)).toEqual(a);
    // cakap: Q = first answers (1 of 2 in m/1, 3 of 3 in m/2) = 4/5, P = 1, C = 1/2 → 1 + 1.44 + 1.60 + 0.30 = 4.34
    const cakap = b.pillars.find((p) => p.pillar === 'cakap');
    expect(cakap).toMatchObject({ enoughData: true, score: 4.34, level: 'Mahir' });
    expect(enrolledAt(facts)).toBe(5);
  });
});
