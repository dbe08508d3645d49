/**
 * /learn/offline (pages/learn/offline.astro): the modules saved on this phone for this user,
 * the room they take, the answers still waiting to be sent (with "Kirim sekarang") and the ones
 * that could not be sent. The service worker also shows this page (its saved copy) when the
 * learner opens a page that is not saved while offline; it then says so.
 */
import { autoSync } from './offline/auto-sync';
import { clearProblems, problems, queued, savedModules } from './offline/db';
import { isQueueEntry } from './offline/events';
import { removeModule } from './offline/save';
import { formatBytes, formatDate, strings, whyRefused } from './offline/text';

const root = document.getElementById('offline-page');
if (root?.dataset.user) void init(root, root.dataset.user);

async function init(root: HTMLElement, user: string) {
  const s = strings(root);
  const list = root.querySelector<HTMLOListElement>('[data-list]')!;
  const none = root.querySelector<HTMLElement>('[data-none]')!;
  const storage = root.querySelector<HTMLElement>('[data-storage]')!;
  const queueText = root.querySelector<HTMLElement>('[data-queue]')!;
  const foreignText = root.querySelector<HTMLElement>('[data-foreign]')!;
  const sendButton = root.querySelector<HTMLButtonElement>('[data-send]')!;
  const problemBox = root.querySelector<HTMLElement>('[data-problems]')!;
  const problemList = root.querySelector<HTMLUListElement>('[data-problem-list]')!;
  const problemTitle = root.querySelector<HTMLElement>('[data-problem-title]')!;
  root.querySelector<HTMLElement>('[data-needs-js]')?.remove();
  root.querySelector<HTMLElement>('[data-js]')?.removeAttribute('hidden');
  if (location.pathname !== '/learn/offline' && location.pathname !== '/') root.querySelector<HTMLElement>('[data-not-saved]')?.removeAttribute('hidden');

  async function renderModules() {
    const records = await savedModules(user);
    list.replaceChildren(
      ...records.map((record) => {
        const li = document.createElement('li');
        li.dataset.module = record.moduleId;
        const link = document.createElement('a');
        link.href = `/learn/${record.moduleId}`;
        link.textContent = record.title;
        const meta = document.createElement('p');
        meta.className = 'muted';
        meta.textContent = s('sModuleMeta', { size: formatBytes(record.bytes), date: formatDate(record.savedAt) });
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn secondary';
        remove.textContent = s('sRemove');
        remove.addEventListener('click', async () => {
          await removeModule(record);
          await renderModules();
        });
        li.append(link, meta, remove);
        return li;
      }),
    );
    none.hidden = records.length > 0;
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    storage.textContent =
      estimate?.usage !== undefined && estimate.quota ? s('sStorage', { used: formatBytes(estimate.usage), quota: formatBytes(estimate.quota) }) : '';
  }

  async function renderQueue() {
    const all = await queued();
    const valid = all.filter(isQueueEntry);
    const mine = valid.filter((e) => e.userId === user).length;
    const foreign = valid.length - mine;
    queueText.textContent = mine ? s('sQueueCount', { n: mine }) : s('sQueueEmpty');
    sendButton.hidden = mine === 0;
    foreignText.textContent = foreign ? s('sForeign', { n: foreign }) : '';
    const list = await problems();
    problemBox.hidden = list.length === 0;
    problemTitle.textContent = s('sProblems', { n: list.length });
    problemList.replaceChildren(
      ...list.map((p) => {
        const li = document.createElement('li');
        const entry = p.entry as { lessonId?: unknown; title?: unknown } | null;
        // The lesson by its title, with a way back to it, and the reason in plain words.
        if (typeof entry?.lessonId === 'string' && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(entry.lessonId)) {
          const link = document.createElement('a');
          link.href = `/learn/${entry.lessonId}`;
          link.textContent = typeof entry.title === 'string' && entry.title ? entry.title : entry.lessonId;
          li.append(link, ': ');
        }
        li.append(p.reason === 'corrupted' ? s('sCorrupted') : whyRefused(s, p.reason, p.message));
        return li;
      }),
    );
  }

  const syncing = autoSync(user, () => renderQueue());
  sendButton.addEventListener('click', async () => {
    sendButton.disabled = true;
    await syncing.run('always');
    sendButton.disabled = false;
  });
  root.querySelector<HTMLButtonElement>('[data-clear-problems]')?.addEventListener('click', async () => {
    await clearProblems();
    await renderQueue();
  });
  await renderModules();
  await renderQueue();
  await syncing.run();
}
