/**
 * The roster import against a real migrated libSQL temp file with the demo data: the per-row
 * report, the one-transaction write, the caps and every bad input of issue 4. Whole-file problems
 * must write nothing; row problems must be named with their spreadsheet row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { cohortMembers, cohorts, mentorAssignments, users } from '../../db/schema';
import { id as dictionary } from '../../src/i18n/id';
import { importRoster, IMPORT_MAX_BYTES, problemStatus, type ImportReport, type ImportResult } from '../../src/lib/server/trainer/roster-import';
import { problemText, refusalText } from '../../src/lib/server/trainer/import-messages';
import { cohortMembersCsv } from '../../src/lib/server/trainer/members-export';
import { createCohort } from '../../src/lib/server/mentoring/cohorts';

let database: Database;
let cohortId: string;
const TRAINER = 'demo-trainer';
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/csv', name)));
const bytes = (text: string) => new TextEncoder().encode(text);

let seq = 0;
/** A fresh, valid, never-used Indonesian mobile number (national form). */
const freshPhone = () => `0815${String(10_000_000 + ++seq).slice(-8)}`;

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
  const created = await createCohort({ name: 'Candi – Angkatan 2', kecamatan: 'Candi', joinCode: 'CND-IMPORT' });
  if (!created.ok) throw new Error('cohort');
  cohortId = created.id;
});

async function counts() {
  const q = async (table: string) => Number((await database.$client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  return { users: await q('users'), members: await q('cohort_members'), assignments: await q('mentor_assignments'), cohorts: await q('cohorts') };
}

function expectReport(result: ImportResult): ImportReport {
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problem)}`);
  return result;
}

/** A whole-file refusal: the problem, its 4xx status, an Indonesian message, and nothing written. */
async function expectRefused(run: () => Promise<ImportResult>, kind: string, status: number) {
  const before = await counts();
  const result = await run();
  expect(result.ok).toBe(false);
  if (result.ok) return result;
  expect(result.problem.kind).toBe(kind);
  expect(problemStatus(result.problem)).toBe(status);
  expect(problemText(result.problem, dictionary).length).toBeGreaterThan(10);
  expect(await counts()).toEqual(before);
  return result;
}

describe('import 20 learners, 2 bad rows', () => {
  it('imports the 18 good rows in one go, assigns the chosen mentor, and names each refused row', async () => {
    const phones = Array.from({ length: 20 }, freshPhone);
    const lines = ['Nama;No HP;Nama Usaha;Jenis Usaha;Kecamatan'];
    phones.forEach((phone, i) => lines.push(`Peserta ${i + 1};${phone};Usaha ${i + 1};kue;Candi`));
    lines[5] = 'Peserta 5;0812-ABC;Usaha 5;kue;Candi'; // row 6: bad phone
    lines[12] = `Peserta 12;${phones[3]};Usaha 12;kue;Candi`; // row 13: same number as row 5 (Peserta 4)
    const now = Date.UTC(2026, 10, 20, 3, 0);
    const before = await counts();
    const report = expectReport(await importRoster({ cohortId, file: bytes('\uFEFF' + lines.join('\r\n')), mentorId: 'demo-mentor-1' }, TRAINER, now));

    expect(report).toMatchObject({ dryRun: false, delimiter: ';', imported: 18, refused: 2, ignoredColumns: [], absentFields: [], mentorName: 'Mbak Dewi' });
    expect(report.rows.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const refused = report.rows.filter((r) => r.status === 'refused');
    expect(refused).toEqual([
      { row: 6, name: 'Peserta 5', phoneText: '0812-ABC', status: 'refused', refusal: { kind: 'phoneInvalid' } },
      { row: 13, name: 'Peserta 12', phoneText: phones[3], status: 'refused', refusal: { kind: 'phoneDuplicate', firstRow: 5 } },
    ]);
    expect(refused.map((r) => r.status === 'refused' && refusalText(r.refusal, dictionary))).toEqual([
      dictionary.trReasonPhoneInvalid,
      dictionary.trReasonDuplicate(5),
    ]);

    // Exactly the rows the report calls imported are in the database, as it says.
    const imported = report.rows.filter((r) => r.status === 'imported');
    expect(imported).toHaveLength(18);
    expect(await counts()).toEqual({ ...before, users: before.users + 18, members: before.members + 18, assignments: before.assignments + 18 });
    const ids = imported.map((r) => (r.status === 'imported' ? r.userId! : ''));
    const rows = await database.select().from(users).where(inArray(users.id, ids));
    expect(rows).toHaveLength(18);
    for (const r of imported) {
      const user = rows.find((u) => u.id === (r.status === 'imported' ? r.userId : ''))!;
      expect(user).toMatchObject({
        name: r.name,
        role: 'learner',
        passwordHash: null,
        kecamatan: 'Candi',
        businessType: 'kue',
        createdAt: now,
        deletedAt: null,
        consentAt: null,
      });
      expect(user.phone).toBe(`+62${phones[r.row - 2].slice(1)}`);
    }
    const members = await database.select().from(cohortMembers).where(inArray(cohortMembers.userId, ids));
    expect(members.every((m) => m.cohortId === cohortId && m.joinedAt === now)).toBe(true);
    const assignments = await database.select().from(mentorAssignments).where(inArray(mentorAssignments.learnerId, ids));
    expect(assignments).toHaveLength(18);
    expect(assignments.every((a) => a.mentorId === 'demo-mentor-1' && a.until === null && a.from === now && a.assignedBy === TRAINER)).toBe(true);
    // The refused rows left no trace.
    expect(await database.select().from(users).where(eq(users.name, 'Peserta 5'))).toEqual([]);
    expect(await database.select().from(users).where(eq(users.name, 'Peserta 12'))).toEqual([]);

    // The same file again: every number is now registered (in this cohort), nothing is written.
    const again = expectReport(await importRoster({ cohortId, file: bytes(lines.join('\n')) }, TRAINER));
    expect(again.imported).toBe(0);
    expect(again.rows.filter((r) => r.status === 'refused' && r.refusal.kind === 'phoneTaken' && r.refusal.inThisCohort)).toHaveLength(18);
    expect((await counts()).users).toBe(before.users + 18);
  });
});

describe('what is read from the file', () => {
  it('Excel in Indonesian (BOM, semicolons, quotes) imports', async () => {
    const other = await createCohort({ name: 'Porong', kecamatan: 'Porong', joinCode: 'PRG-IMPORT' });
    if (!other.ok) throw new Error('cohort');
    const report = expectReport(await importRoster({ cohortId: other.id, file: fixture('excel-id-semicolon-bom.csv') }, TRAINER));
    expect(report.imported).toBe(2);
    const [wahyu] = await database.select().from(users).where(eq(users.phone, '+6281234560002'));
    expect(wahyu).toMatchObject({ name: 'Pak "Gendut" Wahyu', businessName: 'Bandeng; Presto', businessType: 'bandeng', kecamatan: 'Porong' });
  });

  it('pasted cells (tabs), English headers, ignored and absent columns are reported; kecamatan falls back to the cohort’s', async () => {
    const a = freshPhone();
    const b = freshPhone();
    const report = expectReport(await importRoster({ cohortId, pasted: `Name\tPhone\tAlamat\nBu Tab\t${a}\tJl. Mawar\nPak Tab\t${b}\t\n` }, TRAINER));
    expect(report).toMatchObject({
      delimiter: '\t',
      imported: 2,
      refused: 0,
      ignoredColumns: ['Alamat'],
      absentFields: ['businessName', 'businessType', 'kecamatan'],
      mentorName: null,
    });
    const [row] = await database
      .select()
      .from(users)
      .where(eq(users.phone, `+62${a.slice(1)}`));
    expect(row).toMatchObject({ name: 'Bu Tab', businessName: null, businessType: null, kecamatan: 'Candi' });
    // No mentor was chosen: no assignment row.
    expect(await database.select().from(mentorAssignments).where(eq(mentorAssignments.learnerId, row.id))).toEqual([]);
  });

  it('a number already registered elsewhere is refused as registered (not in this cohort)', async () => {
    const report = expectReport(await importRoster({ cohortId, pasted: `nama,no hp\nBu Sari Lagi,0811-0000-0011\nBaru,${freshPhone()}\n` }, TRAINER));
    expect(report.rows[0]).toMatchObject({ row: 2, status: 'refused', refusal: { kind: 'phoneTaken', inThisCohort: false } });
    expect(report.imported).toBe(1);
    // The existing account is untouched.
    const [sari] = await database.select().from(users).where(eq(users.id, 'demo-learner-1'));
    expect(sari.name).toBe('Bu Sari');
  });

  it('formulas in names are stored as the text they are and neutralized in the CSV export', async () => {
    const exportCohort = await createCohort({ name: 'Ekspor', kecamatan: 'Buduran', joinCode: 'EXP-IMPORT' });
    if (!exportCohort.ok) throw new Error('cohort');
    const report = expectReport(await importRoster({ cohortId: exportCohort.id, file: fixture('formula-names.csv') }, TRAINER));
    expect(report.imported).toBe(2);
    const [evil] = await database.select().from(users).where(eq(users.phone, '+6281234560009'));
    expect(evil.name).toBe('=HYPERLINK("http://evil","x")');
    const csv = await cohortMembersCsv({ id: 'demo-trainer', role: 'trainer' }, exportCohort.id, ['m/01-a'], ';');
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0].slice(0, 5)).toEqual(['nama', 'no hp', 'nama usaha', 'jenis usaha', 'kecamatan']);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(["'+SUM(1;2)", `'=HYPERLINK("http://evil","x")`]);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // The exported file can be imported again (as its own header row says), formulas still inert.
    const reimport = expectReport(await importRoster({ cohortId, file: bytes(csv), dryRun: true }, TRAINER));
    expect(reimport.rows.every((r) => r.status === 'refused' && r.refusal.kind === 'phoneTaken')).toBe(true);
  });

  it('10,000-character fields refuse their row only, naming the column', async () => {
    const long = 'x'.repeat(10_000);
    const good = freshPhone();
    const report = expectReport(
      await importRoster(
        {
          cohortId,
          pasted: `nama,no hp,nama usaha,jenis usaha,kecamatan\n${long},${freshPhone()},,,\nBu Ok,${good},${long},,\nBu Ok2,${freshPhone()},,,${long}\nBu Ok3,${long},,,\nBu Betul,${freshPhone()},,,\n`,
        },
        TRAINER,
      ),
    );
    expect(report.rows.map((r) => (r.status === 'refused' ? r.refusal : r.status))).toEqual([
      { kind: 'tooLong', field: 'name', max: 80 },
      { kind: 'tooLong', field: 'businessName', max: 80 },
      { kind: 'tooLong', field: 'kecamatan', max: 60 },
      { kind: 'phoneInvalid' },
      'imported',
    ]);
    expect(report.rows[0].name.length).toBe(80);
    expect(refusalText({ kind: 'tooLong', field: 'businessName', max: 80 }, dictionary)).toBe('Isian nama usaha terlalu panjang (paling banyak 80 huruf).');
    expect(
      await database
        .select()
        .from(users)
        .where(eq(users.phone, `+62${good.slice(1)}`)),
    ).toEqual([]);
  });

  it('every row refused: nothing written, the report says so', async () => {
    const before = await counts();
    const report = expectReport(await importRoster({ cohortId, pasted: 'nama,no hp\n,0812\nBu X,\n' }, TRAINER));
    expect(report).toMatchObject({ imported: 0, refused: 2 });
    expect(await counts()).toEqual(before);
  });

  it('"Periksa dulu" (dry run) reports without writing', async () => {
    const before = await counts();
    const report = expectReport(
      await importRoster({ cohortId, pasted: `nama,no hp\nBu Cek,${freshPhone()}\nBu Salah,123\n`, mentorId: 'demo-mentor-2', dryRun: true }, TRAINER),
    );
    expect(report).toMatchObject({ dryRun: true, imported: 0, refused: 1, mentorName: 'Mas Arif' });
    expect(report.rows[0]).toMatchObject({ status: 'valid' });
    expect(await counts()).toEqual(before);
  });
});

describe('a number registered while the import runs', () => {
  it('the transaction fails as a whole, the number is refused, the rest go in on the retry', async () => {
    const [late, other] = [freshPhone(), freshPhone()];
    const original = database.batch.bind(database);
    let calls = 0;
    // Someone registers `late` between the check and the write.
    (database as { batch: unknown }).batch = async (statements: never) => {
      if (calls++ === 0) {
        await database
          .insert(users)
          .values({ id: 'late-registrant', phone: `+62${late.slice(1)}`, name: 'Daftar Duluan', role: 'learner', createdAt: Date.now() });
      }
      return original(statements);
    };
    try {
      const report = expectReport(
        await importRoster(
          {
            cohortId,
            pasted: `nama,no hp
Bu Telat,${late}
Bu Lain,${other}
`,
          },
          TRAINER,
        ),
      );
      expect(calls).toBe(2);
      expect(report.rows.map((r) => (r.status === 'refused' ? r.refusal.kind : r.status))).toEqual(['phoneTaken', 'imported']);
      expect(report.imported).toBe(1);
    } finally {
      (database as { batch: unknown }).batch = original;
    }
    const [kept] = await database
      .select()
      .from(users)
      .where(eq(users.phone, `+62${late.slice(1)}`));
    expect(kept.name).toBe('Daftar Duluan');
    expect(
      await database
        .select()
        .from(users)
        .where(eq(users.phone, `+62${other.slice(1)}`)),
    ).toHaveLength(1);
  });
});

describe('whole-file problems import nothing', () => {
  const rowsOf = (n: number) => ['nama,no hp', ...Array.from({ length: n }, (_, i) => `Peserta ${i},0816${String(i).padStart(8, '0')}`)].join('\n');

  it('an empty file, a BOM-only file, blank lines only, and no input at all', async () => {
    await expectRefused(() => importRoster({ cohortId, file: fixture('empty.csv') }, TRAINER), 'empty', 422);
    await expectRefused(() => importRoster({ cohortId, file: fixture('bom-only.csv') }, TRAINER), 'empty', 422);
    await expectRefused(() => importRoster({ cohortId, file: bytes('\r\n\r\n;;;\r\n') }, TRAINER), 'empty', 422);
    await expectRefused(() => importRoster({ cohortId, pasted: '   \n ' }, TRAINER), 'noInput', 422);
    await expectRefused(() => importRoster({ cohortId }, TRAINER), 'noInput', 422);
    expect(problemText({ kind: 'empty' }, dictionary)).toBe('File kosong: tidak ada baris yang bisa dibaca.');
  });

  it('a header without rows', async () => {
    await expectRefused(() => importRoster({ cohortId, pasted: 'nama;no hp;kecamatan\r\n' }, TRAINER), 'noRows', 422);
  });

  it('a file and a pasted table at once', async () => {
    await expectRefused(() => importRoster({ cohortId, file: fixture('english-comma.csv'), pasted: 'nama,no hp\nA,0812' }, TRAINER), 'bothInputs', 422);
  });

  it('missing required columns are named', async () => {
    const result = await expectRefused(() => importRoster({ cohortId, file: fixture('missing-phone.csv') }, TRAINER), 'missingColumns', 422);
    if (!result.ok) {
      expect(result.problem).toEqual({ kind: 'missingColumns', missing: ['phone'] });
      expect(problemText(result.problem, dictionary)).toContain('Kolom wajib tidak ditemukan: no hp.');
    }
    // A file without a header row: both are missing.
    const headless = await expectRefused(
      () => importRoster({ cohortId, pasted: `Bu Sari,${freshPhone()}\nPak Hadi,${freshPhone()}` }, TRAINER),
      'missingColumns',
      422,
    );
    if (!headless.ok) expect(problemText(headless.problem, dictionary)).toContain('nama, no hp');
  });

  it('the same column twice', async () => {
    await expectRefused(() => importRoster({ cohortId, pasted: `nama,no hp,telepon\nA,${freshPhone()},${freshPhone()}` }, TRAINER), 'duplicateColumn', 422);
  });

  it('5,000 rows: 413 with the count and the cap, nothing imported', async () => {
    const text = rowsOf(5000);
    expect(bytes(text).length).toBeLessThan(IMPORT_MAX_BYTES);
    const result = await expectRefused(() => importRoster({ cohortId, file: bytes(text) }, TRAINER), 'tooManyRows', 413);
    if (!result.ok) {
      expect(result.problem).toEqual({ kind: 'tooManyRows', rows: 5000, max: 2000 });
      expect(problemText(result.problem, dictionary)).toBe(
        'File berisi 5.000 baris peserta, padahal paling banyak 2.000 sekali impor. Bagi menjadi beberapa file.',
      );
    }
    await expectRefused(() => importRoster({ cohortId, file: bytes(rowsOf(2001)) }, TRAINER), 'tooManyRows', 413);
  });

  it('more than 1 MB', async () => {
    const big = bytes('nama,no hp\n' + `Bu Panjang,0812${'0'.repeat(8)}\n`.repeat(50_000));
    expect(big.length).toBeGreaterThan(IMPORT_MAX_BYTES);
    await expectRefused(() => importRoster({ cohortId, file: big }, TRAINER), 'tooLarge', 413);
    await expectRefused(() => importRoster({ cohortId, pasted: new TextDecoder().decode(big) }, TRAINER), 'tooLarge', 413);
  });

  it('an Excel workbook (.xlsx) instead of a CSV', async () => {
    const result = await expectRefused(() => importRoster({ cohortId, file: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]) }, TRAINER), 'binary', 422);
    if (!result.ok) expect(problemText(result.problem, dictionary)).toContain('Simpan Sebagai');
  });

  it('an unclosed quote', async () => {
    await expectRefused(() => importRoster({ cohortId, pasted: `nama,no hp\nA,${freshPhone()}\n"B,${freshPhone()}\n` }, TRAINER), 'malformed', 422);
  });

  it('an unknown cohort, an unknown mentor, a mentor who is not a mentor', async () => {
    const file = bytes(`nama,no hp\nBu Y,${freshPhone()}\n`);
    await expectRefused(() => importRoster({ cohortId: 'no-such-cohort', file }, TRAINER), 'cohortUnknown', 404);
    await expectRefused(() => importRoster({ cohortId, file, mentorId: 'no-such-mentor' }, TRAINER), 'mentorUnknown', 422);
    await expectRefused(() => importRoster({ cohortId, file, mentorId: 'demo-learner-2' }, TRAINER), 'notAMentor', 422);
    await expectRefused(() => importRoster({ cohortId, file, mentorId: 'demo-trainer' }, TRAINER), 'notAMentor', 422);
    await expectRefused(() => importRoster({ cohortId, file, mentorId: 'x'.repeat(10_000) }, TRAINER), 'mentorUnknown', 422);
  });
});

describe('caps', () => {
  it('exactly 2,000 rows import in one transaction', async () => {
    const big = await createCohort({ name: 'Besar', kecamatan: 'Sidoarjo', joinCode: 'BIG-IMPORT' });
    if (!big.ok) throw new Error('cohort');
    const text = ['nama;no hp;kecamatan', ...Array.from({ length: 2000 }, (_, i) => `Peserta ${i};0817${String(i).padStart(8, '0')};Sidoarjo`)].join('\n');
    const before = await counts();
    const started = Date.now();
    const report = expectReport(await importRoster({ cohortId: big.id, file: bytes(text), mentorId: 'demo-mentor-2' }, TRAINER));
    expect(report.imported).toBe(2000);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await counts()).toEqual({ ...before, users: before.users + 2000, members: before.members + 2000, assignments: before.assignments + 2000 });
    const [{ n }] = (await database.$client.execute({ sql: 'SELECT count(*) AS n FROM cohort_members WHERE cohort_id = ?', args: [big.id] })).rows;
    expect(Number(n)).toBe(2000);
  });

  it('the cohort rows were not touched by any import', async () => {
    const [row] = await database.select().from(cohorts).where(eq(cohorts.id, cohortId));
    expect(row).toMatchObject({ name: 'Candi – Angkatan 2', joinCode: 'CND-IMPORT' });
  });
});
