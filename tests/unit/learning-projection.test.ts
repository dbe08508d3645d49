/**
 * lesson_progress as a pure function of the event log (projectLesson): order-independent,
 * completion sticky (earliest counts), reported time capped at 30 min per event, time inferred
 * from view→completion capped at 20 min, and logs with only time events.
 */
import { describe, expect, it } from 'vitest';
import { MAX_INFERRED_SEC, MAX_TIME_EVENT_SEC, projectLesson, type ProgressEvent } from '../../src/lib/learning/projection';

const T0 = Date.UTC(2026, 10, 3, 8, 0);
const MIN = 60_000;
const viewed = (at: number): ProgressEvent => ({ type: 'viewed', at });
const completed = (at: number): ProgressEvent => ({ type: 'completed', at });
const time = (at: number, seconds: unknown): ProgressEvent => ({ type: 'time', at, data: { seconds } });
const quiz = (at: number): ProgressEvent => ({ type: 'quiz_submitted', at, data: { score: 1, maxScore: 3 } });

/** A small deterministic PRNG (mulberry32) so shuffles are reproducible. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(list: T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('projectLesson', () => {
  it('the caps are 30 and 20 minutes', () => {
    expect(MAX_TIME_EVENT_SEC).toBe(30 * 60);
    expect(MAX_INFERRED_SEC).toBe(20 * 60);
  });

  it('no events: no row', () => {
    expect(projectLesson([])).toBeUndefined();
  });

  it('a single view: viewed, no time', () => {
    expect(projectLesson([viewed(T0)])).toEqual({ status: 'viewed', firstViewedAt: T0, lastActiveAt: T0, completedAt: null, timeSpentSec: 0 });
  });

  it('view then completion 7 minutes later: completed, time inferred', () => {
    expect(projectLesson([viewed(T0), completed(T0 + 7 * MIN)])).toEqual({
      status: 'completed',
      firstViewedAt: T0,
      lastActiveAt: T0 + 7 * MIN,
      completedAt: T0 + 7 * MIN,
      timeSpentSec: 7 * 60,
    });
  });

  it('is independent of the order the events arrive in (offline batches replayed late)', () => {
    const log = [
      viewed(T0),
      time(T0 + MIN, 45),
      viewed(T0 + 2 * MIN),
      quiz(T0 + 5 * MIN),
      completed(T0 + 5 * MIN),
      time(T0 + 6 * MIN, 120),
      completed(T0 + 9 * MIN),
      viewed(T0 + 60 * MIN),
    ];
    const expected = projectLesson(log);
    expect(expected).toEqual({
      status: 'completed',
      firstViewedAt: T0,
      lastActiveAt: T0 + 60 * MIN,
      completedAt: T0 + 5 * MIN,
      timeSpentSec: 165,
    });
    const random = rng(20261103);
    for (let i = 0; i < 50; i++) expect(projectLesson(shuffle(log, random))).toEqual(expected);
  });

  it('completion is sticky: later views keep it completed and the first completion counts', () => {
    const p = projectLesson([completed(T0 + 10 * MIN), viewed(T0), viewed(T0 + 30 * MIN), completed(T0 + 20 * MIN)]);
    expect(p).toMatchObject({ status: 'completed', completedAt: T0 + 10 * MIN, lastActiveAt: T0 + 30 * MIN });
  });

  it('a completion arriving before any view (offline) still counts and is its own first sight', () => {
    expect(projectLesson([completed(T0)])).toEqual({ status: 'completed', firstViewedAt: T0, lastActiveAt: T0, completedAt: T0, timeSpentSec: 0 });
  });

  it('submitting the quiz finishes the lesson, like pressing "Selesai"', () => {
    expect(projectLesson([quiz(T0)])).toMatchObject({ status: 'completed', firstViewedAt: T0, completedAt: T0 });
    expect(projectLesson([viewed(T0), quiz(T0 + MIN), { type: 'completed', at: T0 + 2 * MIN }])).toMatchObject({ completedAt: T0 + MIN });
  });

  it('each time event is capped at 30 minutes (a phone left open overnight)', () => {
    const p = projectLesson([viewed(T0), time(T0 + MIN, 8 * 3600), time(T0 + 60 * MIN, 600)]);
    expect(p?.timeSpentSec).toBe(30 * 60 + 600);
  });

  it('reports never add up to more than the wall-clock time they can cover (issue 15)', () => {
    // Twenty reports of a whole day sent at one instant: 30 minutes, not 10 hours.
    expect(projectLesson([viewed(T0), ...Array.from({ length: 20 }, () => time(T0 + MIN, 86_400))])?.timeSpentSec).toBe(30 * 60);
    // Overlapping claims count once: [T0−29 min, T0+1 min] and [T0−8 min, T0+2 min] cover 31 minutes.
    expect(projectLesson([viewed(T0), time(T0 + MIN, 8 * 3600), time(T0 + 2 * MIN, 600)])?.timeSpentSec).toBe(31 * 60);
    // Back-to-back reports (every 30 s of reading) still add up in full.
    expect(projectLesson([viewed(T0), ...Array.from({ length: 10 }, (_, i) => time(T0 + (i + 1) * 30_000, 30))])?.timeSpentSec).toBe(300);
  });

  it('reported seconds are rounded; zero, negative and non-numeric reports are ignored', () => {
    const p = projectLesson([
      viewed(T0),
      time(T0 + 20_000, 10.4),
      time(T0 + 40_000, 10.6),
      time(T0 + 3, 0),
      time(T0 + 4, -50),
      time(T0 + 5, 'lama'),
      time(T0 + 6, null),
    ]);
    expect(p?.timeSpentSec).toBe(21);
  });

  it('a report that rounds to zero seconds still counts as reported time', () => {
    expect(projectLesson([viewed(T0), time(T0 + 1, 0.4), completed(T0 + 5 * MIN)])?.timeSpentSec).toBe(0);
  });

  it('reported time wins over inferred time, even when smaller', () => {
    const p = projectLesson([viewed(T0), time(T0 + MIN, 30), completed(T0 + 15 * MIN)]);
    expect(p?.timeSpentSec).toBe(30);
  });

  it('only ignored time reports: falls back to the inferred gap', () => {
    const p = projectLesson([viewed(T0), time(T0 + MIN, 0), completed(T0 + 4 * MIN)]);
    expect(p?.timeSpentSec).toBe(4 * 60);
  });

  it('inferred time is capped at 20 minutes', () => {
    const p = projectLesson([viewed(T0), completed(T0 + 3 * 3600_000)]);
    expect(p?.timeSpentSec).toBe(20 * 60);
    // 20 minutes exactly is kept.
    expect(projectLesson([viewed(T0), completed(T0 + 20 * MIN)])?.timeSpentSec).toBe(20 * 60);
  });

  it('inferred time is rounded to whole seconds', () => {
    expect(projectLesson([viewed(T0), completed(T0 + 1499)])?.timeSpentSec).toBe(1);
    expect(projectLesson([viewed(T0), completed(T0 + 1500)])?.timeSpentSec).toBe(2);
  });

  it('a time-only log: viewed status, no first view, the sum of reported time', () => {
    expect(projectLesson([time(T0 + MIN, 30), time(T0, 40)])).toEqual({
      status: 'viewed',
      firstViewedAt: null,
      lastActiveAt: T0 + MIN,
      completedAt: null,
      timeSpentSec: 70,
    });
    expect(projectLesson([time(T0, 0)])).toEqual({ status: 'viewed', firstViewedAt: null, lastActiveAt: T0, completedAt: null, timeSpentSec: 0 });
  });

  it('time events count toward the last activity but not the first view', () => {
    expect(projectLesson([time(T0 - MIN, 20), viewed(T0), time(T0 + 5 * MIN, 20)])).toMatchObject({
      firstViewedAt: T0,
      lastActiveAt: T0 + 5 * MIN,
      timeSpentSec: 40,
    });
  });

  it('does not change the array it is given', () => {
    const log = [completed(T0 + MIN), viewed(T0)];
    const copy = structuredClone(log);
    projectLesson(log);
    expect(log).toEqual(copy);
  });
});
