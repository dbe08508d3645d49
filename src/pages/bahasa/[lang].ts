import type { APIRoute } from 'astro';
import { isLocale, LOCALE_COOKIE } from '../../i18n';
import { safeNext } from '../../lib/roles';

/** The language switch: a plain link that works without JavaScript. Only a preference cookie. */
export const GET: APIRoute = ({ params, url, cookies, redirect }) => {
  const lang = params.lang;
  if (!isLocale(lang)) return new Response('Bahasa tidak dikenal.', { status: 404 });
  cookies.set(LOCALE_COOKIE, lang, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  return redirect(safeNext(url.searchParams.get('next')) ?? '/', 303);
};
