import type { EventType } from '../../../db/schema/learning';

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
 * lesson_progress from the event log of one learner and one lesson, in any order. Completion is
 * sticky (the earliest completion or quiz submission counts); time is the sum of reported `time` events, or, when a
 * phone without JavaScript reported none, the capped gap between first view and completion.
 */
export function projectLesson(events: ProgressEvent[]): LessonProjection | undefined {
  if (events.length === 0) return undefined;
  const sorted = [...events].sort((a, b) => a.at - b.at);
  let firstViewedAt: number | null = null;
  let completedAt: number | null = null;
  let reported = 0;
  let hasTime = false;
  for (const event of sorted) {
    if (firstViewedAt === null && event.type !== 'time') firstViewedAt = event.at;
    if (FINISHING.has(event.type) && completedAt === null) completedAt = event.at;
    if (event.type === 'time') {
      const seconds = Number(event.data?.seconds);
      if (Number.isFinite(seconds) && seconds > 0) {
        reported += Math.min(Math.round(seconds), MAX_TIME_EVENT_SEC);
        hasTime = true;
      }
    }
  }
  const inferred =
    completedAt !== null && firstViewedAt !== null ? Math.min(Math.round((completedAt - firstViewedAt) / 1000), MAX_INFERRED_SEC) : 0;
  return {
    status: completedAt !== null ? 'completed' : 'viewed',
    firstViewedAt,
    lastActiveAt: sorted[sorted.length - 1].at,
    completedAt,
    timeSpentSec: hasTime ? reported : Math.max(0, inferred),
  };
}
