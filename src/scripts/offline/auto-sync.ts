/**
 * When a page sends the queue by itself: on load, when the connection returns (`online`), and
 * again when the backoff of a failed run has passed while the page stays open. Used by the
 * lesson page and the saved-modules page; the service worker also sends on Background Sync.
 * `onDone` runs after every run, and when another tab or the service worker has sent something.
 */
import { idbQueueStore } from './db';
import { SYNC_CHANNEL, syncQueue, type SyncReport } from './sync';

/** Fired on the window by a script that put something in the queue (keep-on-phone.ts). */
export const QUEUED_EVENT = 'melek-queued';

export function autoSync(userId: string, onDone: (report?: SyncReport) => void | Promise<void>) {
  let timer: number | undefined;
  async function run(force: boolean | 'always' = false): Promise<SyncReport | undefined> {
    if (navigator.onLine === false) return undefined;
    clearTimeout(timer);
    const report = await syncQueue({ userId, store: idbQueueStore, fetch: (input, init) => fetch(input, init), force }).catch(() => undefined);
    await onDone(report);
    if (report?.failed && report.remaining > 0) {
      const retry = await idbQueueStore.getRetry().catch(() => undefined);
      const wait = Math.max(1000, (retry?.notBefore ?? Date.now() + 5000) - Date.now() + 50);
      timer = window.setTimeout(() => void run(false), wait);
    }
    return report;
  }
  addEventListener('online', () => void run(true));
  addEventListener(QUEUED_EVENT, () => void run(false));
  if (typeof BroadcastChannel === 'function') new BroadcastChannel(SYNC_CHANNEL).onmessage = () => void onDone();
  return { run };
}
