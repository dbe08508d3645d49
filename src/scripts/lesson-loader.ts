/**
 * The lesson page's only eager script (components/offline/LessonOffline.astro), tiny on purpose
 * (issue 20): a lesson needs no JavaScript to be read, so the offline, sync and read-aloud code
 * (lesson.ts and what it imports) loads when the phone is idle after the first paint, or at once
 * when the learner first touches the page, and never competes with the lesson's first paint.
 * A quiz, task or "Selesai" form sent before that code is there waits for it (a moment), so it
 * still gets the offline handling (time limit, kept on the phone) rather than a plain post.
 */
let loading: Promise<unknown> | undefined;
let ready = false;
const load = () =>
  (loading ??= import('./lesson').then(() => {
    ready = true;
  }));

for (const type of ['pointerdown', 'keydown', 'focusin'] as const) addEventListener(type, () => void load(), { once: true, capture: true, passive: true });
if ('requestIdleCallback' in window) requestIdleCallback(() => void load(), { timeout: 2000 });
else setTimeout(() => void load(), 200);

document.addEventListener(
  'submit',
  (event) => {
    const form = event.target;
    if (ready || !(form instanceof HTMLFormElement) || !form.closest('#kuis, #tugas, #selesai')) return;
    event.preventDefault();
    const submitter = event.submitter instanceof HTMLElement ? event.submitter : null;
    load().then(
      () => form.requestSubmit(submitter),
      () => form.submit(),
    );
  },
  { capture: true },
);

// The task's text is kept as a draft on each input (lesson.ts): an input made before that code is
// there (a paste right after the page opened) is handed to it once it is.
document.addEventListener(
  'input',
  (event) => {
    const target = event.target;
    if (ready || !(target instanceof HTMLElement) || !target.closest('#tugas')) return;
    void load().then(() => target.dispatchEvent(new Event('input', { bubbles: true })));
  },
  { capture: true },
);
