/**
 * Compression of the server's own text responses (HTML, JSON, …), used by the middleware: the
 * Node adapter sends everything uncompressed, and learners pay for every byte. Brotli (quality 5:
 * about as fast as gzip level 6 and ~5 % smaller) when the browser accepts it, else
 * gzip level 6. Static files in dist/client are precompressed at build time instead
 * (src/cli/build-sw.ts). Cost: see `npm run bench:mobile` / tests/unit/offline-compression.test.ts.
 */
import { Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const TEXT_TYPE = /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;
/** Smaller bodies gain nothing worth the header bytes and the work. */
export const MIN_COMPRESS_BYTES = 1024;
export const BROTLI_QUALITY = 5;
export const GZIP_LEVEL = 6;

/** The encoding to use for an Accept-Encoding header: 'br', 'gzip' or undefined (q=0 respected). */
export function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

function addVary(headers: Headers) {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/\baccept-encoding\b/i.test(vary) && vary.trim() !== '*') headers.set('vary', `${vary}, Accept-Encoding`);
}

export function compressor(encoding: 'br' | 'gzip') {
  return encoding === 'br'
    ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
    : createGzip({ level: GZIP_LEVEL });
}

/** The response compressed for this request when that is worth it and allowed; otherwise as it was. */
export function compressResponse(request: Request, response: Response): Response {
  if (!response.body || request.method === 'HEAD') return response;
  if (response.status < 200 || response.status === 204 || response.status === 206 || response.status === 304) return response;
  if (response.headers.has('content-encoding') || !TEXT_TYPE.test(response.headers.get('content-type') ?? '')) return response;
  if (/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')) return response;
  const length = response.headers.get('content-length');
  if (length !== null && Number(length) < MIN_COMPRESS_BYTES) return response;
  const headers = new Headers(response.headers);
  addVary(headers);
  const encoding = pickEncoding(request.headers.get('accept-encoding'));
  if (!encoding) return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  headers.delete('content-length');
  headers.set('content-encoding', encoding);
  // A strong validator names one exact byte sequence: the compressed one is another.
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(compressor(encoding));
  return new Response(Readable.toWeb(body) as ReadableStream, { status: response.status, statusText: response.statusText, headers });
}
