/** CSV injection: what Melek exports never runs as a formula in Excel, LibreOffice or Sheets. */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { neutralizeCell, toCsv } from '../../src/lib/csv/neutralize';

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['=1+1', "'=1+1"],
    ['+6281234567890', "'+6281234567890"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['  =1+1', "'  =1+1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
  ])('%j → %j', (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });

  it.each([['Bu Sari'], ['0812-3456-7890'], ['Kerupuk = enak'], ["'sudah aman"], [''], ['a-b'], ['email@contoh.id']])('leaves %j as it is', (value) => {
    expect(neutralizeCell(value)).toBe(value);
  });

  it('numbers and empty values', () => {
    expect(neutralizeCell(3)).toBe('3');
    expect(neutralizeCell(-3)).toBe("'-3");
    expect(neutralizeCell(null)).toBe('');
    expect(neutralizeCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  const rows = [
    ['=HYPERLINK("http://evil","x")', '0812-3456-7890', 'Kerupuk, "Udang"', null, 7],
    ['Bu Sari', '0812-0000-0000', 'Baris\nbaru', '@x', 0],
  ];

  it('starts with a BOM, uses CRLF, quotes what needs quoting, and neutralizes every cell', () => {
    const csv = toCsv(['nama', 'no hp', 'usaha', 'catatan', 'selesai'], rows);
    expect(csv.startsWith('\uFEFFnama,no hp,usaha,catatan,selesai\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    const back = parse(csv, { bom: true });
    expect(back).toEqual([
      ['nama', 'no hp', 'usaha', 'catatan', 'selesai'],
      [`'=HYPERLINK("http://evil","x")`, '0812-3456-7890', 'Kerupuk, "Udang"', '', '7'],
      ['Bu Sari', '0812-0000-0000', 'Baris\nbaru', "'@x", '0'],
    ]);
    // No cell of the file begins with a formula character.
    for (const row of back) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('semicolons for Excel set to Indonesian; the header is neutralized too', () => {
    const csv = toCsv(['=nama', 'no hp'], [['Bu Sari; Ibu', '0812']], { delimiter: ';', bom: false });
    expect(csv).toBe(`'=nama;no hp\r\n"Bu Sari; Ibu";0812\r\n`);
  });
});
