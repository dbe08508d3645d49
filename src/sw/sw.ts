/**
 * Melek's service worker. Bundled by src/cli/build-sw.ts (esbuild) into dist/client/sw.js after
 * every `astro build`, with the precache list of that build.
 *
 * What it keeps:
 * - Precache (Workbox): the app shell only — the offline fallback pages, the built scripts
 *   (/_astro/*.js|css), the favicon and the web app manifest. Nothing personal.
 * - Saved modules: one cache per module and user, written by the page (src/scripts/offline/save.ts)
 *   and served here only for the user the pages say is logged in (see pages.ts). When a different
 *   user logs in on the phone, the previous user's saved pages are deleted; logout deletes all.
 *   Pages are network-first: a saved copy is used when the network fails (or is slower than
 *   NAV_TIMEOUT_MS), and refreshed in place when the learner opens it online.
 * - The progress queue (IndexedDB, sync.ts): sent on Background Sync, and when a page asks.
 *
 * Form posts on a lesson (quiz, task, "Selesai") are normally sent by the lesson page itself
 * (src/scripts/lesson.ts), which keeps them on the phone when the server does not answer. A form
 * that still posts as a page (the script not loaded yet) goes to the network here; only when that
 * fails or is not answered in POST_TIMEOUT_MS is it turned into a queued event here, after the
 * same checks as the server's, and the learner is sent back to the lesson with `?tersimpan=…`.
 *
 * The H5P player is not saved: it runs in a sandboxed iframe without allow-same-origin, and a
 * service worker never controls such a frame (an opaque origin; checked in Chromium 156), so it
 * could not be played offline anyway. The module page says those activities need a connection.
 *
 * Types: the project's TypeScript checks with the DOM library, not WebWorker, so the few
 * service-worker types used here are declared locally.
 */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { allSaved, enqueue, getMeta, idbQueueStore, setMeta } from '../scripts/offline/db';
import { isUuid, newUuid, quizEntry, simpleEntry, taskEntry } from '../scripts/offline/events';
import { unansweredItems } from '../lib/learning/quiz-complete';
import { checkTask } from '../lib/learning/task-rules';
import { dropOrphanCaches, findSaved, findSavedImage, forgetAllPages, forgetUserPages, markSavedCopy, pageUserId, recordsWith } from '../scripts/offline/pages';
import { syncQueue, type SyncReport } from '../scripts/offline/sync';
import { SYNC_TAG, type SwMessage } from './messages';

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface MessageEventLike extends ExtendableEventLike {
  data: unknown;
  ports: ReadonlyArray<MessagePort>;
}
interface SyncEventLike extends ExtendableEventLike {
  tag: string;
  lastChance?: boolean;
}
interface SwScope {
  location: Location;
  registration: ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEventLike) => void): void;
}

declare const __MELEK_PRECACHE__: Array<{ url: string; revision: string | null }>;
declare const self: SwScope;
const sw = self;
const ORIGIN = sw.location.origin;
/** A saved page is shown when the network has not answered within this time. */
const NAV_TIMEOUT_MS = 8000;
/** A lesson form post not answered within this time is kept on the phone (its event id makes a late arrival harmless). */
const POST_TIMEOUT_MS = 12_000;
const LESSON_PATH = /^\/learn\/([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)$/;
const NOT_LESSONS = new Set(['tes-awal', 'tes-akhir']);
const BYPASS = /^\/(?:api|h5p|h5p-player|logout|bahasa)(?:\/|$)/;
const LOGGED_OUT_PAGES = new Set(['/login', '/register']);

precacheAndRoute(__MELEK_PRECACHE__);
cleanupOutdatedCaches();

sw.addEventListener('install', () => {
  void sw.skipWaiting();
});
sw.addEventListener('activate', (event) => {
  event.waitUntil(
    sw.clients
      .claim()
      .then(() => dropOrphanCaches())
      .catch(() => undefined),
  );
});

// ------------------------------------------------------------------ who the pages are for

async function currentUser(): Promise<string | undefined> {
  return (await getMeta<string | null>('swUser')) || undefined;
}

/**
 * A page says who is logged in (or nobody). A different user than the last one: the previous
 * user's saved pages are deleted (their queued answers stay queued under their own id, and are
 * never sent from this session).
 */
async function hello(user: string | null, lang: string | undefined): Promise<void> {
  if (user) for (const record of await allSaved()) if (record.userId !== user) await forgetUserPages(record.userId);
  await setMeta('swUser', user);
  if (lang === 'id' || lang === 'en') await setMeta('swLang', lang);
}

// ------------------------------------------------------------------ progress queue

/** Sends this user's queue; open pages hear of it on the sync BroadcastChannel (sync.ts). */
function runSync(user: string, force: boolean): Promise<SyncReport> {
  return syncQueue({ userId: user, store: idbQueueStore, fetch: (input, init) => fetch(input, init), force });
}

async function askForSync(): Promise<void> {
  try {
    await sw.registration.sync?.register(SYNC_TAG);
  } catch {
    // Background Sync missing or refused: pages sync on load and on `online`.
  }
}

sw.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      const user = await currentUser();
      if (!user) return;
      const report = await runSync(user, true);
      // Throwing asks the browser to try again later (its own backoff); not for a logged-out session.
      if (report.failed && report.failed !== 'auth' && !event.lastChance) throw new Error(`sync failed: ${report.failed}`);
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const message = event.data as SwMessage | null;
  if (!message || typeof message !== 'object') return;
  const reply = (value: unknown) => event.ports[0]?.postMessage(value);
  event.waitUntil(
    (async () => {
      switch (message.type) {
        case 'hello':
          await hello(typeof message.user === 'string' && message.user ? message.user : null, message.lang);
          if (message.user && message.sync) await runSync(message.user, false);
          break;
        case 'sync': {
          const user = await currentUser();
          if (user) await runSync(user, Boolean(message.force));
          break;
        }
        case 'logout':
          await forgetAllPages();
          await setMeta('swUser', null);
          break;
        case 'queued':
          await askForSync();
          break;
      }
      reply({ ok: true });
    })().catch((error) => reply({ ok: false, error: String(error) })),
  );
});

// ------------------------------------------------------------------ pages

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The learner opened a saved page online: keep the saved copy up to date (same user only). */
async function refreshSaved(user: string, url: string, response: Response): Promise<void> {
  const { pathname, search } = new URL(url);
  const records = await recordsWith(user, pathname + search);
  if (records.length === 0 || !(response.headers.get('content-type') ?? '').includes('text/html')) return;
  const html = await response.text();
  if (pageUserId(html) !== user) return;
  const body = markSavedCopy(html, Date.now());
  for (const record of records) {
    const cache = await caches.open(record.cacheName);
    await cache.put(pathname + search, new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } })).catch(() => undefined);
  }
}

/** No network and no saved copy of this page: the saved-modules page, or the app's offline page. */
async function fallback(user: string | undefined, url: string): Promise<Response> {
  if (user) {
    const list = await findSaved(user, new URL('/learn/offline', ORIGIN).href, { ignoreSearch: false });
    if (list) return list;
  }
  const lang = (await getMeta<string>('swLang')) === 'en' ? 'en' : 'id';
  const page = (await matchPrecache(`/offline-${lang}.html`)) ?? (await matchPrecache('/offline-id.html'));
  let html = page ? await page.text() : '<!doctype html><title>Offline</title><p>Offline</p>';
  if (new URL(url).searchParams.has('tersimpan')) html = html.replace('id="saved-note" hidden', 'id="saved-note"');
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === ORIGIN && !BYPASS.test(url.pathname),
  async ({ request, event }) => {
    const user = await currentUser();
    const saved = user ? await findSaved(user, request.url) : undefined;
    try {
      const network = fetch(request);
      const response = saved ? await withTimeout(network, NAV_TIMEOUT_MS) : await network;
      // The login and register pages are shown to nobody logged in (logout, an expired session):
      // from now on no saved page is served until a logged-in page says hello again.
      if (LOGGED_OUT_PAGES.has(new URL(request.url).pathname) && response.status === 200) {
        await setMeta('swUser', null);
        return response;
      }
      if (user && response.status === 200 && !response.redirected) {
        event.waitUntil(refreshSaved(user, request.url, response.clone()).catch(() => undefined));
      }
      return response;
    } catch {
      return saved ?? fallback(user, request.url);
    }
  },
  'GET',
);

/**
 * A lesson form posted while the network is gone. The quiz and "Selesai" become queued events
 * (the form's `eventId`, made by the lesson page, is the event id, so a post that did reach the
 * server is not counted twice once the server uses it); the learner lands on the lesson again.
 */
async function queueFormPost(request: Request, url: URL): Promise<Response> {
  const match = url.pathname.match(LESSON_PATH);
  const user = await currentUser();
  if (!match || NOT_LESSONS.has(match[2]) || !user) return fallback(user, url.href);
  const lessonId = `${match[1]}/${match[2]}`;
  const form = await request.formData().catch(() => undefined);
  const intent = form?.get('intent');
  const given = form?.get('eventId');
  const id = isUuid(given) ? given : newUuid();
  if (form && intent === 'quiz') {
    // Option ids and the versions of the items the page showed; the server checks both.
    const answers: Record<string, string> = {};
    const versions: Record<string, string> = {};
    for (const [key, value] of form.entries()) {
      if (key.startsWith('q:') && typeof value === 'string' && /^[a-z0-9-]{1,40}$/.test(value)) answers[key.slice(2)] = value;
      if (key.startsWith('v:') && typeof value === 'string' && /^[0-9a-f]{1,64}$/.test(value)) versions[key.slice(2)] = value;
    }
    // Checked as the server checks it (every item answered) before it is kept: the form lists its items.
    const items = String(form.get('items') ?? '')
      .split(/\s+/)
      .filter(Boolean);
    if (Object.keys(answers).length === 0 || unansweredItems(items, answers).length > 0) return fallback(user, url.href);
    await enqueue(quizEntry(user, lessonId, answers, id, Date.now(), versions));
  } else if (form && intent === 'task') {
    const checked = checkTask({ text: String(form.get('text') ?? ''), link: String(form.get('link') ?? '') });
    if (!checked.ok) return fallback(user, url.href);
    await enqueue(taskEntry(user, lessonId, checked.data, id));
  } else if (intent === 'done') {
    await enqueue(simpleEntry('completed', user, lessonId, id));
  } else {
    return fallback(user, url.href);
  }
  await askForSync();
  const anchor = intent === 'quiz' ? 'kuis' : intent === 'task' ? 'tugas' : 'selesai';
  return Response.redirect(new URL(`/learn/${lessonId}?tersimpan=${intent}#${anchor}`, ORIGIN).href, 303);
}

registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === ORIGIN && LESSON_PATH.test(url.pathname),
  async ({ request, url }) => {
    const copy = request.clone();
    try {
      return await withTimeout(fetch(request), POST_TIMEOUT_MS);
    } catch {
      return queueFormPost(copy, url);
    }
  },
  'POST',
);

// ------------------------------------------------------------------ files of saved pages

registerRoute(
  ({ request, url }) =>
    url.origin === ORIGIN && request.mode !== 'navigate' && ['image', 'script', 'style'].includes(request.destination) && !BYPASS.test(url.pathname),
  async ({ request }) => {
    const user = await currentUser();
    const saved = user ? await findSaved(user, request.url, { ignoreSearch: false }) : undefined;
    if (saved) return saved;
    try {
      return await fetch(request);
    } catch (error) {
      const other = user ? await findSavedImage(user, request.url) : undefined;
      if (other) return other;
      throw error;
    }
  },
  'GET',
);
