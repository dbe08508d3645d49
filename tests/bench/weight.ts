/**
 * `npm run bench:weight`: builds, starts the built server with the demo data, and fetches every
 * lesson page and /learn as a logged-in learner. Per page: HTML bytes raw and gzip, and the gzip
 * total of everything it loads (CSS, JS, images), against DESIGN.md's budgets:
 * HTML (with its inlined CSS) ≤ 14 KB gzip — the first round trip — and all ≤ 50 KB gzip.
 * Pages over budget are listed first. No timing is involved.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, startServer } from '../helpers/server';
import { formatTable, loginCookie } from './http';

const HTML_BUDGET = 14 * 1024;
const TOTAL_BUDGET = 50 * 1024;

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], { stdio: 'ignore', cwd: ROOT });
  if (build.status !== 0) throw new Error('astro build failed');
}

const lessonPaths = readdirSync(join(ROOT, 'content'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, 'content', d.name))
      .filter((f) => /^\d\d-.*\.mdx$/.test(f))
      .map((f) => `/learn/${d.name}/${f.replace(/\.mdx$/, '')}`),
  )
  .sort();

const server = await startServer();
try {
  const cookie = await loginCookie(server.url, '081100000011', 'belajar-demo');
  const assetCache = new Map<string, number>();
  const rows: Array<{ path: string; raw: number; gz: number; assets: number; total: number; estimate?: number; over: boolean }> = [];
  for (const path of ['/learn', ...lessonPaths]) {
    const response = await fetch(server.url + path, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    const html = await response.text();
    const raw = Buffer.byteLength(html);
    const gz = gzipSync(html, { level: 6 }).length;
    const assetUrls = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => u.startsWith('/') && !u.startsWith('//'));
    let assets = 0;
    for (const url of new Set(assetUrls)) {
      if (!assetCache.has(url)) {
        const body = Buffer.from(await (await fetch(server.url + url, { headers: { cookie } })).arrayBuffer());
        assetCache.set(
          url,
          url.endsWith('.png') || url.endsWith('.webp') || url.endsWith('.avif') || url.endsWith('.jpg') ? body.length : gzipSync(body).length,
        );
      }
      assets += assetCache.get(url)!;
    }
    const total = gz + assets;
    const bodyMatch = path === '/learn' ? undefined : path;
    const estimate = bodyMatch ? Number(html.match(/± (\d+) KB/)?.[1]) : undefined;
    rows.push({ path, raw, gz, assets, total, estimate, over: gz > HTML_BUDGET || total > TOTAL_BUDGET });
  }
  rows.sort((a, b) => Number(b.over) - Number(a.over) || b.gz - a.gz);
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(
    formatTable(
      ['page', 'HTML raw KB', 'HTML gz KB', 'assets gz KB', 'total gz KB', 'shown ± KB', 'budget'],
      rows.map((r) => [r.path, kb(r.raw), kb(r.gz), kb(r.assets), kb(r.total), r.estimate ? String(r.estimate) : '-', r.over ? 'OVER' : 'ok']),
    ),
  );
  const over = rows.filter((r) => r.over).length;
  const maxGz = Math.max(...rows.map((r) => r.gz));
  console.log(
    `\n${rows.length} pages; budgets: HTML ≤ ${kb(HTML_BUDGET)} KB gz, total ≤ ${kb(TOTAL_BUDGET)} KB gz; largest HTML ${kb(maxGz)} KB gz (${((100 * maxGz) / HTML_BUDGET).toFixed(0)} % of budget); ${over} over budget.`,
  );
  process.exitCode = over > 0 ? 1 : 0;
} finally {
  await server.stop();
}
