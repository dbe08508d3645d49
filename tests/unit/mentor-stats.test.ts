/** Per-mentor review patterns (issue 14, part 8): approval rate, median time, one-minute approvals, flags, "belum cukup data" below 10. */
import { describe, expect, it } from 'vitest';
import { median, mentorStats, type ReviewRecord } from '../../src/lib/reports/mentor-stats';

const H = 3_600_000;
const r = (mentorId: string, decision: ReviewRecord['decision'], waitH: number, openedSecBefore: number | null): ReviewRecord => ({
  mentorId,
  mentorName: mentorId === 'a' ? 'Mbak Dewi' : mentorId === 'b' ? 'Mas Arif' : 'Bu Ratna',
  decision,
  submittedAt: 0,
  reviewedAt: waitH * H,
  openedAt: openedSecBefore === null ? null : waitH * H - openedSecBefore * 1000,
});

describe('mentorStats', () => {
  // Dewi: 12 reviews, all approved within 10 s of opening the form. Arif: 12 reviews, 6 approved after a careful look.
  const reviews = [
    ...Array.from({ length: 12 }, (_, i) => r('a', 'approved', i + 1, 10)),
    ...Array.from({ length: 12 }, (_, i) => r('b', i % 2 ? 'approved' : 'needs_work', 24, 600)),
    ...Array.from({ length: 3 }, () => r('c', 'approved', 2, null)),
  ];
  const stats = mentorStats(reviews);
  const of = (id: string) => stats.find((s) => s.mentorId === id)!;

  it('approval rate, median minutes from submission to review, approvals within a minute of opening', () => {
    expect(of('a')).toMatchObject({ reviews: 12, approvals: 12, approvalRate: 1, quickApprovals: 12, medianMinutes: 6.5 * 60 });
    expect(of('b')).toMatchObject({ reviews: 12, approvals: 6, approvalRate: 0.5, quickApprovals: 0, medianMinutes: 24 * 60 });
  });

  it('a mentor whose pattern stands out is flagged and listed first; below 10 reviews: belum cukup data, no flags', () => {
    expect(of('a').flags).toEqual(['approvesAll', 'quickApprovals', 'outlierRate']);
    expect(of('b').flags).toEqual(['outlierRate']);
    expect(of('c')).toMatchObject({ enoughData: false, flags: [] });
    expect(stats[0].mentorId).toBe('a');
  });

  it('median of an even and an odd list', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
