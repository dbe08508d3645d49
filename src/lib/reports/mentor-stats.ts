/**
 * Approvals that mean something: per mentor, how reviews were made. Pure; the
 * report page shows it. Below MIN_REVIEWS a mentor's pattern is not judged ("belum cukup data").
 */
export const MIN_REVIEWS = 10;
/** An approval made this soon after the review form was opened counts as "within a minute". */
export const QUICK_MS = 60_000;

export interface ReviewRecord {
  mentorId: string;
  mentorName: string;
  decision: 'approved' | 'needs_work';
  submittedAt: number;
  reviewedAt: number;
  openedAt: number | null;
}

export type MentorFlag = 'approvesAll' | 'quickApprovals' | 'outlierRate';

export interface MentorStats {
  mentorId: string;
  mentorName: string;
  reviews: number;
  approvals: number;
  approvalRate: number;
  /** Median minutes from submission to review. */
  medianMinutes: number;
  /** Approvals made within a minute of opening the review form. */
  quickApprovals: number;
  enoughData: boolean;
  flags: MentorFlag[];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Flags, for mentors with at least MIN_REVIEWS reviews: approves (nearly) everything (≥ 95 %),
 * more than half of the approvals made within a minute of opening the form, or an approval rate
 * 25 points or more away from the other mentors' combined rate.
 */
export function mentorStats(reviews: ReviewRecord[]): MentorStats[] {
  const byMentor = new Map<string, ReviewRecord[]>();
  for (const r of reviews) byMentor.set(r.mentorId, [...(byMentor.get(r.mentorId) ?? []), r]);
  const out = [...byMentor].map(([mentorId, list]): MentorStats => {
    const approvals = list.filter((r) => r.decision === 'approved');
    const quick = approvals.filter((r) => r.openedAt !== null && r.reviewedAt - r.openedAt < QUICK_MS).length;
    return {
      mentorId,
      mentorName: list[0].mentorName,
      reviews: list.length,
      approvals: approvals.length,
      approvalRate: approvals.length / list.length,
      medianMinutes: median(list.map((r) => Math.max(0, r.reviewedAt - r.submittedAt) / 60_000)),
      quickApprovals: quick,
      enoughData: list.length >= MIN_REVIEWS,
      flags: [],
    };
  });
  for (const m of out) {
    if (!m.enoughData) continue;
    if (m.approvalRate >= 0.95) m.flags.push('approvesAll');
    if (m.approvals > 0 && m.quickApprovals / m.approvals > 0.5) m.flags.push('quickApprovals');
    const others = out.filter((o) => o !== m);
    const otherReviews = others.reduce((s, o) => s + o.reviews, 0);
    if (otherReviews >= MIN_REVIEWS) {
      const otherRate = others.reduce((s, o) => s + o.approvals, 0) / otherReviews;
      if (Math.abs(m.approvalRate - otherRate) >= 0.25) m.flags.push('outlierRate');
    }
  }
  return out.sort((a, b) => b.flags.length - a.flags.length || a.mentorName.localeCompare(b.mentorName));
}
