import { z } from 'astro/zod';
import { desc, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { NUDGE_KINDS, nudges, users } from '@db/schema';
import type { SessionUser } from '../auth/session';
import { newId } from '../auth/tokens';
import { maySeeLearner } from '../access/learner-scope';

const nudgeSchema = z.object({
  learnerId: z.string().min(1).max(40),
  kind: z.enum(NUDGE_KINDS),
  lessonId: z.string().max(120).optional(),
});

/** Records that a mentor opened a WhatsApp nudge for a learner they may follow. */
export async function recordNudge(
  actor: Pick<SessionUser, 'id' | 'role'>,
  input: unknown,
  now = Date.now(),
): Promise<{ ok: true; learnerId: string } | { ok: false; status: 400 | 404 }> {
  const parsed = nudgeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400 };
  if (actor.role === 'learner' || !(await maySeeLearner(actor, parsed.data.learnerId))) return { ok: false, status: 404 };
  await db()
    .insert(nudges)
    .values({ id: newId(), learnerId: parsed.data.learnerId, mentorId: actor.id, kind: parsed.data.kind, lessonId: parsed.data.lessonId ?? null, sentAt: now });
  return { ok: true, learnerId: parsed.data.learnerId };
}

export async function nudgesFor(learnerId: string) {
  return db()
    .select({ kind: nudges.kind, lessonId: nudges.lessonId, sentAt: nudges.sentAt, mentor: users.name })
    .from(nudges)
    .leftJoin(users, eq(users.id, nudges.mentorId))
    .where(eq(nudges.learnerId, learnerId))
    .orderBy(desc(nudges.sentAt))
    .limit(20);
}
