import type { Dictionary } from '../i18n/id';
import { wibDaysAgo } from './wib';

/** Sidoarjo is on WIB (UTC+7): dates are shown in that zone whatever the server's clock says. */
export const TIME_ZONE = 'Asia/Jakarta';

export function formatDate(at: number, locale: 'id' | 'en' = 'id'): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE }).format(at);
}

export function formatDateTime(at: number, locale: 'id' | 'en' = 'id'): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(at);
}

/** "hari ini", "kemarin", "3 hari lalu" — in WIB calendar days, as on the trainer's cohort page. */
export function relativeDays(at: number, now: number, d: Dictionary): string {
  const days = wibDaysAgo(at, now);
  return days === 0 ? d.today : days === 1 ? d.yesterday : d.daysAgo(days);
}
