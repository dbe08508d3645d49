import type { APIRoute } from 'astro';
import { reportCsvResponse } from '../../lib/server/reports/endpoint';

/** GET: the research CSV for the mentor's own current learners (a trainer here gets everyone). */
export const GET: APIRoute = async ({ url, locals }) => reportCsvResponse(locals.user!, url, locals.locale);
