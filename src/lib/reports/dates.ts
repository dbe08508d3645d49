/**
 * Dates for reports and exports in Sidoarjo's time zone (WIB, UTC+7, no daylight saving), computed
 * by arithmetic rather than Intl so half a million CSV cells stay cheap.
 */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** "2026-11-03" — the calendar day in Asia/Jakarta. */
export function jakartaDate(at: number): string {
  return new Date(at + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-11-03T09:15:00+07:00" — ISO 8601 with the Asia/Jakarta offset. */
export function jakartaDateTime(at: number): string {
  return `${new Date(at + WIB_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** Adds calendar months to a "YYYY-MM-DD" day; the 31st becomes the month's last day when needed. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
