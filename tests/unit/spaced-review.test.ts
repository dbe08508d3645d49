/**
 * The spaced-review picker (issue 17, item 10) with dates relative to one `now`: 7 days after a
 * lesson is finished its items are due, wrongly answered ones first, at most three a session
 * (answers of the last 12 hours count against it), an item reviewed right is not asked again for
 * 14 days (then 28, capped at 60), a wrong review comes back after 2 days, and the mentor's nudge
 * time (3 days waiting). Deterministic: the same inputs give the same items in the same order.
 */
import { describe, expect, it } from 'vitest';
import {
  AFTER_RIGHT,
  AFTER_WRONG,
  allDueItems,
  DAY_MS,
  FIRST_REVIEW_AFTER,
  MAX_INTERVAL,
  nextDue,
  NUDGE_AFTER,
  retention,
  reviewOverdueSince,
  reviewSession,
  type ReviewAnswer,
  type ReviewInput,
} from '../../src/lib/learning/spaced-review';
import { stuckReasons } from '../../src/lib/mentoring/stuck';
import { wibDaysAgo } from '../../src/lib/wib';
import { buildNudge } from '../../src/lib/server/mentoring/nudge-link';
import { items, lesson, module } from './indicator-helpers';

const NOW = Date.now();
const HOUR = 3600_000;
const ago = (days: number, hours = 0) => NOW - days * DAY_MS - hours * HOUR;

const L1 = lesson('01', ['cakap'], items('a', 'cakap', 3));
const L2 = lesson('02', ['aman'], items('b', 'aman', 3));
const L3 = lesson('03', ['etika'], items('c', 'etika', 2));
const COURSE = [module('m', [L1, L2, L3])];

const input = (over: Partial<ReviewInput> = {}): ReviewInput => ({
  course: COURSE,
  completions: [],
  firstCorrect: new Map(),
  reviews: [],
  now: NOW,
  ...over,
});
const ids = (list: Array<{ item: { id: string } }>) => list.map((d) => d.item.id);

describe('when an item is due', () => {
  it('7 days after the lesson was finished, not a minute before', () => {
    expect(nextDue(ago(10), [])).toBe(ago(10) + FIRST_REVIEW_AFTER);
    expect(ids(allDueItems(input({ completions: [{ lessonId: L1.id, at: ago(7) }] })))).toEqual(['a-1', 'a-2', 'a-3']);
    expect(allDueItems(input({ completions: [{ lessonId: L1.id, at: ago(7) + 60_000 }] }))).toEqual([]);
  });

  it('only finished lessons give items', () => {
    expect(ids(allDueItems(input({ completions: [{ lessonId: L2.id, at: ago(9) }] })))).toEqual(['b-1', 'b-2', 'b-3']);
  });

  it('a right review waits 14 days, then 28, never more than 60; a wrong one comes back after 2 days', () => {
    const r = (days: number, correct: boolean): ReviewAnswer => ({ itemId: 'a-1', correct, at: ago(days) });
    expect(nextDue(ago(30), [r(20, true)])).toBe(ago(20) + AFTER_RIGHT);
    expect(AFTER_RIGHT).toBeGreaterThanOrEqual(14 * DAY_MS);
    expect(nextDue(ago(60), [r(50, true), r(30, true)])).toBe(ago(30) + 2 * AFTER_RIGHT);
    expect(nextDue(ago(200), [r(190, true), r(170, true), r(140, true), r(90, true)])).toBe(ago(90) + MAX_INTERVAL);
    expect(nextDue(ago(30), [r(20, true), r(10, false)])).toBe(ago(10) + AFTER_WRONG);
    // A wrong answer resets the streak: the next right one waits 14 days again.
    expect(nextDue(ago(60), [r(50, true), r(40, false), r(30, true)])).toBe(ago(30) + AFTER_RIGHT);
  });

  it('an item reviewed right 13 days ago is not asked; 14 days ago it is', () => {
    const base = { completions: [{ lessonId: L3.id, at: ago(40) }] };
    const thirteen = input({
      ...base,
      reviews: [
        { itemId: 'c-1', correct: true, at: ago(13) },
        { itemId: 'c-2', correct: true, at: ago(13) },
      ],
    });
    expect(allDueItems(thirteen)).toEqual([]);
    const fourteen = input({
      ...base,
      reviews: [
        { itemId: 'c-1', correct: true, at: ago(14) },
        { itemId: 'c-2', correct: true, at: ago(13) },
      ],
    });
    expect(ids(allDueItems(fourteen))).toEqual(['c-1']);
  });
});

describe('the order and the session of three', () => {
  const finished = [
    { lessonId: L1.id, at: ago(20) },
    { lessonId: L2.id, at: ago(8) },
  ];

  it('wrongly answered items first (first answer, or the latest review), then the longest overdue, then course order', () => {
    const firstCorrect = new Map([
      ['a-1', true],
      ['a-2', true],
      ['a-3', true],
      ['b-1', true],
      ['b-2', false],
      ['b-3', true],
    ]);
    const due = allDueItems(input({ completions: finished, firstCorrect, reviews: [{ itemId: 'a-3', correct: false, at: ago(5) }] }));
    // b-2 (first answer wrong) and a-3 (last review wrong, due again 3 days ago): a-3 is older.
    expect(ids(due)).toEqual(['a-3', 'b-2', 'a-1', 'a-2', 'b-1', 'b-3']);
    expect(due.slice(0, 2).every((d) => d.wrongLast)).toBe(true);
    expect(due[0].dueAt).toBe(ago(5) + AFTER_WRONG);
    expect(due[0].lesson.id).toBe(L1.id);
  });

  it('a session is three items; answers of the last 12 hours count against it', () => {
    expect(ids(reviewSession(input({ completions: finished })))).toEqual(['a-1', 'a-2', 'a-3']);
    const twoToday = [
      { itemId: 'a-1', correct: true, at: ago(0, 2) },
      { itemId: 'a-2', correct: false, at: ago(0, 1) },
    ];
    expect(ids(reviewSession(input({ completions: finished, reviews: twoToday })))).toEqual(['a-3']);
    const threeToday = [...twoToday, { itemId: 'a-3', correct: true, at: ago(0, 1) }];
    expect(reviewSession(input({ completions: finished, reviews: threeToday }))).toEqual([]);
    // The next day, a new session: a-2 (wrong) is not due yet (2 days); the lesson 2 items are.
    const tomorrow = input({ completions: finished, reviews: threeToday, now: NOW + 13 * HOUR });
    expect(ids(reviewSession(tomorrow))).toEqual(['b-1', 'b-2', 'b-3']);
  });

  it('is deterministic: the same inputs in another order give the same items', () => {
    const firstCorrect = new Map([['b-3', false]]);
    const reviews = [
      { itemId: 'a-1', correct: true, at: ago(3) },
      { itemId: 'a-2', correct: false, at: ago(4) },
    ];
    const a = allDueItems(input({ completions: finished, firstCorrect, reviews }));
    const b = allDueItems(input({ completions: [...finished].reverse(), firstCorrect, reviews: [...reviews].reverse() }));
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).toEqual(['a-2', 'b-3', 'a-3', 'b-1', 'b-2']);
  });

  it('nothing is due before any lesson is finished', () => {
    expect(reviewSession(input())).toEqual([]);
  });
});

describe("the mentor's nudge and retention", () => {
  it('a review waiting 3 days since it became due is flagged; 2 days is not; a review done since resets it', () => {
    expect(reviewOverdueSince(input({ completions: [{ lessonId: L3.id, at: ago(10) }] }))).toBe(ago(3));
    expect(NUDGE_AFTER).toBe(3 * DAY_MS);
    expect(reviewOverdueSince(input({ completions: [{ lessonId: L3.id, at: ago(9) }] }))).toBeNull();
    const reviewedYesterday = input({ completions: [{ lessonId: L3.id, at: ago(30) }], reviews: [{ itemId: 'c-1', correct: true, at: ago(1) }] });
    expect(allDueItems(reviewedYesterday).length).toBe(1);
    expect(reviewOverdueSince(reviewedYesterday)).toBeNull();
  });

  it('stuckReasons lists it for an active learner, not for an inactive one (who gets the come-back nudge)', () => {
    const active = { joinedAt: ago(30), lastActiveAt: ago(1), attempts: [], latestTasks: [], reviewOverdueSince: ago(4) };
    expect(stuckReasons(active, NOW)).toEqual([{ kind: 'reviewDue', since: ago(4) }]);
    expect(wibDaysAgo(ago(4), NOW)).toBe(4);
    expect(stuckReasons({ ...active, reviewOverdueSince: null }, NOW)).toEqual([]);
    expect(stuckReasons({ ...active, lastActiveAt: ago(8) }, NOW).map((r) => r.kind)).toEqual(['inactive']);
  });

  it('the nudge: a task to redo first, then the review (with its link), then the next lesson', () => {
    const base = { learner: { name: 'Bu Sari', phone: '+6281100000011' }, mentorName: 'Mbak Dewi', origin: 'https://melek.example', next: L2 };
    const review = buildNudge({ ...base, reviewOverdue: true });
    expect(review.kind).toBe('review_due');
    expect(review.text).toContain('Ulang singkat');
    expect(review.text).toContain('https://melek.example/learn/ulang');
    expect(review.href.startsWith('https://wa.me/6281100000011?text=')).toBe(true);
    expect(buildNudge({ ...base, reviewOverdue: true, redo: { taskTitle: 'Tugas', lesson: L1 } }).kind).toBe('redo_task');
    expect(buildNudge(base).kind).toBe('next_lesson');
  });

  it('retention is the share right; none before any review', () => {
    expect(retention([])).toEqual({ answered: 0, correct: 0, share: null });
    expect(retention([{ correct: true }, { correct: false }, { correct: true }, { correct: true }])).toEqual({ answered: 4, correct: 3, share: 0.75 });
  });
});
