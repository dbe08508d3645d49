import type { APIRoute } from 'astro';
import { exportModule } from '../../../../lib/server/authoring/modules';

/** Trainer: a browser module with its lessons' current drafts as one JSON file (issue 19, item 8). */
export const GET: APIRoute = async ({ params }) => {
  const file = await exportModule(params.module ?? '');
  if (!file) return new Response('Modul ini tidak ada.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(JSON.stringify(file, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${file.module.id}.melek.json"`,
      'cache-control': 'no-store',
    },
  });
};
