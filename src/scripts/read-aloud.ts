/**
 * Read-aloud (loaded only when "Dengarkan" is tapped): the Web Speech API reads the lesson one
 * block at a time (title, headings, paragraphs, list items) with the phone's Indonesian voice,
 * highlighting the block being read and keeping it in view. The button pauses and continues;
 * "Berhenti" ends. Pausing cancels the current block and continuing starts it again: Android's
 * speechSynthesis.pause() is unreliable, and one block at a time also avoids Chrome cutting long
 * utterances off.
 */
const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, blockquote, figcaption, td, th, legend';

interface Player {
  blocks: HTMLElement[];
  index: number;
  state: 'playing' | 'paused' | 'stopped';
  /** Increases on every start/stop, so a late `end` of a cancelled utterance is ignored. */
  run: number;
  voice?: SpeechSynthesisVoice;
  button: HTMLButtonElement;
  stop: HTMLButtonElement;
}

let player: Player | undefined;

function readableBlocks(): HTMLElement[] {
  const title = document.querySelector<HTMLElement>('main h1');
  const body = document.querySelector<HTMLElement>('.lesson-body');
  const found = body ? [...body.querySelectorAll<HTMLElement>(BLOCKS)] : [];
  // Only the innermost blocks (a <p> inside an <li> is read once), and only visible text.
  const leaves = found.filter((el) => !found.some((other) => other !== el && el.contains(other)) && (el.textContent ?? '').trim().length > 0);
  return [...(title ? [title] : []), ...leaves];
}

function label(p: Player) {
  const { button } = p;
  const key = p.state === 'playing' ? 'sPause' : p.state === 'paused' ? 'sContinue' : 'sListen';
  button.textContent = button.dataset[key] ?? button.textContent;
  button.setAttribute('aria-pressed', p.state === 'playing' ? 'true' : 'false');
  p.stop.hidden = p.state === 'stopped';
}

function highlight(p: Player) {
  for (const el of p.blocks) el.classList.remove('reading');
  const current = p.blocks[p.index];
  if (p.state !== 'stopped' && current) {
    current.classList.add('reading');
    current.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}

function speak(p: Player) {
  const run = ++p.run;
  const block = p.blocks[p.index];
  if (!block) {
    finish(p);
    return;
  }
  highlight(p);
  const utterance = new SpeechSynthesisUtterance((block.textContent ?? '').replace(/\s+/g, ' ').trim());
  utterance.lang = p.voice?.lang ?? 'id-ID';
  if (p.voice) utterance.voice = p.voice;
  utterance.rate = 0.95;
  utterance.onend = () => {
    if (run !== p.run || p.state !== 'playing') return;
    p.index++;
    speak(p);
  };
  utterance.onerror = utterance.onend;
  speechSynthesis.speak(utterance);
}

function finish(p: Player) {
  p.run++;
  p.state = 'stopped';
  p.index = 0;
  speechSynthesis.cancel();
  highlight(p);
  label(p);
}

export function toggle(button: HTMLButtonElement): void {
  if (!player) {
    const stop = document.createElement('button');
    stop.type = 'button';
    stop.className = 'btn secondary';
    stop.textContent = button.dataset.sStop ?? 'Stop';
    stop.hidden = true;
    button.after(stop);
    const voice = speechSynthesis.getVoices().find((v) => /^id(?:[-_]|$)/i.test(v.lang));
    player = { blocks: readableBlocks(), index: 0, state: 'stopped', run: 0, voice, button, stop };
    const p = player;
    stop.addEventListener('click', () => {
      finish(p);
      button.focus();
    });
  }
  const p = player;
  if (p.state === 'playing') {
    p.state = 'paused';
    p.run++;
    speechSynthesis.cancel();
  } else {
    speechSynthesis.cancel();
    p.state = 'playing';
    speak(p);
  }
  label(p);
}
