import {
  firstAttemptByLesson,
  overallOf,
  pillarContent,
  pillarCounts,
  scoreFromCounts,
  type LearnerIndicator,
  type LearnerRecords,
  type PillarCounts,
} from '../indicator/score';
import { PILLARS, type CourseModule, type Pillar } from '../learning/types';
import type { Attempt } from './csv';

/** What the report knows about one learner, loaded in bulk by src/lib/server/reports/records.ts. */
export interface LearnerFacts {
  id: string;
  createdAt: number;
  /** Cohorts in scope (all of the learner's, or just the filtered one), with the join time. */
  cohorts: Array<{ id: string; joinedAt: number }>;
  completed: Set<string>;
  lastActiveAt: number | null;
  /** The first lesson-quiz attempt of each lesson (what counts: first answers), with its per-pillar points. */
  firstAttempts: LearnerRecords['attempts'];
  /** Tasks a mentor has ever approved (an approval stays; a later revision never undoes it). */
  approvedTasks: Set<string>;
  /** module id → the first pre-test and the first post-test. */
  prePost: Map<string, { pre?: Attempt; post?: Attempt }>;
  /** The latest self-assessment per timepoint. */
  perception: Array<{ timepoint: 'pre' | 'post'; overall: number; pillars: Partial<Record<Pillar, number>>; version: string; at: number }>;
}

/** The facts in the shape the pure scorer takes. */
export function toLearnerRecords(f: LearnerFacts): LearnerRecords {
  return { attempts: f.firstAttempts, approvedTasks: f.approvedTasks, completedLessons: f.completed };
}

/** When the learner enrolled: the earlier of the account's creation and the first cohort join in scope (as indicator/records.ts). */
export function enrolledAt(f: Pick<LearnerFacts, 'createdAt' | 'cohorts'>): number {
  return Math.min(f.createdAt, ...f.cohorts.map((c) => c.joinedAt));
}

/**
 * scoreLearner() for many learners: the curriculum's per-pillar content is worked out once, not
 * once per learner (a third of the time at 10,000 learners). Same pillar scores (scorePillar) and
 * the same overall rule; a unit test checks it against scoreLearner. It is the composition of the
 * two halves below: the counts (what the maintained aggregate learner_stats stores) and the
 * indicator from those counts (what the report computes when it reads them).
 */
export function learnerScorer(course: CourseModule[]): (records: LearnerRecords) => LearnerIndicator {
  const count = learnerCounter(course);
  const score = indicatorFromCounts(course);
  return (records) => score(count(records));
}

/** The learner's whole counts per pillar, in PILLARS order (first-answer points, approved tasks, completed lessons). */
export function learnerCounter(course: CourseModule[]): (records: LearnerRecords) => PillarCounts[] {
  const content = pillarContent(course);
  return (records) => {
    const first = firstAttemptByLesson(records.attempts);
    return PILLARS.map((p) => pillarCounts(content[p], p, records, first));
  };
}

/** The indicator (pillar scores, overall, level) from the counts learnerCounter() made for the same course. */
export function indicatorFromCounts(course: CourseModule[]): (counts: PillarCounts[]) => LearnerIndicator {
  const content = pillarContent(course);
  return (counts) => {
    const pillars = PILLARS.map((p, i) => scoreFromCounts(p, content[p], counts[i] ?? { qRight: 0, approved: 0, done: 0 }));
    return { pillars, ...overallOf(pillars) };
  };
}
