import { describe, expect, it } from 'vitest';
import { quizEntry, simpleEntry, isQueueEntry, type QueueEntry } from '../../src/scripts/offline/events';
import { retryDelayMs, syncQueue, type Problem, type QueueStore, type RetryState, type LockFn } from '../../src/scripts/offline/sync';

/**
 * The progress queue's sync rules without a browser: an in-memory queue and a fake
 * /api/progress that stores by client id the way record.ts does (a replay is a duplicate).
 */
const USER = 'learner-a';
const OTHER = 'learner-b';
const LESSON = 'keamanan-data/01-kode-otp-rahasia';

function memoryStore(values: unknown[]): QueueStore & { values: Map<string | number, unknown>; problems: Problem[]; retry?: RetryState } {
  const values2 = new Map<string | number, unknown>(values.map((v, i) => [((v as { id?: string | number })?.id ?? `k${i}`) as string | number, v]));
  const store = {
    values: values2,
    problems: [] as Problem[],
    retry: undefined as RetryState | undefined,
    async all() {
      return [...values2.values()];
    },
    async remove(keys: Array<string | number>) {
      for (const k of keys) values2.delete(k);
    },
    async setAside(key: string | number, problem: Problem) {
      store.problems.push(problem);
      values2.delete(key);
    },
    async getRetry() {
      return store.retry;
    },
    async setRetry(state: RetryState | undefined) {
      store.retry = state;
    },
  };
  return store;
}

interface FakeServer {
  stored: Map<string, { userId: string; type: string }>;
  requests: number;
  fetch: typeof fetch;
}

/** A server with the idempotency of record.ts: accepted, duplicates, rejected (other user, unknown lesson). */
function fakeServer(
  sessionUser = USER,
  behaviour: (call: number, events: Array<Record<string, unknown>>) => 'ok' | 'drop' | 500 | 'hang' | 401 = () => 'ok',
): FakeServer {
  const server: FakeServer = {
    stored: new Map(),
    requests: 0,
    fetch: (async (_url: string, init: RequestInit) => {
      const call = ++server.requests;
      const events = JSON.parse(String(init.body)).events as Array<Record<string, unknown>>;
      const mode = behaviour(call, events);
      if (mode === 'drop') throw new TypeError('Failed to fetch');
      if (mode === 'hang') return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      if (mode === 500) return new Response('boom', { status: 500 });
      if (mode === 401) return new Response('{}', { status: 401 });
      const accepted: string[] = [];
      const duplicates: string[] = [];
      const rejected: Array<{ index: number; id: string; error: string; message: string }> = [];
      events.forEach((e, index) => {
        const id = String(e.id);
        if (e.userId !== sessionUser) return rejected.push({ index, id, error: 'eventOtherUser', message: 'Data ini milik akun lain.' });
        if (!String(e.lessonId).startsWith('keamanan-data/'))
          return rejected.push({ index, id, error: 'eventUnknownLesson', message: 'Pelajaran tidak ditemukan.' });
        if (server.stored.has(id)) return duplicates.push(id);
        server.stored.set(id, { userId: sessionUser, type: String(e.type) });
        accepted.push(id);
      });
      const status = accepted.length + duplicates.length > 0 ? 200 : 422;
      return new Response(JSON.stringify({ accepted, duplicates, rejected }), { status, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch,
  };
  return server;
}

const entries = (n: number, user = USER, lesson = LESSON): QueueEntry[] =>
  Array.from({ length: n }, (_, i) => ({ ...simpleEntry('completed', user, lesson), at: 1_750_000_000_000 + i }));

describe('offline queue sync', () => {
  it('sends every queued event once and empties the queue', async () => {
    const store = memoryStore([...entries(3), quizEntry(USER, LESSON, { q1: 'pilihan-a', q2: 'pilihan-c' })]);
    const server = fakeServer();
    const report = await syncQueue({ userId: USER, store, fetch: server.fetch });
    expect(report.accepted).toHaveLength(4);
    expect(report.remaining).toBe(0);
    expect(store.values.size).toBe(0);
    expect(server.stored.size).toBe(4);
  });

  it('connection drops mid-sync: what was sent is removed, the rest stays queued, then goes on the next run', async () => {
    const queued = entries(5);
    const store = memoryStore(queued);
    const server = fakeServer(USER, (call) => (call === 2 ? 'drop' : 'ok'));
    let now = 1_000_000;
    const first = await syncQueue({ userId: USER, store, fetch: server.fetch, batchSize: 2, now: () => now });
    expect(first.failed).toBe('offline');
    expect(first.accepted).toEqual(queued.slice(0, 2).map((e) => e.id));
    expect(first.remaining).toBe(3);
    expect([...store.values.keys()]).toEqual(queued.slice(2).map((e) => e.id));
    expect(store.retry?.failures).toBe(1);

    now += 10_000;
    const second = await syncQueue({ userId: USER, store, fetch: server.fetch, batchSize: 2, force: true, now: () => now });
    expect(second.failed).toBeUndefined();
    expect(store.values.size).toBe(0);
    expect(server.stored.size).toBe(5);
    expect(store.retry).toBeUndefined();
  });

  it('server 500: nothing lost, retried later with growing backoff', async () => {
    const store = memoryStore(entries(2));
    let now = 1_000_000;
    let broken = true;
    const server = fakeServer(USER, () => (broken ? 500 : 'ok'));
    const first = await syncQueue({ userId: USER, store, fetch: server.fetch, now: () => now });
    expect(first.failed).toBe('server');
    expect(store.values.size).toBe(2);
    const wait1 = store.retry!.notBefore - now;
    expect(wait1).toBeGreaterThanOrEqual(4000);

    // Too early: the run waits for its backoff (no request at all).
    const early = await syncQueue({ userId: USER, store, fetch: server.fetch, now: () => now + 1000 });
    expect(early.skipped).toBe('backoff');
    expect(server.requests).toBe(1);

    now = store.retry!.notBefore + 1;
    await syncQueue({ userId: USER, store, fetch: server.fetch, now: () => now });
    expect(store.retry!.failures).toBe(2);
    expect(store.retry!.notBefore - now).toBeGreaterThan(wait1);

    broken = false;
    now = store.retry!.notBefore + 1;
    const last = await syncQueue({ userId: USER, store, fetch: server.fetch, now: () => now });
    expect(last.accepted).toHaveLength(2);
    expect(store.values.size).toBe(0);
  });

  it('timeout: the run ends, entries stay; if the server had stored them, the retry gets duplicates and removes them', async () => {
    const queued = entries(2);
    const store = memoryStore(queued);
    let hang = true;
    const server = fakeServer(USER, (_call, events) => {
      if (!hang) return 'ok';
      // The server stored them, but the answer never reached the phone.
      for (const e of events) server.stored.set(String(e.id), { userId: USER, type: String(e.type) });
      return 'hang';
    });
    let now = 1_000_000;
    const first = await syncQueue({ userId: USER, store, fetch: server.fetch, timeoutMs: 50, now: () => now });
    expect(first.failed).toBe('timeout');
    expect(store.values.size).toBe(2);
    hang = false;
    now += 10_000;
    const replay = await syncQueue({ userId: USER, store, fetch: server.fetch, force: true, now: () => now });
    expect(replay.duplicates.sort()).toEqual(queued.map((e) => e.id).sort());
    expect(replay.accepted).toEqual([]);
    expect(store.values.size).toBe(0);
    expect(server.stored.size).toBe(2);
  });

  it('a forced run (online event, "Kirim sekarang") skips the backoff, but not right after a failure', async () => {
    const store = memoryStore(entries(1));
    let now = 1_000_000;
    let broken = true;
    const server = fakeServer(USER, () => (broken ? 500 : 'ok'));
    await syncQueue({ userId: USER, store, fetch: server.fetch, now: () => now });
    expect(store.retry).toMatchObject({ failures: 1, at: now });
    // Every tab and the service worker hear `online` together: one failure, not five.
    now += 500;
    expect((await syncQueue({ userId: USER, store, fetch: server.fetch, force: true, now: () => now })).skipped).toBe('backoff');
    expect(server.requests).toBe(1);
    broken = false;
    now += 3000;
    expect(store.retry!.notBefore).toBeGreaterThan(now - 5000);
    const forced = await syncQueue({ userId: USER, store, fetch: server.fetch, force: true, now: () => now });
    expect(forced.accepted).toHaveLength(1);
  });

  it("the learner's own tap ('always') sends even right after a failure", async () => {
    const store = memoryStore(entries(1));
    let broken = true;
    const server = fakeServer(USER, () => (broken ? 500 : 'ok'));
    const now = () => 1_000_000;
    await syncQueue({ userId: USER, store, fetch: server.fetch, now });
    broken = false;
    const tapped = await syncQueue({ userId: USER, store, fetch: server.fetch, force: 'always', now });
    expect(tapped.accepted).toHaveLength(1);
    expect(store.retry).toBeUndefined();
  });

  it('a replayed queue the server already stored: duplicates acknowledged and removed', async () => {
    const queued = entries(3);
    const server = fakeServer();
    await syncQueue({ userId: USER, store: memoryStore(queued), fetch: server.fetch });
    const replayStore = memoryStore(queued);
    const report = await syncQueue({ userId: USER, store: replayStore, fetch: server.fetch });
    expect(report.duplicates).toHaveLength(3);
    expect(replayStore.values.size).toBe(0);
    expect(server.stored.size).toBe(3);
  });

  it('corrupted and foreign entries are skipped and reported; the rest is sent', async () => {
    const good = entries(2);
    const foreign = entries(1, OTHER);
    const corrupted = [
      { id: 'not-a-uuid', type: 'completed', lessonId: LESSON, at: 1, userId: USER, queuedAt: 1 },
      { id: 42, hello: 'world' },
      { ...good[0], id: crypto.randomUUID(), type: 'quiz_submitted', data: { answers: 'x' } },
    ];
    const store = memoryStore([...good, ...foreign, ...corrupted]);
    const server = fakeServer();
    const report = await syncQueue({ userId: USER, store, fetch: server.fetch });
    expect(report.accepted.sort()).toEqual(good.map((e) => e.id).sort());
    expect(report.corrupted).toBe(3);
    expect(report.foreign).toBe(1);
    expect(store.problems.map((p) => p.reason)).toEqual(['corrupted', 'corrupted', 'corrupted']);
    // Another user's entry is never sent from this session, and stays for its owner.
    expect([...store.values.values()]).toEqual(foreign);
    expect([...server.stored.values()].every((s) => s.userId === USER)).toBe(true);
  });

  it("entries the server refuses are set aside with its reason; 'another user' stays queued", async () => {
    const unknownLesson = { ...simpleEntry('completed', USER, 'modul-hilang/01-x') };
    const good = entries(1);
    const store = memoryStore([unknownLesson, ...good]);
    const report = await syncQueue({ userId: USER, store, fetch: fakeServer().fetch });
    expect(report.accepted).toEqual([good[0].id]);
    expect(report.refused).toEqual([{ id: unknownLesson.id, reason: 'eventUnknownLesson', message: 'Pelajaran tidak ditemukan.' }]);
    expect(store.problems).toHaveLength(1);
    expect(store.values.size).toBe(0);

    // The page thought it was USER, but the session is OTHER's: the server refuses, the entry stays.
    const mine = entries(1);
    const store2 = memoryStore(mine);
    const report2 = await syncQueue({ userId: USER, store: store2, fetch: fakeServer(OTHER).fetch });
    expect(report2.foreign).toBe(1);
    expect(store2.values.size).toBe(1);
    expect(store2.problems).toHaveLength(0);
  });

  it('a logged-out session (401) keeps everything queued', async () => {
    const store = memoryStore(entries(2));
    const report = await syncQueue({ userId: USER, store, fetch: fakeServer(USER, () => 401).fetch });
    expect(report.failed).toBe('auth');
    expect(store.values.size).toBe(2);
  });

  it('two tabs syncing at once send each event once (lock)', async () => {
    const queued = entries(4);
    const values = memoryStore(queued);
    const server = fakeServer();
    let releaseFirst!: () => void;
    const gate = new Promise<void>((r) => (releaseFirst = r));
    const slowFetch = (async (url: string, init: RequestInit) => {
      await gate;
      return server.fetch(url, init);
    }) as unknown as typeof fetch;
    const [a, b] = [syncQueue({ userId: USER, store: values, fetch: slowFetch }), syncQueue({ userId: USER, store: values, fetch: slowFetch })];
    releaseFirst();
    const reports = await Promise.all([a, b]);
    expect(reports[0].accepted).toHaveLength(4);
    expect(reports[1].skipped).toBe('nothing');
    expect(server.requests).toBe(1);
    expect(server.stored.size).toBe(4);
  });

  it('two tabs without any lock still store each event once (server idempotency), and both queues empty', async () => {
    const queued = entries(4);
    const tab1 = memoryStore(queued);
    const tab2 = memoryStore(queued);
    const server = fakeServer();
    const noLock: LockFn = (_name, fn) => fn();
    const [r1, r2] = await Promise.all([
      syncQueue({ userId: USER, store: tab1, fetch: server.fetch, lock: noLock }),
      syncQueue({ userId: USER, store: tab2, fetch: server.fetch, lock: noLock }),
    ]);
    expect(r1.accepted.length + r2.accepted.length).toBe(4);
    expect(r1.duplicates.length + r2.duplicates.length).toBe(4);
    expect(server.stored.size).toBe(4);
    expect(tab1.values.size + tab2.values.size).toBe(0);
  });

  it('entry shape checks', () => {
    expect(isQueueEntry(quizEntry(USER, LESSON, { a: 'pilihan-b' }))).toBe(true);
    expect(isQueueEntry(simpleEntry('viewed', USER, LESSON))).toBe(true);
    expect(isQueueEntry({ ...simpleEntry('viewed', USER, LESSON), userId: '' })).toBe(false);
    expect(isQueueEntry({ ...simpleEntry('viewed', USER, LESSON), lessonId: '../x' })).toBe(false);
    expect(isQueueEntry({ ...simpleEntry('viewed', USER, LESSON), type: 'hacked' })).toBe(false);
    expect(isQueueEntry({ ...simpleEntry('viewed', USER, LESSON), data: [] })).toBe(false);
    expect(isQueueEntry(null)).toBe(false);
  });

  it('backoff grows to five minutes with jitter', () => {
    const mid = () => 0.5;
    expect(retryDelayMs(1, mid)).toBe(5000);
    expect(retryDelayMs(2, mid)).toBe(15000);
    expect(retryDelayMs(3, mid)).toBe(45000);
    expect(retryDelayMs(10, mid)).toBe(300000);
    expect(retryDelayMs(1, () => 0)).toBe(4000);
    expect(retryDelayMs(1, () => 1)).toBe(6000);
  });
});
