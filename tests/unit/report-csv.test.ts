/**
 * The research CSV: formula neutralization, the documented columns, one row per learner ×
 * pillar × component × timepoint, and pseudonymity (same learner → same id; no name or phone).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LearnerIndicator } from '../../src/lib/indicator/score';
import type { CourseModule } from '../../src/lib/learning/types';
import {
  CSV_BOM,
  CSV_COLUMNS,
  csvCell,
  csvFilename,
  csvHeader,
  csvSerializer,
  csvText,
  INDICATOR_VERSION,
  learnerCsvRows,
  prePostVersions,
  type LearnerExport,
} from '../../src/lib/reports/csv';
import { pseudonymizer, pseudonymOf } from '../../src/lib/reports/pseudonym';

describe('formula neutralization', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+62812', "'+62812"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('%j → %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('numbers stay numbers — a negative gain is not a formula', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(3.41)).toBe('3.41');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Sidoarjo – Angkatan 1')).toBe('Sidoarjo – Angkatan 1');
  });

  it('a hostile cohort name comes out as text in the parsed file', () => {
    const text = csvText([['abc', '=HYPERLINK("x")', -0.5]]);
    expect(text).toBe(`abc,"'=HYPERLINK(""x"")",-0.5\r\n`);
    expect(parse(text)).toEqual([['abc', `'=HYPERLINK("x")`, '-0.5']]);
  });
});

describe('pseudonymous ids', () => {
  it('the first 12 hex digits of HMAC-SHA256 (RFC 4231 test case 2)', () => {
    // HMAC-SHA256(key "Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e6a04…
    expect(pseudonymOf('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60');
  });

  it('the same learner gets the same id; another learner or another secret does not', () => {
    const a = pseudonymOf('secret-1', 'demo-learner-1');
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(pseudonymOf('secret-1', 'demo-learner-1')).toBe(a);
    expect(pseudonymOf('secret-1', 'demo-learner-2')).not.toBe(a);
    expect(pseudonymOf('secret-2', 'demo-learner-1')).not.toBe(a);
    const p = pseudonymizer('secret-1');
    expect(p('demo-learner-1')).toBe(a);
    expect(p(null)).toBe('');
  });
});

describe('learner rows', () => {
  const generatedAt = Date.UTC(2027, 0, 15, 3, 0); // 10:00 WIB
  const indicator: LearnerIndicator = {
    pillars: [
      {
        pillar: 'cakap',
        enoughData: true,
        Q: 0.75,
        P: 0.5,
        C: 2 / 3,
        raw: 3.75,
        score: 3.75,
        exact: { n: 375, d: 1 },
        capped: false,
        level: 'Cakap',
        heldByTask: false,
        counts: { qRight: 3, qItems: 4, approved: 1, tasks: 2, done: 2, lessons: 3 },
      },
      { pillar: 'etika', enoughData: false, reason: 'fewQuizItems' },
      { pillar: 'budaya', enoughData: false, reason: 'noTask' },
      {
        pillar: 'aman',
        enoughData: true,
        Q: 1,
        P: 0,
        C: 1,
        raw: 4.6,
        score: 3.4,
        exact: { n: 460, d: 1 },
        capped: true,
        level: 'Berkembang',
        heldByTask: true,
        counts: { qRight: 4, qItems: 4, approved: 0, tasks: 1, done: 2, lessons: 2 },
      },
    ],
    overall: 3.58,
    level: 'Cakap',
  };
  const learner: LearnerExport = {
    userId: 'demo-learner-1',
    cohort: '=HYPERLINK("x")',
    indicator,
    prePost: [
      {
        moduleId: 'pemasaran-whatsapp',
        pre: {
          score: 2,
          max: 4,
          at: Date.UTC(2026, 10, 1, 1),
          pillarScores: { cakap: { score: 1, max: 3 }, etika: { score: 1, max: 1 }, budaya: { score: 0, max: 0 } },
        },
        post: { score: 4, max: 4, at: Date.UTC(2026, 11, 1, 1), pillarScores: { cakap: { score: 3, max: 3 }, etika: { score: 1, max: 1 } } },
      },
      {
        moduleId: 'keamanan-data',
        pre: { score: 3, max: 3, at: Date.UTC(2026, 10, 2), pillarScores: null },
        post: { score: 3, max: 3, at: Date.UTC(2026, 11, 2), pillarScores: null },
      },
    ],
    perception: [{ timepoint: 'pre', overall: 2.5, pillars: { cakap: 2, aman: 3 }, version: 'sa-2026.1', at: Date.UTC(2026, 10, 1) }],
    adoption: [
      { item: 'qris_active', present: false, source: 'mentor', verifierId: 'demo-mentor-1', checkedOn: '2026-11-05', createdAt: 1 },
      { item: 'qris_active', present: true, source: 'mentor', verifierId: 'demo-mentor-1', checkedOn: '2027-01-10', createdAt: 2 },
    ],
    partnerships: [{ type: 'supplier', source: 'self', verifierId: null, startedOn: '2026-12-01' }],
    sales: [
      { timepoint: 'start', band: 'lt1', source: 'self', verifierId: 'demo-mentor-1', reportedAt: Date.UTC(2026, 10, 1, 18) },
      { timepoint: 'followup', band: '1to3', source: 'self', verifierId: null, reportedAt: Date.UTC(2027, 0, 10) },
    ],
  };
  const pseudonym = pseudonymizer('s');
  const rows = learnerCsvRows(learner, { pseudonym, generatedAt, prePostVersion: new Map([['pemasaran-whatsapp', 'pp-abc']]) });
  const find = (component: string, pillar: string, timepoint = 'current', item?: string) =>
    rows.filter((r) => r[3] === component && r[2] === pillar && r[5] === timepoint && (item === undefined || r[4] === item));

  it('every row has the documented columns, in order', () => {
    expect(CSV_COLUMNS).toEqual([
      'pseudonymous_id',
      'cohort',
      'pillar',
      'component',
      'item',
      'timepoint',
      'value',
      'source',
      'verifier',
      'date',
      'instrument_version',
    ]);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([pseudonym('demo-learner-1')]));
  });

  it('Q, P, C and score per scored pillar; "belum cukup data" otherwise', () => {
    expect(find('Q', 'cakap')[0].slice(6, 11)).toEqual([0.75, 'system', '', '2027-01-15T10:00:00+07:00', INDICATOR_VERSION]);
    expect(find('P', 'cakap')[0][6]).toBe(0.5);
    expect(find('C', 'cakap')[0][6]).toBe(0.6667);
    expect(find('score', 'cakap')[0].slice(4, 7)).toEqual(['Cakap', 'current', 3.75]);
    expect(find('score', 'aman')[0].slice(4, 7)).toEqual(['Berkembang', 'current', 3.4]);
    expect(find('score', 'etika')[0][6]).toBe('belum_cukup_data');
    expect(find('Q', 'etika')).toHaveLength(0);
    expect(find('score', 'overall')[0].slice(4, 7)).toEqual(['Cakap', 'current', 3.58]);
  });

  it('pre/post quiz shares per pillar, and the gain', () => {
    expect(find('prepost_quiz', 'cakap', 'pre', 'pemasaran-whatsapp')[0].slice(6)).toEqual([0.3333, 'system', '', '2026-11-01T08:00:00+07:00', 'pp-abc']);
    expect(find('prepost_quiz', 'cakap', 'post', 'pemasaran-whatsapp')[0][6]).toBe(1);
    expect(find('prepost_quiz', 'budaya', 'pre')).toHaveLength(0); // max 0: no items in that pillar
    expect(find('prepost_quiz', 'overall', 'pre', 'pemasaran-whatsapp')[0][6]).toBe(0.5);
    // (1 − 0.5) / (1 − 0.5) = 1
    expect(find('gain', 'overall', 'post', 'pemasaran-whatsapp')[0][6]).toBe(1);
    expect(find('gain', 'overall', 'post', 'keamanan-data')[0][6]).toBe('tidak_bisa_dihitung');
  });

  it('Skor Persepsi is its own component with its instrument version, source self', () => {
    expect(find('perception', 'cakap', 'pre')[0].slice(6)).toEqual([2, 'self', '', '2026-11-01T07:00:00+07:00', 'sa-2026.1']);
    expect(find('perception', 'overall', 'pre')[0][6]).toBe(2.5);
  });

  it('evaluation records with source, pseudonymous verifier and date', () => {
    const adoption = rows.filter((r) => r[3] === 'adoption');
    expect(adoption.map((r) => [r[4], r[5], r[6], r[7], r[8], r[9]])).toEqual([
      ['qris_active', 'earlier', 0, 'mentor', pseudonym('demo-mentor-1'), '2026-11-05'],
      ['qris_active', 'current', 1, 'mentor', pseudonym('demo-mentor-1'), '2027-01-10'],
    ]);
    expect(rows.filter((r) => r[3] === 'partnership').map((r) => r.slice(4, 10))).toEqual([['supplier', 'current', 1, 'self', '', '2026-12-01']]);
    expect(rows.filter((r) => r[3] === 'sales_band').map((r) => r.slice(4, 10))).toEqual([
      ['', 'pre', 'lt1', 'self', pseudonym('demo-mentor-1'), '2026-11-02'],
      ['', 'post', '1to3', 'self', '', '2027-01-10'],
    ]);
  });

  it('the file: BOM, header, neutralized cells, no name or phone anywhere', () => {
    const file = CSV_BOM + csvHeader() + csvText(rows);
    expect(file.startsWith('\uFEFFpseudonymous_id,cohort,')).toBe(true);
    const parsed = parse(file, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(parsed).toHaveLength(rows.length);
    expect(parsed[0].cohort).toBe(`'=HYPERLINK("x")`);
    expect(file).not.toContain('demo-learner-1');
    expect(file).not.toContain('demo-mentor-1');
  });

  it('the fast serializer writes exactly what csv-stringify writes', () => {
    const tricky: Array<Array<string | number | null>> = [
      ['a,b', 'say "hi"', 'line\nbreak', ' padded ', '', null, -0.5, 0, 1e-7, 'tidak_bisa_dihitung', '=1+1', '\u00e9t\u00e9'],
      ['a,b', 'say "hi"', 'line\nbreak', ' padded ', '', null, -0.5, 0, 1e-7, 'tidak_bisa_dihitung', '=1+1', '\u00e9t\u00e9'],
    ];
    const serialize = csvSerializer();
    expect(serialize(rows)).toBe(csvText(rows));
    expect(serialize(tricky)).toBe(csvText(tricky));
    expect(serialize(tricky)).toBe(csvText(tricky)); // and again, from its cache
  });

  it('the file name carries the WIB date', () => {
    expect(csvFilename(Date.UTC(2026, 10, 2, 18))).toBe('melek-laporan-2026-11-03.csv');
  });
});

describe('pre/post instrument versions', () => {
  const item = (id: string, q: string) => ({ id, question: q, options: [], explanation: '', pillar: 'cakap' as const });
  const course = (q: string) => [{ id: 'm', prePost: [{ pillar: 'cakap', a: item('p1', q), b: item('p2', 'b') }], lessons: [] }] as unknown as CourseModule[];
  it('change when an item changes, stay when nothing does', () => {
    const a = prePostVersions(course('a')).get('m')!;
    expect(a).toMatch(/^pp-[0-9a-f]{8}$/);
    expect(prePostVersions(course('a')).get('m')).toBe(a);
    expect(prePostVersions(course('a2')).get('m')).not.toBe(a);
  });
});

describe('docs/indicator-csv.md', () => {
  it('documents every column', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/indicator-csv.md'), 'utf8');
    for (const column of CSV_COLUMNS) expect(doc).toContain(`\`${column}\``);
  });
});
