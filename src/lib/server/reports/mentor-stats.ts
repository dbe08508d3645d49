import { sql } from 'drizzle-orm';
import { db } from '@db/client';
import { mentorStats, type ReviewRecord } from '../../reports/mentor-stats';
import { scopeIds, type ReportScope } from './scope';

/** Every review of a task by a learner in scope, per reviewer (mentor or trainer). */
export async function loadMentorStats(scope: ReportScope) {
  const rows = await db().all<{
    reviewer_id: string;
    name: string;
    status: 'approved' | 'needs_work';
    submitted_at: number;
    reviewed_at: number;
    review_opened_at: number | null;
  }>(sql`
    SELECT ts.reviewer_id, coalesce(u.name, '') AS name, ts.status, ts.submitted_at, ts.reviewed_at, ts.review_opened_at
      FROM task_submissions ts JOIN users u ON u.id = ts.reviewer_id
     WHERE ts.reviewed_at IS NOT NULL AND ts.status IN ('approved', 'needs_work') AND ts.user_id IN ${scopeIds(scope)}`);
  const reviews: ReviewRecord[] = rows.map((r) => ({
    mentorId: r.reviewer_id,
    mentorName: r.name,
    decision: r.status === 'approved' ? 'approved' : 'needs_work',
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    openedAt: r.review_opened_at,
  }));
  return mentorStats(reviews);
}
