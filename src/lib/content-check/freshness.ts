import { m } from './messages';
import type { RuleProblem } from './rules';

/** Facts older than this are flagged for a recheck. */
export const RECHECK_AFTER_DAYS = 365;
const DAY_MS = 24 * 3600_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "A5" for the fifth lesson of the first module: the key docs/curriculum-sources.md uses. */
export const lessonKey = (moduleOrder: number, lessonOrder: number) => `${String.fromCharCode(64 + moduleOrder)}${lessonOrder}`;

/** The facts of one lesson in docs/curriculum-sources.md: table rows whose lesson column names its key. */
export function factsOf(sources: string, key: string): string[] {
  const facts: string[] = [];
  for (const line of sources.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || /^-+$/.test(cells[1])) continue;
    if (new RegExp(`(^|[^A-Z0-9])${key}([^0-9]|$)`).test(cells[2])) facts.push(cells[1].length > 140 ? `${cells[1].slice(0, 137)}…` : cells[1]);
  }
  return facts;
}

/**
 * `checkedOn: YYYY-MM-DD`, the day a lesson's facts were last checked. Only ever a warning:
 * a date must not break CI a year from now. `now` is the moment of the check (the CLI's clock).
 */
export function freshnessRule(checkedOn: unknown, line: number, now: number, key: string | undefined, sources: string | undefined): RuleProblem[] {
  if (checkedOn === undefined) return [{ line, severity: 'warning', code: 'checked-missing', message: m.checkedMissing() }];
  const day = checkedOn instanceof Date ? checkedOn.toISOString().slice(0, 10) : String(checkedOn);
  if (!ISO_DAY.test(day) || Number.isNaN(Date.parse(day))) return [];
  const ageDays = Math.floor((now - Date.parse(day)) / DAY_MS);
  if (ageDays <= RECHECK_AFTER_DAYS) return [];
  const facts = key && sources ? factsOf(sources, key) : [];
  return [{ line, severity: 'warning', code: 'checked-old', message: m.checkedOld(day, ageDays, key, facts) }];
}
