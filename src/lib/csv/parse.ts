import { parse } from 'csv-parse/sync';

/**
 * Pure CSV reading for uploads from spreadsheets: UTF-8 with or without a BOM (Excel's "CSV UTF-8"),
 * UTF-16 with a BOM (Excel's "Unicode text"), plain Windows-1252 (older Excel "CSV"), and comma,
 * semicolon (Excel set to Indonesian uses `;`) or tab (a range copied out of a spreadsheet) between
 * fields. Row numbers are the spreadsheet's: the header is row 1.
 */

export type Delimiter = ',' | ';' | '\t';

export type DecodeResult = { ok: true; text: string } | { ok: false; error: 'binary' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Bytes of an uploaded file → text, without the BOM. Binary files (xlsx, images) are refused. */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
    const body = bytes.subarray(start);
    // A zip (xlsx, ods) or any file with NUL bytes is not a CSV.
    const head = body.subarray(0, 8192);
    if ((head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) || head.includes(0)) {
      return { ok: false, error: 'binary' };
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      // Not UTF-8: Excel's plain "CSV" on Windows writes the ANSI code page (Windows-1252).
      text = new TextDecoder('windows-1252').decode(body);
    }
  }
  return { ok: true, text: stripBom(text) };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The separator of the header line: whichever of `,` `;` and tab occurs most often outside quotes
 * in the first non-empty line (a tie or none: comma).
 */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (seenContent) break;
    } else if (!quoted && (c === ',' || c === ';' || c === '\t')) {
      counts[c]++;
      seenContent = true;
    } else if (c.trim() !== '') seenContent = true;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',' as Delimiter);
  return counts[best] > 0 ? best : ',';
}

export interface CsvRow {
  /** Spreadsheet row number (the header is 1). */
  row: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  /** Data rows; rows with nothing but empty cells are left out (their numbers are skipped). */
  rows: CsvRow[];
}

export type CsvParseResult = { ok: true; table: CsvTable } | { ok: false; error: 'empty' } | { ok: false; error: 'malformed'; row: number };

const blank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Text → header and data rows. The first row that is not blank is the header. */
export function parseCsv(input: string): CsvParseResult {
  const text = stripBom(input);
  if (text.trim() === '') return { ok: false, error: 'empty' };
  const delimiter = detectDelimiter(text);
  let records: Array<{ record: string[]; info: { records: number; lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      // A stray quote inside a field (Warung "Maju") is kept as text; an unclosed one is an error.
      relax_quotes: true,
      skip_empty_lines: false,
    }) as never;
  } catch (error) {
    const line = Number((error as { lines?: number }).lines);
    return { ok: false, error: 'malformed', row: Number.isFinite(line) && line > 0 ? line : 1 };
  }
  const rows = records.map(({ record, info }) => ({ row: info.records, cells: record }));
  const headerIndex = rows.findIndex((r) => !blank(r.cells));
  if (headerIndex === -1) return { ok: false, error: 'empty' };
  return {
    ok: true,
    table: {
      delimiter,
      header: rows[headerIndex].cells.map((c) => c.trim()),
      rows: rows.slice(headerIndex + 1).filter((r) => !blank(r.cells)),
    },
  };
}
