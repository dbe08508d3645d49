import { db } from '@db/client';
import { mentorStats, type ReviewRecord } from '../../reports/mentor-stats';
import { scopeIds, type ReportScope } from './scope';

/** Every review of a task by a learner in scope, per reviewer (mentor or trainer). */
export async function loadMentorStats(scope: ReportScope) {
  const ids = scopeIds(scope);
  const rs = await db().$client.execute({
    sql: `SELECT ts.reviewer_id, coalesce(u.name, '') AS name, ts.status, ts.submitted_at, ts.reviewed_at, ts.review_opened_at
            FROM task_submissions ts JOIN users u ON u.id = ts.reviewer_id
           WHERE ts.reviewed_at IS NOT NULL AND ts.status IN ('approved', 'needs_work') AND ts.user_id IN (${ids.sql})`,
    args: ids.args,
  });
  const reviews: ReviewRecord[] = rs.rows.map((r) => ({
    mentorId: String(r.reviewer_id),
    mentorName: String(r.name),
    decision: r.status === 'approved' ? 'approved' : 'needs_work',
    submittedAt: Number(r.submitted_at),
    reviewedAt: Number(r.reviewed_at),
    openedAt: r.review_opened_at === null ? null : Number(r.review_opened_at),
  }));
  return mentorStats(reviews);
}
