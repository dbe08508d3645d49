import { db } from '@db/client';
import type { LearnerRecords } from '../../indicator/score';
import { PILLARS, type Pillar } from '../../learning/types';
import type { AdoptionItem, PartnershipType, SalesBand, Source } from '../../reports/evaluation';
import type { Attempt } from '../../reports/csv';
import { scopeIds, type ReportScope } from './scope';

/**
 * The raw records behind the indicator for many learners at once: a handful of set-based SQL
 * aggregations over the whole scope (never one query per learner), grouped in the database so
 * only about one row per learner (or per learner and lesson) crosses into JavaScript.
 */

export interface LearnerFacts {
  id: string;
  createdAt: number;
  /** Cohorts in scope (all of the learner's, or just the filtered one), with the join time. */
  cohorts: Array<{ id: string; joinedAt: number }>;
  completed: Set<string>;
  lastActiveAt: number | null;
  /** lesson id → best share (0..1) of that lesson's quiz items per pillar, over every attempt. */
  bestQuiz: Map<string, Partial<Record<Pillar, number>>>;
  /** Tasks whose newest submission is approved. */
  approvedTasks: Set<string>;
  /** module id → the first pre-test and the first post-test. */
  prePost: Map<string, { pre?: Attempt; post?: Attempt }>;
  /** The latest self-assessment per timepoint. */
  perception: Array<{ timepoint: 'pre' | 'post'; overall: number; pillars: Partial<Record<Pillar, number>>; version: string; at: number }>;
}

const exec = (sql: string, args: Array<string | number>) => db().$client.execute({ sql, args });

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function parseJson<T>(v: unknown): T | null {
  if (typeof v !== 'string') return null;
  try {
    return JSON.parse(v) as T;
  } catch {
    return null;
  }
}

/** `MAX(share)` of one pillar over attempts, from the JSON column `pillar_scores`. */
const bestShare = (p: Pillar) =>
  `MAX(CASE WHEN json_extract(pillar_scores, '$.${p}.max') > 0 THEN 1.0 * json_extract(pillar_scores, '$.${p}.score') / json_extract(pillar_scores, '$.${p}.max') END) AS ${p}`;

export async function loadLearnerFacts(scope: ReportScope): Promise<Map<string, LearnerFacts>> {
  const ids = scopeIds(scope);
  const inScope = `user_id IN (${ids.sql})`;
  const cohortCondition = scope.cohortId ? ' AND cm.cohort_id = ?' : '';
  const [learners, progress, quizzes, tasks, prePost, perception] = await Promise.all([
    exec(
      `SELECT u.id, u.created_at, cm.cohort_id, cm.joined_at
         FROM users u LEFT JOIN cohort_members cm ON cm.user_id = u.id${cohortCondition}
        WHERE u.id IN (${ids.sql})`,
      scope.cohortId ? [scope.cohortId, ...ids.args] : ids.args,
    ),
    exec(
      `SELECT user_id, group_concat(CASE WHEN completed_at IS NOT NULL THEN lesson_id END, char(31)) AS done, MAX(last_active_at) AS last
         FROM lesson_progress WHERE ${inScope} GROUP BY user_id`,
      ids.args,
    ),
    exec(
      `SELECT user_id, lesson_id, ${PILLARS.map(bestShare).join(', ')}
         FROM quiz_attempts WHERE kind = 'lesson' AND ${inScope} GROUP BY user_id, lesson_id`,
      ids.args,
    ),
    // SQLite takes the bare column `status` from the row holding MAX(submitted_at): the newest submission.
    exec(
      `SELECT user_id, group_concat(task_id, char(31)) AS approved FROM (
         SELECT user_id, task_id, status, MAX(submitted_at) FROM task_submissions WHERE ${inScope} GROUP BY user_id, task_id
       ) WHERE status = 'approved' GROUP BY user_id`,
      ids.args,
    ),
    // …and from the row holding MIN(at): the first pre-test and the first post-test of each module.
    exec(
      `SELECT user_id, lesson_id, kind, score, max_score, pillar_scores, MIN(at) AS at
         FROM quiz_attempts WHERE kind IN ('pre', 'post') AND ${inScope} GROUP BY user_id, lesson_id, kind`,
      ids.args,
    ),
    exec(
      `SELECT user_id, timepoint, instrument_version, overall, pillar_values, MAX(at) AS at
         FROM assessments WHERE ${inScope} GROUP BY user_id, timepoint`,
      ids.args,
    ),
  ]);

  const facts = new Map<string, LearnerFacts>();
  for (const r of learners.rows) {
    const id = String(r.id);
    let f = facts.get(id);
    if (!f) {
      f = { id, createdAt: num(r.created_at), cohorts: [], completed: new Set(), lastActiveAt: null, bestQuiz: new Map(), approvedTasks: new Set(), prePost: new Map(), perception: [] };
      facts.set(id, f);
    }
    if (r.cohort_id !== null) f.cohorts.push({ id: String(r.cohort_id), joinedAt: num(r.joined_at) });
  }
  for (const r of progress.rows) {
    const f = facts.get(String(r.user_id));
    if (!f) continue;
    if (typeof r.done === 'string' && r.done) f.completed = new Set(r.done.split('\u001f'));
    f.lastActiveAt = numOrNull(r.last);
  }
  for (const r of quizzes.rows) {
    const f = facts.get(String(r.user_id));
    if (!f) continue;
    const best: Partial<Record<Pillar, number>> = {};
    for (const p of PILLARS) if (r[p] !== null) best[p] = num(r[p]);
    f.bestQuiz.set(String(r.lesson_id), best);
  }
  for (const r of tasks.rows) {
    const f = facts.get(String(r.user_id));
    if (f && typeof r.approved === 'string') f.approvedTasks = new Set(r.approved.split('\u001f'));
  }
  for (const r of prePost.rows) {
    const f = facts.get(String(r.user_id));
    if (!f) continue;
    const moduleId = String(r.lesson_id);
    const pair = f.prePost.get(moduleId) ?? {};
    pair[r.kind === 'pre' ? 'pre' : 'post'] = { score: num(r.score), max: num(r.max_score), at: num(r.at), pillarScores: parseJson(r.pillar_scores) };
    f.prePost.set(moduleId, pair);
  }
  for (const r of perception.rows) {
    const f = facts.get(String(r.user_id));
    if (!f) continue;
    f.perception.push({
      timepoint: r.timepoint === 'post' ? 'post' : 'pre',
      overall: num(r.overall),
      pillars: parseJson<Partial<Record<Pillar, number>>>(r.pillar_values) ?? {},
      version: String(r.instrument_version),
      at: num(r.at),
    });
  }
  return facts;
}

/**
 * The facts in the shape the pure scorer takes. Each lesson's best share per pillar becomes one
 * attempt scored {share, max 1}: scorePillar takes the best share per lesson, so the result is
 * the same as from every stored attempt.
 */
export function toLearnerRecords(f: LearnerFacts): LearnerRecords {
  const attempts: LearnerRecords['attempts'] = [];
  for (const [lessonId, best] of f.bestQuiz) {
    const pillarScores: Partial<Record<Pillar, { score: number; max: number }>> = {};
    for (const p of PILLARS) if (best[p] !== undefined) pillarScores[p] = { score: best[p]!, max: 1 };
    attempts.push({ lessonId, score: 0, maxScore: 0, at: 0, pillarScores });
  }
  return { attempts, approvedTasks: f.approvedTasks, completedLessons: f.completed };
}

/** When the learner enrolled: the earlier of the account's creation and the first cohort join in scope (as indicator/records.ts). */
export function enrolledAt(f: LearnerFacts): number {
  return Math.min(f.createdAt, ...f.cohorts.map((c) => c.joinedAt));
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
  const ids = scopeIds(scope);
  const rs = await exec(
    `SELECT user_id, item, present, source, verifier_id, checked_on, created_at FROM adoption_checks
      WHERE user_id IN (${ids.sql})${mentorOnly ? " AND source = 'mentor'" : ''}`,
    ids.args,
  );
  return rs.rows.map((r) => ({
    userId: String(r.user_id),
    item: String(r.item) as AdoptionItem,
    present: Boolean(r.present),
    source: String(r.source) as Source,
    verifierId: r.verifier_id === null ? null : String(r.verifier_id),
    checkedOn: String(r.checked_on),
    createdAt: num(r.created_at),
  }));
}

/** Partnerships in scope counted per type, source and verification (for the report). */
export async function partnershipGroups(scope: ReportScope) {
  const ids = scopeIds(scope);
  const rs = await exec(
    `SELECT type, source, verifier_id IS NOT NULL AS verified, COUNT(*) AS n FROM collaborations
      WHERE user_id IN (${ids.sql}) GROUP BY type, source, verified`,
    ids.args,
  );
  return rs.rows.map((r) => ({ type: String(r.type) as PartnershipType, source: String(r.source) as Source, verified: Boolean(r.verified), n: num(r.n) }));
}

/** The latest sales band per learner and timepoint, counted per band and "seen by mentor" (for the report). */
export async function salesGroups(scope: ReportScope) {
  const ids = scopeIds(scope);
  const rs = await exec(
    `SELECT timepoint, band, verifier_id IS NOT NULL AS seen, COUNT(*) AS n FROM (
       SELECT user_id, timepoint, band, verifier_id, MAX(reported_at) FROM sales_reports WHERE user_id IN (${ids.sql}) GROUP BY user_id, timepoint
     ) GROUP BY timepoint, band, seen`,
    ids.args,
  );
  return rs.rows.map((r) => ({ timepoint: (r.timepoint === 'followup' ? 'followup' : 'start') as 'start' | 'followup', band: String(r.band) as SalesBand, seen: Boolean(r.seen), n: num(r.n) }));
}

/** Every partnership and sales report in scope, per learner (for the CSV; no partner names). */
export async function evaluationRowsByLearner(scope: ReportScope) {
  const ids = scopeIds(scope);
  const [partnerships, sales] = await Promise.all([
    exec(`SELECT user_id, type, source, verifier_id, started_on FROM collaborations WHERE user_id IN (${ids.sql}) ORDER BY started_on`, ids.args),
    exec(`SELECT user_id, timepoint, band, source, verifier_id, reported_at FROM sales_reports WHERE user_id IN (${ids.sql}) ORDER BY reported_at`, ids.args),
  ]);
  const group = <T>(rows: Array<{ userId: string; row: T }>) => {
    const map = new Map<string, T[]>();
    for (const { userId, row } of rows) {
      const list = map.get(userId);
      if (list) list.push(row);
      else map.set(userId, [row]);
    }
    return map;
  };
  return {
    partnerships: group(
      partnerships.rows.map((r) => ({
        userId: String(r.user_id),
        row: { type: String(r.type) as PartnershipType, source: String(r.source) as Source, verifierId: r.verifier_id === null ? null : String(r.verifier_id), startedOn: String(r.started_on) },
      })),
    ),
    sales: group(
      sales.rows.map((r) => ({
        userId: String(r.user_id),
        row: {
          timepoint: (r.timepoint === 'followup' ? 'followup' : 'start') as 'start' | 'followup',
          band: String(r.band) as SalesBand,
          source: String(r.source) as Source,
          verifierId: r.verifier_id === null ? null : String(r.verifier_id),
          reportedAt: num(r.reported_at),
        },
      })),
    ),
  };
}
