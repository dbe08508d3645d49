import { defineMiddleware, sequence } from 'astro:middleware';
import { isLocale, LOCALE_COOKIE, t } from './i18n';
import { areaFor, isPublicPath, isSessionFreePath } from './lib/roles';
import { SESSION_COOKIE, validateSessionToken } from './lib/server/auth/session';
import { clearSessionCookie, isHttps, setSessionCookie, storageErrors } from './lib/server/http';
import { withSecurityHeaders } from './lib/security-headers';
import { compressResponse } from './lib/server/compression';

/** Session → locals, the role areas of src/lib/roles.ts, and security headers on every response. */
const guard = defineMiddleware(async (ctx, next) => {
  // Astro's router drops a leading slash of `//trainer` and renders /trainer: the role check
  // must see the path the router matches, or `//trainer` walks past it. Collapsing every run of
  // slashes is at least as strict as the router (a path it routes into an area maps into it here).
  const path = decodedPath(ctx.url.pathname).replace(/\/{2,}/g, '/');
  const secure = isHttps(ctx.request, ctx.url);
  ctx.locals.user = null;
  ctx.locals.session = null;
  const langCookie = ctx.cookies.get(LOCALE_COOKIE)?.value;
  ctx.locals.locale = isLocale(langCookie) ? langCookie : 'id';
  // H5P player and package files: public, no session lookup, so never a Set-Cookie (roles.ts).
  if (isSessionFreePath(path)) return withSecurityHeaders(await next());

  const token = ctx.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    let result;
    try {
      result = await validateSessionToken(token);
    } catch {
      if (path !== '/api/health') return withSecurityHeaders(unavailable(ctx.locals.locale));
    }
    if (result) {
      ctx.locals.user = result.user;
      ctx.locals.session = result.session;
      if (!isLocale(langCookie)) ctx.locals.locale = result.user.locale;
      // Sliding expiry: the cookie lives as long as the session does.
      if (result.refreshed) setSessionCookie(ctx.cookies, token, secure);
    } else if (result === null) {
      clearSessionCookie(ctx.cookies, secure);
    }
  }

  const user = ctx.locals.user;
  if (!isPublicPath(path) && !user) {
    if (path.startsWith('/api/')) {
      return withSecurityHeaders(
        new Response(JSON.stringify({ error: t(ctx.locals.locale).loginTitle }), {
          status: 401,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      );
    }
    const nextPath = ctx.request.method === 'GET' ? `?next=${encodeURIComponent(path + ctx.url.search)}` : '';
    return withSecurityHeaders(ctx.redirect(`/login${nextPath}`, 303));
  }
  const area = areaFor(path);
  if (area && user && !area.roles.includes(user.role)) {
    const forbidden = await next('/forbidden');
    forbidden.headers.set('Cache-Control', 'private, no-store');
    return withSecurityHeaders(forbidden);
  }
  const response = await next();
  // Personal pages must never be kept by a shared cache or another user's browser session.
  if (user && !response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'private, no-store');
  return withSecurityHeaders(response);
});

/** Text responses leave compressed (brotli or gzip): the Node adapter does not compress. */
const compress = defineMiddleware(async (ctx, next) => compressResponse(ctx.request, await next()));

export const onRequest = sequence(compress, storageErrors, guard);

function unavailable(locale: 'id' | 'en'): Response {
  return new Response(t(locale).serverBusy, {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' },
  });
}

/** Percent-escapes are decoded the way the router decodes them, so `/%74rainer` meets the same guard as /trainer. */
function decodedPath(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}
