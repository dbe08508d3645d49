/**
 * Logout, when JavaScript runs (loaded only when the button is tapped):
 * 1. offline: say that logging out needs a connection (the session must end on the server);
 * 2. answers of this user still queued: try to send them first; if some are still unsent,
 *    warn and let the learner choose — stay (they are sent later) or log out and delete them.
 *    They are never sent from another account's session;
 * 3. delete every saved page on the phone (and the list of entries that could not be sent),
 *    tell the service worker, then post the form.
 * With JavaScript off the form posts as it is; the service worker then deletes this user's
 * saved pages as soon as another user's page says hello.
 */
import { en_offline } from '../../i18n/en.offline';
import { id_offline } from '../../i18n/id.offline';
import { clearProblems, idbQueueStore, queued, removeQueued } from './db';
import { isQueueEntry } from './events';
import { forgetAllPages } from './pages';
import { tellWorker } from './sw-client';
import { syncQueue } from './sync';
import { fill } from './text';

async function unsent(user: string): Promise<string[]> {
  return (await queued()).filter((e) => isQueueEntry(e) && e.userId === user).map((e) => (e as { id: string }).id);
}

/** A modal question; resolves with the index of the button chosen, or -1 (Escape). */
export function ask(message: string, buttons: string[]): Promise<number> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'offline-dialog';
    dialog.setAttribute('aria-labelledby', 'offline-dialog-text');
    const text = document.createElement('p');
    text.id = 'offline-dialog-text';
    text.textContent = message;
    dialog.append(text);
    buttons.forEach((label, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = index === 0 ? 'btn block' : 'btn secondary block';
      button.textContent = label;
      button.addEventListener('click', () => {
        dialog.close();
        dialog.remove();
        resolve(index);
      });
      dialog.append(button);
    });
    dialog.addEventListener('cancel', () => {
      dialog.remove();
      resolve(-1);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

export async function guardLogout(form: HTMLFormElement, user: string): Promise<void> {
  const s = document.documentElement.lang === 'en' ? en_offline : id_offline;
  const proceed = () => {
    form.dataset.checked = '1';
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  };
  if (navigator.onLine === false) {
    await ask(s.offLogoutOffline, [s.offOk]);
    return;
  }
  try {
    let ids = await unsent(user);
    if (ids.length) {
      await syncQueue({ userId: user, store: idbQueueStore, fetch: (i, init) => fetch(i, init), force: 'always', timeoutMs: 8000 }).catch(() => undefined);
      ids = await unsent(user);
    }
    if (ids.length) {
      const choice = await ask(fill(s.offLogoutUnsentT, { n: ids.length }), [s.offLogoutStay, s.offLogoutDiscard]);
      if (choice !== 1) return;
      await removeQueued(ids);
    }
    await forgetAllPages();
    await clearProblems();
    await tellWorker({ type: 'logout' });
  } catch {
    // Storage unavailable (private mode, blocked): nothing was saved on the phone to clear.
  }
  proceed();
}
