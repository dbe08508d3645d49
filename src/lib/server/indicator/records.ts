import { and, desc, eq, isNotNull, min } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, lessonProgress, quizAttempts, taskSubmissions, users } from '@db/schema';
import { firstAttemptByLesson, recordsAt, type LearnerRecords } from '../../indicator/score';
import type { CertificateRecords } from '../../indicator/certificate-rules';
import type { Pillar } from '../../learning/types';

/**
 * Everything the indicator is computed from, as stored: quiz attempts, the newest submission of
 * each task, lesson completions, the module pre/post tests, and when the learner enrolled.
 * Scores are never stored; they are recomputed from these rows on every view.
 */
export interface RawRecords {
  userId: string;
  name: string;
  /** Earliest cohort join, else account creation (epoch ms). */
  enrolledAt: number;
  /** Lesson-quiz attempts (kind "lesson"), oldest first. */
  attempts: LearnerRecords['attempts'];
  /**
   * Tasks a mentor has approved, with when the FIRST approval was given. An approval stays: a
   * later submission is a new revision that never undoes it (and history shows it from then on).
   */
  approvals: Array<{ taskId: string; at: number }>;
  completions: Array<{ lessonId: string; at: number }>;
  /** Newest submission status of every task the learner handed in. */
  taskStatus: Map<string, 'submitted' | 'approved' | 'needs_work'>;
  /** Module pre/post tests (kind "pre"/"post", lessonId = module id), oldest first. */
  prePost: Array<{
    id: string;
    moduleId: string;
    kind: 'pre' | 'post';
    form: 'A' | 'B' | null;
    score: number;
    maxScore: number;
    at: number;
    answers: Record<string, string | number>;
  }>;
}

export async function loadRawRecords(userId: string): Promise<RawRecords | undefined> {
  const database = db();
  const [[user], [joined], attemptRows, submissionRows, completionRows] = await Promise.all([
    database.select({ name: users.name, createdAt: users.createdAt }).from(users).where(eq(users.id, userId)).limit(1),
    database
      .select({ at: min(cohortMembers.joinedAt) })
      .from(cohortMembers)
      .where(eq(cohortMembers.userId, userId)),
    database.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).orderBy(quizAttempts.at),
    database
      .select({
        taskId: taskSubmissions.taskId,
        status: taskSubmissions.status,
        reviewedAt: taskSubmissions.reviewedAt,
        submittedAt: taskSubmissions.submittedAt,
      })
      .from(taskSubmissions)
      .where(eq(taskSubmissions.userId, userId))
      .orderBy(desc(taskSubmissions.submittedAt)),
    database
      .select({ lessonId: lessonProgress.lessonId, at: lessonProgress.completedAt })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), isNotNull(lessonProgress.completedAt))),
  ]);
  if (!user) return undefined;
  const taskStatus = new Map<string, 'submitted' | 'approved' | 'needs_work'>();
  const approvals: RawRecords['approvals'] = [];
  const firstApproval = new Map<string, number>();
  for (const s of submissionRows) {
    if (!taskStatus.has(s.taskId)) taskStatus.set(s.taskId, s.status); // rows are newest first
    if (s.status === 'approved') {
      const at = s.reviewedAt ?? s.submittedAt;
      firstApproval.set(s.taskId, Math.min(at, firstApproval.get(s.taskId) ?? Number.POSITIVE_INFINITY));
    }
  }
  for (const [taskId, at] of firstApproval) approvals.push({ taskId, at });
  // An approved task stays approved for the learner's status too (a newer revision is extra).
  for (const taskId of firstApproval.keys()) taskStatus.set(taskId, 'approved');
  const lessonAttempts = attemptRows.filter((a) => a.kind === 'lesson');
  return {
    userId,
    name: user.name,
    enrolledAt: Math.min(user.createdAt, joined?.at ?? Number.POSITIVE_INFINITY),
    attempts: lessonAttempts.map((a) => ({
      lessonId: a.lessonId,
      score: a.score,
      maxScore: a.maxScore,
      at: a.at,
      pillarScores: (a.pillarScores ?? null) as Partial<Record<Pillar, { score: number; max: number }>> | null,
    })),
    approvals,
    completions: completionRows.map((c) => ({ lessonId: c.lessonId, at: c.at! })),
    taskStatus,
    prePost: attemptRows
      .filter((a) => a.kind === 'pre' || a.kind === 'post')
      .map((a) => ({
        id: a.id,
        moduleId: a.lessonId,
        kind: a.kind as 'pre' | 'post',
        form: a.form ?? null,
        score: a.score,
        maxScore: a.maxScore,
        at: a.at,
        answers: a.answers,
      })),
  };
}

/** The records as they stand now (what scoreLearner takes). */
export const currentRecords = (raw: Pick<RawRecords, 'attempts' | 'approvals' | 'completions'>): LearnerRecords => recordsAt(raw, Number.POSITIVE_INFINITY);

/** What the certificate rules take: completions, the FIRST lesson-quiz attempt per lesson, approved tasks. */
export function certificateRecords(raw: Pick<RawRecords, 'attempts' | 'approvals' | 'completions'>): CertificateRecords {
  return {
    completedLessons: new Set(raw.completions.map((c) => c.lessonId)),
    firstByLesson: firstAttemptByLesson(raw.attempts),
    approvedTasks: new Set(raw.approvals.map((a) => a.taskId)),
  };
}
