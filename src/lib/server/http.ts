import type { AstroCookies, MiddlewareHandler } from 'astro';
import { t } from '../../i18n';
import { withSecurityHeaders } from '../security-headers';
import { IDLE_MS, SESSION_COOKIE } from './auth/session';

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

export function clearSessionCookie(cookies: AstroCookies, secure: boolean): void {
  cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}

/** The learner's address for rate limiting; X-Forwarded-For is believed only behind a known proxy. */
export function clientAddress(request: Request, fallback: () => string): string {
  if (process.env.TRUST_PROXY === '1') {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return fallback();
  } catch {
    return 'unknown';
  }
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
  return `${String(code ?? 'error')}: ${String(message ?? e).split('\n')[0].slice(0, 200)}`;
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
    console.error(`[melek] ${ctx.request.method} ${ctx.url.pathname}: the database ${problem === 'full' ? 'disk is FULL: free space' : 'is READ-ONLY: check the owner and permissions of the database file and its folder'} (${rootCause(error)}).`);
    const d = t(ctx.locals.locale === 'en' ? 'en' : 'id');
    const message = problem === 'full' ? d.storageFull : d.storageReadOnly;
    const headers = { 'retry-after': '30', 'cache-control': 'no-store' };
    if (ctx.url.pathname.startsWith('/api/')) return withSecurityHeaders(json({ error: message }, 503, headers));
    const lang = ctx.locals.locale === 'en' ? 'en' : 'id';
    const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Melek</title></head><body><main><h1>${message}</h1><p><a href="">${d.storageRetry}</a></p></main></body></html>`;
    return withSecurityHeaders(new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } }));
  }
};
