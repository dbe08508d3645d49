import { z } from 'astro/zod';
import { and, eq, gt, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { db } from '@db/client';
import { invites, mentorAssignments, sessions, users } from '@db/schema';
import { parseForm, password, type FieldErrors } from '../../validation';
import { hashPassword } from '../auth/password';
import { createSession } from '../auth/session';
import { hashSecret, newId, randomToken } from '../auth/tokens';

export const INVITE_TTL_MS = 7 * 24 * 3600_000;

/** Ends every open invite of `userId` (except `keep`) now: they expire at `now`. */
function revokeOpenInvites(userId: string, now: number, keep?: string) {
  return db()
    .update(invites)
    .set({ expiresAt: now })
    .where(and(eq(invites.userId, userId), isNull(invites.usedAt), gt(invites.expiresAt, now), ...(keep ? [ne(invites.id, keep)] : [])));
}

/**
 * A one-time link for `userId` to set a password; only its hash is stored. The newest link is
 * the only one that works: older open links of the same person are revoked in the same step.
 */
export async function createInvite(userId: string, createdBy: string, now = Date.now()): Promise<string> {
  const token = randomToken();
  await db().batch([
    revokeOpenInvites(userId, now),
    db()
      .insert(invites)
      .values({
        id: newId(),
        tokenHash: hashSecret(token),
        userId,
        createdBy,
        createdAt: now,
        expiresAt: now + INVITE_TTL_MS,
      }),
  ]);
  return token;
}

/**
 * The invite behind a token if it can still be used, with the name to greet. It cannot when it
 * was used, expired or revoked (a newer link, or the password was set), when the account is
 * deleted, or when the person's mentor changed after the link was made (a mentor's link must not
 * outlive the mentor's access): any mentor assignment of theirs that began or ended since.
 */
export async function findUsableInvite(token: string, now = Date.now()) {
  if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
  const [row] = await db()
    .select({
      id: invites.id,
      userId: invites.userId,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      usedAt: invites.usedAt,
      name: users.name,
      deletedAt: users.deletedAt,
    })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.userId))
    .where(eq(invites.tokenHash, hashSecret(token)))
    .limit(1);
  if (!row || row.usedAt !== null || row.expiresAt <= now || row.deletedAt !== null) return undefined;
  const [mentorChange] = await db()
    .select({ id: mentorAssignments.id })
    .from(mentorAssignments)
    .where(
      and(
        eq(mentorAssignments.learnerId, row.userId),
        or(gt(mentorAssignments.from, row.createdAt), and(isNotNull(mentorAssignments.until), gt(mentorAssignments.until, row.createdAt))),
      ),
    )
    .limit(1);
  if (mentorChange) return undefined;
  return row;
}

const setPasswordSchema = z
  .object({ password, passwordRepeat: z.string().optional() })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], message: 'passwordMismatch' });

export type RedeemResult = { ok: true; token: string; userId: string } | { ok: false; errors: FieldErrors } | { ok: false; invalid: true };

/**
 * Sets the password and marks the invite used in one step; the conditional update makes a
 * second use of the same link (even at the same moment) fail. Old sessions end: this is also
 * how a forgotten password is reset.
 */
export async function redeemInvite(token: string, input: unknown, now = Date.now()): Promise<RedeemResult> {
  const invite = await findUsableInvite(token, now);
  if (!invite) return { ok: false, invalid: true };
  const parsed = parseForm(setPasswordSchema, input);
  if (!parsed.ok) return parsed;
  const passwordHash = await hashPassword(parsed.data.password);
  const claimed = await db()
    .update(invites)
    .set({ usedAt: now })
    .where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
    .returning({ id: invites.id });
  if (claimed.length === 0) return { ok: false, invalid: true };
  await db().batch([
    db().update(users).set({ passwordHash }).where(eq(users.id, invite.userId)),
    db().delete(sessions).where(eq(sessions.userId, invite.userId)),
    // The password is set: no other open link of this person may set it again.
    revokeOpenInvites(invite.userId, now, invite.id),
  ]);
  const { token: sessionToken } = await createSession(invite.userId, now);
  return { ok: true, token: sessionToken, userId: invite.userId };
}
