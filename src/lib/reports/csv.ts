import { createHash } from 'node:crypto';
import { itemVersion } from '../learning/options';
import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from '../csv/neutralize';
import type { LearnerIndicator } from '../indicator/score';
import type { CourseModule, Pillar } from '../learning/types';
import { learnerGain } from './aggregate';
import { jakartaDate, jakartaDateTime } from '../wib';
import type { AdoptionItem, PartnershipType, SalesBand, Source } from './evaluation';

/**
 * The research export: one row per learner × pillar × component × timepoint, plus rows for the
 * evaluation records (adoption, partnerships, sales bands). Columns and values are documented in
 * docs/indicator-csv.md; change both together.
 */
export const CSV_COLUMNS = [
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
] as const;

/** The indicator formula's version (docs/indicator.md: Q/P/C weights 0.45/0.40/0.15, cap 3.40, "belum cukup data"). */
export const INDICATOR_VERSION = 'ind-2026.2';

export type Cell = string | number | null;

/** Value codes where a number cannot be given. */
export const NOT_ENOUGH_DATA = 'belum_cukup_data';
export const NOT_COMPUTABLE = 'tidak_bisa_dihitung';
export type CsvRow = Cell[];

/**
 * Spreadsheet formula neutralization: a text cell starting with =, +, -, @, tab or CR (and the
 * full-width look-alikes) gets a leading apostrophe. Finite numbers are written as numbers — a
 * negative gain is not a formula and must stay a number for the analyst.
 */
export function csvCell(value: Cell | undefined): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return neutralizeCell(value);
}

/** Rows → CSV text (CRLF, every cell neutralized) by csv-stringify. The BOM is added once, by the caller, at the start of the file. */
export function csvText(rows: CsvRow[]): string {
  return stringify(
    rows.map((row) => row.map(csvCell)),
    { record_delimiter: 'windows' },
  );
}

/**
 * The same text as csvText(), for half a million rows: csv-stringify still decides how each cell
 * is written (quoting and escaping depend on the cell alone), but once per distinct value — the
 * export repeats a small vocabulary (pillars, components, sources, dates, versions, ids) — and
 * the cells are joined with "," and CRLF exactly as it would. A unit test holds the two equal.
 */
export function csvSerializer(): (rows: CsvRow[]) => string {
  const cache = new Map<string | number, string>();
  const cell = (value: Cell): string => {
    if (value === null) return '';
    let text = cache.get(value);
    if (text === undefined) {
      text = stringify([[csvCell(value)]], { record_delimiter: 'windows' }).slice(0, -2);
      if (cache.size < 500_000) cache.set(value, text);
    }
    return text;
  };
  return (rows) => {
    let out = '';
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) out += (i === 0 ? '' : ',') + cell(row[i]);
      out += '\r\n';
    }
    return out;
  };
}

export const CSV_BOM = '\uFEFF';
export const csvHeader = () => csvText([[...CSV_COLUMNS]]);

export interface Attempt {
  score: number;
  max: number;
  at: number;
  pillarScores: Partial<Record<Pillar, { score: number; max: number }>> | null;
}

export interface LearnerExport {
  userId: string;
  /** Cohort name(s) in the export's scope. */
  cohort: string;
  indicator: LearnerIndicator;
  prePost: Array<{ moduleId: string; pre?: Attempt; post?: Attempt }>;
  perception: Array<{ timepoint: 'pre' | 'post'; overall: number; pillars: Partial<Record<Pillar, number>>; version: string; at: number }>;
  adoption: Array<{ item: AdoptionItem; present: boolean; source: Source; verifierId: string | null; checkedOn: string; createdAt: number }>;
  partnerships: Array<{ type: PartnershipType; source: Source; verifierId: string | null; startedOn: string }>;
  sales: Array<{ timepoint: 'start' | 'followup'; band: SalesBand; source: Source; verifierId: string | null; reportedAt: number }>;
}

export interface ExportContext {
  /** user id → pseudonymous id (HMAC); used for learners and verifiers alike. */
  pseudonym: (userId: string | null | undefined) => string;
  generatedAt: number;
  /** module id → version of its pre/post item set (see prePostVersions). */
  prePostVersion: Map<string, string>;
}

/** A version per module's pre/post items: changing, adding or removing an item changes it. */
export function prePostVersions(course: CourseModule[]): Map<string, string> {
  return new Map(
    course.map((m) => {
      // Both forms, each item by its version (question, options and key): any edit is a new instrument.
      const items = m.prePost.map((p) => `${p.pillar}|${p.a.id}|${itemVersion(p.a)}|${p.b.id}|${itemVersion(p.b)}`).join('\n');
      return [m.id, `pp-${createHash('sha256').update(items).digest('hex').slice(0, 8)}`];
    }),
  );
}

const r4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Every export row of one learner, in a fixed order. No name, phone or free text leaves here. */
export function learnerCsvRows(learner: LearnerExport, ctx: ExportContext): CsvRow[] {
  const id = ctx.pseudonym(learner.userId);
  const cohort = learner.cohort;
  const now = jakartaDateTime(ctx.generatedAt);
  const rows: CsvRow[] = [];
  const row = (
    pillar: string,
    component: string,
    item: string,
    timepoint: string,
    value: Cell,
    source: string,
    verifier: string,
    date: string,
    version: string,
  ) => rows.push([id, cohort, pillar, component, item, timepoint, value, source, verifier, date, version]);

  // The indicator now, computed from the stored logs (source "system").
  for (const p of learner.indicator.pillars) {
    if (!p.enoughData) {
      row(p.pillar, 'score', '', 'current', NOT_ENOUGH_DATA, 'system', '', now, INDICATOR_VERSION);
      continue;
    }
    row(p.pillar, 'Q', '', 'current', r4(p.Q), 'system', '', now, INDICATOR_VERSION);
    row(p.pillar, 'P', '', 'current', r4(p.P), 'system', '', now, INDICATOR_VERSION);
    row(p.pillar, 'C', '', 'current', r4(p.C), 'system', '', now, INDICATOR_VERSION);
    row(p.pillar, 'score', p.level, 'current', p.score, 'system', '', now, INDICATOR_VERSION);
  }
  const overall = learner.indicator;
  row('overall', 'score', overall.level ?? '', 'current', overall.overall ?? NOT_ENOUGH_DATA, 'system', '', now, INDICATOR_VERSION);

  // Pre/post growth tests per module: the share right, per pillar and overall; then the gain.
  for (const { moduleId, pre, post } of learner.prePost) {
    const version = ctx.prePostVersion.get(moduleId) ?? '';
    for (const [timepoint, attempt] of [
      ['pre', pre],
      ['post', post],
    ] as const) {
      if (!attempt) continue;
      const date = jakartaDateTime(attempt.at);
      for (const [pillar, part] of Object.entries(attempt.pillarScores ?? {}) as Array<[Pillar, { score: number; max: number }]>) {
        if (part && part.max > 0) row(pillar, 'prepost_quiz', moduleId, timepoint, r4(part.score / part.max), 'system', '', date, version);
      }
      row('overall', 'prepost_quiz', moduleId, timepoint, attempt.max > 0 ? r4(attempt.score / attempt.max) : null, 'system', '', date, version);
    }
    if (pre && post) {
      const g = learnerGain(pre, post);
      row('overall', 'gain', moduleId, 'post', g === null ? NOT_COMPUTABLE : r4(g), 'system', '', jakartaDateTime(post.at), version);
    }
  }

  // Skor Persepsi (self-assessment), beside the indicator.
  for (const a of learner.perception) {
    const date = jakartaDateTime(a.at);
    for (const [pillar, value] of Object.entries(a.pillars)) {
      if (typeof value === 'number') row(pillar, 'perception', '', a.timepoint, r4(value), 'self', '', date, a.version);
    }
    row('overall', 'perception', '', a.timepoint, r4(a.overall), 'self', '', date, a.version);
  }

  // Adoption checklist: every check kept; the latest per item is "current", older ones "earlier".
  const latest = new Map<string, (typeof learner.adoption)[number]>();
  for (const c of learner.adoption) {
    const seen = latest.get(c.item);
    if (!seen || c.checkedOn > seen.checkedOn || (c.checkedOn === seen.checkedOn && c.createdAt > seen.createdAt)) latest.set(c.item, c);
  }
  for (const c of learner.adoption) {
    row('', 'adoption', c.item, latest.get(c.item) === c ? 'current' : 'earlier', c.present ? 1 : 0, c.source, ctx.pseudonym(c.verifierId), c.checkedOn, '');
  }
  // Partnerships: one row each (the partner's name is not exported).
  for (const p of learner.partnerships) {
    row('', 'partnership', p.type, 'current', 1, p.source, ctx.pseudonym(p.verifierId), p.startedOn, '');
  }
  // Monthly sales band, self-reported at start (pre) and follow-up (post).
  for (const s of learner.sales) {
    row('', 'sales_band', '', s.timepoint === 'start' ? 'pre' : 'post', s.band, s.source, ctx.pseudonym(s.verifierId), jakartaDate(s.reportedAt), '');
  }
  return rows;
}

/** "melek-laporan-2026-11-03.csv" (the day in Asia/Jakarta). */
export function csvFilename(at: number): string {
  return `melek-laporan-${jakartaDate(at)}.csv`;
}
