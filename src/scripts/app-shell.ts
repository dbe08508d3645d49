/**
 * On every logged-in page (Base.astro → components/offline/AppHead.astro → AppShellScript.astro):
 * registers the service worker after the page has loaded, tells it who is logged in (so it
 * serves only that user's saved pages), asks it to send queued progress on load and when the
 * connection returns, and guards the logout button (logout-guard.ts, loaded only when tapped).
 * Tiny on purpose.
 */
import type { SwMessage } from '../sw/messages';

const user = document.querySelector<HTMLMetaElement>('meta[name="melek-user"]')?.content ?? '';
const container = window.isSecureContext ? navigator.serviceWorker : undefined;

/** "Hemat kuota" (the account's setting, rendered by the server): nothing is installed by itself. */
const dataSaver = document.querySelector('meta[name="melek-data-saver"]') !== null;

if (container) {
  const start = async () => {
    // With data saver on, a phone that has no service worker yet gets none until the learner
    // saves a module (save-module.ts registers it); one already installed keeps working.
    if (dataSaver && !(await container.getRegistration('/').catch(() => undefined))) return;
    container
      .register('/sw.js', { scope: '/' })
      .then(() => container.ready)
      .then((registration) => {
        const hello: SwMessage = { type: 'hello', user, lang: document.documentElement.lang, sync: navigator.onLine };
        registration.active?.postMessage(hello);
      })
      .catch(() => undefined);
  };
  if (document.readyState === 'complete') void start();
  else addEventListener('load', () => void start(), { once: true });
  addEventListener('online', () => {
    const sync: SwMessage = { type: 'sync', force: true };
    container.controller?.postMessage(sync);
  });
}

if (user) {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[action="/logout"]')) {
    form.addEventListener('submit', (event) => {
      if (form.dataset.checked === '1') return;
      event.preventDefault();
      import('./offline/logout-guard').then(
        (guard) => guard.guardLogout(form, user),
        () => form.submit(),
      );
    });
  }
}
