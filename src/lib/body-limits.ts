import { h5pLimits } from './server/h5p/limits';

/**
 * How many bytes a request body may have, per route: the one table of body caps.
 *
 * Melek's own HTTP server (src/server/http-server.ts) enforces it while reading, before Astro or
 * any page parses a byte: a declared Content-Length over the cap is refused at once, and a body
 * without one (chunked) is cut off as soon as it passes the cap. Both answer 413 with a plain
 * Indonesian message. The caps live here, outside the pages, so they keep working if forms move
 * to Astro Actions (whose own limit is one number for every action).
 *
 * Pages read forms with readForm (src/lib/server/forms/read-form.ts), whose cap defaults to the
 * route's row here. `explainedByRoute`: the page reads the body itself (readForm or
 * readFormLimited) and answers 413 in its own words (e.g. "the file is over 1 MB"); the server then stays a safety
 * net a little above the cap (ROUTE_SLACK) instead of answering first.
 */
export interface BodyLimit {
  bytes: number;
  explainedByRoute?: boolean;
}

const KB = 1024;
const MB = 1024 * KB;
/** Above a route's own cap: only a page that failed to stop reading ever reaches it. */
export const ROUTE_SLACK = 64 * KB;
/** Any other form in the app (notes, profiles, reviews, quiz answers): text fields only. */
export const DEFAULT_BODY_LIMIT = 64 * KB;
/** The file-free part of a form around an uploaded file (field names, boundaries, other fields). */
const FORM_OVERHEAD = 16 * KB;

/** The roster import's CSV file or pasted text (src/lib/server/trainer/roster-import.ts). */
export const ROSTER_IMPORT_MAX_BYTES = 1 * MB;

/**
 * The lesson editor's form (issue 19): the body (MAX_BODY_BYTES in src/lib/authoring/body.ts)
 * plus ten quiz items and the task, url-encoded (up to three bytes per character). A bigger
 * post is refused with 413 before the content check reads it.
 */
export const LESSON_EDITOR_MAX_BYTES = 320 * KB;

/** "Ulang singkat" posts three short fields (src/pages/learn/ulang.astro reads it with readForm, which takes its cap from here). */
export const REVIEW_FORM_MAX_BYTES = 2 * KB;

const TABLE: Array<{ path: RegExp; limit: (env: Record<string, string | undefined>) => BodyLimit }> = [
  // Before login: a few KB (phone, password; the register form's nine short fields even when each is too long).
  { path: /^\/login\/?$/, limit: () => ({ bytes: 8 * KB }) },
  { path: /^\/register\/?$/, limit: () => ({ bytes: 16 * KB }) },
  { path: /^\/logout\/?$/, limit: () => ({ bytes: 1 * KB }) },
  { path: /^\/invite\/[^/]*\/?$/, limit: () => ({ bytes: 4 * KB }) },
  { path: /^\/bahasa\//, limit: () => ({ bytes: 1 * KB }) },
  { path: /^\/learn\/ulang\/?$/, limit: () => ({ bytes: REVIEW_FORM_MAX_BYTES, explainedByRoute: true }) },
  // The offline queue's batch of up to 1,000 events (src/pages/api/progress.ts says "too many" itself).
  { path: /^\/api\/progress\/?$/, limit: () => ({ bytes: 2_000_000, explainedByRoute: true }) },
  { path: /^\/trainer\/konten\/periksa\.json\/?$/, limit: () => ({ bytes: LESSON_EDITOR_MAX_BYTES }) },
  { path: /^\/trainer\/konten\/[^/]+\/[^/]+\/?$/, limit: () => ({ bytes: LESSON_EDITOR_MAX_BYTES }) },
  { path: /^\/trainer\/konten\/?$/, limit: () => ({ bytes: 2 * MB }) },
  { path: /^\/trainer\/h5p\/?$/, limit: (env) => ({ bytes: h5pLimits(env).maxUpload + FORM_OVERHEAD, explainedByRoute: true }) },
  { path: /^\/trainer\/cohorts\/[^/]+\/import\/?$/, limit: () => ({ bytes: ROSTER_IMPORT_MAX_BYTES + FORM_OVERHEAD, explainedByRoute: true }) },
  { path: /^\/trainer\/cohorts\/[^/]+\/?$/, limit: () => ({ bytes: 256 * KB, explainedByRoute: true }) },
];

/** The cap for a request body to `pathname` (the path as the client sent it, percent escapes decoded or not). */
export function bodyLimitFor(pathname: string, env: Record<string, string | undefined> = process.env): BodyLimit {
  let path = pathname;
  try {
    path = decodeURI(pathname);
  } catch {
    // keep the raw path: it only has to pick a row
  }
  path = path.replace(/\/{2,}/g, '/');
  for (const row of TABLE) if (row.path.test(path)) return row.limit(env);
  return { bytes: DEFAULT_BODY_LIMIT };
}

/** What the server cuts off at: the cap itself, or the safety net above a route's own cap. */
export function serverCutoff(limit: BodyLimit): number {
  return limit.explainedByRoute ? limit.bytes + ROUTE_SLACK : limit.bytes;
}
