import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '@db/client';
import { mentorAssignments, users } from '@db/schema';

/** Every mentor with how many learners they follow now (one grouped query). */
export async function mentorsWithLoad() {
  const learner = alias(users, 'learner');
  const rows = await db()
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
      learners: count(learner.id),
    })
    .from(users)
    .leftJoin(mentorAssignments, and(eq(mentorAssignments.mentorId, users.id), isNull(mentorAssignments.until)))
    .leftJoin(learner, and(eq(learner.id, mentorAssignments.learnerId), isNull(learner.deletedAt)))
    .where(and(eq(users.role, 'mentor'), isNull(users.deletedAt)))
    .groupBy(users.id)
    .orderBy(asc(users.name));
  return rows.map((row) => ({ ...row, hasPassword: Boolean(row.hasPassword) }));
}
