import type { Dictionary } from '../i18n/id';
import { wibDaysAgo } from './wib';

/** Sidoarjo is on WIB (UTC+7): dates are shown in that zone whatever the server's clock says. */
export const TIME_ZONE = 'Asia/Jakarta';

/**
 * The formatters, made once per locale and reused: building an Intl.DateTimeFormat costs far more
 * than formatting with one (it was 8 % of the mentor dashboard's server CPU, one per learner row).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: 'id' | 'en', withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale === 'id' ? 'id-ID' : 'en-GB',
      withTime
        ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }
        : { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE },
    );
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(at: number, locale: 'id' | 'en' = 'id'): string {
  return formatter(locale, false).format(at);
}

export function formatDateTime(at: number, locale: 'id' | 'en' = 'id'): string {
  return formatter(locale, true).format(at);
}

/** "hari ini", "kemarin", "3 hari lalu" — in WIB calendar days, as on the trainer's cohort page. */
export function relativeDays(at: number, now: number, d: Dictionary): string {
  const days = wibDaysAgo(at, now);
  return days === 0 ? d.today : days === 1 ? d.yesterday : d.daysAgo(days);
}
