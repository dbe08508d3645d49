import { sql, type SQL } from 'drizzle-orm';
import { db } from '@db/client';
import type { Pillar } from '../../learning/types';
import { COUNTED_PARTNERSHIP_STATUSES, type AdoptionItem, type PartnershipType, type SalesBand, type Source } from '../../reports/evaluation';
import type { LearnerFacts } from '../../reports/facts';
import { scopeIds, type ReportScope } from './scope';

export type { LearnerFacts };

/**
 * The raw records behind the indicator for many learners at once: a handful of set-based SQL
 * aggregations over a set of learners (never one query per learner), with typed rows. This is the
 * definition of every per-learner figure of the report; the maintained aggregate (learner-stats.ts)
 * stores what these give, and a test checks both agree.
 */

/** Partnership statuses that count (constants of the vocabulary, bound as parameters). */
const COUNTED = sql.join(
  COUNTED_PARTNERSHIP_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

function parseJson<T>(v: string | null): T | null {
  if (!v) return null;
  try {
    return JSON.parse(v) as T;
  } catch {
    return null;
  }
}

/** Which learners: a subquery of user ids (the report's scope, or a list), and the cohort filter that narrows their cohorts. */
export interface LearnerSet {
  ids: SQL;
  cohortId?: string;
}

/** The learners of a report's scope (learner-scope.ts's rule, for figures). */
export const scopeSet = (scope: ReportScope): LearnerSet => ({ ids: scopeIds(scope), cohortId: scope.cohortId });

/** A list of learner ids as a subquery (one bound JSON value, whatever the length). */
export const listSet = (ids: string[]): LearnerSet => ({ ids: sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))` });

/**
 * Everything the indicator, the gain and Skor Persepsi need for every learner of the set, in six
 * queries. `moduleIds`: the course's modules (their pre/post tests are read by index, module by
 * module); `detail` adds what only the CSV shows (per-pillar points of the pre/post tests).
 */
export async function loadLearnerFacts(set: LearnerSet, options: { moduleIds: string[]; detail?: boolean }): Promise<Map<string, LearnerFacts>> {
  const inSet = sql`user_id IN ${set.ids}`;
  const facts = new Map<string, LearnerFacts>();

  const people = await db().all<{ id: string; created_at: number; cohort_id: string | null; joined_at: number | null }>(sql`
    SELECT u.id, u.created_at, cm.cohort_id, cm.joined_at
      FROM users u LEFT JOIN cohort_members cm ON cm.user_id = u.id${set.cohortId ? sql` AND cm.cohort_id = ${set.cohortId}` : sql``}
     WHERE u.id IN ${set.ids}`);
  for (const { id, created_at, cohort_id, joined_at } of people) {
    let f = facts.get(id);
    if (!f) {
      f = {
        id,
        createdAt: created_at,
        cohorts: [],
        completed: new Set(),
        lastActiveAt: null,
        firstAttempts: [],
        approvedTasks: new Set(),
        prePost: new Map(),
        perception: [],
      };
      facts.set(id, f);
    }
    if (cohort_id !== null && joined_at !== null) f.cohorts.push({ id: cohort_id, joinedAt: joined_at });
  }
  if (facts.size === 0) return facts;

  const modules = options.moduleIds.length ? options.moduleIds : [''];
  const [progress, firstQuizzes, approvals, tests, assessments] = await Promise.all([
    db().all<{ user_id: string; done: string | null; last: number | null }>(sql`
      SELECT user_id, json_group_array(lesson_id) FILTER (WHERE completed_at IS NOT NULL) AS done, MAX(last_active_at) AS last
        FROM lesson_progress WHERE ${inSet} GROUP BY user_id`),
    // The FIRST lesson-quiz attempt of each lesson (first answers count, docs/indicator.md): SQLite
    // takes the bare column pillar_scores from the row holding MIN(at).
    db().all<{ user_id: string; lesson_id: string; pillar_scores: string | null; at: number }>(sql`
      SELECT user_id, lesson_id, pillar_scores, MIN(at) AS at
        FROM quiz_attempts WHERE kind = 'lesson' AND ${inSet} GROUP BY user_id, lesson_id`),
    // Every task a mentor has ever approved: an approval stays, whatever was submitted after it.
    // `+status` keeps SQLite on the (user_id, task_id) index: the status index would read every
    // approval in the program to keep a mentor's fifty learners (query-plans.test.ts).
    db().all<{ user_id: string; task_id: string }>(sql`
      SELECT DISTINCT user_id, task_id FROM task_submissions WHERE +status = 'approved' AND ${inSet}`),
    // …and from the row holding MIN(at): the first pre-test and the first post-test of each module
    // (lesson_id = the module id, so the (user_id, lesson_id) index finds them without the lesson quizzes).
    db().all<{ user_id: string; lesson_id: string; kind: 'pre' | 'post'; score: number; max_score: number; pillar_scores: string | null; at: number }>(sql`
      SELECT user_id, lesson_id, kind, score, max_score, ${options.detail ? sql`pillar_scores` : sql`NULL AS pillar_scores`}, MIN(at) AS at
        FROM quiz_attempts WHERE kind IN ('pre', 'post') AND lesson_id IN ${modules} AND ${inSet}
       GROUP BY user_id, lesson_id, kind`),
    // …and from the row holding MAX(at): the latest self-assessment per timepoint.
    db().all<{ user_id: string; timepoint: 'pre' | 'post'; instrument_version: string; overall: number; pillar_values: string | null; at: number }>(sql`
      SELECT user_id, timepoint, instrument_version, overall, pillar_values, MAX(at) AS at
        FROM assessments WHERE ${inSet} GROUP BY user_id, timepoint`),
  ]);
  for (const row of progress) {
    const f = facts.get(row.user_id);
    if (!f) continue;
    f.completed = new Set(parseJson<string[]>(row.done) ?? []);
    f.lastActiveAt = row.last;
  }
  for (const row of firstQuizzes) {
    facts.get(row.user_id)?.firstAttempts.push({
      lessonId: row.lesson_id,
      score: 0,
      maxScore: 0,
      at: row.at,
      pillarScores: parseJson<Partial<Record<Pillar, { score: number; max: number }>>>(row.pillar_scores),
    });
  }
  for (const row of approvals) facts.get(row.user_id)?.approvedTasks.add(row.task_id);
  for (const row of tests) {
    const f = facts.get(row.user_id);
    if (!f) continue;
    const pair = f.prePost.get(row.lesson_id) ?? {};
    pair[row.kind === 'pre' ? 'pre' : 'post'] = { score: row.score, max: row.max_score, at: row.at, pillarScores: parseJson(row.pillar_scores) };
    f.prePost.set(row.lesson_id, pair);
  }
  for (const row of assessments) {
    facts.get(row.user_id)?.perception.push({
      timepoint: row.timepoint === 'post' ? 'post' : 'pre',
      overall: row.overall,
      pillars: parseJson<Partial<Record<Pillar, number>>>(row.pillar_values) ?? {},
      version: row.instrument_version,
      at: row.at,
    });
  }
  return facts;
}

// ------------------------------------------------------------------ evaluation records

export interface AdoptionRecord {
  userId: string;
  item: AdoptionItem;
  present: boolean;
  source: Source;
  verifierId: string | null;
  checkedOn: string;
  createdAt: number;
}

/** Adoption checks in scope; `mentorOnly` keeps the mentor-verified ones (what the report counts). */
export async function adoptionRecords(scope: ReportScope, mentorOnly: boolean): Promise<AdoptionRecord[]> {
  // One JSON array from SQLite instead of one client object per row (tens of thousands of checks at 10,000 learners).
  const result = await db().get<{ rows: string }>(sql`
    SELECT json_group_array(json_array(user_id, item, present, source, verifier_id, checked_on, created_at)) AS rows FROM adoption_checks
     WHERE user_id IN ${scopeIds(scope)}${mentorOnly ? sql` AND source = 'mentor'` : sql``}`);
  const rows: Array<[userId: string, item: AdoptionItem, present: number, source: Source, verifierId: string | null, checkedOn: string, createdAt: number]> =
    JSON.parse(result?.rows ?? '[]');
  return rows.map(([userId, item, present, source, verifierId, checkedOn, createdAt]) => ({
    userId,
    item,
    present: present === 1,
    source,
    verifierId,
    checkedOn,
    createdAt,
  }));
}

/** Partnerships in scope counted per type, source and verification (for the report: a few rows). */
export async function partnershipGroups(scope: ReportScope) {
  const rows = await db().all<{ type: PartnershipType; source: Source; verified: number; n: number }>(sql`
    SELECT type, source, verified_at IS NOT NULL AS verified, COUNT(*) AS n FROM collaborations
     WHERE user_id IN ${scopeIds(scope)} AND status IN (${COUNTED}) GROUP BY type, source, verified`);
  return rows.map((r) => ({ type: r.type, source: r.source, verified: r.verified === 1, n: r.n }));
}

/** The latest sales band per learner and timepoint, counted per band and "seen by mentor" (for the report: a few rows). */
export async function salesGroups(scope: ReportScope) {
  const rows = await db().all<{ timepoint: 'start' | 'followup'; band: SalesBand; seen: number; n: number }>(sql`
    SELECT timepoint, band, verifier_id IS NOT NULL AS seen, COUNT(*) AS n FROM (
      SELECT user_id, timepoint, band, verifier_id, MAX(reported_at) FROM sales_reports WHERE user_id IN ${scopeIds(scope)} GROUP BY user_id, timepoint
    ) GROUP BY timepoint, band, seen`);
  return rows.map((r) => ({ timepoint: r.timepoint === 'followup' ? ('followup' as const) : ('start' as const), band: r.band, seen: r.seen === 1, n: r.n }));
}

export interface PartnershipRecord {
  type: PartnershipType;
  source: Source;
  verifierId: string | null;
  startedOn: string;
}

export interface SalesRecord {
  timepoint: 'start' | 'followup';
  band: SalesBand;
  source: Source;
  verifierId: string | null;
  reportedAt: number;
}

/** Every partnership and sales report in scope, per learner (for the CSV; no partner names). */
export async function evaluationRowsByLearner(scope: ReportScope) {
  const ids = scopeIds(scope);
  const byLearner = {
    partnerships: new Map<string, PartnershipRecord[]>(),
    sales: new Map<string, SalesRecord[]>(),
  };
  const add = <T>(map: Map<string, T[]>, userId: string, row: T) => {
    const rows = map.get(userId);
    if (rows) rows.push(row);
    else map.set(userId, [row]);
  };
  const [partnerships, sales] = await Promise.all([
    db().all<{ user_id: string; type: PartnershipType; source: Source; verifier_id: string | null; started_on: string }>(sql`
      SELECT user_id, type, source, verifier_id, started_on FROM collaborations WHERE user_id IN ${ids} AND status IN (${COUNTED}) ORDER BY started_on`),
    db().all<{ user_id: string; timepoint: 'start' | 'followup'; band: SalesBand; source: Source; verifier_id: string | null; reported_at: number }>(sql`
      SELECT user_id, timepoint, band, source, verifier_id, reported_at FROM sales_reports WHERE user_id IN ${ids} ORDER BY reported_at`),
  ]);
  for (const r of partnerships) add(byLearner.partnerships, r.user_id, { type: r.type, source: r.source, verifierId: r.verifier_id, startedOn: r.started_on });
  for (const r of sales) {
    add(byLearner.sales, r.user_id, {
      timepoint: r.timepoint === 'followup' ? 'followup' : 'start',
      band: r.band,
      source: r.source,
      verifierId: r.verifier_id,
      reportedAt: r.reported_at,
    });
  }
  return byLearner;
}
