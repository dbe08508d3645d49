/**
 * The offline build step, run after every `astro build` by the Astro integration below (so
 * `npm run build`, `npm start` and `npm test` all get it, and public/ holds no generated file):
 *
 * 1. dist/client/offline-id.html, offline-en.html: the page the service worker shows for a page
 *    that is not saved while offline (strings from src/i18n/*.offline.ts);
 * 2. dist/client/icons/*.png: the app icons (src/sw/icons.ts);
 * 3. dist/client/sw.js: src/sw/sw.ts bundled with esbuild (Astro's own dependency), with the
 *    precache list of this build: offline pages, manifest, favicon and the built scripts
 *    (/_astro/*.js|css) — the app shell, nothing personal;
 * 4. precompressed copies (.br, .gz) of every text file in dist/client ≥ 1 KB.
 *
 * Melek's own server (src/server/http-server.ts) serves dist/client and picks `<file>.br` or
 * `<file>.gz` when the browser accepts it, with Content-Encoding, the original Content-Type and Vary.
 *
 * By hand: `npx tsx src/cli/build-sw.ts [dist/client]`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { en_offline } from '../i18n/en.offline';
import { id_offline } from '../i18n/id.offline';
import { ICONS, iconPng } from '../sw/icons';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml)$/i;
const MIN_COMPRESS_BYTES = 1024;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const urlOf = (clientDir: string, file: string) => `/${relative(clientDir, file).split(sep).join('/')}`;
const revision = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The offline page, self-contained (inline CSS, no script), in one language. */
export function offlineHtml(lang: 'id' | 'en'): string {
  const s = lang === 'en' ? en_offline : id_offline;
  const css = [
    'body{margin:0;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#fff}',
    '.top{display:flex;align-items:center;min-height:56px;padding:0 1rem;background:#0b6e4f}',
    '.top a{color:#fff;font-weight:700;font-size:1.2rem;text-decoration:none}',
    'main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;line-height:1.25}',
    '.btn{display:flex;align-items:center;justify-content:center;min-height:48px;padding:.6rem 1.1rem;border-radius:12px;border:2px solid #0b6e4f;background:#0b6e4f;color:#fff;font-weight:600;text-decoration:none}',
    '.btn.secondary{background:#fff;color:#0b6e4f}',
    '.alert{padding:.75rem 1rem;border-radius:12px;background:#e7f4ee;color:#0a4d36;border-left:6px solid #0b6e4f}',
    '[hidden]{display:none}',
  ].join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b6e4f">
<title>${escapeHtml(s.offFallbackTitle)} · Melek</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${css}</style>
</head>
<body>
<header class="top"><a href="/">Melek</a></header>
<main>
<h1>${escapeHtml(s.offFallbackTitle)}</h1>
<p id="saved-note" hidden class="alert" role="status">${escapeHtml(s.offFallbackSaved)}</p>
<p>${escapeHtml(s.offFallbackBody)}</p>
<p><a class="btn" href="/learn/offline">${escapeHtml(s.offFallbackOpenSaved)}</a></p>
<p><a class="btn secondary" href="">${escapeHtml(s.offFallbackRetry)}</a></p>
</main>
</body>
</html>
`;
}

/** The app shell the service worker precaches (revision null: the name already has a hash). */
export function precacheList(clientDir: string): Array<{ url: string; revision: string | null }> {
  const entries: Array<{ url: string; revision: string | null }> = [];
  for (const file of walk(join(clientDir, '_astro'))) if (/\.(?:js|css)$/.test(file)) entries.push({ url: urlOf(clientDir, file), revision: null });
  // Not the PNG icons: the browser fetches those itself when it needs them (install), and the
  // offline pages use favicon.svg.
  const named = ['manifest.webmanifest', 'favicon.svg', 'offline-id.html', 'offline-en.html'].map((f) => join(clientDir, f)).filter((f) => existsSync(f));
  for (const file of named) entries.push({ url: urlOf(clientDir, file), revision: revision(readFileSync(file)) });
  return entries.sort((a, b) => a.url.localeCompare(b.url));
}

/** .br and .gz beside every text file worth compressing; stale ones (their file is gone) removed. */
export function precompress(clientDir: string): { files: number; raw: number; br: number; gz: number } {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const file of walk(clientDir)) {
    if (/\.(?:br|gz)$/.test(file)) {
      if (!existsSync(file.slice(0, -3))) rmSync(file, { force: true });
      continue;
    }
    if (!COMPRESSIBLE.test(file)) continue;
    const raw = readFileSync(file);
    for (const suffix of ['.br', '.gz']) rmSync(file + suffix, { force: true });
    if (raw.length < MIN_COMPRESS_BYTES) continue;
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length * 0.9) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length * 0.9) writeFileSync(`${file}.gz`, gz);
    totals.files++;
    totals.raw += raw.length;
    totals.br += Math.min(br.length, raw.length);
    totals.gz += Math.min(gz.length, raw.length);
  }
  return totals;
}

/**
 * What a phone downloads by itself for the service worker: sw.js and its precache, each as sent
 * (brotli where there is a .br). Written to dist/client/app-shell-size.json; "Hemat kuota" on
 * /learn/akun shows it as what the setting saves (src/lib/server/accounts/data-saver.ts).
 */
export function writeAppShellSize(clientDir: string, entries: Array<{ url: string }>): number {
  const sent = (file: string) => (existsSync(`${file}.br`) ? statSync(`${file}.br`).size : existsSync(file) ? statSync(file).size : 0);
  const bytes =
    sent(join(clientDir, 'sw.js')) + entries.reduce((sum, e) => sum + sent(join(clientDir, decodeURIComponent(e.url.replace(/^\//, '').split('?')[0]))), 0);
  writeFileSync(join(clientDir, 'app-shell-size.json'), JSON.stringify({ bytes }));
  return bytes;
}

export async function buildServiceWorker(
  root: string,
  clientDir: string,
): Promise<{ swBytes: number; precached: number; compressed: ReturnType<typeof precompress> }> {
  writeFileSync(join(clientDir, 'offline-id.html'), offlineHtml('id'));
  writeFileSync(join(clientDir, 'offline-en.html'), offlineHtml('en'));
  mkdirSync(join(clientDir, 'icons'), { recursive: true });
  for (const icon of ICONS) writeFileSync(join(clientDir, 'icons', icon.file), iconPng(icon.size, { maskable: icon.maskable }));

  const entries = precacheList(clientDir);
  await build({
    entryPoints: [join(root, 'src/sw/sw.ts')],
    outfile: join(clientDir, 'sw.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: {
      __MELEK_PRECACHE__: JSON.stringify(entries),
      'process.env.NODE_ENV': '"production"',
    },
  });
  const compressed = precompress(clientDir);
  writeAppShellSize(clientDir, entries);
  return { swBytes: statSync(join(clientDir, 'sw.js')).size, precached: entries.length, compressed };
}

/** The Astro integration: `integrations: [..., offlineBuild()]` in astro.config.mjs. */
export function offlineBuild() {
  let root = process.cwd();
  let clientDir = join(root, 'dist/client');
  return {
    name: 'melek-offline',
    hooks: {
      'astro:config:done': ({ config }: { config: { root: URL; build: { client: URL } } }) => {
        root = fileURLToPath(config.root);
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': async ({ logger }: { logger: { info(m: string): void } }) => {
        const started = performance.now();
        const { swBytes, precached, compressed } = await buildServiceWorker(root, clientDir);
        const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
        logger.info(
          `sw.js ${kb(swBytes)} (${precached} files precached); ${compressed.files} text files precompressed: ${kb(compressed.raw)} → br ${kb(compressed.br)}, gz ${kb(compressed.gz)} (${Math.round(performance.now() - started)} ms)`,
        );
      },
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.cwd();
  const clientDir = resolve(process.argv[2] ?? join(root, 'dist/client'));
  const result = await buildServiceWorker(root, clientDir);
  console.log(`sw.js: ${result.swBytes} bytes, ${result.precached} files precached, ${result.compressed.files} files precompressed`);
}
