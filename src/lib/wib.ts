/**
 * Sidoarjo's calendar: WIB (Asia/Jakarta, UTC+7, no daylight saving). The one place that says
 * when a day turns — reports and exports, date checks on forms, and every "hari ini / kemarin /
 * 3 hari lalu" a mentor or trainer reads. Computed by arithmetic rather than Intl, so half a
 * million CSV cells stay cheap; the offset never changes (Indonesia has no daylight saving).
 */
export const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** "2026-11-03" — the calendar day in Asia/Jakarta. */
export function jakartaDate(at: number): string {
  return new Date(at + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-11-03T09:15:00+07:00" — ISO 8601 with the Asia/Jakarta offset. */
export function jakartaDateTime(at: number): string {
  return `${new Date(at + WIB_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/**
 * How many WIB calendar days lie between `at` and `now`: 0 the same day ("hari ini"), 1 the day
 * before ("kemarin"), never negative (a device clock ahead of the server). A learner active at
 * 23.00 is "kemarin" at 01.00 — what people mean, unlike 24-hour blocks.
 */
export function wibDaysAgo(at: number, now: number): number {
  return Math.max(0, Math.floor((now + WIB_OFFSET_MS) / DAY_MS) - Math.floor((at + WIB_OFFSET_MS) / DAY_MS));
}
