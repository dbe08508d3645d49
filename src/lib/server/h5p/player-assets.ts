import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
// A static import: astro.config loads this file through Vite's module runner, which is closed by
// the time a config hook runs, so a dynamic import() there fails on a fresh build.
import { build } from 'esbuild';
import { PLAYER_FONTS, PLAYER_VERSION, standaloneDist } from './player-version';

/**
 * Puts the H5P player into public/h5p-player/ (gitignored, made from node_modules):
 *
 *   main.bundle.js, frame.bundle.js, images/   h5p-standalone's dist, as it is
 *   styles/h5p.css                              h5p-standalone's CSS, with two changes for the sandbox
 *                                               and for phones (below)
 *   melek-frame.js                              src/scripts/h5p-frame.ts, compiled (esbuild, which
 *                                               Astro itself depends on) to one classic script
 *
 * h5p.css changes: the player runs in a sandboxed frame with an opaque origin, and fonts are
 * always fetched with CORS, which Astro's static file server does not answer; so H5P core's two
 * small icon fonts (h5p-core-30, h5p-theme: 25 KB) point to /h5p/files/player/ (serve.ts, with
 * CORS), where a phone fetches them only if the content shows an H5P icon. The Inter and Open
 * Sans text fonts (~1 MB in all) are dropped: content falls back to the phone's own sans-serif, as
 * the rest of Melek does, instead of downloading them on metered data. The hub font is for the
 * editor and is dropped too.
 *
 * Files are written only when their bytes change, each one atomically (temp file + rename), so a
 * build running at the same time never sees half a file.
 */

const DROPPED_FONTS = /fonts\/(inter|open-sans)\/|h5p-hub-publish/;

/** h5p.css with the icon fonts served from /h5p/files/player/ and the text fonts dropped. */
export function transformPlayerCss(css: string, version: string): string {
  return css.replace(/@font-face\s*\{[^}]*\}/g, (face) => {
    if (DROPPED_FONTS.test(face)) return '';
    return face.replace(/url\(\s*(['"]?)\.\.\/fonts\/([^'")?#]+)([^'")]*)\1\s*\)/g, (whole, _q, name: string) =>
      PLAYER_FONTS.includes(name) ? `url('/h5p/files/player/${name}?v=${version}')` : whole,
    );
  });
}

async function compileFrameScript(source: string): Promise<string> {
  const result = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2018',
    minify: true,
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

function writeIfChanged(path: string, bytes: Buffer): boolean {
  try {
    const current = readFileSync(path);
    if (current.equals(bytes)) return false;
  } catch {
    // missing: write it
  }
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${createHash('sha1').update(bytes).digest('hex').slice(0, 8)}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
  return true;
}

/** Copies and builds the player into <root>/public/h5p-player; returns what changed and the total size. */
export async function copyPlayerAssets(root: string): Promise<{ dest: string; changed: string[]; bytes: number }> {
  const dist = standaloneDist();
  const dest = join(root, 'public', 'h5p-player');
  const out = new Map<string, Buffer>();
  for (const file of ['main.bundle.js', 'main.bundle.js.LICENSE.txt', 'frame.bundle.js']) out.set(file, readFileSync(join(dist, file)));
  for (const image of readdirSync(join(dist, 'images'))) out.set(`images/${image}`, readFileSync(join(dist, 'images', image)));
  const css = readFileSync(join(dist, 'styles', 'h5p.css'), 'utf8');
  out.set('styles/h5p.css', Buffer.from(transformPlayerCss(css, PLAYER_VERSION)));
  const frameSource = fileURLToPath(new URL('../../../scripts/h5p-frame.ts', import.meta.url));
  out.set('melek-frame.js', Buffer.from(await compileFrameScript(frameSource)));

  const changed: string[] = [];
  for (const [file, bytes] of out) if (writeIfChanged(join(dest, file), bytes)) changed.push(file);
  // Anything else in the folder is from an older player version.
  const keep = new Set([...out.keys()].map((f) => join(dest, f)));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of walk(dest)) {
    if (!keep.has(file) && !file.endsWith('.tmp')) {
      rmSync(file, { force: true });
      changed.push(`- ${relative(dest, file)}`);
    }
  }
  const bytes = ['main.bundle.js', 'frame.bundle.js', 'styles/h5p.css', 'melek-frame.js'].reduce((n, f) => n + statSync(join(dest, f)).size, 0);
  return { dest, changed, bytes };
}

/**
 * The same as an Astro integration: `integrations: [mdx(), h5pPlayerAssets()]` in astro.config.mjs
 * runs it before every `astro build` and `astro dev`, whoever calls them.
 */
export function h5pPlayerAssets() {
  return {
    name: 'melek-h5p-player',
    hooks: {
      'astro:config:setup': async ({ config, logger }: { config: { root: URL }; logger: { info(m: string): void } }) => {
        const { changed, bytes } = await copyPlayerAssets(fileURLToPath(config.root));
        if (changed.length) logger.info(`H5P player → public/h5p-player (${changed.length} files updated, ${Math.round(bytes / 1024)} KB)`);
      },
    },
  };
}
