/**
 * The module page's "Simpan untuk offline" card (components/offline/SaveModule.astro). The button
 * is shown only where saving works; it says the size before anything is downloaded. States:
 * not saved → saving (n of m) → saved (size, Perbarui, Hapus) or a clear failure message, with
 * nothing half-saved left behind (save.ts).
 */
import { savedModules, type SavedModule } from './offline/db';
import { removeModule, saveModule, supported, type SaveFailure } from './offline/save';
import { strings, formatBytes } from './offline/text';
import { tellWorker } from './offline/sw-client';

const card = document.getElementById('save-offline');
if (card?.dataset.user && card.dataset.module) void init(card, card.dataset.user, card.dataset.module);

async function init(card: HTMLElement, user: string, moduleId: string) {
  const s = strings(card);
  const saveButton = card.querySelector<HTMLButtonElement>('[data-save]')!;
  const status = card.querySelector<HTMLElement>('[data-status]')!;
  const savedBox = card.querySelector<HTMLElement>('[data-saved]')!;
  const savedText = card.querySelector<HTMLElement>('[data-saved-text]')!;
  const updateButton = card.querySelector<HTMLButtonElement>('[data-update]')!;
  const removeButton = card.querySelector<HTMLButtonElement>('[data-remove]')!;
  const outdated = card.querySelector<HTMLElement>('[data-outdated]')!;
  if (!supported()) {
    status.textContent = s('sUnsupported');
    return;
  }
  // The service worker must know who is logged in before it serves this user's pages.
  void tellWorker({ type: 'hello', user, lang: document.documentElement.lang });

  const say = (message: string, tone: '' | 'ok' | 'error' = '') => {
    status.textContent = message;
    status.dataset.tone = tone;
  };
  const show = (record: SavedModule | undefined) => {
    saveButton.hidden = !!record;
    savedBox.hidden = !record;
    if (record) {
      savedText.textContent = s('sSaved', { size: formatBytes(record.bytes) });
      outdated.hidden = record.version === card.dataset.version;
    }
  };
  const current = async () => (await savedModules(user)).find((r) => r.moduleId === moduleId);
  const failures: Record<SaveFailure, string> = {
    quota: s('sErrQuota'),
    offline: s('sErrOffline'),
    auth: s('sErrAuth'),
    server: s('sErrServer'),
    unsupported: s('sUnsupported'),
  };

  async function save() {
    // With "Hemat kuota" the service worker is installed only now, at the learner's request.
    void navigator.serviceWorker?.register('/sw.js', { scope: '/' }).catch(() => undefined);
    saveButton.disabled = updateButton.disabled = removeButton.disabled = true;
    say(s('sSaving', { done: 0, total: '…' }));
    const result = await saveModule(user, moduleId, ({ done, total }) => say(s('sSaving', { done, total })));
    saveButton.disabled = updateButton.disabled = removeButton.disabled = false;
    if (result.ok) {
      say('', 'ok');
      show(result.record);
    } else {
      say(failures[result.reason], 'error');
      show(await current());
    }
  }

  saveButton.addEventListener('click', () => void save());
  updateButton.addEventListener('click', () => void save());
  removeButton.addEventListener('click', async () => {
    const record = await current();
    if (record) await removeModule(record);
    show(undefined);
    say(s('sRemoved'));
  });
  show(await current().catch(() => undefined));
  card.querySelector<HTMLElement>('[data-needs-js]')?.remove();
}
