/** Messages pages send to the service worker (src/sw/sw.ts), and the Background Sync tag. */
export const SYNC_TAG = 'melek-progress';

export type SwMessage =
  /** Every page on load: who is logged in ('' for nobody), the interface language, sync now? */
  | { type: 'hello'; user: string; lang?: string; sync?: boolean }
  /** Send the queue now (force: ignore the backoff, e.g. on `online`). */
  | { type: 'sync'; force?: boolean }
  /** Logout: delete every saved page; serve nobody's pages until a page says hello again. */
  | { type: 'logout' }
  /** A page queued an event: register Background Sync. */
  | { type: 'queued' };
