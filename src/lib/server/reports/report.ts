import { db } from '@db/client';
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
import { enrolledAt, learnerScorer, toLearnerRecords, type LearnerFacts } from '../../reports/facts';
import { adoptionRecords, loadLearnerFacts, partnershipGroups, salesGroups } from './records';
import type { ReportScope } from './scope';

/** A learner's facts with their indicator and engagement: the unit everything else aggregates. */
export interface ScoredLearner {
  facts: LearnerFacts;
  indicator: LearnerIndicator;
  engagement: Engagement;
}

/** Scores every learner in scope with the pure scorer (docs/indicator.md formula) from the bulk-loaded records. */
export async function scoredLearners(scope: ReportScope, course: CourseModule[], now: number, options: { detail?: boolean } = {}): Promise<ScoredLearner[]> {
  const facts = await loadLearnerFacts(scope, { moduleIds: course.map((m) => m.id), detail: options.detail });
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

export async function cohortNames(): Promise<Map<string, string>> {
  const rs = await db().$client.execute('SELECT id, name FROM cohorts');
  return new Map(rs.rows.map((r) => [String(r.id), String(r.name)]));
}

/**
 * The evaluation report for a scope: indicator per pillar, levels, per cohort, Skor Persepsi,
 * normalized gain per module, dropouts, adoption, partnerships and sales bands. A few set-based
 * queries, then pure aggregation; `timings` says where the server time went (queriesMs: loading
 * and scoring every learner; aggregateMs: the cohort statistics).
 */
export async function buildReport(scope: ReportScope, course: CourseModule[], now = Date.now()) {
  const started = performance.now();
  const [learners, mentorChecks, partnerships, sales, names] = await Promise.all([
    scoredLearners(scope, course, now),
    adoptionRecords(scope, true),
    partnershipGroups(scope),
    salesGroups(scope),
    cohortNames(),
  ]);
  const loaded = performance.now();

  const prePost: Array<{ moduleId: string; pre?: QuizResult; post?: QuizResult }> = [];
  const perception = [];
  for (const l of learners) {
    for (const [moduleId, pair] of l.facts.prePost) prePost.push({ moduleId, pre: pair.pre, post: pair.post });
    for (const p of l.facts.perception) perception.push({ userId: l.facts.id, ...p });
  }
  const report = {
    generatedAt: now,
    learners: learners.length,
    pillars: pillarStats(learners.map((l) => l.indicator)),
    cohorts: cohortBreakdown(learners.map((l) => ({ cohortIds: l.facts.cohorts.map((c) => c.id), overall: l.indicator.overall, engagement: l.engagement })))
      .map((row) => ({ ...row, name: row.cohortId ? (names.get(row.cohortId) ?? row.cohortId) : null }))
      .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'id')),
    engagement: engagementCounts(learners.map((l) => ({ engagement: l.engagement, lastActiveAt: l.facts.lastActiveAt }))),
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
