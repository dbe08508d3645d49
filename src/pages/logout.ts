import type { APIRoute } from 'astro';
import { invalidateSession } from '../lib/server/auth/session';
import { clearSessionCookie, isHttps } from '../lib/server/http';

/** POST only (a link could log people out from another site); the session row is deleted. */
export const POST: APIRoute = async ({ locals, cookies, request, url, redirect }) => {
  if (locals.session) await invalidateSession(locals.session.id);
  clearSessionCookie(cookies, isHttps(request, url));
  return redirect('/login', 303);
};
