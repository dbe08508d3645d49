/**
 * The lesson page's island (components/offline/LessonOffline.astro): the offline side of the
 * quiz, practical-task and "Selesai" forms, the progress queue's status, and the "Dengarkan" button.
 *
 * With JavaScript the page posts the three forms itself, with a time limit, because the commonest
 * connection in Sidoarjo is one the phone believes is online while the server cannot be reached
 * (weak signal, captive Wi-Fi, no data balance): a form post would hang or end on the offline page.
 * - When the server answers with its redirect, the page goes where the form post would have gone
 *   (the same targets as the server's, rendered into data attributes).
 * - When it does not answer in time, fails, or the phone knows it is offline, the form becomes a
 *   queued event with the form's client UUID (so a post that did reach the server is stored once),
 *   the lesson stays on screen and shows what was kept, and the queue is sent when the server
 *   answers again. Before anything is queued it is checked as the server would check it.
 * - When the server refuses the form (400), it is posted normally, so the server shows its errors.
 * The task's text is also kept as a draft on the phone while it is typed, until the server has it.
 * Without JavaScript the forms post as they always do. Quiz answers are never graded on the phone.
 */
import { checkTask } from '../lib/learning/task-rules';
import { unansweredItems } from '../lib/learning/quiz-complete';
import { autoSync } from './offline/auto-sync';
import { enqueue, problems, queued } from './offline/db';
import { isQueueEntry, newUuid, quizEntry, simpleEntry, taskEntry, type QueueEntry } from './offline/events';
import { tellWorker } from './offline/sw-client';
import type { SyncReport } from './offline/sync';
import { fill, strings, whyRefused } from './offline/text';

/** How long a form post may take before it is kept on the phone instead. */
const POST_TIMEOUT_MS = 10_000;

const root = document.getElementById('offline-lesson');
if (root?.dataset.user && root.dataset.lesson) init(root, root.dataset.user, root.dataset.lesson);
setUpReadAloud();

type Intent = 'quiz' | 'task' | 'done';

/** The form's fields as the browser sends them urlencoded (these lesson forms carry no files). */
function urlencoded(form: HTMLFormElement): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value);
  return body;
}

/** Posts a form as the browser would, but with a time limit. 'answered' carries the response. */
async function postForm(form: HTMLFormElement): Promise<{ answered: Response } | 'unreachable'> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), POST_TIMEOUT_MS);
  try {
    const url = new URL(form.action, location.href);
    url.hash = '';
    const response = await fetch(url, {
      method: 'POST',
      body: urlencoded(form),
      credentials: 'same-origin',
      redirect: 'manual',
      signal: controller.signal,
    });
    // A 5xx may or may not have stored it: kept on the phone, sent again under the same id.
    if (response.type !== 'opaqueredirect' && response.status >= 500) return 'unreachable';
    return { answered: response };
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

function init(root: HTMLElement, user: string, lessonId: string) {
  const s = strings(root);
  const title = root.dataset.title;
  const quizSection = document.getElementById('kuis');
  const quizForm = quizSection?.querySelector<HTMLFormElement>('form[method="post"]') ?? null;
  const doneSection = document.getElementById('selesai');
  const doneForm = doneSection?.querySelector<HTMLFormElement>('form[method="post"]') ?? null;
  const taskSection = document.getElementById('tugas');
  const taskForm = taskSection?.querySelector<HTMLFormElement>('form[method="post"]') ?? null;
  const draftKey = `melek-draft:${user}:${lessonId}`;
  /** Queued entries of this lesson shown on the page, by id. */
  const shown = new Map<string, QueueEntry['type']>();

  for (const form of [quizForm, doneForm, taskForm]) {
    if (!form) continue;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'eventId';
    input.value = newUuid();
    form.append(input);
  }
  const eventId = (form: HTMLFormElement) => form.querySelector<HTMLInputElement>('input[name="eventId"]')?.value || newUuid();

  function note(section: HTMLElement | null, key: string, html: (p: HTMLElement) => void, tone: 'warn' | 'ok' = 'warn') {
    if (!section) return;
    let p = section.querySelector<HTMLElement>(`[data-offline-note="${key}"]`);
    if (!p) {
      p = document.createElement('p');
      p.dataset.offlineNote = key;
      p.setAttribute('role', 'status');
      const heading = section.querySelector('h2');
      if (heading) heading.after(p);
      else section.prepend(p);
    }
    p.className = tone === 'ok' ? 'alert ok' : 'alert';
    p.replaceChildren();
    html(p);
  }
  const text = (value: string) => (p: HTMLElement) => p.append(value);

  // ---------------------------------------------------------------- the task's draft
  const taskText = taskForm?.querySelector<HTMLTextAreaElement>('textarea[name="text"]') ?? null;
  const taskLink = taskForm?.querySelector<HTMLInputElement>('input[name="link"]') ?? null;
  function saveDraft() {
    try {
      if (taskText?.value.trim() || taskLink?.value.trim())
        localStorage.setItem(draftKey, JSON.stringify({ text: taskText?.value ?? '', link: taskLink?.value ?? '' }));
      else localStorage.removeItem(draftKey);
    } catch {
      // storage full or blocked: the text stays in the box as long as the page is open
    }
  }
  function dropDraft() {
    try {
      localStorage.removeItem(draftKey);
    } catch {
      // nothing kept
    }
  }
  if (new URLSearchParams(location.search).get('tugas') === 'terkirim') dropDraft();
  else if (taskText && !taskText.value) {
    try {
      const draft = JSON.parse(localStorage.getItem(draftKey) ?? 'null') as { text?: string; link?: string } | null;
      if (draft?.text) taskText.value = draft.text;
      if (draft?.link && taskLink && !taskLink.value) taskLink.value = draft.link;
    } catch {
      // a draft that is not ours: ignored
    }
  }
  taskText?.addEventListener('input', saveDraft);
  taskLink?.addEventListener('input', saveDraft);

  // ---------------------------------------------------------------- what is kept on the phone
  function setFormLocked(form: HTMLFormElement | null, locked: boolean) {
    if (!form) return;
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>('input:not([type="hidden"]), textarea, button'))
      el.disabled = locked;
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.hidden = locked;
  }

  /** The quiz as it was kept: the learner's choices stay ticked (and cannot be sent twice). */
  function showQuizQueued(entry?: QueueEntry) {
    const answers = (entry?.data?.answers ?? {}) as Record<string, unknown>;
    if (quizForm) {
      // After an earlier result the form sits in "Coba lagi" (a <details>): open it to show what was kept.
      quizForm.closest('details')?.setAttribute('open', '');
      for (const [item, value] of Object.entries(answers)) {
        const radio = quizForm.querySelector<HTMLInputElement>(`input[type="radio"][name="q:${CSS.escape(item)}"][value="${CSS.escape(String(value))}"]`);
        if (radio) radio.checked = true;
      }
      setFormLocked(quizForm, true);
    }
    note(quizSection, 'quiz', (p) => {
      p.append(s('sQueued'));
      p.append(document.createElement('br'));
      p.append(s('sGradedLater'));
    });
  }
  function showDoneQueued() {
    if (doneForm) doneForm.hidden = true;
    note(doneSection, 'done', text(s('sDoneQueued')));
  }
  /** The task as it was kept: its text and link in the (locked) form, and a note. */
  function showTaskQueued(entry?: QueueEntry) {
    const data = (entry?.data ?? {}) as { text?: string; link?: string };
    if (taskText && data.text !== undefined) taskText.value = data.text;
    if (taskLink && data.link !== undefined) taskLink.value = data.link;
    setFormLocked(taskForm, true);
    note(taskSection, 'task', text(s('sTaskQueued')));
  }

  async function queue(entry: QueueEntry) {
    await enqueue(entry);
    shown.set(entry.id, entry.type);
    void tellWorker({ type: 'queued' });
  }

  function fieldError(form: HTMLFormElement, field: Element | null, message: string) {
    if (!field) return;
    const holder = field.closest('fieldset') ?? field.parentElement;
    let p = holder?.querySelector<HTMLElement>('[data-check-error]');
    if (!p && holder) {
      p = document.createElement('p');
      p.className = 'error';
      p.dataset.checkError = '';
      holder.append(p);
    }
    if (p) p.textContent = message;
    form.dataset.checked = 'errors';
  }
  function clearErrors(form: HTMLFormElement) {
    for (const p of form.querySelectorAll('[data-check-error]')) p.remove();
  }

  /**
   * The form as the queue would keep it, checked as the server checks it; undefined (and the
   * errors shown beside the fields) when the server would refuse it.
   */
  function entryFor(intent: Intent, form: HTMLFormElement): QueueEntry | undefined {
    clearErrors(form);
    const id = eventId(form);
    if (intent === 'quiz') {
      // Option ids (as the form would post them), with the version of each item the page showed.
      const answers: Record<string, string> = {};
      const versions: Record<string, string> = {};
      const items: string[] = [];
      for (const fieldset of form.querySelectorAll('fieldset')) {
        const name = fieldset.querySelector<HTMLInputElement>('input[type="radio"]')?.name ?? '';
        if (!name.startsWith('q:')) continue;
        items.push(name.slice(2));
        const checked = fieldset.querySelector<HTMLInputElement>('input[type="radio"]:checked');
        if (checked) answers[name.slice(2)] = checked.value;
      }
      for (const input of form.querySelectorAll<HTMLInputElement>('input[type="hidden"][name^="v:"]')) versions[input.name.slice(2)] = input.value;
      const missing = unansweredItems(items, answers);
      if (missing.length) {
        for (const item of missing) fieldError(form, form.querySelector(`input[name="q:${CSS.escape(item)}"]`), s('sQuizMissing'));
        note(quizSection, 'quiz', text(s('sAnswerAll')));
        form.querySelector<HTMLInputElement>(`input[name="q:${CSS.escape(missing[0])}"]`)?.focus();
        return undefined;
      }
      return quizEntry(user, lessonId, answers, id, Date.now(), versions, title);
    }
    if (intent === 'task') {
      const checked = checkTask({ text: taskText?.value, link: taskLink?.value });
      if (!checked.ok) {
        const key = (k: string) => `s${k.charAt(0).toUpperCase()}${k.slice(1)}`;
        if (checked.errors.text) fieldError(form, taskText, s(key(checked.errors.text)));
        if (checked.errors.link) fieldError(form, taskLink, s(key(checked.errors.link)));
        (checked.errors.text ? taskText : taskLink)?.focus();
        return undefined;
      }
      if (taskLink && checked.data.link) taskLink.value = checked.data.link;
      return taskEntry(user, lessonId, checked.data, id, Date.now(), title);
    }
    return simpleEntry('completed', user, lessonId, id, Date.now(), title);
  }

  const show: Record<Intent, (entry: QueueEntry) => void> = { quiz: showQuizQueued, task: showTaskQueued, done: showDoneQueued };
  const sending = new WeakSet<HTMLFormElement>();

  function handle(intent: Intent, form: HTMLFormElement | null) {
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      if (sending.has(form)) return;
      sending.add(form);
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
      const label = button?.textContent ?? '';
      if (button) button.textContent = s('sSending');
      void (async () => {
        const result = navigator.onLine === false ? 'unreachable' : await postForm(form);
        if (result !== 'unreachable') {
          if (result.answered.type === 'opaqueredirect') {
            if (intent === 'task') dropDraft();
            const after = new URL(
              fill(root!.dataset[`after${intent.charAt(0).toUpperCase()}${intent.slice(1)}`] ?? location.pathname, { id: eventId(form) }),
              location.href,
            );
            if (after.pathname === location.pathname && after.search === location.search) location.reload();
            else location.assign(after.href);
          } else {
            // The server refused it (or the session ended): post it as a plain form, so the
            // server's page says why (nothing was stored).
            HTMLFormElement.prototype.submit.call(form);
          }
          return;
        }
        // The server cannot be reached: keep it on the phone, once it passes the server's checks.
        const entry = entryFor(intent, form);
        if (!entry) {
          if (button) button.textContent = label;
          sending.delete(form);
          return;
        }
        try {
          await queue(entry);
          show[intent](entry);
          void syncing.run();
        } catch {
          // No storage on this phone: the form posts as it is (the browser shows what it can).
          HTMLFormElement.prototype.submit.call(form);
        } finally {
          if (button) button.textContent = label;
          sending.delete(form);
        }
      })();
    });
  }
  handle('quiz', quizForm);
  handle('task', taskForm);
  handle('done', doneForm);

  /** Shows what of this lesson is still on the phone (after a reload, or on the saved copy). */
  async function showQueued() {
    const mine = (await queued()).filter((e): e is QueueEntry => isQueueEntry(e) && e.userId === user && e.lessonId === lessonId);
    for (const entry of mine) shown.set(entry.id, entry.type);
    const last = (type: QueueEntry['type']) => mine.filter((e) => e.type === type).sort((a, b) => b.queuedAt - a.queuedAt)[0];
    if (last('quiz_submitted')) showQuizQueued(last('quiz_submitted'));
    if (last('completed')) showDoneQueued();
    if (last('task_submitted')) showTaskQueued(last('task_submitted'));
    return mine;
  }

  function apply(report: SyncReport) {
    for (const id of [...report.accepted, ...report.duplicates]) {
      const type = shown.get(id);
      if (!type) continue;
      shown.delete(id);
      if (type === 'quiz_submitted') {
        note(
          quizSection,
          'quiz',
          (p) => {
            p.append(s('sQuizSent'), ' ');
            const link = document.createElement('a');
            link.href = `?percobaan=${id}#kuis`;
            link.textContent = s('sQuizSee');
            p.append(link);
          },
          'ok',
        );
      }
      if (type === 'completed') note(doneSection, 'done', text(s('sDoneSent')), 'ok');
      if (type === 'task_submitted') {
        dropDraft();
        if (taskForm) taskForm.hidden = true;
        note(taskSection, 'task', text(s('sTaskSent')), 'ok');
      }
    }
    for (const refused of report.refused) {
      const type = shown.get(refused.id);
      if (!type) continue;
      shown.delete(refused.id);
      const [section, form, key] =
        type === 'quiz_submitted'
          ? [quizSection, quizForm, 'quiz']
          : type === 'task_submitted'
            ? [taskSection, taskForm, 'task']
            : [doneSection, doneForm, 'done'];
      if (form) {
        form.hidden = false;
        form.closest('details')?.setAttribute('open', '');
        setFormLocked(form, false);
        const id = form.querySelector<HTMLInputElement>('input[name="eventId"]');
        if (id) id.value = newUuid();
      }
      note(section, key, text(whyRefused(s, refused.reason, refused.message)));
    }
  }

  /**
   * Entries shown here that are gone from the queue were sent by another tab or the service
   * worker (sent), or set aside (refused, with the reason). Answers the page's own state.
   */
  async function reconcile() {
    if (shown.size === 0) return;
    const still = new Set((await queued()).map((e) => (e as { id?: unknown })?.id));
    const setAside = new Map((await problems()).map((p) => [p.id, p]));
    const report: SyncReport = { accepted: [], duplicates: [], refused: [], corrupted: 0, remaining: 0, foreign: 0 };
    for (const id of shown.keys()) {
      if (still.has(id)) continue;
      const problem = setAside.get(id);
      if (problem) report.refused.push({ id, reason: problem.reason, message: problem.message });
      else report.duplicates.push(id);
    }
    apply(report);
  }

  const syncing = autoSync(user, async (report) => {
    if (report) apply(report);
    await reconcile();
  });

  void (async () => {
    const mine = await showQueued().catch(() => []);
    // The saved copy is open (no network): the visit is recorded when the phone is online again.
    if (document.documentElement.dataset.savedCopy) {
      const banner = document.getElementById('offline-copy');
      if (banner) banner.hidden = false;
      if (navigator.onLine === false && !mine.some((e) => e.type === 'viewed'))
        await queue(simpleEntry('viewed', user, lessonId, newUuid(), Date.now(), title)).catch(() => undefined);
    }
    await syncing.run();
  })();
}

/** "Dengarkan": shown only when the phone has an Indonesian voice (lessons are in Indonesian). */
function setUpReadAloud() {
  const button = document.getElementById('dengarkan') as HTMLButtonElement | null;
  if (!button || !('speechSynthesis' in window)) return;
  const check = () => {
    if (speechSynthesis.getVoices().some((v) => /^id(?:[-_]|$)/i.test(v.lang))) button.hidden = false;
  };
  check();
  speechSynthesis.addEventListener?.('voiceschanged', check);
  button.addEventListener('click', () => {
    void import('./read-aloud').then((player) => player.toggle(button));
  });
}
