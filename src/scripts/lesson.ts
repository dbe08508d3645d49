/**
 * The lesson page's island (components/offline/LessonOffline.astro): the offline side of the
 * quiz and "Selesai" forms, the progress queue's status, and the "Dengarkan" button.
 *
 * Online, the forms post as they always do (the server grades the quiz). Only when the phone is
 * offline (navigator.onLine === false) is a submit stopped here and turned into a queued event
 * with a client UUID; if the phone thinks it is online but the post fails, the service worker
 * does the same (src/sw/sw.ts). Quiz answers are never graded on the phone: the page does not
 * contain the right answers before the learner has answered, so grading waits for the server and
 * the page says so. Each form carries an `eventId` the server may use as the event id.
 */
import { autoSync } from './offline/auto-sync';
import { enqueue, problems, queued } from './offline/db';
import { isQueueEntry, newUuid, quizEntry, simpleEntry, type QueueEntry } from './offline/events';
import { tellWorker } from './offline/sw-client';
import type { SyncReport } from './offline/sync';
import { strings } from './offline/text';

const root = document.getElementById('offline-lesson');
if (root?.dataset.user && root.dataset.lesson) init(root, root.dataset.user, root.dataset.lesson);
setUpReadAloud();

function init(root: HTMLElement, user: string, lessonId: string) {
  const s = strings(root);
  const quizSection = document.getElementById('kuis');
  const quizForm = quizSection?.querySelector<HTMLFormElement>('form[method="post"]') ?? null;
  const doneSection = document.getElementById('selesai');
  const doneForm = doneSection?.querySelector<HTMLFormElement>('form[method="post"]') ?? null;
  const taskForm = document.querySelector<HTMLFormElement>('#tugas form[method="post"]');
  /** Queued entries of this lesson shown on the page, by id. */
  const shown = new Map<string, QueueEntry['type']>();

  for (const form of [quizForm, doneForm]) {
    if (!form) continue;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'eventId';
    input.value = newUuid();
    form.append(input);
  }

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

  function showQuizQueued() {
    if (quizForm) quizForm.hidden = true;
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

  async function queue(entry: QueueEntry) {
    await enqueue(entry);
    shown.set(entry.id, entry.type);
    void tellWorker({ type: 'queued' });
  }

  quizForm?.addEventListener('submit', (event) => {
    if (navigator.onLine !== false) return;
    event.preventDefault();
    // Option ids (as the form would post them), with the version of each item the page showed.
    const answers: Record<string, string> = {};
    const versions: Record<string, string> = {};
    let missing = false;
    for (const fieldset of quizForm.querySelectorAll('fieldset')) {
      const checked = fieldset.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      const name = fieldset.querySelector<HTMLInputElement>('input[type="radio"]')?.name ?? '';
      if (!checked || !name.startsWith('q:')) missing = true;
      else answers[name.slice(2)] = checked.value;
    }
    for (const input of quizForm.querySelectorAll<HTMLInputElement>('input[type="hidden"][name^="v:"]')) versions[input.name.slice(2)] = input.value;
    if (missing) {
      note(quizSection, 'quiz', text(s('sAnswerAll')));
      return;
    }
    const id = quizForm.querySelector<HTMLInputElement>('input[name="eventId"]')?.value || newUuid();
    void queue(quizEntry(user, lessonId, answers, id, Date.now(), versions)).then(showQuizQueued);
  });

  doneForm?.addEventListener('submit', (event) => {
    if (navigator.onLine !== false) return;
    event.preventDefault();
    const id = doneForm.querySelector<HTMLInputElement>('input[name="eventId"]')?.value || newUuid();
    void queue(simpleEntry('completed', user, lessonId, id)).then(showDoneQueued);
  });

  taskForm?.addEventListener('submit', (event) => {
    if (navigator.onLine !== false) return;
    event.preventDefault();
    note(document.getElementById('tugas'), 'task', text(s('sTaskOffline')));
  });

  /** Shows what of this lesson is still on the phone (after a reload, or on the saved copy). */
  async function showQueued() {
    const mine = (await queued()).filter((e): e is QueueEntry => isQueueEntry(e) && e.userId === user && e.lessonId === lessonId);
    for (const entry of mine) shown.set(entry.id, entry.type);
    if (mine.some((e) => e.type === 'quiz_submitted')) showQuizQueued();
    if (mine.some((e) => e.type === 'completed')) showDoneQueued();
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
    }
    for (const refused of report.refused) {
      const type = shown.get(refused.id);
      if (!type) continue;
      shown.delete(refused.id);
      const section = type === 'quiz_submitted' ? quizSection : doneSection;
      const form = type === 'quiz_submitted' ? quizForm : doneForm;
      if (form) form.hidden = false;
      note(section, type === 'quiz_submitted' ? 'quiz' : 'done', text(s('sRefused', { message: refused.message ?? refused.reason })));
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
      if (navigator.onLine === false && !mine.some((e) => e.type === 'viewed')) await queue(simpleEntry('viewed', user, lessonId)).catch(() => undefined);
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
