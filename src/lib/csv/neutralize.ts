import { stringify } from 'csv-stringify/sync';

/**
 * CSV injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some with a
 * leading tab or carriage return) as a formula — `=HYPERLINK("http://evil","x")` in a learner's
 * name would become a live link in the trainer's Excel. Every exported cell that could be read
 * that way gets a leading apostrophe, so it is shown as the text it is.
 */
const FORMULA_START = /^(?:[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]|\s+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export function neutralizeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvExportOptions {
  /** `;` for Excel set to Indonesian (its list separator), `,` otherwise. */
  delimiter?: ',' | ';';
  /** A UTF-8 BOM so Excel reads names with accents correctly (default on). */
  bom?: boolean;
}

/** Header and rows → CSV text with every cell neutralized, CRLF line ends (what Excel writes). */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>, options: CsvExportOptions = {}): string {
  const body = stringify([header.map(neutralizeCell), ...rows.map((row) => row.map(neutralizeCell))], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: 'windows',
  });
  return ((options.bom ?? true) ? '\uFEFF' : '') + body;
}
