import { z } from 'astro/zod';
import { and, asc, desc, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { collaborations, PARTNERSHIP_TYPES as SCHEMA_PARTNERSHIP_TYPES, SALES_BANDS, salesReports } from '@db/schema';
import { jakartaDate } from '../../wib';

/**
 * What a learner reports about their business (the learner's side): the monthly
 * sales band at the start and at follow-up (self-reported; source "self") and the partnerships
 * they made since enrolment (a mentor may verify them later). Each is dated.
 */
export const PARTNER_MAX = 80;
export { SALES_BANDS };
/**
 * The partnership types a learner logs here (docs/indicator.md). The schema's list also holds
 * the peer collaborations between Melek sellers, which the other seller confirms on
 * the network pages; they are not typed in here.
 */
export const PARTNERSHIP_TYPES = ['supplier', 'reseller', 'marketplace', 'lender', 'community'] as const satisfies ReadonlyArray<
  (typeof SCHEMA_PARTNERSHIP_TYPES)[number]
>;
export type SalesRow = typeof salesReports.$inferSelect;
export type PartnershipRow = typeof collaborations.$inferSelect;
export type Result = { ok: true } | { ok: false; status: 400 | 409; errors: Record<string, string> };

const salesSchema = z.object({
  timepoint: z.enum(['start', 'followup'], { errorMap: () => ({ message: 'cpSalesTimepoint' }) }),
  band: z.enum(SALES_BANDS, { errorMap: () => ({ message: 'cpBandInvalid' }) }),
});

const partnershipSchema = z.object({
  type: z.enum(PARTNERSHIP_TYPES, { errorMap: () => ({ message: 'cpPartnerType' }) }),
  partner: z
    .string({ required_error: 'cpPartnerEmpty', invalid_type_error: 'cpPartnerEmpty' })
    .trim()
    .min(1, 'cpPartnerEmpty')
    .max(PARTNER_MAX, 'cpPartnerLong'),
  startedOn: z
    .string({ required_error: 'cpPartnerDateEmpty', invalid_type_error: 'cpPartnerDateEmpty' })
    .trim()
    .min(1, 'cpPartnerDateEmpty')
    // Date.parse rolls 2026-02-30 over to 2 March, so the date must read back unchanged.
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v, 'dateInvalid'),
});

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message;
  return errors;
}

export async function salesOf(userId: string): Promise<{ start?: SalesRow; followups: SalesRow[] }> {
  const rows = await db().select().from(salesReports).where(eq(salesReports.userId, userId)).orderBy(asc(salesReports.reportedAt));
  return { start: rows.find((r) => r.timepoint === 'start'), followups: rows.filter((r) => r.timepoint === 'followup') };
}

/**
 * The start band is reported once (it is the baseline; a mistake is corrected by the mentor).
 * Follow-ups come after it; each is kept with its date, the newest is the current one.
 */
export async function reportSalesBand(userId: string, input: unknown, now = Date.now()): Promise<Result> {
  const parsed = salesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const { timepoint, band } = parsed.data;
  const [start] = await db()
    .select({ id: salesReports.id })
    .from(salesReports)
    .where(and(eq(salesReports.userId, userId), eq(salesReports.timepoint, 'start')))
    .limit(1);
  if (timepoint === 'start' && start) return { ok: false, status: 409, errors: { _form: 'cpSalesStartDone' } };
  if (timepoint === 'followup' && !start) return { ok: false, status: 409, errors: { _form: 'cpSalesStartFirst' } };
  await db().insert(salesReports).values({ id: crypto.randomUUID(), userId, timepoint, band, source: 'self', reportedAt: now });
  return { ok: true };
}

/** The partnerships the learner logged here (status "logged"; peer collaborations live on the network pages). */
export async function partnershipsOf(userId: string): Promise<PartnershipRow[]> {
  return db()
    .select()
    .from(collaborations)
    .where(and(eq(collaborations.userId, userId), eq(collaborations.status, 'logged')))
    .orderBy(desc(collaborations.startedOn), desc(collaborations.createdAt));
}

/** A new partnership, dated from the day of enrolment up to today (both in WIB). */
export async function logPartnership(userId: string, input: unknown, enrolledAt: number, now = Date.now()): Promise<Result> {
  const parsed = partnershipSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const { type, partner, startedOn } = parsed.data;
  if (startedOn > jakartaDate(now)) return { ok: false, status: 400, errors: { startedOn: 'cpPartnerDateFuture' } };
  if (startedOn < jakartaDate(enrolledAt)) return { ok: false, status: 400, errors: { startedOn: 'cpPartnerDateEarly' } };
  await db().insert(collaborations).values({ id: crypto.randomUUID(), userId, type, partner, startedOn, status: 'logged', source: 'self', createdAt: now });
  return { ok: true };
}
