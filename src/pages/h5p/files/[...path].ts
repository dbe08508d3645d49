import type { APIRoute } from 'astro';
import { packageFileResponse, playerFontResponse } from '../../../lib/server/h5p/serve';

/**
 * The files of imported H5P packages (and H5P core's two icon fonts), for the sandboxed player.
 * Public and cookie-free (the middleware never looks at the session under /h5p/), immutable,
 * path traversal refused in resolvePackageFile. Segments are decoded one by one; a decoded "/" or
 * "\" inside one is refused.
 */
function pathOf(url: URL): string | undefined {
  const prefix = '/h5p/files/';
  if (!url.pathname.startsWith(prefix)) return undefined;
  try {
    const segments = url.pathname
      .slice(prefix.length)
      .split('/')
      .map((s) => decodeURIComponent(s));
    if (segments.some((s) => s.includes('/') || s.includes('\\'))) return undefined;
    return segments.join('/');
  } catch {
    return undefined;
  }
}

/** `player/<font>`: H5P core's icon fonts (no package folder is named "player": theirs end in a hash). */
function serve(request: Request, url: URL): Promise<Response> {
  const path = pathOf(url);
  if (path?.startsWith('player/')) return playerFontResponse(path.slice('player/'.length));
  return packageFileResponse(request, path);
}

export const GET: APIRoute = ({ request, url }) => serve(request, url);
export const HEAD: APIRoute = ({ request, url }) => serve(request, url);
