import type { Dictionary } from '../../../i18n/id';
import type { Locale } from '../../../i18n';
import { relativeDays } from '../../format';
import { wibDaysAgo } from '../../wib';

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

/** "hari ini", "kemarin", "3 hari lalu", "belum pernah" — the mentor dashboard's words (relativeDays). */
export function lastActiveText(ms: number | null, now: number, d: Dictionary): string {
  return ms === null ? d.trNeverActive : relativeDays(ms, now, d);
}

/**
 * What a cohort member needs from the trainer or mentor next, first thing first: a mentor, a way
 * to log in, a nudge after a week without learning; otherwise nothing.
 */
export function memberTodo(
  m: { mentorName: string | null; hasPassword: boolean; lastActiveAt: number | null; done: number; total: number },
  now: number,
  d: Dictionary,
): string {
  if (!m.mentorName) return d.trTodoMentor;
  if (!m.hasPassword) return d.trTodoInvite;
  if (m.total > 0 && m.done >= m.total) return d.trTodoFinished;
  if (m.lastActiveAt === null || wibDaysAgo(m.lastActiveAt, now) >= 7) return d.trTodoNudge;
  return d.trTodoNone;
}
