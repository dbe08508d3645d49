import { ROSTER_IMPORT_MAX_BYTES } from '../../body-limits';
import { and, eq, inArray } from 'drizzle-orm';
import { batchAll, db } from '@db/client';
import { cohortMembers, cohorts, mentorAssignments, users } from '@db/schema';
import { decodeCsvBytes, parseCsv, type Delimiter } from '../../csv/parse';
import { newId } from '../auth/tokens';
import { checkRosterRows, matchColumns, type CheckedRow, type RosterField, type RosterLearner, type RowRefusal } from './roster-plan';
import { isUniqueViolation } from '../db-errors';

/** Caps of one import: a bigger roster is split into several files. */
export const IMPORT_MAX_BYTES = ROSTER_IMPORT_MAX_BYTES;
export const IMPORT_MAX_ROWS = 2000;

export type ImportProblem =
  | { kind: 'cohortUnknown' }
  | { kind: 'mentorUnknown' }
  | { kind: 'notAMentor' }
  | { kind: 'noInput' }
  | { kind: 'bothInputs' }
  | { kind: 'tooLarge'; maxBytes: number }
  | { kind: 'binary' }
  | { kind: 'empty' }
  | { kind: 'noRows' }
  | { kind: 'malformed'; row: number }
  | { kind: 'tooManyRows'; rows: number; max: number }
  | { kind: 'missingColumns'; missing: RosterField[] }
  | { kind: 'duplicateColumn'; field: RosterField; headers: string[] }
  | { kind: 'conflict' }
  | { kind: 'uploadExpired' };

/** The HTTP status each problem is answered with. */
export function problemStatus(problem: ImportProblem): 404 | 409 | 410 | 413 | 422 {
  switch (problem.kind) {
    case 'uploadExpired':
      return 410;
    case 'cohortUnknown':
      return 404;
    case 'tooLarge':
    case 'tooManyRows':
      return 413;
    case 'conflict':
      return 409;
    default:
      return 422;
  }
}

export type ReportRow =
  | { row: number; name: string; phoneText: string; status: 'imported' | 'valid'; userId?: string; phone: string }
  | { row: number; name: string; phoneText: string; status: 'refused'; refusal: RowRefusal };

export interface ImportReport {
  ok: true;
  /** A check only ("Periksa dulu"): nothing was written. */
  dryRun: boolean;
  delimiter: Delimiter;
  rows: ReportRow[];
  imported: number;
  refused: number;
  /** Headers that matched no field (ignored), and optional fields the file has no column for. */
  ignoredColumns: string[];
  absentFields: RosterField[];
  mentorName: string | null;
}

export type ImportResult = ImportReport | { ok: false; problem: ImportProblem };

export interface ImportInput {
  cohortId: string;
  /** The uploaded file's bytes, if a file was chosen. */
  file?: Uint8Array;
  /** Text pasted into the form (CSV, or cells copied from a spreadsheet: tab-separated). */
  pasted?: string;
  /** Optional: every imported learner is assigned to this mentor. */
  mentorId?: string;
  dryRun?: boolean;
}

const fail = (problem: ImportProblem): ImportResult => ({ ok: false, problem });
const CHUNK = 200;
const chunks = <T>(items: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Imports a roster into a cohort: every valid row becomes a learner account without a password
 * (they get an invite link), a member of the cohort and, if a mentor was chosen, that mentor's
 * learner. Whole-file problems (caps, columns, encoding, an unknown cohort or mentor) import
 * nothing; otherwise all valid rows go in together in one transaction and the report names each
 * row: imported, or refused and why.
 */
export async function importRoster(input: ImportInput, importedBy: string, now = Date.now()): Promise<ImportResult> {
  const [cohort] = await db().select({ id: cohorts.id, kecamatan: cohorts.kecamatan }).from(cohorts).where(eq(cohorts.id, input.cohortId)).limit(1);
  if (!cohort) return fail({ kind: 'cohortUnknown' });

  let mentorName: string | null = null;
  if (input.mentorId) {
    const [mentor] = await db().select().from(users).where(eq(users.id, input.mentorId)).limit(1);
    if (!mentor || mentor.deletedAt !== null) return fail({ kind: 'mentorUnknown' });
    if (mentor.role !== 'mentor') return fail({ kind: 'notAMentor' });
    mentorName = mentor.name;
  }

  const hasFile = !!input.file && input.file.length > 0;
  const hasPaste = !!input.pasted && input.pasted.trim() !== '';
  if (hasFile && hasPaste) return fail({ kind: 'bothInputs' });
  if (!hasFile && !hasPaste) return fail({ kind: input.file ? 'empty' : 'noInput' });
  let text: string;
  if (hasFile) {
    if (input.file!.length > IMPORT_MAX_BYTES) return fail({ kind: 'tooLarge', maxBytes: IMPORT_MAX_BYTES });
    const decoded = decodeCsvBytes(input.file!);
    if (!decoded.ok) return fail({ kind: 'binary' });
    text = decoded.text;
  } else {
    text = input.pasted!;
    if (new TextEncoder().encode(text).length > IMPORT_MAX_BYTES) return fail({ kind: 'tooLarge', maxBytes: IMPORT_MAX_BYTES });
  }

  const parsed = parseCsv(text);
  if (!parsed.ok) return fail(parsed.error === 'empty' ? { kind: 'empty' } : { kind: 'malformed', row: parsed.row });
  const { table } = parsed;
  const match = matchColumns(table.header);
  if (!match.ok) {
    return fail(
      match.error === 'missingColumns'
        ? { kind: 'missingColumns', missing: match.missing }
        : { kind: 'duplicateColumn', field: match.field, headers: match.headers },
    );
  }
  if (table.rows.length === 0) return fail({ kind: 'noRows' });
  if (table.rows.length > IMPORT_MAX_ROWS) return fail({ kind: 'tooManyRows', rows: table.rows.length, max: IMPORT_MAX_ROWS });

  let checked = checkRosterRows(table, match.columns);
  checked = await refuseRegistered(checked, input.cohortId);
  const report = (rows: ReportRow[], dryRun: boolean): ImportReport => ({
    ok: true,
    dryRun,
    delimiter: table.delimiter,
    rows,
    imported: dryRun ? 0 : rows.filter((r) => r.status === 'imported').length,
    refused: rows.filter((r) => r.status === 'refused').length,
    ignoredColumns: match.ignored,
    absentFields: match.absent,
    mentorName,
  });
  if (input.dryRun) return report(toReport(checked, new Map(), 'valid'), true);

  // A number registered between the check and the write (someone registering at that moment)
  // makes the transaction fail as a whole; check again once and retry without it.
  for (let attempt = 0; attempt < 2; attempt++) {
    const ids = new Map<number, string>();
    for (const row of checked) if (row.ok) ids.set(row.row, newId());
    try {
      await writeLearners(checked, ids, cohort, input.mentorId || null, importedBy, now);
      return report(toReport(checked, ids, 'imported'), false);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      checked = await refuseRegistered(checked, input.cohortId);
    }
  }
  return fail({ kind: 'conflict' });
}

function toReport(checked: CheckedRow[], ids: Map<number, string>, okStatus: 'imported' | 'valid'): ReportRow[] {
  return checked.map((row) =>
    row.ok
      ? { row: row.row, name: row.name, phoneText: row.phoneText, phone: row.learner.phone, status: okStatus, userId: ids.get(row.row) }
      : { row: row.row, name: row.name, phoneText: row.phoneText, status: 'refused', refusal: row.refusal },
  );
}

/** Rows whose number already has an account are refused ("phone already registered"). */
async function refuseRegistered(checked: CheckedRow[], cohortId: string): Promise<CheckedRow[]> {
  const phones = checked.flatMap((row) => (row.ok ? [row.learner.phone] : []));
  const taken = new Map<string, boolean>();
  for (const part of chunks(phones, 500)) {
    const rows = await db()
      .select({ phone: users.phone, member: cohortMembers.userId })
      .from(users)
      .leftJoin(cohortMembers, and(eq(cohortMembers.userId, users.id), eq(cohortMembers.cohortId, cohortId)))
      .where(inArray(users.phone, part));
    for (const row of rows) if (row.phone) taken.set(row.phone, row.member !== null);
  }
  return checked.map((row) =>
    row.ok && taken.has(row.learner.phone)
      ? { row: row.row, name: row.name, phoneText: row.phoneText, ok: false, refusal: { kind: 'phoneTaken', inThisCohort: taken.get(row.learner.phone)! } }
      : row,
  );
}

/** One transaction: the accounts, their memberships and (if chosen) their mentor. */
async function writeLearners(
  checked: CheckedRow[],
  ids: Map<number, string>,
  cohort: { id: string; kecamatan: string },
  mentorId: string | null,
  importedBy: string,
  now: number,
) {
  const cohortId = cohort.id;
  // As on the register page: without a kecamatan of their own, learners get the cohort's.
  const learners: Array<RosterLearner & { id: string }> = checked.flatMap((row) =>
    row.ok ? [{ id: ids.get(row.row)!, ...row.learner, kecamatan: row.learner.kecamatan ?? cohort.kecamatan }] : [],
  );
  if (learners.length === 0) return;
  const statements = [
    ...chunks(learners).map((part) =>
      db()
        .insert(users)
        .values(part.map((l) => ({ ...l, role: 'learner' as const, createdAt: now }))),
    ),
    ...chunks(learners).map((part) =>
      db()
        .insert(cohortMembers)
        .values(part.map((l) => ({ cohortId, userId: l.id, joinedAt: now }))),
    ),
    ...(mentorId
      ? chunks(learners).map((part) =>
          db()
            .insert(mentorAssignments)
            .values(part.map((l) => ({ id: newId(), mentorId, learnerId: l.id, assignedBy: importedBy, from: now }))),
        )
      : []),
  ];
  await batchAll(statements);
}
