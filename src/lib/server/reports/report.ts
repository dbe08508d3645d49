import { db } from '@db/client';
import { sql } from 'drizzle-orm';
import { cohortMembers, cohorts, learnerStats, users, type StoredPillarCounts } from '@db/schema';
import type { LearnerIndicator } from '../../indicator/score';
import type { CourseModule } from '../../learning/types';
import {
  adoptionCounts,
  cohortBreakdown,
  engagementCounts,
  engagementOf,
  gainByModule,
  modulesFinished,
  partnershipCounts,
  perceptionSummary,
  pillarStats,
  salesSummary,
  type Engagement,
  type QuizResult,
} from '../../reports/aggregate';
import { jakartaDate } from '../../wib';
import { enrolledAt, indicatorFromCounts, learnerScorer, toLearnerRecords, type LearnerFacts } from '../../reports/facts';
import { visibleLearners } from '../access/learner-scope';
import { computeLearnerStats, refreshLearnerStats, type LearnerStatsRow } from './learner-stats';
import { adoptionRecords, loadLearnerFacts, partnershipGroups, salesGroups, scopeSet } from './records';
import type { ReportScope } from './scope';

/** A learner's facts with their indicator and engagement: the unit everything else aggregates. */
export interface ScoredLearner {
  facts: LearnerFacts;
  indicator: LearnerIndicator;
  engagement: Engagement;
}

/** What the report aggregates per learner, whichever way it was obtained (maintained aggregate or full recompute). */
export interface ReportLearner {
  id: string;
  cohorts: Array<{ id: string; joinedAt: number }>;
  lastActiveAt: number | null;
  prePost: Map<string, { pre?: QuizResult; post?: QuizResult }>;
  perception: LearnerFacts['perception'];
  indicator: LearnerIndicator;
  engagement: Engagement;
}

/** Scores every learner in scope with the pure scorer (docs/indicator.md formula) from the records: the full recompute (and the CSV's detail). */
export async function scoredLearners(scope: ReportScope, course: CourseModule[], now: number, options: { detail?: boolean } = {}): Promise<ScoredLearner[]> {
  const facts = await loadLearnerFacts(scopeSet(scope), { moduleIds: course.map((m) => m.id), detail: options.detail });
  const score = learnerScorer(course);
  const out: ScoredLearner[] = [];
  for (const f of facts.values()) {
    const indicator = score(toLearnerRecords(f));
    const engagement = engagementOf(
      { enrolledAt: enrolledAt(f), lastActiveAt: f.lastActiveAt, finishedModules: modulesFinished(course, f.completed).length },
      now,
    );
    out.push({ facts: f, indicator, engagement });
  }
  return out;
}

/**
 * The learners in scope from the maintained aggregate (learner_stats, brought up to date first):
 * one row per learner with their counts, plus their cohorts in scope. The indicator comes from the
 * stored counts with the same scorer; engagement is worked out here because it depends on `now`
 * and on the cohort filter (enrolment is the earliest join among the cohorts in scope).
 */
async function aggregatedLearners(scope: ReportScope, course: CourseModule[], now: number): Promise<ReportLearner[]> {
  await refreshLearnerStats(course, now);
  const inScope = visibleLearners(scope.actor, { cohortId: scope.cohortId, purpose: 'figures' });
  // Each result comes back as ONE JSON array built by SQLite (json_group_array) and parsed with
  // JSON.parse: the client builds an object per row at several microseconds each, which for
  // 10,000 learners cost more than the query (docs/PERFORMANCE.md, "Profile: trainer report").
  const [learnerRows, membershipRows] = await Promise.all([
    db().get<{ rows: string }>(sql`
      SELECT json_group_array(json_array(u.id, u.created_at, s.user_id IS NOT NULL, s.last_active_at, s.finished_modules,
                                         json(s.pillar_counts), json(s.pre_post), json(s.perception))) AS rows
        FROM ${users} u LEFT JOIN ${learnerStats} s ON s.user_id = u.id
       WHERE u.id IN ${inScope}`),
    db().get<{ rows: string }>(sql`
      SELECT json_group_array(json_array(user_id, cohort_id, joined_at)) AS rows FROM ${cohortMembers}
       WHERE user_id IN ${inScope}${scope.cohortId ? sql` AND cohort_id = ${scope.cohortId}` : sql``}`),
  ]);
  type LearnerRow = [
    id: string,
    createdAt: number,
    hasStats: 0 | 1,
    lastActiveAt: number | null,
    finishedModules: number | null,
    pillarCounts: StoredPillarCounts[] | null,
    prePost: LearnerStatsRow['prePost'],
    perception: LearnerStatsRow['perception'],
  ];
  const rows: LearnerRow[] = JSON.parse(learnerRows?.rows ?? '[]');
  const memberships: Array<[userId: string, cohortId: string, joinedAt: number]> = JSON.parse(membershipRows?.rows ?? '[]');
  // A learner added while the refresh ran has no row yet: computed on the spot, not stored.
  const late = new Map(
    (
      await computeLearnerStats(
        rows.filter((r) => !r[2]).map((r) => r[0]),
        course,
        now,
      )
    ).map((r) => [r.userId, r]),
  );
  const cohortsOf = new Map<string, Array<{ id: string; joinedAt: number }>>();
  for (const [userId, id, joinedAt] of memberships) {
    const list = cohortsOf.get(userId);
    if (list) list.push({ id, joinedAt });
    else cohortsOf.set(userId, [{ id, joinedAt }]);
  }
  const score = indicatorFromCounts(course);
  return rows.map(([id, createdAt, hasStats, lastActiveAt, finishedModules, pillarCounts, prePost, perception]): ReportLearner => {
    const stats = hasStats ? { lastActiveAt, finishedModules: finishedModules ?? 0, pillarCounts: pillarCounts ?? [], prePost, perception } : late.get(id);
    const cohorts = cohortsOf.get(id) ?? [];
    return {
      id,
      cohorts,
      lastActiveAt: stats?.lastActiveAt ?? null,
      prePost: new Map(Object.entries(stats?.prePost ?? {})),
      perception: stats?.perception ?? [],
      indicator: score(stats?.pillarCounts ?? []),
      engagement: engagementOf(
        { enrolledAt: enrolledAt({ createdAt, cohorts }), lastActiveAt: stats?.lastActiveAt ?? null, finishedModules: stats?.finishedModules ?? 0 },
        now,
      ),
    };
  });
}

/** The full recompute from the base tables, in the report's shape (the definition the aggregate must match). */
async function recomputedLearners(scope: ReportScope, course: CourseModule[], now: number): Promise<ReportLearner[]> {
  return (await scoredLearners(scope, course, now)).map(({ facts: f, indicator, engagement }) => ({
    id: f.id,
    cohorts: f.cohorts,
    lastActiveAt: f.lastActiveAt,
    prePost: f.prePost,
    perception: f.perception,
    indicator,
    engagement,
  }));
}

export async function cohortNames(): Promise<Map<string, string>> {
  const rows = await db().select({ id: cohorts.id, name: cohorts.name }).from(cohorts);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The evaluation report for a scope: indicator per pillar, levels, per cohort, Skor Persepsi,
 * normalized gain per module, dropouts, adoption, partnerships and sales bands. A few set-based
 * queries, then pure aggregation; `timings` says where the server time went (queriesMs: loading
 * and scoring every learner; aggregateMs: the cohort statistics).
 */
export async function buildReport(scope: ReportScope, course: CourseModule[], now = Date.now(), options: { source?: 'aggregate' | 'recompute' } = {}) {
  const started = performance.now();
  const [learners, mentorChecks, partnerships, sales, names] = await Promise.all([
    options.source === 'recompute' ? recomputedLearners(scope, course, now) : aggregatedLearners(scope, course, now),
    adoptionRecords(scope, true),
    partnershipGroups(scope),
    salesGroups(scope),
    cohortNames(),
  ]);
  const loaded = performance.now();

  const prePost: Array<{ moduleId: string; pre?: QuizResult; post?: QuizResult }> = [];
  const perception = [];
  for (const l of learners) {
    for (const [moduleId, pair] of l.prePost) prePost.push({ moduleId, pre: pair.pre, post: pair.post });
    for (const p of l.perception) perception.push({ userId: l.id, ...p });
  }
  const report = {
    generatedAt: now,
    learners: learners.length,
    pillars: pillarStats(learners.map((l) => l.indicator)),
    cohorts: cohortBreakdown(learners.map((l) => ({ cohortIds: l.cohorts.map((c) => c.id), overall: l.indicator.overall, engagement: l.engagement })))
      .map((row) => ({ ...row, name: row.cohortId ? (names.get(row.cohortId) ?? row.cohortId) : null }))
      .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'id')),
    engagement: engagementCounts(learners.map((l) => ({ engagement: l.engagement, lastActiveAt: l.lastActiveAt }))),
    perception: perceptionSummary(perception),
    gain: gainByModule(
      course.map((m) => m.id),
      prePost,
    ).map((g) => ({ ...g, title: course.find((m) => m.id === g.moduleId)?.title ?? g.moduleId })),
    adoption: adoptionCounts(mentorChecks, learners.length, jakartaDate(now)),
    partnerships: partnershipCounts(partnerships),
    sales: salesSummary(sales),
    timings: { queriesMs: 0, aggregateMs: 0 },
  };
  report.timings = { queriesMs: Math.round(loaded - started), aggregateMs: Math.round(performance.now() - loaded) };
  return report;
}

export type Report = Awaited<ReturnType<typeof buildReport>>;
