/**
 * The device's own storage for Melek, in IndexedDB through `idb` (a ~1 KB promise wrapper):
 *
 *   queue     progress events made offline, keyed by their client UUID (see events.ts)
 *   problems  entries set aside: corrupted ones and those the server refused, with the reason
 *   saved     one record per saved module and user: which cache holds it, its URLs and size.
 *             Written only after every file of the module is in its cache, so a record here
 *             means "completely saved" (see save-module.ts)
 *   meta      small values: the user the service worker serves pages for, the sync backoff
 *
 * Used by pages and by the service worker.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueueEntry } from './events';
import type { Problem, QueueStore, RetryState } from './sync';

export interface SavedModule {
  /** `${userId}|${moduleId}` */
  key: string;
  userId: string;
  moduleId: string;
  title: string;
  cacheName: string;
  version: string;
  urls: string[];
  /** Bytes stored on the device (bodies as kept in the cache). */
  bytes: number;
  savedAt: number;
}

interface MelekDb extends DBSchema {
  queue: { key: string | number; value: QueueEntry };
  problems: { key: string; value: Problem };
  saved: { key: string; value: SavedModule; indexes: { byUser: string } };
  meta: { key: string; value: unknown };
}

export const DB_NAME = 'melek-offline';
let opening: Promise<IDBPDatabase<MelekDb>> | undefined;

export function database(): Promise<IDBPDatabase<MelekDb>> {
  opening ??= openDB<MelekDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('queue', { keyPath: 'id' });
      db.createObjectStore('problems', { keyPath: 'id' });
      db.createObjectStore('saved', { keyPath: 'key' }).createIndex('byUser', 'userId');
      db.createObjectStore('meta');
    },
    // Another tab or the service worker opened a newer version: close so it can upgrade.
    blocking() {
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  }).catch((error) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

export async function enqueue(entry: QueueEntry): Promise<void> {
  await (await database()).put('queue', entry);
}

/** Every stored queue value (corrupted ones included, for the sync to set aside). */
export async function queued(): Promise<unknown[]> {
  return (await database()).getAll('queue');
}

export async function removeQueued(keys: Array<string | number>): Promise<void> {
  const tx = (await database()).transaction('queue', 'readwrite');
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
}

export async function problems(): Promise<Problem[]> {
  return (await database()).getAll('problems');
}

export async function clearProblems(): Promise<void> {
  await (await database()).clear('problems');
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await (await database()).get('meta', key)) as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  const db = await database();
  if (value === undefined) await db.delete('meta', key);
  else await db.put('meta', value, key);
}

export async function savedModules(userId: string): Promise<SavedModule[]> {
  const list = await (await database()).getAllFromIndex('saved', 'byUser', userId);
  return list.sort((a, b) => b.savedAt - a.savedAt);
}

export async function putSaved(record: SavedModule): Promise<void> {
  await (await database()).put('saved', record);
}

export async function deleteSaved(key: string): Promise<void> {
  await (await database()).delete('saved', key);
}

export async function allSaved(): Promise<SavedModule[]> {
  return (await database()).getAll('saved');
}

/** The queue as sync.ts wants it, backed by IndexedDB. */
export const idbQueueStore: QueueStore = {
  all: queued,
  remove: removeQueued,
  async setAside(key, problem) {
    const tx = (await database()).transaction(['queue', 'problems'], 'readwrite');
    await Promise.all([tx.objectStore('problems').put(problem), tx.objectStore('queue').delete(key), tx.done]);
  },
  getRetry: () => getMeta<RetryState>('retry'),
  setRetry: (state) => setMeta('retry', state),
};
