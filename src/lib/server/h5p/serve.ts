import { constants, readFileSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { checkEntryName, extensionOf } from './validate';
import { h5pRoot, type H5pContent } from './import';
import { PLAYER_FONTS, PLAYER_VERSION, standaloneDist } from './player-version';

/**
 * Serving imported packages and the player that runs them.
 *
 * Where things run:
 *   lesson page (app origin, the learner's session)
 *     └─ <iframe sandbox="allow-scripts" src="/h5p/play/<id>">   ← no allow-same-origin: an opaque
 *          origin, so package code cannot read the app's cookies, storage or DOM, and its requests
 *          to the app are cross-origin and carry no session cookie (SameSite=Lax, opaque initiator).
 *          The response itself also says `Content-Security-Policy: sandbox allow-scripts`, so the
 *          player is sandboxed even when opened on its own (the no-JS link, or a typed URL).
 *          The content runs in this document (h5p-standalone's embedType 'div'): a nested frame
 *          of a sandboxed document would get yet another opaque origin that H5P core cannot write to.
 *
 *   /h5p/files/<folder>/<path>: the extracted files. Public, never a session lookup and never a
 *   cookie (see roles.ts / middleware.ts), immutable (the folder name carries the package hash),
 *   `nosniff`, `Access-Control-Allow-Origin: *` (the player's opaque origin fetches JSON and fonts
 *   with CORS; no credentials are ever allowed) and a CSP `sandbox` with no scripts, so an SVG or
 *   XML file opened directly cannot run anything on the app's origin.
 */

/** Content types by extension: only the allow-list of validate.ts can ever be on disk. */
export const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  svg: 'image/svg+xml; charset=utf-8',
  eot: 'application/vnd.ms-fontobject',
  ttf: 'font/ttf',
  otf: 'font/otf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  webm: 'video/webm',
  mp4: 'video/mp4',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  vtt: 'text/vtt; charset=utf-8',
  webvtt: 'text/vtt; charset=utf-8',
  pdf: 'application/pdf',
  rtf: 'application/rtf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  csv: 'text/csv; charset=utf-8',
  // Never rendered as markup: XML could carry XHTML script, so it is plain text here.
  xml: 'text/plain; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/plain; charset=utf-8',
  textile: 'text/plain; charset=utf-8',
  diff: 'text/plain; charset=utf-8',
  patch: 'text/plain; charset=utf-8',
};

/** On every package file: a document made from it (SVG, XML, PDF opened directly) runs no script. */
export const PACKAGE_FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src 'self' data:; media-src 'self'";

/** The package folder names import.ts makes: "<id>-<first 12 hex of the SHA-256>". */
const FOLDER = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?-[0-9a-f]{12}$/;

/**
 * The file a URL path under /h5p/files/ names, or undefined. Every segment passes the same checks
 * as a zip entry name (so "..", "%2e%2e", backslashes, NUL, absolute paths are refused), the folder
 * must look like one import.ts made (temp folders start with "."), and the resolved path must
 * still be inside it.
 */
export function resolvePackageFile(pathParam: string | undefined, dataDir?: string): { abs: string; ext: string } | undefined {
  if (!pathParam) return undefined;
  const name = checkEntryName(pathParam);
  if (name.kind !== 'file') return undefined;
  const [folder, ...rest] = name.path.split('/');
  if (!FOLDER.test(folder) || rest.length === 0) return undefined;
  const ext = extensionOf(name.path);
  if (!CONTENT_TYPES[ext]) return undefined;
  const root = resolve(h5pRoot(dataDir), folder);
  const abs = resolve(root, ...rest);
  const rel = relative(root, abs);
  if (!rel || rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(root, rel) !== abs) return undefined;
  return { abs, ext };
}

/** If-None-Match against our ETag; the compression middleware turns it weak (W/"…"). */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
}

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': PACKAGE_FILE_CSP,
      'x-content-type-options': 'nosniff',
    },
  });

/** A package file: 200/206/304/404/416, streamed, with the headers described at the top. */
export async function packageFileResponse(request: Request, pathParam: string | undefined, dataDir?: string): Promise<Response> {
  const found = resolvePackageFile(pathParam, dataDir);
  if (!found) return notFound();
  let handle: FileHandle;
  try {
    // O_NOFOLLOW: a link (which import.ts never creates) is not followed even if one appeared.
    handle = await open(found.abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return notFound();
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    return notFound();
  }
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[found.ext],
    'cache-control': 'public, max-age=31536000, immutable',
    etag,
    'accept-ranges': 'bytes',
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
    'content-security-policy': PACKAGE_FILE_CSP,
    'cross-origin-resource-policy': 'cross-origin',
    'referrer-policy': 'no-referrer',
  };
  if (etagMatches(request.headers.get('if-none-match'), etag)) {
    await handle.close();
    return new Response(null, { status: 304, headers });
  }
  let start = 0;
  let end = info.size - 1;
  let status = 200;
  const range = request.headers.get('range');
  if (range && info.size > 0) {
    const match = range.match(/^bytes=(\d*)-(\d*)$/);
    const from = match?.[1] ? Number(match[1]) : undefined;
    const to = match?.[2] ? Number(match[2]) : undefined;
    if (match && (from !== undefined || to !== undefined)) {
      if (from === undefined) start = Math.max(0, info.size - to!);
      else {
        start = from;
        end = to === undefined ? info.size - 1 : Math.min(to, info.size - 1);
      }
      if (start > end || start >= info.size) {
        await handle.close();
        return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${info.size}` } });
      }
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${info.size}`;
    }
  }
  headers['content-length'] = String(info.size === 0 ? 0 : end - start + 1);
  if (request.method === 'HEAD' || info.size === 0) {
    await handle.close();
    return new Response(null, { status, headers });
  }
  const stream = handle.createReadStream({ start, end, autoClose: true });
  return new Response(Readable.toWeb(stream) as ReadableStream, { status, headers });
}

// ------------------------------------------------------------------------------ the player

/** Where `npm run h5p:copy-player` puts h5p-standalone's dist and Melek's frame script. */
export const PLAYER_BASE = '/h5p-player';

/**
 * The player's own policy: sandboxed (scripts, nothing else: no same-origin, no forms, popups,
 * top navigation or downloads), scripts only from this server, no inline script, no frames of
 * its own, and framable only by the app's own pages.
 */
export const PLAYER_CSP = [
  'sandbox allow-scripts',
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

export function playerHeaders(etag?: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PLAYER_CSP,
    'x-frame-options': 'SAMEORIGIN',
    'x-content-type-options': 'nosniff',
    // A sandboxed document cannot have an opener policy; the sandbox already isolates it.
    'cross-origin-opener-policy': 'unsafe-none',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
    vary: 'Cookie',
    ...(etag ? { etag } : {}),
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface PlayerStrings {
  lang: string;
  loading: string;
  needsJs: string;
  failed: string;
  alone: string;
  /** Opened on its own from a lesson (JavaScript off): a bar with the way back to that lesson. */
  back?: { href: string; label: string };
}

/**
 * The player document: no inline script, the configuration in data attributes. The status line
 * says "needs JavaScript" until the frame script replaces it with "loading…", so a phone with
 * JavaScript off explains itself however scripting was turned off.
 */
export function playerHtml(content: Pick<H5pContent, 'id' | 'title' | 'folder'>, s: PlayerStrings): string {
  const v = PLAYER_VERSION;
  const attrs = {
    'data-content-id': content.id,
    'data-h5p-path': `/h5p/files/${content.folder}`,
    'data-frame-js': `${PLAYER_BASE}/frame.bundle.js?v=${v}`,
    'data-frame-css': `${PLAYER_BASE}/styles/h5p.css?v=${v}`,
    'data-loading': s.loading,
    'data-failed': s.failed,
    'data-alone': s.alone,
  };
  return `<!doctype html>
<html lang="${escapeHtml(s.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(content.title)}</title>
<style>
html,body{margin:0;padding:0;background:#fff;color:#1a1a1a;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif}
#melek-h5p{padding:.25rem .5rem}
#melek-status{margin:0;padding:.75rem 1rem}
#melek-status:empty{display:none}
.melek-back{background:#0b6e4f;padding:0 1rem}
.melek-back a{color:#fff;display:inline-flex;align-items:center;min-height:48px;font-weight:600}
#melek-status.error{background:#fff4e5;color:#7a3d00;border-left:6px solid #7a3d00}
.h5p-iframe-wrapper{background:#fff!important}
</style>
</head>
<body>
${s.back ? `<header class="melek-back"><a href="${escapeHtml(s.back.href)}">← ${escapeHtml(s.back.label)}</a></header>\n` : ''}<div id="melek-h5p" ${Object.entries(
    attrs,
  )
    .map(([k, val]) => `${k}="${escapeHtml(val)}"`)
    .join(' ')}></div>
<p id="melek-status" role="status">${escapeHtml(s.needsJs)}</p>
<script src="${PLAYER_BASE}/main.bundle.js?v=${v}"></script>
<script src="${PLAYER_BASE}/melek-frame.js?v=${v}"></script>
</body>
</html>
`;
}

/**
 * H5P core's two icon fonts for the player's CSS, from h5p-standalone's dist (not public/: the
 * sandboxed player fetches fonts with CORS, which the static file server does not answer).
 */
export async function playerFontResponse(name: string | undefined): Promise<Response> {
  if (!name || !PLAYER_FONTS.includes(name)) return notFound();
  let bytes: Buffer;
  try {
    bytes = await readFile(join(standaloneDist(), 'fonts', name));
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'font/woff2',
      'content-length': String(bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
      'content-security-policy': PACKAGE_FILE_CSP,
      'cross-origin-resource-policy': 'cross-origin',
      'referrer-policy': 'no-referrer',
    },
  });
}

/**
 * Bytes of the player itself on first use (main.bundle.js, frame.bundle.js, h5p.css, Melek's
 * frame script), gzipped as they are served (precompressed at build), measured once from
 * dist/client/h5p-player or public/h5p-player; a measured constant when neither is there.
 */
let playerBytesCache: number | undefined;
export function playerBytes(): number {
  if (playerBytesCache !== undefined) return playerBytesCache;
  const files = ['main.bundle.js', 'frame.bundle.js', 'styles/h5p.css', 'melek-frame.js'];
  for (const base of [join(process.cwd(), 'dist', 'client', 'h5p-player'), join(process.cwd(), 'public', 'h5p-player')]) {
    try {
      playerBytesCache = files.reduce((n, f) => n + gzipSync(readFileSync(join(base, f)), { level: 6 }).length, 0);
      return playerBytesCache;
    } catch {
      // not there: try the next place
    }
  }
  playerBytesCache = PLAYER_BYTES_FALLBACK;
  return playerBytesCache;
}
/** gzip sizes with h5p-standalone 3.8.2: main.bundle.js 7.6 KB, frame.bundle.js 47 KB, h5p.css ~9 KB, frame script 1 KB. */
export const PLAYER_BYTES_FALLBACK = 65_000;

/** What a learner downloads the first time they tap "Muat": the package's files plus the player. */
export const onDemandBytes = (content: Pick<H5pContent, 'sizeBytes'>) => content.sizeBytes + playerBytes();
