import type { Dictionary } from '../../../i18n/id';
import type { Locale } from '../../../i18n';

const DAY = 24 * 3600_000;
/** Sidoarjo is on WIB (UTC+7, no daylight saving): days turn at midnight there. */
const WIB = 7 * 3600_000;

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'id-ID');

/** A stored calendar date (YYYY-MM-DD) as people read it: "1 Nov 2026". */
export function formatDay(iso: string | null, locale: Locale): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** A moment (epoch ms) in Sidoarjo time: "1 Nov 2026, 09.30". */
export function formatMoment(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(ms));
}

/** Calendar days in WIB between `ms` and `now` (0 = today). */
export function daysSince(ms: number, now: number): number {
  return Math.max(0, Math.floor((now + WIB) / DAY) - Math.floor((ms + WIB) / DAY));
}

/** "hari ini", "kemarin", "3 hari lalu", "belum pernah". */
export function lastActiveText(ms: number | null, now: number, d: Dictionary): string {
  if (ms === null) return d.trNeverActive;
  const days = daysSince(ms, now);
  return days === 0 ? d.trToday : days === 1 ? d.trYesterday : d.trDaysAgo(days);
}

/**
 * What a cohort member needs from the trainer or mentor next, first thing first: a mentor, a way
 * to log in, a nudge after a week without learning; otherwise nothing.
 */
export function memberTodo(m: { mentorName: string | null; hasPassword: boolean; lastActiveAt: number | null; done: number; total: number }, now: number, d: Dictionary): string {
  if (!m.mentorName) return d.trTodoMentor;
  if (!m.hasPassword) return d.trTodoInvite;
  if (m.total > 0 && m.done >= m.total) return d.trTodoFinished;
  if (m.lastActiveAt === null || daysSince(m.lastActiveAt, now) >= 7) return d.trTodoNudge;
  return d.trTodoNone;
}
