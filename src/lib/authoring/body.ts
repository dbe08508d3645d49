/**
 * A trainer's lesson body is data, never code (issue 19, item 3). PURE: no I/O, usable in the
 * browser for live checks. The body is parsed with the same MDX parser the content check uses;
 * only Markdown, the lesson components with literal text props and a tiny list of safe inline
 * HTML tags are kept, as a small JSON-serializable tree. Nothing is ever evaluated or compiled to JS.
 */

export interface BodyError {
  /** 1-based line in the body. */
  line: number;
  column?: number;
  /** Indonesian: what is wrong and what to do. */
  message: string;
  /** Stable machine name, for tests and grouping. */
  code: string;
}

/** Phrasing and flow nodes, mdast-like (only the fields the renderer needs). */
export type BodyNode =
  | { type: 'text'; value: string }
  | { type: 'paragraph' | 'emphasis' | 'strong' | 'delete' | 'blockquote'; children: BodyNode[] }
  | { type: 'heading'; depth: 2 | 3 | 4; children: BodyNode[] }
  | { type: 'list'; ordered: boolean; start: number | null; spread: boolean; children: BodyNode[] }
  | { type: 'listItem'; spread: boolean; checked: boolean | null; children: BodyNode[] }
  | { type: 'inlineCode'; value: string }
  | { type: 'code'; lang: string | null; value: string }
  | { type: 'thematicBreak' }
  | { type: 'break' }
  | { type: 'link'; url: string; title: string | null; children: BodyNode[] }
  | { type: 'image'; url: string; alt: string; title: string | null }
  | { type: 'table'; align: Array<'left' | 'right' | 'center' | null>; children: BodyNode[] }
  | { type: 'tableRow' | 'tableCell'; children: BodyNode[] }
  /** One of SAFE_HTML_TAGS, with only its safe attributes. */
  | { type: 'element'; name: string; attributes: Record<string, string>; children: BodyNode[] }
  /** One of ALLOWED_COMPONENTS; a prop written without a value (`<Pesan saya>`) is `true`. */
  | { type: 'component'; name: string; props: Record<string, string | true>; children: BodyNode[] };

export interface ParsedBody {
  ok: boolean;
  errors: BodyError[];
  /** Present when ok. */
  tree?: BodyNode[];
  /** The H5P ids the body embeds, in order, without repeats. */
  h5pIds: string[];
  /** Words a learner reads (counted like the content check). */
  words: number;
  /** UTF-8 bytes of the source. */
  bytes: number;
}

export const ALLOWED_COMPONENTS: readonly string[] = ['Tip', 'Awas', 'Langkah', 'Istilah', 'Contoh', 'ChatWA', 'Pesan', 'H5P', 'LayarHP', 'Ingat'];

/** A body over this many UTF-8 bytes is refused before parsing (the longest built-in lesson is ~8 KB). */
export const MAX_BODY_BYTES = 60_000;

export function parseLessonBody(source: string, opts: { knownH5pIds?: Set<string>; maxBytes?: number } = {}): ParsedBody {
  const bytes = new TextEncoder().encode(source).length;
  void opts;
  return { ok: false, errors: [{ line: 1, message: 'Belum tersedia.', code: 'todo' }], h5pIds: [], words: 0, bytes };
}
