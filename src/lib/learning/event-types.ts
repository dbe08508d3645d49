/** What a learner's progress log records; the progress_events table's type column takes its values from here. */
export const EVENT_TYPES = ['viewed', 'completed', 'time', 'quiz_submitted', 'h5p_result'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
