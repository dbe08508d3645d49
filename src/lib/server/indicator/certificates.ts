import { and, asc, eq, isNull } from 'drizzle-orm';
import { db } from '@db/client';
import { certificates, users } from '@db/schema';
import { eligibleModules, normalizeCode, randomCode } from '../../indicator/certificate-rules';
import type { CourseModule } from '../../learning/types';
import { certificateRecords, loadRawRecords, type RawRecords } from './records';

export type CertificateRow = typeof certificates.$inferSelect;

/**
 * Issues a certificate for every module the learner has earned and does not hold yet (the rules
 * are in certificate-rules.ts). Idempotent: (user, module) is unique, so two calls at the same
 * moment store one certificate. Returns the certificates issued by this call. Called after a
 * quiz attempt, a completion and a task approval; `course` defaults to the published course.
 */
export async function issueEligibleCertificates(userId: string, course?: CourseModule[], raw?: RawRecords, now = Date.now()): Promise<CertificateRow[]> {
  course ??= await (await import('../content')).course();
  raw ??= await loadRawRecords(userId);
  if (!raw) return [];
  const earned = eligibleModules(course, certificateRecords(raw));
  if (earned.length === 0) return [];
  const held = new Set(
    (await db().select({ moduleId: certificates.moduleId }).from(certificates).where(eq(certificates.userId, userId))).map((c) => c.moduleId),
  );
  const issued: CertificateRow[] = [];
  for (const moduleId of earned.filter((m) => !held.has(m))) {
    // A clash of random codes is astronomically unlikely; if it happens, draw again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const row: CertificateRow = { id: crypto.randomUUID(), userId, moduleId, code: randomCode(), learnerName: raw.name, issuedAt: now, revokedAt: null };
      const stored = await db().insert(certificates).values(row).onConflictDoNothing().returning({ id: certificates.id });
      if (stored.length) {
        issued.push(row);
        break;
      }
      const [other] = await db()
        .select({ id: certificates.id })
        .from(certificates)
        .where(and(eq(certificates.userId, userId), eq(certificates.moduleId, moduleId)))
        .limit(1);
      if (other) break; // issued at the same moment by another request
    }
  }
  return issued;
}

/** For the hooks: a certificate that could not be issued now is issued on the next visit, never a failed page. */
export function certificateHookFailed(error: unknown): CertificateRow[] {
  console.error('issueEligibleCertificates failed:', error);
  return [];
}

/** A learner's certificates, oldest first (revoked ones included, marked). */
export async function certificatesOf(userId: string): Promise<CertificateRow[]> {
  return db().select().from(certificates).where(eq(certificates.userId, userId)).orderBy(asc(certificates.issuedAt));
}

/** The certificate a code names, or undefined for a malformed or unknown code (or a deleted account's). */
export async function certificateByCode(input: string | undefined): Promise<CertificateRow | undefined> {
  const code = normalizeCode(input);
  if (!code) return undefined;
  // A deleted account's certificates are gone with it (UU PDP), whatever is left of the row.
  const [found] = await db()
    .select({ certificate: certificates })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .where(and(eq(certificates.code, code), isNull(users.deletedAt)))
    .limit(1);
  return found?.certificate;
}
