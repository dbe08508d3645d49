import { describe, expect, it } from 'vitest';
import { assetUrls, markSavedCopy, moduleCacheName, pageUserId, parseModuleCacheName, pickFromSrcset } from '../../src/scripts/offline/pages';
import { imageRefsInMdx, moduleOfflineManifest, roundedKb, versionOf, STORE_RATIO } from '../../src/lib/learning/offline-manifest';
import { fill } from '../../src/scripts/offline/text';
import type { CourseModule, LessonMeta } from '../../src/lib/learning/types';

const lesson = (slug: string, extra: Partial<LessonMeta> = {}): LessonMeta => ({
  id: `toko/${slug}`,
  module: 'toko',
  slug,
  order: 1,
  title: slug,
  summary: '',
  minutes: 5,
  pillars: ['cakap'],
  objectives: [],
  quiz: [],
  draft: false,
  bodyLength: 4000,
  ...extra,
});
const module: CourseModule = {
  id: 'toko',
  title: 'Toko',
  titleEn: 'Shop',
  summary: '',
  order: 1,
  pillars: ['cakap'],
  minutes: 10,
  prePost: [],
  lessons: [lesson('01-a'), lesson('02-b', { h5p: ['kuis-a'] })],
};

describe('saved pages', () => {
  it('marks a page as the saved copy once, and reads whose page it is', () => {
    const html = '<!doctype html><html lang="id"><head><meta name="melek-user" content="u-1" /></head><body></body></html>';
    const marked = markSavedCopy(html, 123);
    expect(marked).toContain('<html data-saved-copy="123" lang="id">');
    expect(markSavedCopy(marked, 456)).toContain('data-saved-copy="456"');
    expect(markSavedCopy(marked, 456).match(/data-saved-copy/g)).toHaveLength(1);
    expect(pageUserId(html)).toBe('u-1');
    expect(pageUserId('<meta name="melek-user" content="">')).toBeUndefined();
  });

  it('finds the same-origin images and scripts a page needs, not H5P, API or other sites', () => {
    const html = `
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="manifest" href="/manifest.webmanifest" />
      <script type="module" src="/_astro/lesson.abc.js"></script>
      <img src="/_astro/foto.123.webp" srcset="/_astro/foto.123.webp 1x, /_astro/foto.456.webp 2x" alt="">
      <picture><source srcset="/_image?href=%2Fa.jpg&amp;w=400 400w" type="image/avif"></picture>
      <img src="https://tracker.example/x.png"><img src="data:image/png;base64,AAAA">
      <iframe src="/h5p/play/x"></iframe><img src="/h5p/files/a/b.png"><img src="/api/x">`;
    expect(assetUrls(html, 'http://127.0.0.1:4321/learn/toko/01-a').sort()).toEqual(
      ['/_astro/foto.123.webp', '/_astro/foto.456.webp', '/_astro/lesson.abc.js', '/_image?href=%2Fa.jpg&w=400', '/favicon.svg'].sort(),
    );
  });

  it('saves only the image width the phone would load (Astro responsive images)', () => {
    const img =
      '<img src="/_image?href=%2F_astro%2Fa.jpg&#38;w=1600&#38;f=webp" srcset="/_image?href=%2F_astro%2Fa.jpg&#38;w=640&#38;f=webp 640w, /_image?href=%2F_astro%2Fa.jpg&#38;w=1080&#38;f=webp 1080w, /_image?href=%2F_astro%2Fa.jpg&#38;w=1600&#38;f=webp 1600w" sizes="100vw" width="1600" height="1000">';
    // A 360 px phone at 2.75 device pixels per CSS pixel needs 990: the 1080 candidate, not the src.
    expect(assetUrls(img, 'http://x/learn/a/b', { imageWidth: 990 })).toEqual(['/_image?href=%2F_astro%2Fa.jpg&w=1080&f=webp']);
    expect(assetUrls(img, 'http://x/learn/a/b')).toHaveLength(3);
    expect(pickFromSrcset('a.webp 640w, b.webp 1080w', 2000)).toBe('b.webp');
    expect(pickFromSrcset('a.webp 640w, b.webp 1080w', 300)).toBe('a.webp');
    expect(pickFromSrcset('a.webp 1x, b.webp 2x', 300)).toBe('a.webp');
  });

  it('names one cache per user and module, and reads the name back', () => {
    const name = moduleCacheName('user-1', 'toko', 1_750_000_000_000);
    expect(name.startsWith('melek-m:user-1:toko:')).toBe(true);
    expect(parseModuleCacheName(name)).toEqual({ userId: 'user-1', moduleId: 'toko', stamp: 1_750_000_000_000 });
    expect(parseModuleCacheName('workbox-precache-v2')).toBeUndefined();
  });

  it('fills templates', () => {
    expect(fill('{n} catatan dari {who}', { n: 3 })).toBe('3 catatan dari {who}');
  });
});

describe('module offline manifest', () => {
  it('lists the module page, every lesson, home and the saved-modules page, with the size to download', () => {
    const manifest = moduleOfflineManifest(module, {
      imageBytes: (l) => (l.slug === '01-a' ? 20_000 : 0),
      h5p: (l) => (l.h5p ?? []).map((id) => ({ id, title: 'Kuis A', bytes: 640_000 })),
    });
    expect(manifest.pages.map((p) => p.url)).toEqual(['/learn/toko', '/learn/toko/01-a', '/learn/toko/02-b', '/learn', '/learn/offline']);
    expect(manifest.pages[1].bytes).toBe(manifest.pages[2].bytes + 20_000);
    expect(manifest.downloadBytes).toBe(manifest.pages.reduce((n, p) => n + p.bytes, 0));
    expect(manifest.storeBytes).toBe(Math.round(manifest.downloadBytes * STORE_RATIO));
    // H5P activities are not saved: listed as needing a connection.
    expect(manifest.onlineOnly).toEqual([{ id: 'kuis-a', title: 'Kuis A', bytes: 640_000, lessonId: 'toko/02-b' }]);
  });

  it('changes version when a lesson changes', () => {
    const changed = { ...module, lessons: [lesson('01-a', { bodyLength: 4001 }), module.lessons[1]] };
    expect(versionOf(module)).toBe(versionOf({ ...module }));
    expect(versionOf(changed)).not.toBe(versionOf(module));
  });

  it('finds image references in MDX', () => {
    const body = `![Foto katalog](./katalog.jpg "judul")\n<img src="/gambar/a.png" alt="" />\n<Image src={'./b.webp'} alt="" />\n![x](https://contoh.id/y.png)`;
    expect(imageRefsInMdx(body)).toEqual(['./katalog.jpg', '/gambar/a.png', './b.webp']);
  });

  it('rounds the size shown up, never down', () => {
    expect(roundedKb(1)).toBe(1);
    expect(roundedKb(54_612)).toBe(54);
    expect(roundedKb(183_000)).toBe(180);
    expect(roundedKb(184_400)).toBe(190);
  });
});
