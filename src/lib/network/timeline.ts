import { ALL_PARTNERSHIP_TYPES, type PartnershipType } from './vocab';

/**
 * Partnerships by type over time, by month of their start date: the rows of the network view's
 * table. Months run without gaps from the first to the last one with data (at most `maxMonths`,
 * the newest kept), so a quiet month shows as zeros rather than disappearing.
 */
export interface MonthlyTable {
  months: string[];
  rows: Array<{ type: PartnershipType; counts: number[]; total: number }>;
  totals: number[];
  total: number;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function monthlyTable(items: ReadonlyArray<{ type: PartnershipType; startedOn: string; n?: number }>, maxMonths = 12): MonthlyTable {
  const valid = items.filter((i) => /^\d{4}-\d{2}/.test(i.startedOn) && (ALL_PARTNERSHIP_TYPES as readonly string[]).includes(i.type));
  if (valid.length === 0) return { months: [], rows: [], totals: [], total: 0 };
  const monthsSeen = valid.map((i) => i.startedOn.slice(0, 7)).sort();
  const months: string[] = [];
  for (let m = monthsSeen[0]; m <= monthsSeen[monthsSeen.length - 1]; m = nextMonth(m)) months.push(m);
  const shown = months.slice(-maxMonths);
  const col = new Map(shown.map((m, i) => [m, i]));
  const counts = new Map<PartnershipType, number[]>();
  for (const item of valid) {
    const i = col.get(item.startedOn.slice(0, 7));
    if (i === undefined) continue;
    const row = counts.get(item.type) ?? shown.map(() => 0);
    row[i] += item.n ?? 1;
    counts.set(item.type, row);
  }
  const rows = ALL_PARTNERSHIP_TYPES.filter((t) => counts.has(t)).map((type) => {
    const c = counts.get(type)!;
    return { type, counts: c, total: c.reduce((a, b) => a + b, 0) };
  });
  const totals = shown.map((_, i) => rows.reduce((sum, r) => sum + r.counts[i], 0));
  return { months: shown, rows, totals, total: totals.reduce((a, b) => a + b, 0) };
}

/** "Nov 2026" / "Nov 2026" for a YYYY-MM month. */
export function monthLabel(month: string, locale: 'id' | 'en'): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 15));
}
