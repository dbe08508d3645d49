import type { AstroCookies, MiddlewareHandler } from 'astro';
import { t } from '../../i18n';
import { withSecurityHeaders } from '../security-headers';
import { IDLE_MS, SESSION_COOKIE } from './auth/session';
import { DEVICE_COOKIE, DEVICE_TTL_MS } from './auth/device-cookie';

/** `Secure` whenever the request came over https (directly or, with TRUST_PROXY=1, via a proxy). */
export function isHttps(request: Request, url: URL): boolean {
  if (process.env.COOKIE_SECURE === '1' || url.protocol === 'https:') return true;
  return process.env.TRUST_PROXY === '1' && request.headers.get('x-forwarded-proto') === 'https';
}

export function setSessionCookie(cookies: AstroCookies, token: string, secure: boolean): void {
  cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(IDLE_MS / 1000),
  });
}

/** The device cookie (auth/device-cookie.ts): sent back only to this site, never readable by scripts. */
export function setDeviceCookie(cookies: AstroCookies, value: string, secure: boolean): void {
  cookies.set(DEVICE_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.floor(DEVICE_TTL_MS / 1000) });
}

export function deviceCookie(cookies: AstroCookies): string | undefined {
  return cookies.get(DEVICE_COOKIE)?.value;
}

export function clearSessionCookie(cookies: AstroCookies, secure: boolean): void {
  cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}

/**
 * The client's address for rate limiting: Astro's `clientAddress`, which Melek's server
 * (src/server/http-server.ts) settles before Astro reads it: the socket's address, or with
 * TRUST_PROXY=1 the address the proxy appended to X-Forwarded-For. Never a header read here.
 */
export function clientAddress(astroClientAddress: () => string): string {
  try {
    return astroClientAddress() || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The origin of links the server writes for people to open later or elsewhere (invites,
 * "Bagikan ke WhatsApp", certificates, the register link, nudges): PUBLIC_URL when set (what
 * production does), else the request's own origin. Forwarded host and protocol reach Astro only
 * from a trusted proxy (TRUST_PROXY=1): Melek's server removes them otherwise.
 */
export function publicOrigin(url: URL): string {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // a malformed PUBLIC_URL falls back to the request's origin
    }
  }
  return url.origin;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** Why the database cannot take a write: its disk is full, or its file or folder is read-only. */
export type StorageProblem = 'full' | 'readonly';

/** The storage problem behind an error (drizzle wraps the libSQL error in `cause`), or undefined. */
export function storageProblem(error: unknown): StorageProblem | undefined {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const text = `${String((e as { code?: unknown }).code ?? '')} ${String((e as { message?: unknown }).message ?? '')}`;
    if (/SQLITE_FULL|ENOSPC|disk is full/i.test(text)) return 'full';
    if (/SQLITE_READONLY|EROFS|readonly database/i.test(text)) return 'readonly';
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function rootCause(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object' && (e as { cause?: unknown }).cause; depth++) e = (e as { cause: unknown }).cause;
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return `${String(code ?? 'error')}: ${String(message ?? e)
    .split('\n')[0]
    .slice(0, 200)}`;
}

/**
 * Middleware: a request that failed because the database's disk is full or its file is
 * read-only answers 503 with a plain Indonesian message (JSON under /api/, so the offline queue
 * keeps the batch and retries) instead of a 500; the next request tries again, so the app
 * recovers by itself when space returns. The cause is logged for the operator.
 */
export const storageErrors: MiddlewareHandler = async (ctx, next) => {
  try {
    return await next();
  } catch (error) {
    const problem = storageProblem(error);
    if (!problem) throw error;
    // Only the root cause: a failed query's message carries its parameters (hashes, phone numbers).
    console.error(
      `[melek] ${ctx.request.method} ${ctx.url.pathname}: the database ${problem === 'full' ? 'disk is FULL: free space' : 'is READ-ONLY: check the owner and permissions of the database file and its folder'} (${rootCause(error)}).`,
    );
    const d = t(ctx.locals.locale === 'en' ? 'en' : 'id');
    const message = problem === 'full' ? d.storageFull : d.storageReadOnly;
    const headers = { 'retry-after': '30', 'cache-control': 'no-store' };
    if (ctx.url.pathname.startsWith('/api/')) return withSecurityHeaders(json({ error: message }, 503, headers));
    const lang = ctx.locals.locale === 'en' ? 'en' : 'id';
    const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Melek</title></head><body><main><h1>${message}</h1><p><a href="">${d.storageRetry}</a></p></main></body></html>`;
    return withSecurityHeaders(new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } }));
  }
};
