/**
 * Serving packages and the player (src/lib/server/h5p/serve.ts, player-assets.ts): the path
 * resolver refuses every way out of a package folder, every allowed extension has a content type,
 * and the player's policy is a sandbox without same-origin.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CONTENT_TYPES, etagMatches, PACKAGE_FILE_CSP, PLAYER_CSP, playerHeaders, playerHtml, resolvePackageFile } from '../../src/lib/server/h5p/serve';
import { transformPlayerCss } from '../../src/lib/server/h5p/player-assets';
import { CONTENT_EXTENSIONS, LIBRARY_EXTRA_EXTENSIONS } from '../../src/lib/server/h5p/validate';

const DATA = '/srv/melek-data';
const FOLDER = 'hello-world-d6bf9b62b87c';

describe('package file paths', () => {
  it('resolves a file inside a package folder', () => {
    expect(resolvePackageFile(`${FOLDER}/content/content.json`, DATA)).toEqual({ abs: join(DATA, 'h5p', FOLDER, 'content/content.json'), ext: 'json' });
    expect(resolvePackageFile(`${FOLDER}/content/foto bu sari.jpg`, DATA)?.ext).toBe('jpg');
  });
  it.each([
    [undefined],
    [''],
    [FOLDER],
    [`${FOLDER}/`],
    [`${FOLDER}/../../../etc/passwd`],
    [`${FOLDER}/content/../../other-aaaaaaaaaaaa/h5p.json`],
    ['../melek.db'],
    [`../h5p/${FOLDER}/h5p.json`],
    ['/etc/passwd'],
    [`${FOLDER}/content\\..\\..\\melek.db`],
    [`${FOLDER}/content/a\u0000.json`],
    [`${FOLDER}/content/%2e%2e/h5p.json`],
    [`.tmp-1234/h5p.json`],
    ['melek.db'],
    [`not-a-package/h5p.json`],
    [`${FOLDER}/content/x.php`],
    [`${FOLDER}/content/x.html`],
    [`${FOLDER}/LICENSE`],
    [`${FOLDER}/content/.htaccess`],
    [`HELLO-world-d6bf9b62b87c/h5p.json`],
  ])('refuses %j', (path) => {
    expect(resolvePackageFile(path, DATA)).toBeUndefined();
  });
  it('has a content type for every extension a package may hold, and never text/html', () => {
    for (const ext of [...CONTENT_EXTENSIONS, ...LIBRARY_EXTRA_EXTENSIONS]) {
      expect(CONTENT_TYPES[ext], ext).toBeTruthy();
      // SVG is the one markup type (an image in <img>, sandboxed by PACKAGE_FILE_CSP when opened).
      if (ext !== 'svg') expect(CONTENT_TYPES[ext]).not.toMatch(/^(text\/html|application\/xhtml\+xml|text\/xml|application\/xml)\b/);
    }
    expect(CONTENT_TYPES.svg).toMatch(/^image\/svg\+xml/);
  });
  it('sandboxes any document made from a package file, with no scripts at all', () => {
    expect(PACKAGE_FILE_CSP).toMatch(/^sandbox;/);
    expect(PACKAGE_FILE_CSP).not.toContain('allow-scripts');
    expect(PACKAGE_FILE_CSP).toContain("default-src 'none'");
  });
});

describe('the player', () => {
  it('is sandboxed with scripts only, framable by the app only, and allows no inline script', () => {
    const directives = PLAYER_CSP.split('; ');
    expect(directives[0]).toBe('sandbox allow-scripts');
    expect(PLAYER_CSP).not.toContain('allow-same-origin');
    expect(directives).toContain("frame-ancestors 'self'");
    expect(directives).toContain("script-src 'self'");
    expect(PLAYER_CSP).not.toContain("unsafe-inline'; script");
    expect(directives.find((d) => d.startsWith('script-src'))).not.toMatch(/unsafe|sha256|nonce/);
    const headers = playerHeaders();
    expect(headers['content-security-policy']).toBe(PLAYER_CSP);
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
  it('carries its settings in escaped data attributes and has no inline script', () => {
    const html = playerHtml(
      { id: 'x', title: '<img src=x onerror=alert(1)>', folder: 'x-aaaaaaaaaaaa' },
      { lang: 'id', loading: 'Memuat…', needsJs: 'Butuh JS "ya"', failed: 'Gagal', alone: 'Sendiri' },
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('data-h5p-path="/h5p/files/x-aaaaaaaaaaaa"');
    for (const script of html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? []) expect(script).toMatch(/^<script src="\/h5p-player\/[^"]+"><\/script>$/);
  });
  it("points H5P's icon fonts to the CORS route and drops the big text fonts from h5p.css", () => {
    const css = `@font-face{font-family:'h5p';src:url('../fonts/h5p-core-30.woff2?x') format('woff2')}
@font-face{font-family:'Inter';src:url('../fonts/inter/inter-v18-regular.woff2') format('woff2')}
@font-face{font-family:'Open Sans';src:url('../fonts/open-sans/open-sans-v40-regular.woff2') format('woff2')}
@font-face{font-family:'hub';src:url('../fonts/h5p-hub-publish.woff2') format('woff2')}
.a{background:url('../images/throbber.gif?ver=1.2.1')}`;
    const out = transformPlayerCss(css, '9');
    expect(out).toContain("url('/h5p/files/player/h5p-core-30.woff2?v=9')");
    expect(out).not.toMatch(/inter|open-sans|hub-publish/i);
    expect(out).toContain("url('../images/throbber.gif?ver=1.2.1')");
  });
  it('matches ETags also in the weak form the compression middleware gives them', () => {
    expect(etagMatches('"a-1"', '"a-1"')).toBe(true);
    expect(etagMatches('W/"a-1"', '"a-1"')).toBe(true);
    expect(etagMatches('"x", W/"a-1"', '"a-1"')).toBe(true);
    expect(etagMatches('"a-2"', '"a-1"')).toBe(false);
    expect(etagMatches(null, '"a-1"')).toBe(false);
  });
});
