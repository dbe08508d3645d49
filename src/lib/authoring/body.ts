import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { closest } from '../content-check/distance';
import { countWords, elementProblems, PROSE_ATTRIBUTES, translateMdxError, type MdNode } from '../content-check/mdx';
import type { ComponentInfo } from '../content-check/types';
import { LESSON_COMPONENTS } from './catalog';
import { bm } from './messages';

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
  /** Problems that do not stop the body (the content check's warnings, e.g. `<Pesan>` outside `<ChatWA>`). */
  warnings?: BodyError[];
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

/** Inline HTML a trainer may write, each with the only attributes it may carry. */
export const SAFE_HTML_TAGS: Readonly<Record<string, readonly string[]>> = { br: [], kbd: [], mark: [], abbr: ['title'], sub: [], sup: [], small: [] };

export interface ParseOptions {
  /** When given, every `<H5P id>` must be one of these. */
  knownH5pIds?: Set<string>;
  maxBytes?: number;
  /** The component catalog; by default the one read from src/components/mdx/. */
  components?: ComponentInfo[];
}

let processor: ReturnType<typeof createProcessor> | undefined;
/** The content check's parser (@mdx-js/mdx), with GFM tables and strikethrough like Astro's MDX. Parse only: never compiled. */
const parser = () => (processor ??= createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] }));

/** Control characters and whitespace browsers drop inside a URL scheme (`java\tscript:`). */
const URL_NOISE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Why a link target is refused, or undefined when it is safe (http(s), mailto, tel, or relative on this site). */
export function linkProblem(url: string): 'bad' | 'bare-wa' | undefined {
  const squeezed = url.replace(URL_NOISE, '').toLowerCase();
  if (squeezed.includes('\\')) return 'bad';
  const scheme = squeezed.match(/^([^/?#]*?):/)?.[1];
  if (scheme !== undefined) return LINK_SCHEMES.has(scheme) ? undefined : 'bad';
  if (squeezed.startsWith('//')) return 'bad';
  if (/^(www\.)?wa\.me\//.test(squeezed)) return 'bare-wa';
  return undefined;
}

/** Images come from the web over https or from Melek itself (`/…`). */
export function imageProblem(url: string): boolean {
  const squeezed = url.replace(URL_NOISE, '');
  if (squeezed !== url.trim() || squeezed.includes('\\')) return true;
  return !(/^https:\/\/[^/]/i.test(squeezed) || /^\/[^/]/.test(squeezed));
}

interface Attribute {
  type: string;
  name?: string;
  value?: unknown;
}

/**
 * Parses a body written in the browser and keeps it only when it is Markdown, the lesson
 * components with literal text attributes, and SAFE_HTML_TAGS. Never throws.
 */
export function parseLessonBody(source: string, opts: ParseOptions = {}): ParsedBody {
  const text = typeof source === 'string' ? source : '';
  const bytes = new TextEncoder().encode(text).length;
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const errors: BodyError[] = [];
  const warnings: BodyError[] = [];
  const h5pIds: string[] = [];
  const fail = (): ParsedBody => ({ ok: false, errors, warnings, h5pIds, words: countWords(text.replace(/<[^>]*>/g, ' ')), bytes });
  if (bytes > maxBytes) {
    errors.push({ line: 1, code: 'body-too-big', message: bm.tooBig(Math.ceil(bytes / 1024), Math.floor(maxBytes / 1024)) });
    return { ok: false, errors, warnings, h5pIds, words: 0, bytes };
  }
  let root: MdNode;
  try {
    root = parser().parse(text) as MdNode;
  } catch (error) {
    const e = translateMdxError(error, 1, text);
    const column = (error as { column?: number } | null)?.column;
    const message = e.code === 'mdx-comment' ? bm.htmlComment() : e.code === 'mdx-esm' ? bm.importLine() : e.message;
    errors.push({ line: e.line, ...(column ? { column } : {}), message, code: e.code });
    return fail();
  }
  const components = opts.components ?? LESSON_COMPONENTS;
  let words = 0;
  const lineOf = (node: MdNode) => node.position?.start.line ?? 1;
  const columnOf = (node: MdNode) => node.position?.start.column;
  const refuse = (node: MdNode, code: string, message: string) => {
    const column = columnOf(node);
    errors.push({ line: lineOf(node), ...(column ? { column } : {}), code, message });
  };

  const convertAll = (nodes: MdNode[] | undefined, ancestors: string[]): BodyNode[] =>
    (nodes ?? []).flatMap((child) => {
      const out = convert(child, ancestors);
      return out ? [out] : [];
    });

  const convert = (node: MdNode, ancestors: string[]): BodyNode | undefined => {
    const children = () => convertAll(node.children, ancestors);
    const n = node as MdNode & Record<string, unknown>;
    switch (node.type) {
      case 'text':
        words += countWords(String(node.value ?? ''));
        return { type: 'text', value: String(node.value ?? '') };
      case 'paragraph':
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'blockquote':
      case 'tableRow':
      case 'tableCell':
        return { type: node.type, children: children() };
      case 'heading': {
        const depth = Number(n.depth);
        if (depth !== 2 && depth !== 3 && depth !== 4) refuse(node, 'body-heading-depth', bm.headingDepth(depth));
        return { type: 'heading', depth: (depth === 3 || depth === 4 ? depth : 2) as 2 | 3 | 4, children: children() };
      }
      case 'list':
        return {
          type: 'list',
          ordered: n.ordered === true,
          start: typeof n.start === 'number' ? n.start : null,
          spread: n.spread === true,
          children: children(),
        };
      case 'listItem':
        return { type: 'listItem', spread: n.spread === true, checked: typeof n.checked === 'boolean' ? n.checked : null, children: children() };
      case 'inlineCode':
        words += countWords(String(node.value ?? ''));
        return { type: 'inlineCode', value: String(node.value ?? '') };
      case 'code':
        words += countWords(String(node.value ?? ''));
        return { type: 'code', lang: typeof n.lang === 'string' ? n.lang : null, value: String(node.value ?? '') };
      case 'thematicBreak':
      case 'break':
        return { type: node.type };
      case 'table':
        return {
          type: 'table',
          align: Array.isArray(n.align) ? n.align.map((a) => (a === 'left' || a === 'right' || a === 'center' ? a : null)) : [],
          children: children(),
        };
      case 'link': {
        const url = String(node.url ?? '');
        const problem = linkProblem(url);
        if (problem === 'bad') refuse(node, 'body-bad-url', bm.badUrl(url));
        else if (problem === 'bare-wa') refuse(node, 'body-bare-wa', bm.bareWaMe(url));
        return { type: 'link', url, title: typeof n.title === 'string' ? n.title : null, children: children() };
      }
      case 'image': {
        const url = String(node.url ?? '');
        const alt = String(node.alt ?? '').trim();
        if (imageProblem(url)) refuse(node, 'body-bad-image', bm.badImage(url));
        else if (!alt) refuse(node, 'body-image-alt', bm.imageAlt());
        return { type: 'image', url, alt, title: typeof n.title === 'string' ? n.title : null };
      }
      case 'linkReference':
      case 'imageReference':
      case 'definition':
        refuse(node, 'body-reference', bm.reference());
        return undefined;
      case 'footnoteReference':
      case 'footnoteDefinition':
        refuse(node, 'body-footnote', bm.footnote());
        return undefined;
      case 'mdxjsEsm': {
        const isExport = /^\s*export\b/.test(String(node.value ?? ''));
        refuse(node, isExport ? 'body-export' : 'body-import', isExport ? bm.exportLine() : bm.importLine());
        return undefined;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        refuse(node, 'body-expression', bm.expression(String(node.value ?? '').trim()));
        return undefined;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return element(node, ancestors);
      default:
        refuse(node, 'body-unsupported', bm.unsupported(node.type));
        return undefined;
    }
  };

  const element = (node: MdNode, ancestors: string[]): BodyNode | undefined => {
    const name = node.name ?? '';
    if (!name) {
      refuse(node, 'body-fragment', bm.fragment());
      return undefined;
    }
    const attributes = (node.attributes ?? []) as Attribute[];
    const inner = (): BodyNode[] => convertAll(node.children, [...ancestors, name]);
    const isComponent = name[0] !== name[0].toLowerCase() || name.includes('.');
    // The content check's own rules for an element: wrong case, forbidden tags, unknown components and attributes.
    const ruled = elementProblems(node, ancestors, components);
    for (const p of ruled) {
      const at = { line: lineOf(p.node), ...(columnOf(p.node) ? { column: columnOf(p.node) } : {}), code: p.code, message: p.message };
      (p.severity === 'error' || p.code === 'unknown-prop' ? errors : warnings).push(at);
    }
    if (ruled.some((p) => ['component-case', 'forbidden-tag', 'unknown-component'].includes(p.code))) return undefined;
    if (!isComponent) {
      const allowedAttributes = SAFE_HTML_TAGS[name];
      if (!allowedAttributes) {
        refuse(node, 'body-raw-html', bm.rawHtml(name, Object.keys(SAFE_HTML_TAGS)));
        return undefined;
      }
      const kept: Record<string, string> = {};
      for (const attribute of attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) refuse(node, 'body-spread', bm.spreadProp(name));
        else if (/^on/i.test(attribute.name)) refuse(node, 'body-event-attribute', bm.eventProp(name, attribute.name));
        else if (!allowedAttributes.includes(attribute.name))
          refuse(node, 'body-html-attribute', bm.htmlAttribute(name, attribute.name, [...allowedAttributes]));
        else if (typeof attribute.value !== 'string') refuse(node, 'body-expression-prop', bm.expressionProp(name, attribute.name));
        else kept[attribute.name] = attribute.value;
      }
      return { type: 'element', name, attributes: kept, children: inner() };
    }
    const props: Record<string, string | true> = {};
    for (const attribute of attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        refuse(node, 'body-spread', bm.spreadProp(name));
        continue;
      }
      if (/^on/i.test(attribute.name)) {
        refuse(node, 'body-event-attribute', bm.eventProp(name, attribute.name));
        continue;
      }
      if (attribute.value === null || attribute.value === undefined) props[attribute.name] = true;
      else if (typeof attribute.value === 'string') {
        props[attribute.name] = attribute.value;
        if (PROSE_ATTRIBUTES.has(attribute.name)) words += countWords(attribute.value);
      } else refuse(node, 'body-expression-prop', bm.expressionProp(name, attribute.name));
    }
    if (name === 'H5P' && typeof props.id === 'string') {
      const id = props.id;
      if (!h5pIds.includes(id)) h5pIds.push(id);
      if (opts.knownH5pIds && !opts.knownH5pIds.has(id)) {
        const known = [...opts.knownH5pIds].sort();
        refuse(node, 'body-unknown-h5p', bm.unknownH5p(id, known, closest(id, known)));
      }
    }
    return { type: 'component', name, props, children: inner() };
  };

  let tree: BodyNode[] = [];
  try {
    tree = convertAll(root.children, []);
  } catch {
    errors.push({ line: 1, code: 'body-unexpected', message: bm.unexpected() });
  }
  errors.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  warnings.sort((a, b) => a.line - b.line);
  if (errors.length) return { ok: false, errors, warnings, h5pIds, words, bytes };
  return { ok: true, errors, warnings, tree, h5pIds, words, bytes };
}
