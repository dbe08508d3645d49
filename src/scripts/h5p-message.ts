/**
 * The messages the sandboxed H5P player sends to the lesson page, and the one thing the lesson
 * page takes from them: a scored result. Pure functions (no DOM), shared by the bridge and tests.
 * Everything here is untrusted input: package code runs in that frame and can post anything.
 */

export type FrameMessage =
  | { kind: 'ready' | 'error'; contentId: string }
  | { kind: 'height'; contentId: string; height: number }
  | { kind: 'xapi'; contentId: string; statement: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The envelope of h5p-frame.ts, or null for anything else (H5P core's own resize chatter included). */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  if (!isObject(data) || data.type !== 'melek-h5p' || data.v !== 1) return null;
  const contentId = data.contentId;
  if (typeof contentId !== 'string' || contentId.length === 0 || contentId.length > 80) return null;
  switch (data.kind) {
    case 'ready':
    case 'error':
      return { kind: data.kind, contentId };
    case 'height':
      return typeof data.height === 'number' && Number.isFinite(data.height) ? { kind: 'height', contentId, height: data.height } : null;
    case 'xapi':
      return isObject(data.statement) ? { kind: 'xapi', contentId, statement: data.statement } : null;
    default:
      return null;
  }
}

export type ResultVerb = 'answered' | 'completed';

/** What is sent to the server: a few fields of the statement, never the whole (large) thing. */
export interface CompactStatement {
  verb: string;
  object?: { id: string };
  result: {
    score: { raw: number; max: number; min?: number; scaled?: number };
    success?: boolean;
    completion?: boolean;
    duration?: string;
    response?: string;
  };
}

export interface H5pResult {
  verb: ResultVerb;
  score: number;
  maxScore: number;
  statement: CompactStatement;
}

export const MAX_SCORE_LIMIT = 10_000;
const VERB = /^https?:\/\/adlnet\.gov\/expapi\/verbs\/(answered|completed)$/;

/**
 * A top-level `answered` or `completed` statement with a whole-number score 0 ≤ raw ≤ max,
 * 1 ≤ max ≤ 10,000; anything else (other verbs, sub-questions of a set, no or odd score) is null.
 */
export function resultFromStatement(statement: unknown): H5pResult | null {
  if (!isObject(statement)) return null;
  const verbId = isObject(statement.verb) ? statement.verb.id : undefined;
  const verb = typeof verbId === 'string' ? verbId.match(VERB)?.[1] : undefined;
  if (verb !== 'answered' && verb !== 'completed') return null;
  // A question inside a question set reports with a parent: only the whole activity counts.
  const parents = isObject(statement.context) && isObject(statement.context.contextActivities) ? statement.context.contextActivities.parent : undefined;
  if (Array.isArray(parents) ? parents.length > 0 : parents !== undefined) return null;
  const result = isObject(statement.result) ? statement.result : undefined;
  const score = result && isObject(result.score) ? result.score : undefined;
  if (!score) return null;
  const raw = score.raw;
  const max = score.max;
  if (typeof raw !== 'number' || typeof max !== 'number') return null;
  if (!Number.isInteger(raw) || !Number.isInteger(max) || raw < 0 || max < 1 || max > MAX_SCORE_LIMIT || raw > max) return null;

  const compact: CompactStatement = { verb: verbId as string, result: { score: { raw, max } } };
  if (typeof score.min === 'number' && Number.isFinite(score.min)) compact.result.score.min = score.min;
  if (typeof score.scaled === 'number' && Number.isFinite(score.scaled)) compact.result.score.scaled = score.scaled;
  if (typeof result!.success === 'boolean') compact.result.success = result!.success;
  if (typeof result!.completion === 'boolean') compact.result.completion = result!.completion;
  if (typeof result!.duration === 'string') compact.result.duration = result!.duration.slice(0, 40);
  if (typeof result!.response === 'string') compact.result.response = result!.response.slice(0, 500);
  const objectId = isObject(statement.object) ? statement.object.id : undefined;
  if (typeof objectId === 'string') compact.object = { id: objectId.slice(0, 300) };
  return { verb, score: raw, maxScore: max, statement: compact };
}

/** Heights the lesson page accepts for the frame (a hostile frame cannot make the page miles long). */
export const clampHeight = (height: number) => Math.min(6000, Math.max(120, Math.round(height)));
