/**
 * Reading rosters the way trainers make them: Excel set to Indonesian (semicolons, a BOM),
 * English comma files, cells pasted from a spreadsheet (tabs), old Excel "CSV" (Windows-1252),
 * Excel "Unicode text" (UTF-16), quoted fields, blank rows — and files that are not CSV at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, detectDelimiter, parseCsv } from '../../src/lib/csv/parse';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/csv', name)));
const decode = (name: string) => {
  const result = decodeCsvBytes(fixture(name));
  if (!result.ok) throw new Error(`${name} did not decode`);
  return result.text;
};
const table = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`did not parse: ${JSON.stringify(result)}`);
  return result.table;
};

describe('decodeCsvBytes', () => {
  it('drops a UTF-8 BOM (Excel "CSV UTF-8")', () => {
    const text = decode('excel-id-semicolon-bom.csv');
    expect(text.startsWith('Nama;No HP')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('a file of nothing but a BOM is empty text', () => {
    expect(decodeCsvBytes(fixture('bom-only.csv'))).toEqual({ ok: true, text: '' });
    expect(decodeCsvBytes(fixture('empty.csv'))).toEqual({ ok: true, text: '' });
  });

  it('reads UTF-16 LE and BE with their BOM (Excel "Unicode text")', () => {
    const text = 'nama\tno hp\nBu Sri\t081234560001\n';
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeCsvBytes(le)).toEqual({ ok: true, text });
    const swapped = Buffer.from(text, 'utf16le');
    swapped.swap16();
    expect(decodeCsvBytes(new Uint8Array([0xfe, 0xff, ...swapped]))).toEqual({ ok: true, text });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(decode('windows-1252.csv')).toContain('Bu René;081234560011');
  });

  it('refuses an xlsx (zip) or any file with NUL bytes', () => {
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ ok: false, error: 'binary' });
    expect(decodeCsvBytes(new Uint8Array([0x6e, 0x61, 0x00, 0x6d, 0x61]))).toEqual({ ok: false, error: 'binary' });
    expect(decodeCsvBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toEqual({ ok: false, error: 'binary' });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['nama;no hp;kecamatan\nx;y;z', ';'],
    ['nama,no hp,kecamatan\nx,y,z', ','],
    ['nama\tno hp\tkecamatan\nx\ty\tz', '\t'],
    // Commas inside a quoted header do not count.
    ['"nama, lengkap";"no hp";kecamatan\n', ';'],
    // Semicolons in the data rows do not decide: only the header line does.
    ['nama,no hp\n"a;b;c;d",0812', ','],
    // Leading blank lines are skipped.
    ['\r\n\r\nnama;no hp\n', ';'],
    ['nama\n', ','],
    ['', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('parseCsv', () => {
  it('Excel in Indonesian: semicolons, BOM, CRLF, quoted fields with "" and ; inside', () => {
    const t = table(decode('excel-id-semicolon-bom.csv'));
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['Nama', 'No HP', 'Nama Usaha', 'Jenis Usaha', 'Kecamatan']);
    expect(t.rows).toEqual([
      { row: 2, cells: ['Bu Sumi', '0812-3456-0001', 'Kerupuk Sumi', 'kerupuk', 'Candi'] },
      { row: 3, cells: ['Pak "Gendut" Wahyu', '0812 3456 0002', 'Bandeng; Presto', 'bandeng', 'Porong'] },
    ]);
  });

  it('a BOM left in the text is dropped too (the header is not "\\uFEFFnama")', () => {
    expect(table('\uFEFFnama,no hp\nA,0812\n').header).toEqual(['nama', 'no hp']);
  });

  it('English headers, commas, a comma inside quotes', () => {
    const t = table(decode('english-comma.csv'));
    expect(t.delimiter).toBe(',');
    expect(t.rows[0].cells).toEqual(['Bu Sumi', '081234560001', 'Kerupuk, Udang', 'kerupuk', 'Candi']);
  });

  it('cells pasted from a spreadsheet are tab-separated', () => {
    const t = table(decode('pasted-tab.tsv'));
    expect(t.delimiter).toBe('\t');
    expect(t.rows).toEqual([{ row: 2, cells: ['Bu Sumi', '081234560001', 'Kerupuk'] }]);
  });

  it('blank rows (also ";;;;" rows Excel leaves at the end) are skipped but keep the spreadsheet row numbers', () => {
    const t = table('nama;no hp\r\nA;0812\r\n\r\n;\r\nB;0813\r\n ; \r\n;;;;\r\n');
    expect(t.rows).toEqual([
      { row: 2, cells: ['A', '0812'] },
      { row: 5, cells: ['B', '0813'] },
    ]);
  });

  it('a field with a line break inside quotes is one row; the next row keeps its spreadsheet number', () => {
    const t = table('nama,no hp\n"Bu\nSiti",0812\nPak Tono,0813\n');
    expect(t.rows).toEqual([
      { row: 2, cells: ['Bu\nSiti', '0812'] },
      { row: 3, cells: ['Pak Tono', '0813'] },
    ]);
  });

  it('rows may be shorter or longer than the header', () => {
    const t = table('nama,no hp,kecamatan\nA,0812\nB,0813,Candi,extra\n');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['A', '0812'],
      ['B', '0813', 'Candi', 'extra'],
    ]);
  });

  it('a stray quote inside a field is kept as text', () => {
    expect(table('nama,no hp\nWarung "Maju" Jaya,0812\n').rows[0].cells[0]).toBe('Warung "Maju" Jaya');
  });

  it('the header is the first row that is not blank', () => {
    const t = table('\n\n;;\nnama;no hp\nA;0812\n');
    expect(t.header).toEqual(['nama', 'no hp']);
    expect(t.rows).toEqual([{ row: 5, cells: ['A', '0812'] }]);
  });

  it('formulas are just text to the parser', () => {
    const t = table(decode('formula-names.csv'));
    expect(t.rows.map((r) => r.cells[0])).toEqual(['=HYPERLINK("http://evil","x")', '+SUM(1;2)']);
  });

  it.each([[''], ['   '], ['\r\n\r\n'], ['\uFEFF'], [';;;\n;;;\n'], [',,,']])('empty: %j', (text) => {
    expect(parseCsv(text)).toEqual({ ok: false, error: 'empty' });
  });

  it('an unclosed quote is refused with its line', () => {
    expect(parseCsv('nama,no hp\nA,0812\n"B,0813\nC,0814\n')).toEqual({ ok: false, error: 'malformed', row: expect.any(Number) });
    const result = parseCsv('nama,no hp\nA,0812\n"B,0813\n');
    expect(result.ok).toBe(false);
    if (!result.ok && result.error === 'malformed') expect(result.row).toBeGreaterThanOrEqual(3);
  });

  it('a header-only file has no rows', () => {
    expect(table('nama;no hp\r\n').rows).toEqual([]);
  });

  it('5,000 rows parse (the cap is the importer’s business, not the parser’s)', () => {
    const text = ['nama,no hp', ...Array.from({ length: 5000 }, (_, i) => `Peserta ${i},0812${String(i).padStart(8, '0')}`)].join('\n');
    const t = table(text);
    expect(t.rows).toHaveLength(5000);
    expect(t.rows.at(-1)).toEqual({ row: 5001, cells: ['Peserta 4999', '081200004999'] });
  });
});
