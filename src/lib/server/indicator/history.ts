import { recordsAt, scoreLearner, type Level, type LearnerRecords } from '../../indicator/score';
import { PILLARS, type CourseModule, type Pillar } from '../../learning/types';

/**
 * The history of a learner's score: the indicator recomputed from the records as they stood at
 * the end of each week since enrolment, and once more now (the week still running). Pure, so a
 * test can give it records and dates by hand.
 */
export const WEEK_MS = 7 * 24 * 3600_000;
/** Two years of weekly points at most; a programme runs a few months. */
export const MAX_WEEKS = 104;

export interface HistoryPoint {
  /** 1 = the first week after enrolment. */
  week: number;
  at: number;
  /** True for the running week (computed at `now`, not at a week's end). */
  current: boolean;
  overall: number | null;
  level: Level | null;
  pillars: Record<Pillar, number | null>;
}

export function weeklyHistory(
  course: CourseModule[],
  raw: { attempts: LearnerRecords['attempts']; approvals: Array<{ taskId: string; at: number }>; completions: Array<{ lessonId: string; at: number }> },
  enrolledAt: number,
  now: number,
): HistoryPoint[] {
  const finished = Math.max(0, Math.floor((now - enrolledAt) / WEEK_MS));
  const first = Math.max(1, finished - MAX_WEEKS + 2);
  const moments: Array<{ week: number; at: number; current: boolean }> = [];
  for (let week = first; week <= finished; week++) moments.push({ week, at: enrolledAt + week * WEEK_MS, current: false });
  moments.push({ week: finished + 1, at: now, current: true });
  return moments.map(({ week, at, current }) => {
    const indicator = scoreLearner(course, recordsAt(raw, at));
    const pillars = Object.fromEntries(PILLARS.map((p) => [p, null])) as Record<Pillar, number | null>;
    for (const p of indicator.pillars) if (p.enoughData) pillars[p.pillar] = p.score;
    return { week, at, current, overall: indicator.overall, level: indicator.level, pillars };
  });
}
