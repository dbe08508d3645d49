/**
 * Melek's own HTTP server in front of Astro. Astro's Node adapter runs in its
 * `middleware` mode and only renders; this server owns what has to happen before Astro sees a
 * request, or for requests Astro never sees:
 *
 * - the client's address: without TRUST_PROXY=1 it is the socket's address, and every
 *   X-Forwarded-* header is removed before Astro reads it (Astro would otherwise take the client
 *   address, host and protocol from them); with TRUST_PROXY=1 the proxy's view: the address the
 *   proxy appended last to X-Forwarded-For, and its X-Forwarded-Host/-Proto;
 * - the static files of dist/client (precompressed .br/.gz copies when the browser takes them)
 *   with the security headers of every other response;
 * - the per-route body caps of src/lib/body-limits.ts, counted while reading (413);
 * - the security headers on everything, including Astro's own 500 answers.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { bodyLimitFor, serverCutoff } from '../lib/body-limits';
import { SECURITY_HEADERS } from '../lib/security-headers';
import { id } from '../i18n/id';
import { en } from '../i18n/en';

export type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void, locals?: object) => Promise<void> | void;

export interface MelekServerOptions {
  handler: AstroHandler;
  clientDir: string;
  trustProxy: boolean;
}

const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-server', 'x-real-ip', 'forwarded'];

/** The last (rightmost) address of X-Forwarded-For: the one the trusted proxy itself appended. */
export function proxiedAddress(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const parts = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const last = parts[parts.length - 1];
  return last && /^[0-9a-fA-F:.[\]]{2,64}$/.test(last) ? last : undefined;
}

/**
 * Rewrites the request's forwarding headers so Astro sees only what is believed: nothing without
 * a trusted proxy, else one X-Forwarded-For value (the proxy's view) and the proxy's host/proto.
 * Returns the client's address.
 */
export function settleClientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) {
    for (const name of FORWARDED_HEADERS) delete req.headers[name];
    return socketAddress;
  }
  const address = proxiedAddress(req.headers['x-forwarded-for']) ?? socketAddress;
  req.headers['x-forwarded-for'] = address;
  for (const name of ['x-forwarded-host', 'x-forwarded-proto']) {
    const value = req.headers[name];
    const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
    if (first) req.headers[name] = first;
    else delete req.headers[name];
  }
  for (const name of ['x-forwarded-port', 'x-forwarded-server', 'x-real-ip', 'forwarded']) delete req.headers[name];
  return address;
}

function localeOf(req: IncomingMessage): 'id' | 'en' {
  return /(?:^|;\s*)melek_lang=en(?:;|$)/.test(req.headers.cookie ?? '') ? 'en' : 'id';
}

function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A short answer of this server's own (400, 404, 413, 500): HTML, or JSON under /api/. */
function plainAnswer(req: IncomingMessage, res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  const api = (req.url ?? '').startsWith('/api/');
  const lang = localeOf(req);
  const body = api
    ? JSON.stringify({ error: message })
    : `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Melek</title></head><body><main><h1>${message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</h1><p><a href="/">Melek</a></p></main></body></html>`;
  setSecurityHeaders(res);
  res.writeHead(status, {
    'content-type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// ------------------------------------------------------------------------------ body caps

/**
 * After a 413, up to this many more bytes of the refused body are read and thrown away, so a
 * client still sending (a browser, fetch) finishes and reads the answer; beyond it the
 * connection is closed (an attacker's 100 MB stream is not read).
 */
const DRAIN_LIMIT = 4 * 1024 * 1024;

/**
 * Hands Astro a body that is counted while it is read (Astro's Node adapter reads `req.body` when
 * it is an async iterable; nothing is read until the page asks). Past `cutoff` bytes this server
 * answers 413 itself, the page's read fails, and whatever the page still writes is dropped.
 */
function capBody(req: IncomingMessage, cutoff: number, tooLarge: () => void): void {
  let total = 0;
  (req as IncomingMessage & { body?: unknown }).body = {
    async *[Symbol.asyncIterator]() {
      const queue: Buffer[] = [];
      let ended = false;
      let failed: Error | undefined;
      let wake: (() => void) | undefined;
      const onData = (chunk: Buffer) => {
        queue.push(chunk);
        req.pause();
        wake?.();
      };
      const onEnd = () => {
        ended = true;
        wake?.();
      };
      const onClose = () => {
        if (!ended) failed ??= new Error('request aborted');
        wake?.();
      };
      const onError = (error: Error) => {
        failed = error;
        wake?.();
      };
      req.on('data', onData);
      req.once('end', onEnd);
      req.once('close', onClose);
      req.once('error', onError);
      try {
        for (;;) {
          const chunk = queue.shift();
          if (chunk) {
            total += chunk.length;
            if (total > cutoff) {
              tooLarge();
              throw new Error('request body over its cap');
            }
            yield chunk;
            continue;
          }
          if (failed) throw failed;
          if (ended) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
            req.resume();
          });
          wake = undefined;
        }
      } finally {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('close', onClose);
        req.off('error', onError);
      }
    },
  };
}

/** After this server answered, the page's own answer (still being rendered) goes nowhere. */
function silence(res: ServerResponse): void {
  const noop = () => res;
  res.writeHead = noop;
  res.setHeader = noop;
  res.write = () => true;
  res.end = noop;
  // Nor may the page's failed read tear the connection down before the 413 is read: a reset now
  // can make the client's system drop that answer (seen under load). The socket closes on its own.
  res.destroy = noop;
}

/**
 * 413 in the user's language. A short rest of the body (up to DRAIN_LIMIT) is read away so the
 * connection stays usable; a longer one is not read at all: once the answer is out, this server
 * stops sending (FIN) but does not reset the connection at once, because a reset can make the
 * client's system drop the answer it has not read yet; the rest is read and dropped, and the
 * socket is destroyed a few seconds later.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, alreadyRead: number): void {
  if (res.headersSent) return;
  const d = localeOf(req) === 'en' ? en : id;
  const declared = Number(req.headers['content-length']);
  const drainable = Number.isFinite(declared) && declared - alreadyRead <= DRAIN_LIMIT;
  plainAnswer(req, res, 413, d.bodyTooLarge);
  silence(res);
  req.on('error', () => {});
  if (drainable) {
    let drained = 0;
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_LIMIT) req.socket.destroy();
    });
    req.resume();
    return;
  }
  req.pause();
  const socket = req.socket;
  // Node's HTTP server closes a "Connection: close" socket as soon as the answer is flushed
  // (socket.destroySoon), with the client's unread bytes still in the kernel buffer: that sends a
  // reset, and the client's system may drop the 413 before the client reads it (CI saw status 0).
  // Close lingering instead, as nginx does: send FIN, keep reading, destroy later.
  socket.destroySoon = () => socket.end();
  res.once('finish', () => {
    socket.end();
    // Until then, whatever still arrives is read and dropped (memory stays flat): closing with
    // unread bytes in the kernel's buffer sends a reset, which can make a slow client lose the
    // 413 it has not read yet (seen on a loaded machine).
    req.on('data', () => {});
    req.resume();
    setTimeout(() => socket.destroy(), 5000).unref();
  });
}

// ------------------------------------------------------------------------------ static files

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  eot: 'application/vnd.ms-fontobject',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  webm: 'video/webm',
  map: 'application/json; charset=utf-8',
};

function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  return String(header ?? '')
    .toLowerCase()
    .split(',')
    .some((part) => {
      const [name, ...params] = part.trim().split(';');
      if (name.trim() !== encoding) return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return !q || Number(q.slice(2)) > 0;
    });
}

function fileStats(path: string): Stats | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** The file under clientDir a GET path names, or undefined (then Astro answers). */
export function staticFile(clientDir: string, urlPath: string): { path: string; stats: Stats; ext: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return undefined;
  const segments = decoded.split('/').filter(Boolean);
  // No parent steps, no dotfiles (.br/.gz copies are picked below, never named directly).
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return undefined;
  const ext = (segments[segments.length - 1] ?? '').split('.').pop()?.toLowerCase() ?? '';
  if (!TYPES[ext]) return undefined;
  const root = normalize(clientDir + sep);
  const path = normalize(join(root, ...segments));
  if (!path.startsWith(root)) return undefined;
  const stats = fileStats(path);
  return stats ? { path, stats, ext } : undefined;
}

function serveStatic(req: IncomingMessage, res: ServerResponse, file: { path: string; stats: Stats; ext: string }, urlPath: string): void {
  const etag = `W/"${file.stats.size.toString(16)}-${Math.floor(file.stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    'content-type': TYPES[file.ext],
    etag,
    'last-modified': file.stats.mtime.toUTCString(),
    // Built assets carry a content hash in their name; everything else is checked again each time.
    'cache-control': urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0',
  };
  let path = file.path;
  let size = file.stats.size;
  const variants = (
    [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const
  ).filter(([, suffix]) => fileStats(file.path + suffix));
  if (variants.length > 0) {
    headers.vary = 'Accept-Encoding';
    const chosen = variants.find(([encoding]) => acceptsEncoding(req.headers['accept-encoding'], encoding));
    if (chosen) {
      path = file.path + chosen[1];
      size = fileStats(path)!.size;
      headers['content-encoding'] = chosen[0];
    }
  }
  setSecurityHeaders(res);
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['content-length'] = size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

// ------------------------------------------------------------------------------ the server

export function createRequestListener(options: MelekServerOptions) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const rawUrl = req.url ?? '/';
    try {
      decodeURI(rawUrl);
    } catch {
      plainAnswer(req, res, 400, (localeOf(req) === 'en' ? en : id).badRequest);
      return;
    }
    settleClientAddress(req, options.trustProxy);
    const urlPath = rawUrl.split(/[?#]/)[0] || '/';
    const method = req.method ?? 'GET';

    if (method === 'GET' || method === 'HEAD') {
      const file = staticFile(options.clientDir, urlPath);
      if (file) return serveStatic(req, res, file, urlPath);
    } else {
      const limit = bodyLimitFor(urlPath);
      const declared = Number(req.headers['content-length']);
      if (!limit.explainedByRoute && Number.isFinite(declared) && declared > limit.bytes) return refuseTooLarge(req, res, 0);
      const cutoff = serverCutoff(limit);
      capBody(req, cutoff, () => refuseTooLarge(req, res, cutoff));
    }

    // Every answer Astro writes (its writeHead merges these) carries the security headers,
    // including its own 500 page when a page throws.
    setSecurityHeaders(res);
    try {
      await options.handler(req, res);
    } catch {
      if (!res.headersSent) plainAnswer(req, res, 500, (localeOf(req) === 'en' ? en : id).serverError);
      else res.destroy();
    }
  };
}

export function createMelekServer(options: MelekServerOptions): Server {
  // Node's own timeouts stay (a request may take 5 minutes: a trainer's 50 MB upload on 3G).
  return createServer(createRequestListener(options));
}
