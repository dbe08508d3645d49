import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { LEGACY_OPTION_ORDER as legacy } from './legacy-option-order';
import type { QuizItem, QuizOption } from './types';

/**
 * Options are identified by their `id` (written in the content), never by their position:
 * each learner sees them in an order of their own (stable per learner and item), and a later
 * edit of the content must not change what an earlier answer meant.
 */

const encoder = new TextEncoder();

/**
 * The item's version: a hash of its question, its options (id and text, in id order, since the
 * order in the file means nothing to learners) and which option is right. Stored with each answer.
 */
export function itemVersion(item: Pick<QuizItem, 'question' | 'options'>): string {
  const options = [...item.options].map((o) => [o.id, o.text, o.correct === true] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return encodeHexLowerCase(sha256(encoder.encode(JSON.stringify({ q: item.question, o: options })))).slice(0, 16);
}

/**
 * The options in the order this learner sees them: a Fisher–Yates shuffle driven by
 * SHA-256(learner id, item id). The same on every visit and device (it is computed on the server
 * into the page, so it works without JavaScript and on a saved offline copy), different between
 * learners. Without a learner (a trainer previewing) the options keep the file's order.
 */
export function optionOrder<T extends Pick<QuizOption, 'id'>>(options: T[], itemId: string, learnerId: string | undefined): T[] {
  if (!learnerId) return [...options];
  const out = [...options];
  let bytes = sha256(encoder.encode(`${learnerId}\u0000${itemId}`));
  let next = 0;
  const byte = () => {
    if (next >= bytes.length) {
      bytes = sha256(bytes);
      next = 0;
    }
    return bytes[next++];
  };
  for (let i = out.length - 1; i > 0; i--) {
    // Rejection sampling keeps every order equally likely (6 options at most).
    const limit = 256 - (256 % (i + 1));
    let b = byte();
    while (b >= limit) b = byte();
    const j = b % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export const correctOption = (item: QuizItem): QuizOption => item.options.find((o) => o.correct)!;

/**
 * Before option ids existed, answers were option positions in the file's order (the order every
 * learner saw). This snapshot keeps, per item, the option ids in that old order and the item's
 * version at the time, so an old answer (a stored row or an answer still queued on a phone) is
 * read as the option it meant, or refused when the item has since changed its meaning.
 */
const LEGACY = legacy as Record<string, { order: string[]; version: string }>;

export type LegacyLookup = { ok: true; optionId: string } | { ok: false; error: 'quizItemChanged' | 'quizOutOfRange' };

/** The option an old position-based answer meant, checked against the item as it is now. */
export function legacyOption(item: QuizItem, position: number): LegacyLookup {
  const old = LEGACY[item.id];
  if (!old) return { ok: false, error: 'quizItemChanged' };
  if (!Number.isInteger(position) || position < 0 || position >= old.order.length) return { ok: false, error: 'quizOutOfRange' };
  if (old.version !== itemVersion(item)) return { ok: false, error: 'quizItemChanged' };
  return { ok: true, optionId: old.order[position] };
}

/**
 * The option id a stored answer names: new rows store the id, old rows a position in the old
 * file order (read through the snapshot, whatever the item looks like now: the row was graded
 * when it was written). Undefined when it cannot be known.
 */
export function storedOptionId(itemId: string, value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return LEGACY[itemId]?.order[value];
  return undefined;
}
