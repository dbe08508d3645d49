import type { APIRoute } from 'astro';
import { databaseReachable, VERSION } from '../../lib/server/health';
import { json } from '../../lib/server/http';

export const GET: APIRoute = async () => {
  const ok = await databaseReachable();
  return json({ status: ok ? 'ok' : 'error', db: ok ? 'ok' : 'error', version: VERSION }, ok ? 200 : 503);
};
