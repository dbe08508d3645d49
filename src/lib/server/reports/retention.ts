import { sql } from 'drizzle-orm';
import { db } from '@db/client';
import { scopeIds, type ReportScope } from './scope';

export interface CohortRetention {
  /** Null for learners in no cohort. */
  cohortId: string | null;
  cohortName: string | null;
  learners: number;
  answered: number;
  correct: number;
  /** Share correct in "Ulang singkat" reviews, 0..1 (retention); null without reviews. */
  share: number | null;
}

/**
 * Retention per cohort (issue 17, item 10): the share of right answers in spaced reviews by the
 * learners in scope. Its own query beside the report's: reviews never enter the indicator, so the
 * report's records and scores are untouched. A learner in two cohorts counts in both.
 */
export async function loadRetention(scope: ReportScope): Promise<CohortRetention[]> {
  const rows = await db().all<{ cohort_id: string | null; cohort_name: string | null; learners: number; answered: number; correct: number | null }>(sql`
    SELECT cm.cohort_id AS cohort_id, c.name AS cohort_name, COUNT(DISTINCT r.user_id) AS learners, COUNT(*) AS answered, SUM(r.correct) AS correct
      FROM review_answers r
      LEFT JOIN cohort_members cm ON cm.user_id = r.user_id${scope.cohortId ? sql` AND cm.cohort_id = ${scope.cohortId}` : sql``}
      LEFT JOIN cohorts c ON c.id = cm.cohort_id
     WHERE r.user_id IN ${scopeIds(scope)}
     GROUP BY cm.cohort_id, c.name
     ORDER BY c.name IS NULL, c.name`);
  return rows.map((row) => {
    const correct = row.correct ?? 0;
    return {
      cohortId: row.cohort_id,
      cohortName: row.cohort_name,
      learners: row.learners,
      answered: row.answered,
      correct,
      share: row.answered > 0 ? correct / row.answered : null,
    };
  });
}
