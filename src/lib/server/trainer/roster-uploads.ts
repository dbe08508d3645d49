import { and, eq, lt } from 'drizzle-orm';
import { db } from '@db/client';
import { rosterUploads } from '@db/schema';
import { randomToken } from '../auth/tokens';

/** How long a checked roster waits for "Impor n baris yang siap". */
export const UPLOAD_KEEP_MS = 30 * 60_000;
const TOKEN = /^[a-z2-7]{20,64}$/;

export interface KeptUpload {
  file?: Uint8Array;
  pasted?: string;
  mentorId?: string;
}

/**
 * Keeps a checked upload and returns its token. Expired ones of everybody are deleted
 * on the way, so the table never holds more than half an hour of uploads.
 */
export async function keepUpload(cohortId: string, uploadedBy: string, input: KeptUpload, now = Date.now()): Promise<string> {
  const token = randomToken();
  const content = input.file ? Buffer.from(input.file) : Buffer.from(input.pasted ?? '', 'utf8');
  await db().batch([
    db().delete(rosterUploads).where(lt(rosterUploads.expiresAt, now)),
    db()
      .insert(rosterUploads)
      .values({
        id: token,
        cohortId,
        uploadedBy,
        content,
        pasted: !input.file,
        mentorId: input.mentorId ?? null,
        createdAt: now,
        expiresAt: now + UPLOAD_KEEP_MS,
      }),
  ]);
  return token;
}

/** The upload behind a token, for its uploader and cohort only, while it has not expired. */
export async function keptUpload(token: string, cohortId: string, uploadedBy: string, now = Date.now()): Promise<KeptUpload | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const [row] = await db()
    .select()
    .from(rosterUploads)
    .where(and(eq(rosterUploads.id, token), eq(rosterUploads.cohortId, cohortId), eq(rosterUploads.uploadedBy, uploadedBy)))
    .limit(1);
  if (!row || row.expiresAt < now) return undefined;
  const bytes = new Uint8Array(row.content);
  return row.pasted ? { pasted: new TextDecoder().decode(bytes), mentorId: row.mentorId ?? undefined } : { file: bytes, mentorId: row.mentorId ?? undefined };
}

export async function forgetUpload(token: string): Promise<void> {
  await db().delete(rosterUploads).where(eq(rosterUploads.id, token));
}
