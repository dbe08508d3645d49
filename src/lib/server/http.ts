import type { AstroCookies } from 'astro';
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
