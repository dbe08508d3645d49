import { db } from '@db/client';
import type { Pillar } from '../../learning/types';
import { COUNTED_PARTNERSHIP_STATUSES, type AdoptionItem, type PartnershipType, type SalesBand, type Source } from '../../reports/evaluation';
import type { LearnerFacts } from '../../reports/facts';
import { scopeIds, type ReportScope } from './scope';

export type { LearnerFacts };

/**
 * The raw records behind the indicator for many learners at once: a handful of set-based SQL
 * aggregations over the whole scope (never one query per learner).
 *
 * Each query's result comes back packed into ONE text value (records joined by U+001E, fields by
 * U+001F, lists inside a field by U+001D) and is split in JavaScript. The client builds an object
 * per result row, which costs several microseconds a row — for 100,000 rows more than the query
 * itself; one string of the same data costs a fraction of that. Real numbers are written with
 * printf('%!.17g'), which reads back as exactly the same double.
 */

const RS = '\u001e';
const FS = '\u001f';
const LS = '\u001d';

/**
 * Runs `select` and calls `each` once per result row with its fields as strings ('' for NULL),
 * all packed by SQLite into one text value with group_concat. `each` gets the same array every
 * time (copy what you keep): scanning the text with indexOf makes no per-row garbage.
 */
async function packed(select: string, fields: string[], args: Array<string | number>, each: (row: string[]) => void): Promise<void> {
  const record = fields.map((f) => `coalesce(${f}, '')`).join(' || char(31) || ');
  const rs = await db().$client.execute({ sql: `SELECT group_concat(${record}, char(30)) AS p FROM (${select})`, args });
  const text = rs.rows[0]?.p;
  if (typeof text !== 'string' || text === '') return;
  const row = new Array<string>(fields.length);
  const last = fields.length - 1;
  let pos = 0;
  while (pos <= text.length) {
    for (let i = 0; i < last; i++) {
      const end = text.indexOf(FS, pos);
      row[i] = text.slice(pos, end);
      pos = end + 1;
    }
    let end = text.indexOf(RS, pos);
    if (end < 0) end = text.length;
    row[last] = text.slice(pos, end);
    pos = end + 1;
    each(row);
  }
}

/** Partnership statuses that count (constants, so inlined in the SQL). */
const COUNTED = COUNTED_PARTNERSHIP_STATUSES.map((s) => `'${s}'`).join(', ');

const exact = (column: string) => `printf('%!.17g', ${column})`;
const list = (value: string) => (value ? value.split(LS) : []);
const numOrNull = (v: string): number | null => (v === '' ? null : Number(v));

function parseJson<T>(v: string): T | null {
  if (!v) return null;
  try {
    return JSON.parse(v) as T;
  } catch {
    return null;
  }
}

/**
 * Everything the indicator, the gain and Skor Persepsi need for every learner in scope, in six
 * queries. `moduleIds`: the course's modules (their pre/post tests are read by index, module by
 * module); `detail` adds what only the CSV shows (per-pillar points of the pre/post tests).
 */
export async function loadLearnerFacts(scope: ReportScope, options: { moduleIds: string[]; detail?: boolean }): Promise<Map<string, LearnerFacts>> {
  const ids = scopeIds(scope);
  const inScope = `user_id IN (${ids.sql})`;
  const facts = new Map<string, LearnerFacts>();

  await packed(
    `SELECT u.id, u.created_at, cm.cohort_id, cm.joined_at
       FROM users u LEFT JOIN cohort_members cm ON cm.user_id = u.id${scope.cohortId ? ' AND cm.cohort_id = ?' : ''}
      WHERE u.id IN (${ids.sql})`,
    ['id', 'created_at', 'cohort_id', 'joined_at'],
    scope.cohortId ? [scope.cohortId, ...ids.args] : ids.args,
    ([id, createdAt, cohortId, joinedAt]) => {
      let f = facts.get(id);
      if (!f) {
        f = {
          id,
          createdAt: Number(createdAt),
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
      if (cohortId) f.cohorts.push({ id: cohortId, joinedAt: Number(joinedAt) });
    },
  );
  if (facts.size === 0) return facts;

  await packed(
    `SELECT user_id, group_concat(CASE WHEN completed_at IS NOT NULL THEN lesson_id END, char(29)) AS done, MAX(last_active_at) AS last
       FROM lesson_progress WHERE ${inScope} GROUP BY user_id`,
    ['user_id', 'done', 'last'],
    ids.args,
    ([userId, done, last]) => {
      const f = facts.get(userId);
      if (!f) return;
      f.completed = new Set(list(done));
      f.lastActiveAt = numOrNull(last);
    },
  );

  // The FIRST lesson-quiz attempt of each lesson (first answers count, docs/indicator.md): SQLite
  // takes the bare column pillar_scores from the row holding MIN(at).
  await packed(
    `SELECT user_id, lesson_id, pillar_scores, MIN(at) AS at
       FROM quiz_attempts WHERE kind = 'lesson' AND ${inScope} GROUP BY user_id, lesson_id`,
    ['user_id', 'lesson_id', 'pillar_scores', 'at'],
    ids.args,
    ([userId, lessonId, points, at]) => {
      const f = facts.get(userId);
      if (!f) return;
      f.firstAttempts.push({
        lessonId,
        score: 0,
        maxScore: 0,
        at: Number(at),
        pillarScores: parseJson<Partial<Record<Pillar, { score: number; max: number }>>>(points),
      });
    },
  );

  // Every task a mentor has ever approved: an approval stays, whatever was submitted after it.
  await packed(
    `SELECT user_id, group_concat(DISTINCT task_id) AS approved FROM task_submissions
      WHERE status = 'approved' AND ${inScope} GROUP BY user_id`,
    ['user_id', 'approved'],
    ids.args,
    ([userId, approved]) => {
      const f = facts.get(userId);
      if (f) f.approvedTasks = new Set(approved ? approved.split(',') : []);
    },
  );

  // …and from the row holding MIN(at): the first pre-test and the first post-test of each module
  // (lesson_id = the module id, so the (user_id, lesson_id) index finds them without the lesson quizzes).
  const modules = options.moduleIds.length ? options.moduleIds : [''];
  await packed(
    `SELECT user_id, lesson_id, kind, score, max_score, ${options.detail ? 'pillar_scores' : 'NULL AS pillar_scores'}, MIN(at) AS at
       FROM quiz_attempts WHERE kind IN ('pre', 'post') AND lesson_id IN (${modules.map(() => '?').join(', ')}) AND ${inScope}
      GROUP BY user_id, lesson_id, kind`,
    ['user_id', 'lesson_id', 'kind', 'score', 'max_score', 'pillar_scores', 'at'],
    [...modules, ...ids.args],
    ([userId, moduleId, kind, score, max, pillarScores, at]) => {
      const f = facts.get(userId);
      if (!f) return;
      const pair = f.prePost.get(moduleId) ?? {};
      pair[kind === 'pre' ? 'pre' : 'post'] = { score: Number(score), max: Number(max), at: Number(at), pillarScores: parseJson(pillarScores) };
      f.prePost.set(moduleId, pair);
    },
  );

  // …and from the row holding MAX(at): the latest self-assessment per timepoint.
  await packed(
    `SELECT user_id, timepoint, instrument_version, overall, pillar_values, MAX(at) AS at
       FROM assessments WHERE ${inScope} GROUP BY user_id, timepoint`,
    ['user_id', 'timepoint', 'instrument_version', exact('overall'), 'pillar_values', 'at'],
    ids.args,
    ([userId, timepoint, version, overall, pillarValues, at]) => {
      const f = facts.get(userId);
      if (!f) return;
      f.perception.push({
        timepoint: timepoint === 'post' ? 'post' : 'pre',
        overall: Number(overall),
        pillars: parseJson<Partial<Record<Pillar, number>>>(pillarValues) ?? {},
        version,
        at: Number(at),
      });
    },
  );
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
  const ids = scopeIds(scope);
  const out: AdoptionRecord[] = [];
  await packed(
    `SELECT user_id, item, present, source, verifier_id, checked_on, created_at FROM adoption_checks
      WHERE user_id IN (${ids.sql})${mentorOnly ? " AND source = 'mentor'" : ''}`,
    ['user_id', 'item', 'present', 'source', 'verifier_id', 'checked_on', 'created_at'],
    ids.args,
    ([userId, item, present, source, verifierId, checkedOn, createdAt]) => {
      out.push({
        userId,
        item: item as AdoptionItem,
        present: present === '1',
        source: source as Source,
        verifierId: verifierId || null,
        checkedOn,
        createdAt: Number(createdAt),
      });
    },
  );
  return out;
}

/** Partnerships in scope counted per type, source and verification (for the report: a few rows). */
export async function partnershipGroups(scope: ReportScope) {
  const ids = scopeIds(scope);
  const rs = await db().$client.execute({
    sql: `SELECT type, source, verified_at IS NOT NULL AS verified, COUNT(*) AS n FROM collaborations
           WHERE user_id IN (${ids.sql}) AND status IN (${COUNTED}) GROUP BY type, source, verified`,
    args: ids.args,
  });
  return rs.rows.map((r) => ({ type: String(r.type) as PartnershipType, source: String(r.source) as Source, verified: Boolean(r.verified), n: Number(r.n) }));
}

/** The latest sales band per learner and timepoint, counted per band and "seen by mentor" (for the report: a few rows). */
export async function salesGroups(scope: ReportScope) {
  const ids = scopeIds(scope);
  const rs = await db().$client.execute({
    sql: `SELECT timepoint, band, verifier_id IS NOT NULL AS seen, COUNT(*) AS n FROM (
            SELECT user_id, timepoint, band, verifier_id, MAX(reported_at) FROM sales_reports WHERE user_id IN (${ids.sql}) GROUP BY user_id, timepoint
          ) GROUP BY timepoint, band, seen`,
    args: ids.args,
  });
  return rs.rows.map((r) => ({
    timepoint: (r.timepoint === 'followup' ? 'followup' : 'start') as 'start' | 'followup',
    band: String(r.band) as SalesBand,
    seen: Boolean(r.seen),
    n: Number(r.n),
  }));
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
  await packed(
    `SELECT user_id, type, source, verifier_id, started_on FROM collaborations WHERE user_id IN (${ids.sql}) AND status IN (${COUNTED}) ORDER BY started_on`,
    ['user_id', 'type', 'source', 'verifier_id', 'started_on'],
    ids.args,
    ([userId, type, source, verifierId, startedOn]) =>
      add(byLearner.partnerships, userId, { type: type as PartnershipType, source: source as Source, verifierId: verifierId || null, startedOn }),
  );
  await packed(
    `SELECT user_id, timepoint, band, source, verifier_id, reported_at FROM sales_reports WHERE user_id IN (${ids.sql}) ORDER BY reported_at`,
    ['user_id', 'timepoint', 'band', 'source', 'verifier_id', 'reported_at'],
    ids.args,
    ([userId, timepoint, band, source, verifierId, reportedAt]) =>
      add(byLearner.sales, userId, {
        timepoint: timepoint === 'followup' ? 'followup' : 'start',
        band: band as SalesBand,
        source: source as Source,
        verifierId: verifierId || null,
        reportedAt: Number(reportedAt),
      }),
  );
  return byLearner;
}
