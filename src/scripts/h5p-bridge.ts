/**
 * The lesson page's side of an H5P activity (loaded only when the learner taps "Muat").
 *
 * It puts the player in an iframe with sandbox="allow-scripts" and WITHOUT allow-same-origin:
 * package code gets an opaque origin, so it cannot read the app's cookies or storage, touch this
 * page, or call the API as the learner.
 *
 * Messages from the frame are untrusted. A message is used only when
 *   1. event.source is the contentWindow of an iframe this script created. (The origin of a
 *      sandboxed frame is the opaque "null", which any other sandboxed or data: frame also has,
 *      so comparing origins proves nothing; the window reference cannot be forged.)
 *   2. it has the envelope of h5p-frame.ts and the content id of THAT iframe's card;
 *   3. for results: an answered/completed statement with a whole score 0 ≤ raw ≤ max.
 * Then it is sent to POST /api/progress as an `h5p_result` event with a fresh UUID (a retry sends
 * the same id, so it is stored once), and the server checks it all again (the content exists and
 * is embedded in this lesson, score ≤ max).
 */
import { clampHeight, parseFrameMessage, resultFromStatement, type H5pResult } from './h5p-message';

interface Frame {
  card: HTMLElement;
  iframe: HTMLIFrameElement;
  contentId: string;
  lessonId: string;
  record: boolean;
  ready: boolean;
  pending: Array<{ id: string; result: H5pResult; at: number }>;
  timer?: number;
}

const frames: Frame[] = [];
/** A result post not answered within this time is kept on the phone instead. */
const SEND_TIMEOUT_MS = 10_000;
let listening = false;

function text(card: HTMLElement, key: string, values: Record<string, string | number> = {}): string {
  const template = card.dataset[key] ?? '';
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

function setStatus(frame: Frame | HTMLElement, message: string, tone: '' | 'ok' | 'error' = '') {
  const card = 'card' in frame ? frame.card : frame;
  const status = card.querySelector<HTMLElement>('[data-h5p-status]');
  if (!status) return;
  status.textContent = message;
  status.dataset.tone = tone;
}

/** crypto.randomUUID needs a secure context; the fallback makes the same v4 UUID from getRandomValues. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function send(frame: Frame, attempt = 0): Promise<void> {
  const batch = frame.pending.splice(0);
  if (batch.length === 0) return;
  setStatus(frame, text(frame.card, 'sSaving'));
  const events = batch.map(({ id, result, at }) => ({
    id,
    type: 'h5p_result' as const,
    lessonId: frame.lessonId,
    at,
    data: { contentId: frame.contentId, score: result.score, maxScore: result.maxScore, verb: result.verb, statement: result.statement },
  }));
  let response: Response | undefined;
  // A server that does not answer (weak signal, captive Wi-Fi) must not hold the result forever.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SEND_TIMEOUT_MS);
  try {
    response = await fetch('/api/progress', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
      signal: controller.signal,
    });
  } catch {
    response = undefined;
  } finally {
    clearTimeout(timer);
  }
  if (response?.ok) {
    const last = batch[batch.length - 1].result;
    setStatus(frame, text(frame.card, 'sSaved', { score: last.score, max: last.maxScore }), 'ok');
    frame.card.dataset.saved = String(Number(frame.card.dataset.saved ?? 0) + batch.length);
    return;
  }
  // No answer or a server hiccup: the same events (same ids) go into the phone's queue, which
  // sends them like a quiz when the server answers again (stored once even if this post arrived).
  if (!response || response.status >= 500) {
    const { keepOnPhone } = await import('./offline/keep-on-phone');
    if (await keepOnPhone(events.map((e) => ({ ...e, title: document.getElementById('offline-lesson')?.dataset.title })))) {
      setStatus(frame, text(frame.card, 'sKept'));
      frame.card.dataset.kept = String(Number(frame.card.dataset.kept ?? 0) + batch.length);
      return;
    }
  }
  // The phone cannot keep them: the same events again, twice at most.
  if ((!response || response.status >= 500) && attempt < 2) {
    frame.pending.unshift(...batch);
    setTimeout(() => void send(frame, attempt + 1), 2000 * (attempt + 1));
    return;
  }
  setStatus(frame, text(frame.card, 'sSaveFailed'), 'error');
}

function onMessage(event: MessageEvent) {
  if (!event.source) return;
  const frame = frames.find((f) => f.iframe.contentWindow === event.source);
  if (!frame) return;
  const message = parseFrameMessage(event.data);
  if (!message || message.contentId !== frame.contentId) return;
  switch (message.kind) {
    case 'height':
      frame.iframe.style.height = `${clampHeight(message.height)}px`;
      return;
    case 'ready':
      frame.ready = true;
      setStatus(frame, frame.record ? text(frame.card, 'sLoaded') : text(frame.card, 'sPreview'));
      return;
    case 'error':
      setStatus(frame, text(frame.card, 'sFailed'), 'error');
      return;
    case 'xapi': {
      const result = resultFromStatement(message.statement);
      if (!result) return;
      if (!frame.record) {
        setStatus(frame, text(frame.card, 'sPreview'));
        return;
      }
      frame.pending.push({ id: uuid(), result, at: Date.now() });
      // "answered" and "completed" usually come together: one request for both.
      clearTimeout(frame.timer);
      frame.timer = window.setTimeout(() => void send(frame), 250);
      return;
    }
  }
}

/** Replaces the card's "Muat" link with the sandboxed player. */
export function loadCard(card: HTMLElement): void {
  if (card.dataset.loaded) return;
  const src = card.dataset.src;
  const contentId = card.dataset.contentId;
  if (!src || !contentId) return;
  card.dataset.loaded = '1';
  if (!listening) {
    window.addEventListener('message', onMessage);
    listening = true;
  }
  const iframe = document.createElement('iframe');
  // Scripts only. No allow-same-origin (the whole point), no forms, popups, top navigation or downloads.
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  iframe.setAttribute('allow', '');
  iframe.title = card.dataset.title ?? '';
  iframe.className = 'h5p-frame';
  iframe.style.height = '320px';
  iframe.src = src;
  const frame: Frame = {
    card,
    iframe,
    contentId,
    lessonId: card.dataset.lessonId ?? '',
    record: card.dataset.record === '1',
    ready: false,
    pending: [],
  };
  frames.push(frame);
  const slot = card.querySelector('[data-h5p-slot]') ?? card;
  slot.appendChild(iframe);
  card.querySelector<HTMLElement>('[data-h5p-load]')?.setAttribute('hidden', '');
  card.querySelector<HTMLElement>('[data-h5p-hint]')?.setAttribute('hidden', '');
  setStatus(frame, text(card, 'sLoading'));
  window.setTimeout(() => {
    if (!frame.ready) setStatus(frame, text(card, 'sFailed'), 'error');
  }, 45_000);
}
