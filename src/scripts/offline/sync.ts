/**
 * Sending the device's progress queue to POST /api/progress. Shared by pages and the service
 * worker; storage, fetch, the lock and the clock are passed in so the rules are tested without
 * a browser (tests/unit/offline-sync.test.ts).
 *
 * The rules, in order:
 * - One sync at a time on the device: a Web Lock (navigator.locks) held across tabs and the
 *   service worker. Where there is none, the server's idempotency (client ids) still stores each
 *   event once, and the second sender gets "duplicates" and removes them too.
 * - Corrupted entries are set aside (kept in `problems`, never sent), other users' entries are
 *   skipped and stay queued (they are never sent from this user's session); both are reported.
 * - Batches are sent oldest first. An entry leaves the queue only when the server has said it is
 *   stored (accepted) or was already stored (duplicate); a refusal moves it to `problems` with
 *   the server's reason, except "another user", which stays queued.
 * - The first batch that fails (no connection, timeout, 5xx, 429, a logged-out session) ends the
 *   run: what was sent is removed, the rest stays, and the next try waits (backoff).
 */
import { isQueueEntry, keyOf, toWire, type QueueEntry } from './events';

export interface Problem {
  id: string;
  /** 'corrupted' for a bad entry; otherwise the server's error key (eventUnknownLesson, quizInvalid…). */
  reason: string;
  message?: string;
  entry: unknown;
  at: number;
}

export interface QueueStore {
  /** Every stored value, valid or not. */
  all(): Promise<unknown[]>;
  remove(keys: Array<string | number>): Promise<void>;
  /** Records a problem and removes the entry from the queue, in one step. */
  setAside(key: string | number, problem: Problem): Promise<void>;
  getRetry(): Promise<RetryState | undefined>;
  setRetry(state: RetryState | undefined): Promise<void>;
}

export interface RetryState {
  failures: number;
  /** When the last run failed. */
  at?: number;
  notBefore: number;
  reason: FailReason;
}

export type FailReason = 'offline' | 'timeout' | 'server' | 'auth';

export interface SyncReport {
  /** Events stored by the server in this run. */
  accepted: string[];
  /** Events the server already had (another tab, an earlier run whose answer was lost). */
  duplicates: string[];
  /** Refused by the server, set aside with its reason. */
  refused: Array<{ id: string; reason: string; message?: string }>;
  /** Corrupted entries set aside in this run. */
  corrupted: number;
  /** This user's entries still queued after the run. */
  remaining: number;
  /** Entries of other users on this device: never sent from this session. */
  foreign: number;
  /** Why the run stopped early, if it did. */
  failed?: FailReason;
  /** The run did not start: another is waiting for its backoff to pass. */
  skipped?: 'backoff' | 'nothing';
}

export type LockFn = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

export interface SyncOptions {
  userId: string;
  store: QueueStore;
  fetch: typeof fetch;
  lock?: LockFn;
  batchSize?: number;
  timeoutMs?: number;
  now?: () => number;
  /**
   * Ignore the backoff: true for the `online` event (still not within FORCED_GAP_MS of a failure,
   * since every tab hears it at once), 'always' for the learner's own tap ("Kirim sekarang", logout).
   */
  force?: boolean | 'always';
  endpoint?: string;
}

export const SYNC_LOCK = 'melek-progress-sync';
/** BroadcastChannel on which every finished run that changed the queue is announced (tabs update). */
export const SYNC_CHANNEL = 'melek-progress-sync';
const BASE_DELAY_MS = 5_000;
/**
 * A forced run (the `online` event, "Kirim sekarang") still waits this long after a failed one:
 * every tab and the service worker hear `online` at once, and one failure should not count as
 * five and push the next try minutes away.
 */
export const FORCED_GAP_MS = 3_000;
const MAX_DELAY_MS = 5 * 60_000;

/** 5 s, 15 s, 45 s, 2 min 15 s, then 5 min; ±20 % jitter so many phones do not retry in step. */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 3 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** navigator.locks where there is one; otherwise a lock inside this JavaScript context only. */
export function defaultLock(): LockFn {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return (name, fn) => locks.request(name, { mode: 'exclusive' }, fn) as ReturnType<typeof fn>;
  return localLock;
}

const tails = new Map<string, Promise<unknown>>();
const localLock: LockFn = (name, fn) => {
  const before = tails.get(name) ?? Promise.resolve();
  const run = before.then(fn, fn);
  tails.set(
    name,
    run.catch(() => undefined),
  );
  return run;
};

interface ServerAnswer {
  accepted: string[];
  duplicates: string[];
  rejected: Array<{ id?: string; error: string; message?: string }>;
}

function parseAnswer(body: unknown): ServerAnswer | undefined {
  const b = body as Partial<ServerAnswer> | null;
  if (!b || !Array.isArray(b.accepted) || !Array.isArray(b.duplicates) || !Array.isArray(b.rejected)) return undefined;
  return { accepted: b.accepted.map(String), duplicates: b.duplicates.map(String), rejected: b.rejected as ServerAnswer['rejected'] };
}

async function post(fetcher: typeof fetch, url: string, events: unknown[], timeoutMs: number): Promise<Response | FailReason> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A fetch that ignores the abort still loses the race: the run never hangs on a dead connection.
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller?.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    return await Promise.race([
      fetcher(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
        signal: controller?.signal,
      }).catch((): FailReason => (controller?.signal.aborted ? 'timeout' : 'offline')),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function announce(report: SyncReport) {
  try {
    const channel = new BroadcastChannel(SYNC_CHANNEL);
    channel.postMessage({ type: 'synced', accepted: report.accepted.length + report.duplicates.length });
    channel.close();
  } catch {
    // No BroadcastChannel (old browser, tests): other tabs catch up on their next load.
  }
}

/** Sends this user's queued events; see the rules at the top. Never throws for network trouble. */
export async function syncQueue(options: SyncOptions): Promise<SyncReport> {
  const { userId, store, force = false } = options;
  const now = options.now ?? Date.now;
  const lock = options.lock ?? defaultLock();
  const batchSize = options.batchSize ?? 50;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const endpoint = options.endpoint ?? '/api/progress';

  return lock(SYNC_LOCK, async () => {
    const report: SyncReport = { accepted: [], duplicates: [], refused: [], corrupted: 0, remaining: 0, foreign: 0 };
    const raw = await store.all();
    const mine: QueueEntry[] = [];
    for (const value of raw) {
      if (!isQueueEntry(value)) {
        const key = keyOf(value);
        report.corrupted++;
        if (key !== undefined) await store.setAside(key, { id: String(key), reason: 'corrupted', entry: value, at: now() });
        continue;
      }
      if (value.userId !== userId) report.foreign++;
      else mine.push(value);
    }
    if (mine.length === 0) {
      report.skipped = 'nothing';
      await store.setRetry(undefined);
      return report;
    }
    const retry = await store.getRetry();
    if (force !== 'always' && retry && retry.notBefore > now() && (!force || now() - (retry.at ?? 0) < FORCED_GAP_MS)) {
      report.skipped = 'backoff';
      report.remaining = mine.length;
      report.failed = retry.reason;
      return report;
    }

    mine.sort((a, b) => a.at - b.at || a.queuedAt - b.queuedAt);
    const left = new Set(mine.map((e) => e.id));
    for (let i = 0; i < mine.length && !report.failed; i += batchSize) {
      const batch = mine.slice(i, i + batchSize);
      const response = await post(options.fetch, endpoint, batch.map(toWire), timeoutMs);
      if (typeof response === 'string') {
        report.failed = response;
        break;
      }
      if (response.status === 401 || response.status === 403) {
        report.failed = 'auth';
        break;
      }
      const answer = response.status === 200 || response.status === 422 ? parseAnswer(await response.json().catch(() => null)) : undefined;
      if (!answer) {
        report.failed = 'server';
        break;
      }
      const inBatch = new Set(batch.map((e) => e.id));
      const done = [...answer.accepted, ...answer.duplicates].filter((id) => inBatch.has(id));
      await store.remove(done);
      for (const id of done) left.delete(id);
      report.accepted.push(...answer.accepted.filter((id) => inBatch.has(id)));
      report.duplicates.push(...answer.duplicates.filter((id) => inBatch.has(id)));
      for (const r of answer.rejected) {
        if (!r.id || !inBatch.has(r.id) || !left.has(r.id)) continue;
        if (r.error === 'eventOtherUser') {
          // The session belongs to someone else than the page said: keep it for its owner.
          report.foreign++;
          left.delete(r.id);
          continue;
        }
        const entry = batch.find((e) => e.id === r.id);
        await store.setAside(r.id, { id: r.id, reason: r.error, message: r.message, entry, at: now() });
        report.refused.push({ id: r.id, reason: r.error, message: r.message });
        left.delete(r.id);
      }
    }
    report.remaining = mine.filter((e) => left.has(e.id)).length;
    if (report.accepted.length || report.duplicates.length || report.refused.length || report.corrupted) announce(report);
    if (report.failed) {
      const failures = (retry?.failures ?? 0) + 1;
      await store.setRetry({ failures, at: now(), notBefore: now() + retryDelayMs(failures), reason: report.failed });
    } else {
      await store.setRetry(undefined);
    }
    return report;
  });
}
