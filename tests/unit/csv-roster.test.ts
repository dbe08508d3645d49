/** Which column is which in a roster, and which rows can become learner accounts (pure, no database). */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/parse';
import { checkRosterRows, matchColumns, normalizeHeader } from '../../src/lib/server/trainer/roster-plan';

const table = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error('did not parse');
  return result.table;
};

describe('matchColumns', () => {
  it.each([
    [['nama', 'no hp', 'nama usaha', 'jenis usaha', 'kecamatan']],
    [['Nama', 'No HP', 'Nama Usaha', 'Jenis Usaha', 'Kecamatan']],
    [['NAMA ', ' Nomor HP', 'NAMA_USAHA', 'jenis-usaha', 'Kec.']],
    [['name', 'phone', 'business name', 'business type', 'kecamatan']],
    [['Name', 'Phone Number', 'BusinessName', 'Business Type', 'District']],
    [['nama lengkap', 'Nomor HP (WhatsApp)', 'usaha', 'bidang usaha', 'kecamatan']],
    [['Nama', 'Telepon', 'Nama Toko', 'Jenis Usaha', 'Kecamatan']],
    [['nama', 'no. telp', 'nama usaha', 'jenis usaha', 'kecamatan']],
  ])('%j: all five fields', (header) => {
    expect(matchColumns(header)).toEqual({
      ok: true,
      columns: { name: 0, phone: 1, businessName: 2, businessType: 3, kecamatan: 4 },
      ignored: [],
      absent: [],
    });
  });

  it('columns may come in any order; unknown ones are ignored and named; absent optional ones are listed', () => {
    expect(matchColumns(['Alamat', 'HP', 'Nama', '', 'Catatan'])).toEqual({
      ok: true,
      columns: { phone: 1, name: 2 },
      ignored: ['Alamat', 'Catatan'],
      absent: ['businessName', 'businessType', 'kecamatan'],
    });
  });

  it.each([
    [['nama', 'kecamatan', 'alamat'], ['phone']],
    [['no hp', 'kecamatan'], ['name']],
    [
      ['Bu Sari', '081234567890'],
      ['name', 'phone'],
    ],
    [[], ['name', 'phone']],
  ])('%j: missing %j', (header, missing) => {
    expect(matchColumns(header)).toEqual({ ok: false, error: 'missingColumns', missing });
  });

  it('the same field twice is refused, naming both headers', () => {
    expect(matchColumns(['nama', 'no hp', 'Nomor WA'])).toEqual({ ok: false, error: 'duplicateColumn', field: 'phone', headers: ['no hp', 'Nomor WA'] });
  });

  it('a 10,000-character header is ignored and shown shortened', () => {
    const result = matchColumns(['nama', 'no hp', 'x'.repeat(10_000)]);
    expect(result.ok && result.ignored[0].length).toBe(40);
  });

  it('normalizeHeader', () => {
    expect(normalizeHeader(' No. HP / WA ')).toBe('nohpwa');
    expect(normalizeHeader('ＮＡＭＡ')).toBe('nama');
  });
});

describe('checkRosterRows', () => {
  const rows = (text: string) => {
    const t = table(text);
    const match = matchColumns(t.header);
    if (!match.ok) throw new Error('columns');
    return checkRosterRows(t, match.columns);
  };

  it('a good row becomes a learner: E.164 phone, tidy text, empty optional fields are null', () => {
    expect(rows('nama;no hp;nama usaha;jenis usaha;kecamatan\n  Bu   Sumi ;0812-3456-0001;" Kerupuk\nSumi ";;\n')).toEqual([
      {
        row: 2,
        name: 'Bu Sumi',
        phoneText: '0812-3456-0001',
        ok: true,
        learner: { name: 'Bu Sumi', phone: '+6281234560001', businessName: 'Kerupuk Sumi', businessType: null, kecamatan: null },
      },
    ]);
  });

  it('each refusal reason, with the spreadsheet row', () => {
    const checked = rows(
      [
        'nama,no hp,nama usaha,kecamatan',
        ',081234560001,,', // 2: no name
        'Bu A,,,', // 3: no phone
        'Bu B,12345,,', // 4: bad phone
        'Bu C,+44 7700 900123,,', // 5: foreign
        'Bu D,081234560002,,', // 6: ok
        'Bu E,+62 812-3456-0002,,', // 7: same number as row 6
        `${'N'.repeat(81)},081234560003,,`, // 8: name too long
        `Bu F,081234560004,${'U'.repeat(10_000)},`, // 9: business name too long
        `Bu G,081234560005,,${'K'.repeat(61)}`, // 10: kecamatan too long
        `Bu H,${'8'.repeat(10_000)},,`, // 11: 10,000-digit phone
      ].join('\n'),
    );
    expect(checked.map((r) => [r.row, r.ok ? 'ok' : r.refusal])).toEqual([
      [2, { kind: 'nameEmpty' }],
      [3, { kind: 'phoneEmpty' }],
      [4, { kind: 'phoneInvalid' }],
      [5, { kind: 'phoneForeign' }],
      [6, 'ok'],
      [7, { kind: 'phoneDuplicate', firstRow: 6 }],
      [8, { kind: 'tooLong', field: 'name', max: 80 }],
      [9, { kind: 'tooLong', field: 'businessName', max: 80 }],
      [10, { kind: 'tooLong', field: 'kecamatan', max: 60 }],
      [11, { kind: 'phoneInvalid' }],
    ]);
    // What a refused row shows of itself stays short, whatever was in the file.
    for (const row of checked) {
      expect(row.name.length).toBeLessThanOrEqual(80);
      expect(row.phoneText.length).toBeLessThanOrEqual(30);
    }
  });

  it('a number refused for another reason does not count as "seen" for duplicates', () => {
    const checked = rows('nama,no hp\n,081234560001\nBu A,081234560001\nBu B,081234560001\n');
    expect(checked.map((r) => (r.ok ? 'ok' : r.refusal.kind))).toEqual(['nameEmpty', 'ok', 'phoneDuplicate']);
  });

  it('control characters inside a cell become spaces', () => {
    const checked = rows('nama,no hp\n"Bu\u0000Ani\u0007 \u001b[31mMerah",081234560010\n');
    expect(checked[0]).toMatchObject({ ok: true, learner: { name: 'Bu Ani [31mMerah' } });
  });

  it('formulas in a name are kept as text, not refused and not altered', () => {
    const checked = rows('nama,no hp\n"=HYPERLINK(""http://evil"",""x"")",081234560009\n');
    expect(checked[0]).toMatchObject({ ok: true, learner: { name: '=HYPERLINK("http://evil","x")' } });
  });
});
