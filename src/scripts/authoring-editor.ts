/**
 * The lesson editor's small script (issue 19), loaded only on /trainer/konten/<module>/<lesson>.
 * Without it the editor works fully (every button posts); with it: "Sisipkan" inserts a palette
 * snippet at the cursor, and the content check runs as the trainer types (a debounced post of the
 * form to the check endpoint, nothing saved).
 */
interface LiveProblem {
  slot: string;
  message: string;
  severity: 'error' | 'warning';
  line?: number;
}
interface LiveCheck {
  problems: LiveProblem[];
  pageWeightKb: number;
  minutes: number;
  maxMinutes: number;
}

const form = document.querySelector<HTMLFormElement>('#editor');
const body = document.querySelector<HTMLTextAreaElement>('#f-body');

function insertAtCursor(area: HTMLTextAreaElement, text: string) {
  const start = area.selectionStart ?? area.value.length;
  const end = area.selectionEnd ?? start;
  const before = area.value.slice(0, start);
  const gap = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
  area.setRangeText(`${gap}${text}\n`, start, end, 'end');
  area.focus();
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

if (form && body) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.insert')) {
    button.hidden = false;
    button.addEventListener('click', () => insertAtCursor(body, button.dataset.snippet ?? ''));
  }

  const list = document.querySelector<HTMLUListElement>('#check-list');
  const weight = document.querySelector<HTMLElement>('#check-weight');
  const minutes = document.querySelector<HTMLElement>('#check-minutes');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: AbortController | undefined;

  const show = (check: LiveCheck) => {
    if (weight) weight.textContent = weight.textContent?.replace(/\d+(?:[.,]\d+)?/, String(check.pageWeightKb)) ?? '';
    if (minutes) minutes.textContent = minutes.textContent?.replace(/^(\D*)\d+/, `$1${check.minutes}`) ?? '';
    if (list) {
      list.replaceChildren(
        ...check.problems.map((p) => {
          const li = document.createElement('li');
          li.className = p.severity === 'error' ? 'error' : 'muted';
          li.textContent = p.line ? `${p.line}: ${p.message}` : p.message;
          return li;
        }),
      );
    }
    // Beside each field: replace the problems the server rendered with the live ones.
    for (const old of form.querySelectorAll('ul.problems')) old.remove();
    const bySlot = new Map<string, string[]>();
    for (const p of check.problems) bySlot.set(p.slot, [...(bySlot.get(p.slot) ?? []), p.line ? `${p.line}: ${p.message}` : p.message]);
    for (const [slot, messages] of bySlot) {
      const field = form.querySelector<HTMLElement>(`#f-${CSS.escape(slot)}`) ?? form.querySelector<HTMLElement>(`[name="${CSS.escape(slot)}"]`);
      if (!field) continue;
      const ul = document.createElement('ul');
      ul.className = 'error problems';
      ul.id = `err-${slot}`;
      for (const m of messages) {
        const li = document.createElement('li');
        li.textContent = m;
        ul.append(li);
      }
      field.insertAdjacentElement('afterend', ul);
      const ids = new Set((field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
      ids.add(ul.id);
      field.setAttribute('aria-describedby', [...ids].join(' '));
    }
  };

  const run = async () => {
    running?.abort();
    running = new AbortController();
    const data = new FormData(form);
    data.set('lesson', form.dataset.lesson ?? '');
    try {
      const response = await fetch(form.dataset.checkUrl ?? '', {
        method: 'POST',
        body: new URLSearchParams([...data].filter((e): e is [string, string] => typeof e[1] === 'string')),
        signal: running.signal,
      });
      if (response.ok) show((await response.json()) as LiveCheck);
    } catch {
      // Offline or aborted: the check runs again on save.
    }
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 600);
  });
}
