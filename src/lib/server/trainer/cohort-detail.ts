import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '@db/client';
import { cohortMembers, cohorts, lessonProgress, mentorAssignments, users } from '@db/schema';
import { visibleLearner, type ScopeViewer } from '../access/learner-scope';
import { LEARNER_ACCOUNT_COLUMNS } from '../accounts/users';

/** One cohort, or undefined for an unknown id. */
export async function findCohort(id: string) {
  if (id.length > 40) return undefined;
  const [row] = await db().select().from(cohorts).where(eq(cohorts.id, id)).limit(1);
  return row;
}

const memberIds = (cohortId: string) => db().select({ id: cohortMembers.userId }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohortId));

/**
 * The cohort's learners `viewer` may see (access/learner-scope.ts) with their current mentor, lessons completed (of `lessonIds`, the
 * published lessons) and when they last worked on a lesson — one query for the whole cohort,
 * whatever its size (progress is aggregated per learner in a subquery, not fetched per member).
 */
export async function cohortMembersOverview(viewer: ScopeViewer, cohortId: string, lessonIds: string[]) {
  const mentor = alias(users, 'mentor');
  const progress = db()
    .select({
      userId: lessonProgress.userId,
      done: sql<number>`sum(case when ${lessonProgress.status} = 'completed' and ${inArray(lessonProgress.lessonId, lessonIds)} then 1 else 0 end)`.as('done'),
      lastActiveAt: sql<number | null>`max(${lessonProgress.lastActiveAt})`.as('last_active_at'),
    })
    .from(lessonProgress)
    .where(inArray(lessonProgress.userId, memberIds(cohortId)))
    .groupBy(lessonProgress.userId)
    .as('progress');
  const rows = await db()
    .select({
      ...LEARNER_ACCOUNT_COLUMNS,
      mentorId: mentor.id,
      mentorName: mentor.name,
      done: progress.done,
      lastActiveAt: progress.lastActiveAt,
    })
    .from(cohortMembers)
    .innerJoin(users, and(eq(users.id, cohortMembers.userId), visibleLearner(viewer)))
    .leftJoin(mentorAssignments, and(eq(mentorAssignments.learnerId, users.id), isNull(mentorAssignments.until)))
    .leftJoin(mentor, eq(mentor.id, mentorAssignments.mentorId))
    .leftJoin(progress, eq(progress.userId, users.id))
    .where(eq(cohortMembers.cohortId, cohortId))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((row) => ({ ...row, hasPassword: Boolean(row.hasPassword), done: Number(row.done ?? 0), total: lessonIds.length }));
}

export interface HistoryEntry {
  mentorName: string;
  assignedByName: string | null;
  from: number;
  until: number | null;
}

/** Every mentor assignment (past and current) of every member, newest first — one query. */
export async function cohortAssignmentHistories(cohortId: string): Promise<Map<string, HistoryEntry[]>> {
  const mentor = alias(users, 'mentor');
  const by = alias(users, 'assigned_by');
  const rows = await db()
    .select({
      learnerId: mentorAssignments.learnerId,
      mentorName: mentor.name,
      assignedByName: by.name,
      from: mentorAssignments.from,
      until: mentorAssignments.until,
    })
    .from(mentorAssignments)
    .innerJoin(mentor, eq(mentor.id, mentorAssignments.mentorId))
    .leftJoin(by, eq(by.id, mentorAssignments.assignedBy))
    .where(inArray(mentorAssignments.learnerId, memberIds(cohortId)))
    .orderBy(desc(mentorAssignments.from), sql`${mentorAssignments.until} is null desc`);
  const histories = new Map<string, HistoryEntry[]>();
  for (const { learnerId, ...entry } of rows) {
    const list = histories.get(learnerId) ?? [];
    list.push(entry);
    histories.set(learnerId, list);
  }
  return histories;
}
