/**
 * What the device keeps in its progress queue, and the checks every entry passes before it is
 * sent. Shared by the lesson page, the offline page and the service worker (no DOM here).
 *
 * An entry is the progress event exactly as POST /api/progress takes it, plus when it was queued.
 * The id is made on the device (a UUID) and never changes, so sending it twice stores it once.
 * `userId` is always set: the server refuses an event whose userId is not the session's user, and
 * the device never even sends another user's entries (they stay queued until that user is back).
 */

export type QueuedType = 'viewed' | 'completed' | 'quiz_submitted' | 'h5p_result' | 'time' | 'task_submitted';

export interface QueueEntry {
  id: string;
  type: QueuedType;
  lessonId: string;
  at: number;
  userId: string;
  data?: Record<string, unknown>;
  queuedAt: number;
  /** The lesson's title, to name it if the server refuses the entry (device bookkeeping, not sent). */
  title?: string;
}

/** The event as it goes over the wire (queuedAt and title are the device's own bookkeeping). */
export type WireEvent = Omit<QueueEntry, 'queuedAt' | 'title'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,58}\/[a-z0-9][a-z0-9-]{0,58}$/;
const TYPES: ReadonlySet<string> = new Set(['viewed', 'completed', 'quiz_submitted', 'h5p_result', 'time', 'task_submitted']);

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** A v4 UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * True when a stored value is a well-formed entry. Anything else (an older app version's shape,
 * a half-written record, something another script put there) is "corrupted": reported and
 * set aside, never sent, never allowed to block the others.
 */
export function isQueueEntry(value: unknown): value is QueueEntry {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const e = value as Record<string, unknown>;
  if (!isUuid(e.id)) return false;
  if (typeof e.type !== 'string' || !TYPES.has(e.type)) return false;
  if (typeof e.lessonId !== 'string' || !LESSON_ID.test(e.lessonId)) return false;
  if (typeof e.at !== 'number' || !Number.isInteger(e.at) || e.at <= 0) return false;
  if (typeof e.userId !== 'string' || e.userId.length === 0 || e.userId.length > 40) return false;
  if (typeof e.queuedAt !== 'number' || !Number.isFinite(e.queuedAt)) return false;
  if (e.data !== undefined && (e.data === null || typeof e.data !== 'object' || Array.isArray(e.data))) return false;
  if (e.type === 'quiz_submitted') {
    const answers = (e.data as { answers?: unknown } | undefined)?.answers;
    if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return false;
  }
  if (e.type === 'task_submitted' && typeof (e.data as { text?: unknown } | undefined)?.text !== 'string') return false;
  if (e.title !== undefined && typeof e.title !== 'string') return false;
  return true;
}

export function toWire(entry: QueueEntry): WireEvent {
  const { queuedAt: _queuedAt, title: _title, ...event } = entry;
  return event;
}

/** A key an entry can be removed by, even a corrupted one (IndexedDB keys are ids or numbers). */
export function keyOf(value: unknown): string | number | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

/**
 * A quiz answered offline: itemId → the chosen option's id, and itemId → the item's version the
 * page showed (so the server can tell when an item changed before the answers arrived). Entries
 * queued by the app before option ids hold positions (numbers); the server still reads those.
 * `title` is the lesson's, so a refusal after sync can name it.
 */
export function quizEntry(
  userId: string,
  lessonId: string,
  answers: Record<string, string>,
  id = newUuid(),
  at = Date.now(),
  versions?: Record<string, string>,
  title?: string,
): QueueEntry {
  return {
    id,
    type: 'quiz_submitted',
    lessonId,
    at,
    userId,
    data: versions ? { answers, versions } : { answers },
    queuedAt: Date.now(),
    ...(title ? { title } : {}),
  };
}

/** A practical task kept on the phone (text and link as checked by learning/task-rules.ts). */
export function taskEntry(
  userId: string,
  lessonId: string,
  task: { text: string; link: string | null },
  id = newUuid(),
  at = Date.now(),
  title?: string,
): QueueEntry {
  return {
    id,
    type: 'task_submitted',
    lessonId,
    at,
    userId,
    data: { text: task.text, ...(task.link ? { link: task.link } : {}) },
    queuedAt: Date.now(),
    ...(title ? { title } : {}),
  };
}

export function simpleEntry(type: 'viewed' | 'completed', userId: string, lessonId: string, id = newUuid(), at = Date.now(), title?: string): QueueEntry {
  return { id, type, lessonId, at, userId, queuedAt: Date.now(), ...(title ? { title } : {}) };
}
