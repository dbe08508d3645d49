import { and, eq, ne } from 'drizzle-orm';
import { db } from '@db/client';
import { cohorts } from '@db/schema';
import { parseForm, type FieldErrors } from '../../validation';
import { cohortSchema } from '../mentoring/cohorts';
import { isUniqueViolation } from '../db-errors';

/** Changes a cohort's name, kecamatan, code, group link or dates, with the same rules as creating one. */
export async function updateCohort(id: string, input: unknown): Promise<{ ok: true; name: string } | { ok: false; errors: FieldErrors }> {
  const parsed = parseForm(cohortSchema, input);
  if (!parsed.ok) return parsed;
  const taken = await db()
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.joinCode, parsed.data.joinCode), ne(cohorts.id, id)))
    .limit(1);
  if (taken.length) return { ok: false, errors: { joinCode: 'joinCodeTaken' } };
  try {
    const updated = await db().update(cohorts).set(parsed.data).where(eq(cohorts.id, id)).returning({ id: cohorts.id });
    if (updated.length === 0) return { ok: false, errors: { _form: 'cohortUnknown' } };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { joinCode: 'joinCodeTaken' } };
    throw error;
  }
  return { ok: true, name: parsed.data.name };
}
