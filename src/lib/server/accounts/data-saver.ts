import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { users } from '@db/schema';

/**
 * "Hemat kuota": stored with the account, so it follows the learner to any phone and
 * works without JavaScript. What it changes is decided on the server, page by page:
 * - no automatic downloads: the service worker and its app shell are not installed (they are when
 *   the learner taps "Simpan untuk offline"); see components/offline/AppHead.astro;
 * - the smallest lesson page: no read-aloud button, no share button;
 * - H5P activities and images load only when tapped (already the case for everyone).
 */
const formSchema = z.object({ dataSaver: z.enum(['on', 'off']) });

export async function setDataSaver(userId: string, input: unknown): Promise<{ ok: true; on: boolean } | { ok: false; error: 'formInvalid' }> {
  const parsed = formSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'formInvalid' };
  const on = parsed.data.dataSaver === 'on';
  await db().update(users).set({ dataSaver: on }).where(eq(users.id, userId));
  return { ok: true, on };
}

/** Measured when the build was made; the app shell of a typical build when there is none. */
const FALLBACK_SHELL_BYTES = 45_000;
let shellBytes: number | undefined;

/** Bytes a phone downloads by itself for the service worker and its app shell (build-sw.ts measures them). */
export function appShellBytes(): number {
  if (shellBytes === undefined) {
    try {
      const bytes = Number(JSON.parse(readFileSync(join(process.cwd(), 'dist', 'client', 'app-shell-size.json'), 'utf8')).bytes);
      shellBytes = Number.isFinite(bytes) && bytes > 0 ? bytes : FALLBACK_SHELL_BYTES;
    } catch {
      shellBytes = FALLBACK_SHELL_BYTES;
    }
  }
  return shellBytes;
}
