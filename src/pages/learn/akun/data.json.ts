import type { APIRoute } from 'astro';
import { exportLearnerData } from '../../../lib/server/privacy/export';

/** The learner's own data as a JSON download. */
export const GET: APIRoute = async ({ locals }) => {
  const user = locals.user!;
  const data = await exportLearnerData(user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="melek-data-saya.json"',
      'cache-control': 'private, no-store',
    },
  });
};
