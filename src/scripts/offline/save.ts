/**
 * Saving a module on the phone ("Simpan untuk offline").
 *
 * 1. GET /api/offline/<module>.json: the pages to keep and the estimated size.
 * 2. If the browser says there is clearly not enough room, stop before downloading anything.
 * 3. Download every page (as the logged-in learner; a page made for anyone else stops the save),
 *    mark it as a saved copy, and find the images and scripts it needs; put everything into a
 *    NEW cache of its own.
 * 4. Only when all of it is in: write the module's record (db.ts `saved`). That record is the
 *    commit; the service worker serves nothing from a cache without one. Then the previous copy
 *    of the module, if any, is deleted.
 * Any failure (storage full, connection lost, logged out) deletes the new cache: nothing
 * half-saved is ever shown as saved, and an older complete copy stays as it was.
 */
import { deleteSaved, putSaved, savedModules, type SavedModule } from './db';
import { assetUrls, markSavedCopy, moduleCacheName, pageUserId } from './pages';

export interface OfflineManifest {
  module: { id: string; title: string };
  version: string;
  /** Estimated download (compressed) and storage (uncompressed) sizes, in bytes. */
  downloadBytes: number;
  storeBytes: number;
  pages: Array<{ url: string; bytes: number }>;
  /** Interactive activities in the module: they need a connection (not saved). */
  onlineOnly: Array<{ id: string; title: string; lessonId: string; bytes: number }>;
}

export type SaveFailure = 'quota' | 'offline' | 'auth' | 'server' | 'unsupported';
export type SaveResult = { ok: true; record: SavedModule } | { ok: false; reason: SaveFailure };

export interface SaveProgress {
  done: number;
  total: number;
  bytes: number;
}

class SaveError extends Error {
  constructor(readonly reason: SaveFailure) {
    super(reason);
  }
}

export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; code?: number; message?: string } | null;
  return !!e && (e.name === 'QuotaExceededError' || e.code === 22 || /quota/i.test(String(e.message ?? '')));
}

export function supported(): boolean {
  return typeof caches !== 'undefined' && typeof indexedDB !== 'undefined' && 'serviceWorker' in navigator;
}

/** Pages fresh from the server; images and scripts may come from the browser's cache (no data spent twice). */
async function get(url: string, { page = true } = {}): Promise<Response> {
  let response: Response;
  try {
    // The header tells the lesson page this is not the learner opening it (no "viewed" recorded).
    response = await fetch(url, { credentials: 'same-origin', cache: page ? 'no-store' : 'default', headers: { 'x-melek-purpose': 'offline-save' } });
  } catch {
    throw new SaveError('offline');
  }
  // A page that sends us to /login: the session ended.
  if (response.redirected && new URL(response.url).pathname === '/login') throw new SaveError('auth');
  if (response.status === 401 || response.status === 403) throw new SaveError('auth');
  if (!response.ok) throw new SaveError('server');
  return response;
}

export async function fetchManifest(moduleId: string): Promise<OfflineManifest> {
  const response = await get(`/api/offline/${encodeURIComponent(moduleId)}.json`);
  return (await response.json()) as OfflineManifest;
}

/** True when the browser's own estimate says the module cannot fit (nothing is downloaded then). */
export async function clearlyTooBig(storeBytes: number): Promise<boolean> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (!estimate?.quota) return false;
    return estimate.quota - (estimate.usage ?? 0) < storeBytes;
  } catch {
    return false;
  }
}

export async function saveModule(userId: string, moduleId: string, onProgress: (p: SaveProgress) => void = () => {}): Promise<SaveResult> {
  if (!supported()) return { ok: false, reason: 'unsupported' };
  const cacheName = moduleCacheName(userId, moduleId);
  let committed = false;
  try {
    const manifest = await fetchManifest(moduleId);
    if (await clearlyTooBig(manifest.storeBytes)) throw new SaveError('quota');
    const cache = await caches.open(cacheName);
    const savedAt = Date.now();
    const pages = manifest.pages.map((p) => p.url);
    const assets = new Set<string>();
    let bytes = 0;
    let done = 0;
    const total = () => pages.length + assets.size;
    for (const url of pages) {
      const response = await get(url);
      const html = await response.text();
      // The page must be this learner's: if another account is logged in now, stop.
      if (pageUserId(html) !== userId) throw new SaveError('auth');
      const body = markSavedCopy(html, savedAt);
      await cache.put(url, new Response(body, { headers: { 'content-type': response.headers.get('content-type') ?? 'text/html; charset=utf-8' } }));
      bytes += new Blob([body]).size;
      const imageWidth = Math.round(Math.min(screen.width, innerWidth || screen.width) * (devicePixelRatio || 1));
      for (const asset of assetUrls(html, new URL(url, location.href).href, { imageWidth })) assets.add(asset);
      onProgress({ done: ++done, total: total(), bytes });
    }
    for (const url of assets) {
      const response = await get(url, { page: false });
      const blob = await response.clone().blob();
      await cache.put(url, response);
      bytes += blob.size;
      onProgress({ done: ++done, total: total(), bytes });
    }
    const previous = (await savedModules(userId)).find((r) => r.moduleId === moduleId);
    const record: SavedModule = {
      key: `${userId}|${moduleId}`,
      userId,
      moduleId,
      title: manifest.module.title,
      cacheName,
      version: manifest.version,
      urls: [...pages, ...assets],
      bytes,
      savedAt,
    };
    await putSaved(record);
    committed = true;
    if (previous && previous.cacheName !== cacheName) await caches.delete(previous.cacheName);
    // Ask the browser not to evict saved lessons when space runs low (it may say no; that is fine).
    void navigator.storage?.persist?.().catch(() => false);
    return { ok: true, record };
  } catch (error) {
    if (!committed) await caches.delete(cacheName).catch(() => false);
    if (error instanceof SaveError) return { ok: false, reason: error.reason };
    if (isQuotaError(error)) return { ok: false, reason: 'quota' };
    return { ok: false, reason: 'server' };
  }
}

/** Removes one saved module (its cache and its record). */
export async function removeModule(record: SavedModule): Promise<void> {
  await deleteSaved(record.key);
  await caches.delete(record.cacheName);
}
