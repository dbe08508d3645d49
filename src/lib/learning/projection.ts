import type { EventType } from './event-types';

export interface ProgressEvent {
  type: EventType;
  at: number;
  data?: Record<string, unknown> | null;
}

export interface LessonProjection {
  status: 'viewed' | 'completed';
  firstViewedAt: number | null;
  lastActiveAt: number;
  completedAt: number | null;
  timeSpentSec: number;
}

/** Submitting the lesson's quiz finishes it, like pressing "Selesai" (issue: "quiz submitted or Selesai"). */
export const FINISHING = new Set<EventType>(['completed', 'quiz_submitted']);

/** A reported duration above this is not believed (a phone left open overnight). */
export const MAX_TIME_EVENT_SEC = 30 * 60;
/** Without reported durations, the gap from first view to completion counts, up to this. */
export const MAX_INFERRED_SEC = 20 * 60;

/**
 * Seconds that can really have passed according to `time` reports: each report of s seconds at
 * `at` claims the span [at − s, at] (s rounded, at most MAX_TIME_EVENT_SEC), and overlapping
 * claims count once (the length of the union of the spans). So reported time is never more than
 * the wall-clock span of the reports, and twenty reports of a day sent at one instant are 30
 * minutes, not 10 hours. projectLessonSql() in progress/record.ts computes the same in SQL.
 */
export function elapsedReportedSec(reports: Array<{ at: number; seconds: number }>): number {
  const spans = reports
    .map((r) => ({ start: r.at - Math.min(Math.round(r.seconds), MAX_TIME_EVENT_SEC) * 1000, end: r.at }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let totalMs = 0;
  let coveredTo = -Infinity;
  for (const span of spans) {
    totalMs += Math.max(0, span.end - Math.max(span.start, coveredTo));
    coveredTo = Math.max(coveredTo, span.end);
  }
  return Math.round(totalMs / 1000);
}

/**
 * lesson_progress from the event log of one learner and one lesson, in any order. Completion is
 * sticky (the earliest completion or quiz submission counts); time is what the reported `time`
 * events can really have covered (elapsedReportedSec), or, when a phone without JavaScript
 * reported none, the capped gap between first view and completion.
 */
export function projectLesson(events: ProgressEvent[]): LessonProjection | undefined {
  if (events.length === 0) return undefined;
  const sorted = [...events].sort((a, b) => a.at - b.at);
  let firstViewedAt: number | null = null;
  let completedAt: number | null = null;
  const reports: Array<{ at: number; seconds: number }> = [];
  for (const event of sorted) {
    if (firstViewedAt === null && event.type !== 'time') firstViewedAt = event.at;
    if (FINISHING.has(event.type) && completedAt === null) completedAt = event.at;
    if (event.type === 'time') {
      const seconds = Number(event.data?.seconds);
      if (Number.isFinite(seconds) && seconds > 0) reports.push({ at: event.at, seconds });
    }
  }
  const inferred = completedAt !== null && firstViewedAt !== null ? Math.min(Math.round((completedAt - firstViewedAt) / 1000), MAX_INFERRED_SEC) : 0;
  return {
    status: completedAt !== null ? 'completed' : 'viewed',
    firstViewedAt,
    lastActiveAt: sorted[sorted.length - 1].at,
    completedAt,
    timeSpentSec: reports.length > 0 ? elapsedReportedSec(reports) : Math.max(0, inferred),
  };
}
