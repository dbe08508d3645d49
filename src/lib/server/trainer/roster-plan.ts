import { normalizePhone } from '../../phone';
import type { CsvTable } from '../../csv/parse';

/**
 * The pure half of the roster import: which column is which, and which rows can become learner
 * accounts. No database here; roster-import.ts adds "already registered" and writes.
 */

export const ROSTER_FIELDS = ['name', 'phone', 'businessName', 'businessType', 'kecamatan'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export const REQUIRED_FIELDS: RosterField[] = ['name', 'phone'];

/** The same caps as the account form (create-account.ts). */
export const FIELD_MAX: Record<RosterField, number> = { name: 80, phone: 30, businessName: 80, businessType: 80, kecamatan: 60 };

/** Header spellings, compared after normalizeHeader (lower case, letters and digits only). */
const ALIASES: Record<RosterField, string[]> = {
  name: ['name', 'nama', 'namalengkap', 'namapeserta', 'fullname', 'namapemilik', 'learnername'],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'whatsapp',
    'hp',
    'nohp',
    'nomorhp',
    'nomerhp',
    'nohandphone',
    'nomorhandphone',
    'telepon',
    'telpon',
    'telp',
    'notelp',
    'notelepon',
    'nomortelepon',
    'notlp',
    'wa',
    'nowa',
    'nomorwa',
    'nomorwhatsapp',
    'nohpwa',
    'nomorhpwa',
    'nohpwhatsapp',
    'nomorhpwhatsapp',
  ],
  businessName: ['businessname', 'business', 'namausaha', 'usaha', 'namabisnis', 'namatoko', 'toko'],
  businessType: ['businesstype', 'jenisusaha', 'bidangusaha', 'jenisbisnis', 'kategoriusaha', 'jenisproduk'],
  kecamatan: ['kecamatan', 'kec', 'district', 'subdistrict'],
};

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export type ColumnMatch =
  | { ok: true; columns: Partial<Record<RosterField, number>>; ignored: string[]; absent: RosterField[] }
  | { ok: false; error: 'missingColumns'; missing: RosterField[] }
  | { ok: false; error: 'duplicateColumn'; field: RosterField; headers: string[] };

/** Header cells → column index of each field; unknown headers are ignored (and reported). */
export function matchColumns(header: string[]): ColumnMatch {
  const columns: Partial<Record<RosterField, number>> = {};
  const ignored: string[] = [];
  for (let i = 0; i < header.length; i++) {
    const key = normalizeHeader(header[i]);
    const field = ROSTER_FIELDS.find((f) => ALIASES[f].includes(key));
    if (!field) {
      if (header[i].trim() !== '') ignored.push(header[i].trim().slice(0, 40));
      continue;
    }
    if (columns[field] !== undefined) {
      return { ok: false, error: 'duplicateColumn', field, headers: [header[columns[field]!], header[i]].map((h) => h.trim().slice(0, 40)) };
    }
    columns[field] = i;
  }
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length) return { ok: false, error: 'missingColumns', missing };
  return { ok: true, columns, ignored, absent: ROSTER_FIELDS.filter((f) => columns[f] === undefined) };
}

export type RowRefusal =
  | { kind: 'nameEmpty' }
  | { kind: 'tooLong'; field: RosterField; max: number }
  | { kind: 'phoneEmpty' | 'phoneInvalid' | 'phoneForeign' }
  | { kind: 'phoneDuplicate'; firstRow: number }
  | { kind: 'phoneTaken'; inThisCohort: boolean };

export interface RosterLearner {
  name: string;
  phone: string;
  businessName: string | null;
  businessType: string | null;
  kecamatan: string | null;
}

export type CheckedRow =
  | { row: number; name: string; phoneText: string; ok: true; learner: RosterLearner }
  | { row: number; name: string; phoneText: string; ok: false; refusal: RowRefusal };

/** Spreadsheet cells may hold line breaks, control characters and runs of spaces; a name is kept on one line. */
const tidy = (value: string | undefined) =>
  (value ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Checks every data row on its own and against the rows before it: a name, lengths within the
 * account form's caps, an Indonesian mobile number, and no number twice in the file (the first
 * occurrence is kept, later ones are refused naming it).
 */
export function checkRosterRows(table: CsvTable, columns: Partial<Record<RosterField, number>>): CheckedRow[] {
  const firstRowOfPhone = new Map<string, number>();
  return table.rows.map(({ row, cells }) => {
    const value = (field: RosterField) => (columns[field] === undefined ? '' : tidy(cells[columns[field]!]));
    const name = value('name');
    const phoneText = value('phone');
    // What the report shows of a refused row is capped too: a 10,000-character cell stays a cell.
    const shown = { row, name: name.slice(0, FIELD_MAX.name), phoneText: phoneText.slice(0, FIELD_MAX.phone) };
    const refuse = (refusal: RowRefusal): CheckedRow => ({ ...shown, ok: false, refusal });
    if (name === '') return refuse({ kind: 'nameEmpty' });
    for (const field of ROSTER_FIELDS) {
      if (field !== 'phone' && value(field).length > FIELD_MAX[field]) return refuse({ kind: 'tooLong', field, max: FIELD_MAX[field] });
    }
    const phone = normalizePhone(phoneText);
    if (!phone.ok) return refuse({ kind: phone.error });
    const first = firstRowOfPhone.get(phone.e164);
    if (first !== undefined) return refuse({ kind: 'phoneDuplicate', firstRow: first });
    firstRowOfPhone.set(phone.e164, row);
    const optional = (field: RosterField) => value(field) || null;
    return {
      ...shown,
      ok: true,
      learner: { name, phone: phone.e164, businessName: optional('businessName'), businessType: optional('businessType'), kecamatan: optional('kecamatan') },
    };
  });
}
