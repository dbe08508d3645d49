/**
 * One calendar for Sidoarjo (src/lib/wib.ts): days turn at midnight WIB (UTC+7), and every "hari
 * ini / kemarin / N hari lalu" reads the same on the mentor dashboard (relativeDays) as on the
 * trainer's cohort page (lastActiveText) — before, the mentor's counted 24-hour blocks, so the
 * same learner read "hari ini" to one and "kemarin" to the other.
 */
import { describe, expect, it } from 'vitest';
import { id as dictionary } from '../../src/i18n/id';
import { relativeDays } from '../../src/lib/format';
import { lastActiveText } from '../../src/lib/server/trainer/format';
import { jakartaDate, wibDaysAgo } from '../../src/lib/wib';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 01.00 WIB on 10 November 2026 (18.00 UTC the day before). */
const NOW = Date.UTC(2026, 10, 9, 18, 0);

describe('wibDaysAgo: WIB calendar days', () => {
  it('counts midnights in Sidoarjo, not 24-hour blocks', () => {
    expect(wibDaysAgo(NOW, NOW)).toBe(0);
    expect(wibDaysAgo(NOW - 30 * MINUTE, NOW)).toBe(0); // 00.30 WIB today
    expect(wibDaysAgo(NOW - 2 * HOUR, NOW)).toBe(1); // 23.00 WIB yesterday: two hours ago, yet "kemarin"
    expect(wibDaysAgo(NOW - DAY + MINUTE, NOW)).toBe(1);
    expect(wibDaysAgo(NOW - DAY - 2 * HOUR, NOW)).toBe(2);
    expect(wibDaysAgo(NOW - 7 * DAY, NOW)).toBe(7);
  });
  it('never negative (a device clock ahead of the server)', () => {
    expect(wibDaysAgo(NOW + 5 * MINUTE, NOW)).toBe(0);
    expect(wibDaysAgo(NOW + 3 * DAY, NOW)).toBe(0);
  });
  it('agrees with the calendar day the reports print', () => {
    for (let at = NOW - 3 * DAY; at <= NOW; at += 37 * MINUTE) {
      const days = (Date.parse(jakartaDate(NOW)) - Date.parse(jakartaDate(at))) / DAY;
      expect(wibDaysAgo(at, NOW)).toBe(days);
    }
  });
});

describe('"last active" reads the same for a mentor and a trainer', () => {
  it('relativeDays (mentor dashboard) and lastActiveText (cohort page) give the same words', () => {
    for (let at = NOW - 5 * DAY; at <= NOW; at += 53 * MINUTE) {
      expect(relativeDays(at, NOW, dictionary), new Date(at).toISOString()).toBe(lastActiveText(at, NOW, dictionary));
    }
    expect(relativeDays(NOW - 2 * HOUR, NOW, dictionary)).toBe('kemarin');
  });
});
