/**
 * The H5P player page's own script: it runs INSIDE the sandboxed iframe (opaque origin), after
 * h5p-standalone's main.bundle.js. `npm run h5p:copy-player` compiles it to
 * public/h5p-player/melek-frame.js (a classic script: the opaque origin could not load a
 * module script from the app without CORS).
 *
 * It starts the player with the settings the page carries in data attributes, and tells the
 * lesson page (window.parent) what happens, by postMessage:
 *   { type: 'melek-h5p', v: 1, kind: 'ready' | 'error' | 'height' | 'xapi', contentId, height?, statement? }
 * Every xAPI statement from H5P.externalDispatcher is forwarded as it is; the lesson page trusts
 * none of it: it checks that the message came from ITS iframe's window (event.source; the origin
 * of a sandboxed frame is "null", so origin equality cannot be the test), the content id, the
 * shape, and score ≤ max, and the server checks again.
 */

interface H5PStandaloneGlobal {
  H5P: new (el: HTMLElement, options: Record<string, unknown>) => Promise<unknown>;
}
interface XapiEvent {
  data?: { statement?: unknown };
}
interface H5PGlobal {
  externalDispatcher?: { on(type: string, listener: (event: XapiEvent) => void): void };
}
/** What h5p-standalone's bundle puts on the frame's window (this classic script merges it into the global Window). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used as window.H5PStandalone
interface Window {
  H5PStandalone?: H5PStandaloneGlobal;
}

/**
 * The sandbox (no allow-same-origin) makes window.localStorage throw SecurityError, and H5P core
 * touches it while starting (xAPI actor id, offline request queue). An in-memory Storage in its
 * place lets H5P run; nothing a package stores outlives the page or reaches the app's storage.
 */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => (data.has(String(k)) ? data.get(String(k))! : null),
    setItem: (k: string, v: string) => void data.set(String(k), String(v)),
    removeItem: (k: string) => void data.delete(String(k)),
    clear: () => data.clear(),
  };
}
for (const name of ['localStorage', 'sessionStorage'] as const) {
  try {
    void window[name];
  } catch {
    try {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    } catch {
      // left as it is: H5P then reports the error and the card says the activity failed
    }
  }
}

(() => {
  const root = document.getElementById('melek-h5p');
  const status = document.getElementById('melek-status');
  if (!root || !status) return;
  const data = root.dataset;
  const contentId = data.contentId ?? '';
  const framed = window.parent !== window;
  // Our own origin is opaque; location still says which server we came from: the lesson page's.
  const target = location.origin && location.origin !== 'null' ? location.origin : '*';

  status.textContent = data.loading ?? '';
  const send = (kind: string, extra: Record<string, unknown> = {}) => {
    if (framed) window.parent.postMessage({ type: 'melek-h5p', v: 1, kind, contentId, ...extra }, target);
  };

  let lastHeight = 0;
  const reportHeight = () => {
    // The body's own height (html and body have no margin): documentElement.scrollHeight never
    // goes below the frame's height, so the frame could grow but never shrink again.
    const height = Math.ceil(Math.max(document.body.scrollHeight, document.body.getBoundingClientRect().height));
    if (Math.abs(height - lastHeight) > 2) {
      lastHeight = height;
      send('height', { height });
    }
  };
  if ('ResizeObserver' in window) new ResizeObserver(reportHeight).observe(document.body);
  window.addEventListener('resize', reportHeight);

  let failed = false;
  const fail = () => {
    if (failed) return;
    failed = true;
    status.textContent = data.failed ?? '';
    status.className = 'error';
    send('error');
    reportHeight();
  };

  /** The player may resolve even when a library failed to load: wait until content is really there. */
  const rendered = (): boolean => {
    const content = root.querySelector('.h5p-content');
    return Boolean(content && content.children.length > 0);
  };

  const Standalone = window.H5PStandalone;
  if (!Standalone) return fail();
  new Standalone.H5P(root, {
    id: contentId,
    h5pJsonPath: data.h5pPath,
    frameJs: data.frameJs,
    frameCss: data.frameCss,
    frame: false,
    copyright: false,
    export: false,
    embed: false,
    icon: false,
    fullScreen: false,
    // Not h5p-standalone's default inner iframe: inside our sandbox every nested frame gets its own
    // opaque origin, so H5P core could not write into it. This document is the content's frame.
    embedType: 'div',
  }).then(
    () => {
      // H5P core (src/h5p-library, plain JS) declares the global `H5P` untyped: the part used here, typed.
      const h5p: H5PGlobal | undefined = window.H5P;
      if (!h5p?.externalDispatcher) return fail();
      h5p.externalDispatcher.on('xAPI', (event) => {
        const statement = event?.data?.statement;
        if (statement && typeof statement === 'object') {
          try {
            send('xapi', { statement: JSON.parse(JSON.stringify(statement)) });
          } catch {
            // a statement that is not plain data is not forwarded
          }
        }
      });
      const started = Date.now();
      const check = () => {
        if (rendered()) {
          status.textContent = framed ? '' : (data.alone ?? '');
          status.className = framed ? '' : 'note';
          send('ready');
          reportHeight();
        } else if (Date.now() - started > 20_000) fail();
        else setTimeout(check, 150);
      };
      check();
    },
    () => fail(),
  );
})();
