import type { CourseModule } from '../../learning/types';
import type { SessionUser } from '../auth/session';
import { buildReport } from './report';
import { loadMentorStats } from './mentor-stats';
import { checkCohortFilter, cohortParam, reportCohorts } from './scope';

/**
 * What /trainer/reports and /mentor/reports both need: the cohort filter checked (403/404),
 * the report built over the actor's scope, and a Server-Timing value (the benchmark reads it).
 */
export async function loadReportPage(user: SessionUser, url: URL, course: CourseModule[], csvPath: string) {
  const cohortId = cohortParam(url);
  if (cohortId) {
    const allowed = await checkCohortFilter(user, cohortId);
    if (allowed === 'forbidden' || allowed === 'unknown') return { refused: allowed } as const;
  }
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const [report, cohorts, mentors] = await Promise.all([
    buildReport({ actor: user, cohortId }, course),
    reportCohorts(user),
    user.role === 'trainer' ? loadMentorStats({ actor: user, cohortId }) : Promise.resolve(undefined),
  ]);
  // Wall time and this process's CPU time for building the report.
  const cpu = process.cpuUsage(cpuStarted);
  const serverTiming = `report;dur=${(performance.now() - started).toFixed(1)};desc="load+score ${report.timings.queriesMs} ms, aggregation ${report.timings.aggregateMs} ms", cpu;dur=${((cpu.user + cpu.system) / 1000).toFixed(1)}`;
  const csvHref = `${csvPath}${cohortId ? `?kelas=${encodeURIComponent(cohortId)}` : ''}`;
  return { report, cohorts, cohortId, serverTiming, csvHref, mentors } as const;
}
