/**
 * Hook for islands that post progress themselves — the H5P bridge (src/scripts/h5p-bridge.ts):
 * when its POST /api/progress fails or is not answered in time, it
 * hands the SAME events (same ids) to `keepOnPhone`, which puts them in the device queue; they
 * are then sent like the quiz and "Selesai" (on `online`, on page load, Background Sync), and
 * counted once even if the failed POST did reach the server. Show the learner
 * `offQueued` ("Tersimpan di HP — akan dikirim saat online.") when it returns true.
 *
 *   const { keepOnPhone } = await import('./offline/keep-on-phone');
 *   if (await keepOnPhone(events)) setStatus(frame, savedOnPhoneText);
 *
 * Returns false when the phone cannot keep them (no IndexedDB, nobody logged in, bad events).
 */
import { enqueue } from './db';
import { isQueueEntry, type QueueEntry, type WireEvent } from './events';
import { QUEUED_EVENT } from './auto-sync';
import { tellWorker } from './sw-client';

export async function keepOnPhone(events: Array<Omit<WireEvent, 'userId'> & { userId?: string; title?: string }>): Promise<boolean> {
  const user = document.querySelector<HTMLMetaElement>('meta[name="melek-user"]')?.content;
  if (!user || typeof indexedDB === 'undefined') return false;
  const entries: QueueEntry[] = events.map((e) => ({ ...e, userId: user, queuedAt: Date.now() }));
  if (!entries.every(isQueueEntry)) return false;
  try {
    for (const entry of entries) await enqueue(entry);
  } catch {
    return false;
  }
  void tellWorker({ type: 'queued' });
  // The page's own sender (auto-sync.ts) tries now and keeps retrying while the page is open.
  dispatchEvent(new Event(QUEUED_EVENT));
  return true;
}
