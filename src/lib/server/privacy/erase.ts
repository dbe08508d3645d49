import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@db/client';
import * as s from '@db/schema';

export const ERASED_NAME = 'Akun dihapus';

/**
 * Deletes a learner's account (UU PDP: the right to erasure). Personal data — name, phone,
 * business details, free text they or their mentor wrote — is erased and sessions end. Learning
 * and evaluation rows stay under the same opaque id, now tied to no person, so cohort
 * statistics stay valid. One batch: it happens completely or not at all.
 */
export async function eraseLearner(userId: string, now = Date.now()): Promise<void> {
  const d = db();
  await d.batch([
    d
      .update(s.users)
      .set({ name: ERASED_NAME, phone: null, passwordHash: null, businessName: null, businessType: null, kecamatan: null, deletedAt: now })
      .where(eq(s.users.id, userId)),
    d.delete(s.sessions).where(eq(s.sessions.userId, userId)),
    d.delete(s.invites).where(eq(s.invites.userId, userId)),
    d.delete(s.mentorNotes).where(eq(s.mentorNotes.learnerId, userId)),
    // The directory profile goes entirely: it is public-facing personal data.
    d.delete(s.sellerProfiles).where(eq(s.sellerProfiles.userId, userId)),
    d
      .update(s.mentorAssignments)
      .set({ until: now })
      .where(and(eq(s.mentorAssignments.learnerId, userId), isNull(s.mentorAssignments.until))),
    d.update(s.taskSubmissions).set({ text: '', link: null, feedback: null }).where(eq(s.taskSubmissions.userId, userId)),
    d.update(s.collaborations).set({ partner: '' }).where(eq(s.collaborations.userId, userId)),
    d.update(s.certificates).set({ learnerName: ERASED_NAME, revokedAt: now }).where(eq(s.certificates.userId, userId)),
    d.update(s.h5pResults).set({ statement: null }).where(eq(s.h5pResults.userId, userId)),
  ]);
}
