import type { APIRoute } from 'astro';
import { t } from '../../../i18n';
import { h5pContentById } from '../../../lib/server/h5p/import';
import { etagMatches, PACKAGE_FILE_CSP, playerHeaders, playerHtml } from '../../../lib/server/h5p/serve';

/**
 * The H5P player page that the lesson's sandboxed iframe loads (and that the card's plain link
 * opens when JavaScript is off). Sent with its own headers: `Content-Security-Policy: sandbox
 * allow-scripts …; frame-ancestors 'self'`, so it runs sandboxed even when opened on its own and
 * only the app's pages may frame it. Public: it holds no personal data and sets no cookie.
 */
export const GET: APIRoute = async ({ params, request, locals }) => {
  const d = t(locals.locale);
  const content = await h5pContentById(params.id ?? '');
  if (!content) {
    return new Response(d.h5pPlayerNotFound, {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': PACKAGE_FILE_CSP },
    });
  }
  // The card's plain link (JavaScript off) names its lesson: the page then shows the way back.
  const from = new URL(request.url).searchParams.get('kembali') ?? '';
  const back = /^\/learn\/[a-z0-9][a-z0-9-]{0,58}\/[a-z0-9][a-z0-9-]{0,58}$/.test(from) ? from : undefined;
  const etag = `"${content.folder}-${locals.locale}${back ? `-${back.replace(/[^a-z0-9]/g, '_')}` : ''}"`;
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: playerHeaders(etag) });
  const html = playerHtml(content, {
    lang: locals.locale,
    loading: d.h5pLoading,
    needsJs: d.h5pPlayerNeedsJs,
    failed: d.h5pPlayerFailed,
    alone: d.h5pPlayerAlone,
    back: back ? { href: back, label: d.h5pBackToLesson } : undefined,
  });
  return new Response(html, { status: 200, headers: playerHeaders(etag) });
};
