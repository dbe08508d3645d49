import type { APIRoute } from 'astro';
import { reportCsvResponse } from '../../lib/server/reports/endpoint';

/** GET: the research CSV for every learner (or one cohort, `?kelas=<id>`); trainers only (the /trainer area). */
export const GET: APIRoute = async ({ url, locals }) => reportCsvResponse(locals.user!, url, locals.locale);
