/**
 * When a module earns a certificate (issue 5 part 6): every lesson completed, the best score of
 * each lesson quiz ≥ 70 %, every task approved; and the verification codes (random, ≥ 10
 * characters from an alphabet without look-alikes, typed back in any case or grouping).
 */
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  eligibleModules,
  formatCode,
  moduleEligibility,
  normalizeCode,
  passes,
  randomCode,
  type CertificateRecords,
} from '../../src/lib/indicator/certificate-rules';
import { certificateRecords } from '../../src/lib/server/indicator/records';
import { attempt, items, lesson, module } from './indicator-helpers';

// Module "m": L1 quiz 3 items + task A; L2 quiz 4 items, no task; L3 no quiz + task B.
const M = module('m', [
  lesson('L1', ['cakap'], items('a', 'cakap', 3), { id: 'A', pillar: 'cakap' }),
  lesson('L2', ['cakap'], items('b', 'cakap', 4)),
  lesson('L3', ['aman'], [], { id: 'B', pillar: 'aman' }),
]);
const full = (over: Partial<CertificateRecords> = {}): CertificateRecords => ({
  completedLessons: new Set(['m/L1', 'm/L2', 'm/L3']),
  firstByLesson: new Map([
    ['m/L1', { score: 3, maxScore: 3 }],
    ['m/L2', { score: 3, maxScore: 4 }], // 75 %
  ]),
  approvedTasks: new Set(['A', 'B']),
  ...over,
});

describe('passes: best score ≥ 70 %', () => {
  it.each([
    [7, 10, true], //  70 %
    [6, 10, false], // 60 %
    [2, 3, false], //  66.7 %
    [3, 4, true], //   75 %
    [3, 3, true],
    [0, 0, false], //  an empty quiz never passes
  ])('%i of %i → %s', (score, max, expected) => {
    expect(passes(score, max)).toBe(expected);
  });
});

describe('moduleEligibility', () => {
  it('everything done: eligible (a lesson without a quiz needs no quiz score)', () => {
    expect(moduleEligibility(M, full())).toEqual({ eligible: true, lessonsMissing: [], quizzesBelow: [], tasksMissing: [] });
  });

  it('a lesson not completed', () => {
    const e = moduleEligibility(M, full({ completedLessons: new Set(['m/L1', 'm/L2']) }));
    expect(e).toEqual({ eligible: false, lessonsMissing: ['m/L3'], quizzesBelow: [], tasksMissing: [] });
  });

  it('a best quiz score under 70 % (2 of 4 = 50 %), or a quiz never taken', () => {
    expect(
      moduleEligibility(
        M,
        full({
          firstByLesson: new Map([
            ['m/L1', { score: 3, maxScore: 3 }],
            ['m/L2', { score: 2, maxScore: 4 }],
          ]),
        }),
      ).quizzesBelow,
    ).toEqual(['m/L2']);
    expect(moduleEligibility(M, full({ firstByLesson: new Map([['m/L2', { score: 4, maxScore: 4 }]]) })).quizzesBelow).toEqual(['m/L1']);
  });

  it('a task not approved (waiting or sent back)', () => {
    const e = moduleEligibility(M, full({ approvedTasks: new Set(['A']) }));
    expect(e.eligible).toBe(false);
    expect(e.tasksMissing).toEqual(['B']);
  });

  it('a module without lessons earns nothing', () => {
    expect(moduleEligibility(module('empty', []), full()).eligible).toBe(false);
  });

  it('eligibleModules lists, in course order, only the modules earned', () => {
    const other = module('n', [lesson('L1', ['aman'], items('c', 'aman', 2), undefined, 'n')]);
    expect(eligibleModules([M, other], full())).toEqual(['m']);
    const both = full({
      completedLessons: new Set(['m/L1', 'm/L2', 'm/L3', 'n/L1']),
      firstByLesson: new Map([...full().firstByLesson, ['n/L1', { score: 2, maxScore: 2 }]]),
    });
    expect(eligibleModules([M, other], both)).toEqual(['m', 'n']);
  });
});

describe('certificateRecords: the best attempt of each lesson counts', () => {
  it('an earlier 1 of 3 and a later 3 of 3 → 1 of 3 (the first attempt counts, not a retry after the answers were shown); approvals and completions as sets', () => {
    const r = certificateRecords({
      attempts: [
        attempt('m/L1', { cakap: [1, 3] }, 1),
        attempt('m/L1', { cakap: [3, 3] }, 2),
        attempt('m/L2', { cakap: [3, 4] }, 3),
        attempt('m/L2', { cakap: [2, 4] }, 4),
      ],
      approvals: [{ taskId: 'A', at: 5 }],
      completions: [{ lessonId: 'm/L1', at: 2 }],
    });
    expect(r.firstByLesson.get('m/L1')).toMatchObject({ score: 1, maxScore: 3 });
    expect(r.firstByLesson.get('m/L2')).toMatchObject({ score: 3, maxScore: 4 });
    expect([...r.approvedTasks]).toEqual(['A']);
    expect([...r.completedLessons]).toEqual(['m/L1']);
  });
});

describe('verification codes', () => {
  it('12 characters (≥ 10) from 31 unambiguous ones: no 0/O, 1/I/L', () => {
    expect(CODE_LENGTH).toBeGreaterThanOrEqual(10);
    expect(CODE_ALPHABET).toHaveLength(31);
    for (const ch of '0O1IL') expect(CODE_ALPHABET).not.toContain(ch);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = randomCode();
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
      seen.add(code);
    }
    expect(seen.size).toBe(500);
  });

  it('rejection sampling: bytes ≥ 248 (= 8 × 31) are skipped, the rest map by byte mod 31', () => {
    // 255 and 248 skipped; 0 → A, 30 → 9, 31 → A, 247 → 247 mod 31 = 30 → 9, then 1 → B …
    const stream = [255, 248, 0, 30, 31, 247, 1, 2, 3, 4, 5, 6, 7, 8];
    const code = randomCode((bytes) => {
      bytes.set(stream.slice(0, bytes.length).concat(Array(Math.max(0, bytes.length - stream.length)).fill(0)));
      return bytes;
    });
    expect(code).toBe('A9A9BCDEFGHJ');
  });

  it('normalizeCode accepts any case, spaces and dashes; refuses look-alikes, wrong lengths and junk', () => {
    expect(normalizeCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
    expect(normalizeCode(' ABCD EFGH JKMN ')).toBe('ABCDEFGHJKMN');
    expect(normalizeCode('ABCDEFGHJKM0')).toBeNull(); // zero
    expect(normalizeCode('ABCDEFGHJKMO')).toBeNull(); // letter O
    expect(normalizeCode('ABCDEFGHJKM1')).toBeNull();
    expect(normalizeCode('ABCDEFGHJKMI')).toBeNull();
    expect(normalizeCode('ABCDEFGHJKML')).toBeNull();
    expect(normalizeCode('ABCDEFGHJKM')).toBeNull(); // 11
    expect(normalizeCode('ABCDEFGHJKMNP')).toBeNull(); // 13
    expect(normalizeCode("' OR 1=1 --")).toBeNull();
    expect(normalizeCode('%2e%2e%2fetc')).toBeNull();
    expect(normalizeCode('A'.repeat(500))).toBeNull();
    expect(normalizeCode(undefined)).toBeNull();
  });

  it('formatCode prints groups of four', () => {
    expect(formatCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
  });
});
