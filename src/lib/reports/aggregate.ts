import { gainBand, normalizedGain, type GainBand } from '../indicator/gain';
import { LEVELS, type LearnerIndicator, type Level } from '../indicator/score';
import { shareAtLeast, summarize, type Summary } from '../indicator/stats';
import { PILLARS, type CourseModule, type Pillar } from '../learning/types';
import { addMonths } from './dates';
import { ADOPTION_ITEMS, PARTNERSHIP_TYPES, SALES_BANDS, SOURCES, type AdoptionItem, type PartnershipType, type SalesBand, type Source } from './evaluation';

/**
 * Pure aggregations behind the evaluation report (/trainer/reports, /mentor/reports). They take
 * per-learner facts already loaded in bulk and return plain numbers, so every rule here has a
 * unit test with hand-computed expectations. Definitions are documented in docs/indicator-csv.md.
 */

/** "Cakap or above": the level boundary 3.41 on the score as shown (two decimals). */
export const CAKAP_THRESHOLD = 3.41;

// ------------------------------------------------------------------ indicator per pillar

export interface PillarStats extends Summary {
  pillar: Pillar | 'overall';
  /** Share (0..1) of the scored learners at Cakap or above. */
  shareCakap: number | null;
  /** Learners whose pillar had "belum cukup data" (no score). */
  notEnoughData: number;
  levels: Record<Level, number>;
}

const emptyLevels = (): Record<Level, number> => Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;

/** n, mean, median, sd, share at Cakap or above and level counts for each pillar and the overall score. */
export function pillarStats(indicators: LearnerIndicator[]): PillarStats[] {
  const rows: PillarStats[] = PILLARS.map((pillar, index) => {
    const scores: number[] = [];
    const levels = emptyLevels();
    let notEnoughData = 0;
    for (const indicator of indicators) {
      // scoreLearner lists the pillars in PILLARS order; look further only if this one is not.
      const at = indicator.pillars[index];
      const p = at?.pillar === pillar ? at : indicator.pillars.find((x) => x.pillar === pillar);
      if (!p || !p.enoughData) {
        notEnoughData += 1;
        continue;
      }
      scores.push(p.score);
      levels[p.level] += 1;
    }
    return { pillar, ...summarize(scores), shareCakap: shareAtLeast(scores, CAKAP_THRESHOLD), notEnoughData, levels };
  });
  const overall: number[] = [];
  const levels = emptyLevels();
  let notEnoughData = 0;
  for (const indicator of indicators) {
    if (indicator.overall === null || indicator.level === null) notEnoughData += 1;
    else {
      overall.push(indicator.overall);
      levels[indicator.level] += 1;
    }
  }
  rows.push({ pillar: 'overall', ...summarize(overall), shareCakap: shareAtLeast(overall, CAKAP_THRESHOLD), notEnoughData, levels });
  return rows;
}

// ------------------------------------------------------------------ normalized gain

export interface QuizResult {
  score: number;
  max: number;
}

/**
 * A learner's gain on one module's parallel pre/post items, on shares of the maximum so a pre and
 * post test of different lengths still compare. Null when it cannot be computed (pre = max).
 */
export function learnerGain(pre: QuizResult, post: QuizResult): number | null {
  if (pre.max <= 0 || post.max <= 0) return null;
  return normalizedGain(pre.score / pre.max, post.score / post.max, 1);
}

export interface GainSummary {
  moduleId: string;
  /** Learners with both a pre and a post test in this module. */
  pairs: number;
  bands: Record<GainBand, number>;
  /** Pairs whose pre-test was already full marks: g is undefined ("tidak bisa dihitung"). */
  notComputable: number;
  /** Took the pre-test, not yet the post-test. */
  preOnly: number;
  mean: number | null;
  median: number | null;
}

export function gainByModule(moduleIds: string[], results: Array<{ moduleId: string; pre?: QuizResult; post?: QuizResult }>): GainSummary[] {
  return moduleIds.map((moduleId) => {
    const bands: Record<GainBand, number> = { rendah: 0, sedang: 0, tinggi: 0 };
    const gains: number[] = [];
    let pairs = 0;
    let notComputable = 0;
    let preOnly = 0;
    for (const r of results) {
      if (r.moduleId !== moduleId) continue;
      if (r.pre && !r.post) preOnly += 1;
      if (!r.pre || !r.post) continue;
      pairs += 1;
      const g = learnerGain(r.pre, r.post);
      if (g === null) notComputable += 1;
      else {
        gains.push(g);
        bands[gainBand(g)] += 1;
      }
    }
    const s = summarize(gains);
    return { moduleId, pairs, bands, notComputable, preOnly, mean: s.mean, median: s.median };
  });
}

// ------------------------------------------------------------------ dropouts

/** Days without learning activity after which a learner who finished no module counts as dropped out. */
export const DROPOUT_INACTIVE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Modules (with at least one lesson) whose every lesson the learner completed. */
export function modulesFinished(course: CourseModule[], completed: Set<string>): string[] {
  return course.filter((m) => m.lessons.length > 0 && m.lessons.every((l) => completed.has(l.id))).map((m) => m.id);
}

/**
 * Where an enrolled learner stands:
 * - finished: completed every lesson of at least one module;
 * otherwise ("enrolled, never finished a module"):
 * - new: enrolled less than 30 days ago — too early to call;
 * - active: some lesson activity in the last 30 days;
 * - dropout: enrolled 30 or more days ago and no lesson activity in the last 30 days (or never).
 */
export type Engagement = 'finished' | 'new' | 'active' | 'dropout';

export function engagementOf(learner: { enrolledAt: number; lastActiveAt: number | null; finishedModules: number }, now: number): Engagement {
  if (learner.finishedModules > 0) return 'finished';
  const window = DROPOUT_INACTIVE_DAYS * DAY_MS;
  if (learner.lastActiveAt !== null && now - learner.lastActiveAt < window) return 'active';
  if (now - learner.enrolledAt < window) return 'new';
  return 'dropout';
}

export interface EngagementCounts {
  enrolled: number;
  finished: number;
  /** The literal definition: enrolled, never finished a module (new + active + dropout). */
  neverFinished: number;
  new: number;
  active: number;
  dropout: number;
  /** Never opened a lesson at all (a subset of neverFinished). */
  neverStarted: number;
}

export function engagementCounts(learners: Array<{ engagement: Engagement; lastActiveAt: number | null }>): EngagementCounts {
  const c: EngagementCounts = { enrolled: learners.length, finished: 0, neverFinished: 0, new: 0, active: 0, dropout: 0, neverStarted: 0 };
  for (const l of learners) {
    c[l.engagement] += 1;
    if (l.engagement !== 'finished') c.neverFinished += 1;
    if (l.lastActiveAt === null) c.neverStarted += 1;
  }
  return c;
}

// ------------------------------------------------------------------ Skor Persepsi

export interface PerceptionRow {
  userId: string;
  timepoint: 'pre' | 'post';
  overall: number;
  pillars: Partial<Record<Pillar, number>>;
}

export interface PerceptionSummary {
  pre: { overall: Summary; pillars: Record<Pillar, Summary> };
  post: { overall: Summary; pillars: Record<Pillar, Summary> };
  /** Learners with both; the mean of (post − pre) over them. */
  paired: number;
  meanChange: number | null;
}

/** The self-assessment (one row per learner and timepoint: the latest) summarized beside — never inside — the indicator. */
export function perceptionSummary(rows: PerceptionRow[]): PerceptionSummary {
  const side = (timepoint: 'pre' | 'post') => {
    const mine = rows.filter((r) => r.timepoint === timepoint);
    const pillars = Object.fromEntries(
      PILLARS.map((p) => [p, summarize(mine.map((r) => r.pillars[p]).filter((v): v is number => typeof v === 'number'))]),
    ) as Record<Pillar, Summary>;
    return { overall: summarize(mine.map((r) => r.overall)), pillars };
  };
  const pre = new Map(rows.filter((r) => r.timepoint === 'pre').map((r) => [r.userId, r.overall]));
  const changes = rows.filter((r) => r.timepoint === 'post' && pre.has(r.userId)).map((r) => r.overall - pre.get(r.userId)!);
  return { pre: side('pre'), post: side('post'), paired: changes.length, meanChange: summarize(changes).mean };
}

// ------------------------------------------------------------------ technology adoption

/** A mentor re-checks an adoption item this many months after they last saw it. */
export const RECHECK_MONTHS = 3;

export interface AdoptionCheckRow {
  userId: string;
  item: AdoptionItem;
  present: boolean;
  checkedOn: string;
  createdAt: number;
}

/** Whether a check seen on `checkedOn` is due again on `today` (both "YYYY-MM-DD", Asia/Jakarta). */
export function recheckDue(checkedOn: string, today: string): boolean {
  return addMonths(checkedOn, RECHECK_MONTHS) <= today;
}

/** The latest check per learner and item: the newest day seen, then the newest entry of that day. */
export function latestChecks<T extends AdoptionCheckRow>(checks: T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const c of checks) {
    const key = `${c.userId}\u0000${c.item}`;
    const seen = latest.get(key);
    if (!seen || c.checkedOn > seen.checkedOn || (c.checkedOn === seen.checkedOn && c.createdAt > seen.createdAt)) latest.set(key, c);
  }
  return latest;
}

export interface AdoptionCount {
  item: AdoptionItem;
  /** Latest mentor check says yes / no. */
  yes: number;
  no: number;
  /** Learners in scope a mentor never checked for this item. */
  unchecked: number;
  /** Of the checked, how many were last seen 3 months ago or more. */
  recheckDue: number;
}

/**
 * Adoption per checklist item over `learners` learners, counting only mentor-verified checks
 * (pass only source = mentor rows) and, per learner and item, only the latest.
 */
export function adoptionCounts(mentorChecks: AdoptionCheckRow[], learners: number, today: string): AdoptionCount[] {
  const counts = new Map<AdoptionItem, AdoptionCount>(ADOPTION_ITEMS.map((item) => [item, { item, yes: 0, no: 0, unchecked: learners, recheckDue: 0 }]));
  const due = new Map<string, boolean>(); // per day seen: a few hundred days, not a date sum per check
  for (const c of latestChecks(mentorChecks).values()) {
    const row = counts.get(c.item);
    if (!row) continue;
    row[c.present ? 'yes' : 'no'] += 1;
    row.unchecked -= 1;
    let isDue = due.get(c.checkedOn);
    if (isDue === undefined) due.set(c.checkedOn, (isDue = recheckDue(c.checkedOn, today)));
    if (isDue) row.recheckDue += 1;
  }
  return [...counts.values()];
}

// ------------------------------------------------------------------ partnerships

export interface PartnershipCounts {
  total: number;
  verified: number;
  byType: Record<PartnershipType, { total: number; verified: number }>;
  bySource: Record<Source, number>;
}

/** Counts of partnerships by type, by who recorded them (self/mentor/peer) and whether a mentor verified them. */
export function partnershipCounts(rows: Array<{ type: PartnershipType; source: Source; verified: boolean; n?: number }>): PartnershipCounts {
  const out: PartnershipCounts = {
    total: 0,
    verified: 0,
    byType: Object.fromEntries(PARTNERSHIP_TYPES.map((t) => [t, { total: 0, verified: 0 }])) as PartnershipCounts['byType'],
    bySource: Object.fromEntries(SOURCES.map((s) => [s, 0])) as PartnershipCounts['bySource'],
  };
  for (const r of rows) {
    const n = r.n ?? 1;
    out.total += n;
    if (out.byType[r.type]) out.byType[r.type].total += n;
    if (r.source in out.bySource) out.bySource[r.source] += n;
    if (r.verified) {
      out.verified += n;
      if (out.byType[r.type]) out.byType[r.type].verified += n;
    }
  }
  return out;
}

// ------------------------------------------------------------------ sales bands

export type SalesTimepoint = 'start' | 'followup';

export interface SalesSummary {
  timepoint: SalesTimepoint;
  total: number;
  /** How many a mentor marked "seen by mentor" (they saw the books). */
  seen: number;
  bands: Record<SalesBand, number>;
}

/** Latest self-reported monthly sales band per learner and timepoint, counted per band. */
export function salesSummary(rows: Array<{ timepoint: SalesTimepoint; band: SalesBand; seen: boolean; n?: number }>): SalesSummary[] {
  return (['start', 'followup'] as const).map((timepoint) => {
    const bands = Object.fromEntries(SALES_BANDS.map((b) => [b, 0])) as Record<SalesBand, number>;
    let total = 0;
    let seen = 0;
    for (const r of rows) {
      if (r.timepoint !== timepoint || !(r.band in bands)) continue;
      const n = r.n ?? 1;
      bands[r.band] += n;
      total += n;
      if (r.seen) seen += n;
    }
    return { timepoint, total, seen, bands };
  });
}

// ------------------------------------------------------------------ per cohort

export interface CohortRow {
  cohortId: string | null;
  learners: number;
  /** Mean of the overall scores that could be computed. */
  overall: Summary;
  shareCakap: number | null;
  finished: number;
  dropout: number;
}

/** One row per cohort (learners without a cohort under null); a learner in two cohorts counts in both. */
export function cohortBreakdown(learners: Array<{ cohortIds: string[]; overall: number | null; engagement: Engagement }>): CohortRow[] {
  const groups = new Map<string | null, typeof learners>();
  for (const l of learners) {
    for (const id of l.cohortIds.length ? l.cohortIds : [null]) {
      const list = groups.get(id);
      if (list) list.push(l);
      else groups.set(id, [l]);
    }
  }
  return [...groups.entries()].map(([cohortId, list]) => {
    const scores = list.map((l) => l.overall).filter((v): v is number => v !== null);
    return {
      cohortId,
      learners: list.length,
      overall: summarize(scores),
      shareCakap: shareAtLeast(scores, CAKAP_THRESHOLD),
      finished: list.filter((l) => l.engagement === 'finished').length,
      dropout: list.filter((l) => l.engagement === 'dropout').length,
    };
  });
}
