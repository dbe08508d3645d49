/**
 * Saved pages: how they are named, marked and found. Shared by the pages and the service worker.
 *
 * Each saved module of each user has its own cache, `melek-m:<userId>:<moduleId>:<stamp>`. The
 * service worker serves a page from a cache only when the module's record in IndexedDB (`saved`)
 * names that cache and belongs to the user the service worker is serving; a cache without a
 * record (a save that failed half-way, or is still running) is never used. Another user's pages
 * are never served, and they are deleted when a different user logs in on the phone or this
 * user logs out.
 */
import { allSaved, deleteSaved, savedModules, type SavedModule } from './db';

export const MODULE_CACHE_PREFIX = 'melek-m:';

export function moduleCacheName(userId: string, moduleId: string, stamp = Date.now()): string {
  return `${MODULE_CACHE_PREFIX}${userId}:${moduleId}:${stamp.toString(36)}`;
}

export function parseModuleCacheName(name: string): { userId: string; moduleId: string; stamp: number } | undefined {
  if (!name.startsWith(MODULE_CACHE_PREFIX)) return undefined;
  const [userId, moduleId, stamp] = name.slice(MODULE_CACHE_PREFIX.length).split(':');
  if (!userId || !moduleId || !stamp) return undefined;
  return { userId, moduleId, stamp: parseInt(stamp, 36) };
}

/** The user a server-rendered page was made for (Base.astro's `<meta name="melek-user">`). */
export function pageUserId(html: string): string | undefined {
  const match = html.match(/<meta\s+name="melek-user"\s+content="([^"]*)"/);
  return match?.[1] || undefined;
}

/** Marks a page as the copy saved on the device: `<html … data-saved-copy="<ms>">`. */
export function markSavedCopy(html: string, savedAt: number): string {
  if (/<html[^>]*\sdata-saved-copy=/.test(html)) return html.replace(/(<html[^>]*\sdata-saved-copy=")[^"]*"/, `$1${savedAt}"`);
  return html.replace(/<html(\s|>)/, `<html data-saved-copy="${savedAt}"$1`);
}

/**
 * The one candidate of a srcset the phone would load: the narrowest at least `width` device
 * pixels wide, else the widest. (Saving every width of every image would cost several times the data.)
 */
export function pickFromSrcset(srcset: string, width: number): string | undefined {
  const candidates = srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter(([url]) => !!url)
    .map(([url, descriptor]) => ({ url, w: descriptor?.endsWith('w') ? parseInt(descriptor, 10) : 0 }));
  if (candidates.length === 0) return undefined;
  if (candidates.every((c) => c.w === 0)) return candidates[0].url;
  const sorted = candidates.filter((c) => c.w > 0).sort((a, b) => a.w - b.w);
  return (sorted.find((c) => c.w >= width) ?? sorted[sorted.length - 1]).url;
}

const decode = (value: string) => value.trim().replace(/&#38;|&amp;/g, '&');

/**
 * Same-origin files a page needs to be read offline: images, scripts, stylesheets and icons.
 * With `imageWidth` (the phone's width in device pixels), an image with a srcset contributes only
 * the candidate the phone would pick; without it, every candidate. H5P player pages and package
 * files are left out: the sandboxed player cannot be served by a service worker (src/sw/sw.ts).
 */
export function assetUrls(html: string, pageUrl: string, { imageWidth }: { imageWidth?: number } = {}): string[] {
  const base = new URL(pageUrl);
  const found = new Set<string>();
  const add = (raw: string | undefined) => {
    const value = raw ? decode(raw) : '';
    if (!value || value.startsWith('data:') || value.startsWith('blob:')) return;
    try {
      const url = new URL(value, base);
      if (url.origin !== base.origin || url.pathname.startsWith('/h5p/') || url.pathname.startsWith('/api/')) return;
      url.hash = '';
      found.add(url.pathname + url.search);
    } catch {
      // not a URL
    }
  };
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  for (const [tag] of html.matchAll(/<(?:img|source)\b[^>]*>/g)) {
    const srcset = attr(tag, 'srcset');
    if (srcset && imageWidth) add(pickFromSrcset(decode(srcset), imageWidth));
    else if (srcset) for (const part of decode(srcset).split(',')) add(part.trim().split(/\s+/)[0]);
    if (!srcset || !imageWidth) add(attr(tag, 'src'));
  }
  for (const m of html.matchAll(/<script\b[^>]*?\ssrc="([^"]+)"/g)) add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*?\srel="(?:stylesheet|icon|modulepreload)"[^>]*?\shref="([^"]+)"/g)) add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*?\shref="([^"]+)"[^>]*?\srel="(?:stylesheet|icon|modulepreload)"/g)) add(m[1]);
  return [...found];
}

/**
 * For an optimised image (/_image?href=…&w=…) that was not saved at this width: a saved width of
 * the same source image (the phone turned sideways, say) rather than a broken picture.
 */
export async function findSavedImage(userId: string, url: string): Promise<Response | undefined> {
  const wanted = new URL(url);
  if (wanted.pathname !== '/_image') return undefined;
  const href = wanted.searchParams.get('href');
  for (const record of await savedModules(userId)) {
    for (const saved of record.urls) {
      if (!saved.startsWith('/_image?') || new URL(saved, wanted).searchParams.get('href') !== href) continue;
      const hit = await caches.match(saved, { cacheName: record.cacheName, ignoreVary: true });
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * A saved copy of `url` for `userId`, newest saved module first: the exact URL, then (pages only:
 * `?selesai=1`, `?percobaan=…`) the same path without its query.
 */
export async function findSaved(userId: string, url: string, { ignoreSearch: loose = true } = {}): Promise<Response | undefined> {
  const records = await savedModules(userId);
  for (const ignoreSearch of loose ? [false, true] : [false]) {
    for (const record of records) {
      const hit = await caches.match(url, { cacheName: record.cacheName, ignoreSearch, ignoreVary: true });
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The records that hold `path` (a saved page being refreshed). */
export async function recordsWith(userId: string, path: string): Promise<SavedModule[]> {
  return (await savedModules(userId)).filter((r) => r.urls.includes(path));
}

/** Deletes every saved page of one user (their caches and records). */
export async function forgetUserPages(userId: string): Promise<void> {
  for (const record of await savedModules(userId)) {
    await caches.delete(record.cacheName);
    await deleteSaved(record.key);
  }
  for (const name of await caches.keys()) if (parseModuleCacheName(name)?.userId === userId) await caches.delete(name);
}

/** Deletes the saved pages of everyone (logout). */
export async function forgetAllPages(): Promise<void> {
  for (const record of await allSaved()) await deleteSaved(record.key);
  for (const name of await caches.keys()) if (name.startsWith(MODULE_CACHE_PREFIX)) await caches.delete(name);
}

/**
 * Caches no record names (a save that died half-way) older than an hour: deleted. Younger ones
 * may be a save still running in another tab.
 */
export async function dropOrphanCaches(now = Date.now()): Promise<void> {
  const used = new Set((await allSaved()).map((r) => r.cacheName));
  for (const name of await caches.keys()) {
    const parsed = parseModuleCacheName(name);
    if (parsed && !used.has(name) && now - parsed.stamp > 3600_000) await caches.delete(name);
  }
}
