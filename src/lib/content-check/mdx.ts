import { compile, createProcessor } from '@mdx-js/mdx';
import { closest } from './distance';
import { m } from './messages';
import type { LocatedMessage } from './schema-issues';
import type { ComponentInfo, Severity } from './types';

/**
 * Reads a lesson body the way Astro's MDX does (with @mdx-js/mdx), and collects what the other
 * checks need: syntax errors in Indonesian, components and their attributes, links, images and
 * the number of words a learner reads. Lines are file lines (the body starts at `firstLine`).
 */
export interface BodyProblem extends LocatedMessage {
  severity: Severity;
}

export interface BodyLink {
  url: string;
  line: number;
}

export interface BodyImage {
  src: string;
  line: number;
  /** markdown `![alt](src)`, an `<img src>` tag, or a component attribute such as `gambar`. */
  kind: 'markdown' | 'img' | 'prop';
  alt?: string | null;
}

export interface BodyAnalysis {
  ok: boolean;
  problems: BodyProblem[];
  words: number;
  links: BodyLink[];
  images: BodyImage[];
}

/** Tags that would run code or pull things from other sites; a lesson page ships no JavaScript. */
export const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'style', 'object', 'embed', 'link', 'meta', 'form', 'frame', 'frameset', 'base']);
/** Names an expression may use without breaking the page (Astro gives MDX the frontmatter). */
const ALLOWED_GLOBALS = new Set([
  'frontmatter',
  'Math',
  'Number',
  'String',
  'Date',
  'Intl',
  'JSON',
  'undefined',
  'NaN',
  'Infinity',
  'Array',
  'Object',
  'Boolean',
]);

const WORD = /[\p{L}\p{N}]+(?:['’\-.,/][\p{L}\p{N}]+)*/gu;
export const countWords = (text: string) => text.match(WORD)?.length ?? 0;

export interface MdNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  alt?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
  data?: { estree?: EsNode };
}

interface EsNode {
  type: string;
  [key: string]: unknown;
}

interface MdxError {
  reason?: string;
  message?: string;
  line?: number;
  ruleId?: string;
  source?: string;
}

/** Where an opening `{` is never closed (file-independent line within `body`). */
function unclosedBraceLine(body: string): number | undefined {
  const open: number[] = [];
  body.split('\n').forEach((line, i) => {
    for (const ch of line) {
      if (ch === '{') open.push(i + 1);
      else if (ch === '}') open.pop();
    }
  });
  return open[0];
}

/** The last line starting a tag (`<Name …`) whose quotes or `>` are not closed. */
function unfinishedTagLine(body: string, quotes: boolean): number | undefined {
  const lines = body.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const at = lines[i].lastIndexOf('<');
    if (at < 0 || !/[A-Za-z]/.test(lines[i][at + 1] ?? '')) continue;
    const rest = lines[i].slice(at);
    if (quotes ? (rest.split('"').length - 1) % 2 === 1 : !rest.includes('>')) return i + 1;
  }
  return undefined;
}

export function translateMdxError(error: unknown, firstLine: number, body = ''): LocatedMessage {
  const e = (error ?? {}) as MdxError & { column?: number };
  const reason = String(e.reason ?? e.message ?? error);
  const at = (line: number | undefined) => (line ? line + firstLine - 1 : firstLine);
  const rule = e.ruleId ?? '';
  const column = (text: string) => (e.column && e.column > 1 ? `${text} (Lihat huruf ke-${e.column} di baris ini.)` : text);
  let match: RegExpMatchArray | null;
  if ((match = reason.match(/^Expected a closing tag for `<([^\s>`/]*)[^`]*>` \((\d+):/))) {
    return { line: at(Number(match[2])), message: m.mdxUnclosedTag(match[1] || 'tag'), code: 'mdx-unclosed-tag' };
  }
  if ((match = reason.match(/^Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^\s>`/]*)[^`]*>` \((\d+):/))) {
    return { line: at(e.line), message: m.mdxMismatchedTag(match[1], match[2], at(Number(match[3]))), code: 'mdx-mismatched-tag' };
  }
  if ((match = reason.match(/^Expected the closing tag `<\/([^>`]*)>` either after/))) {
    return { line: at(e.line), message: m.mdxLazyTag(match[1]), code: 'mdx-lazy-tag' };
  }
  if (rule === 'unexpected-closing-slash') return { line: at(e.line), message: column(m.mdxClosingWithoutOpening()), code: 'mdx-closing' };
  if (rule === 'unexpected-eof') {
    if (/attribute value|closing quote/.test(reason))
      return { line: at(unfinishedTagLine(body, true) ?? e.line), message: m.mdxUnclosedQuote(), code: 'mdx-quote' };
    if (/expression|brace/.test(reason)) return { line: at(unclosedBraceLine(body) ?? e.line), message: m.mdxUnclosedBrace(), code: 'mdx-brace' };
    return { line: at(unfinishedTagLine(body, false) ?? e.line), message: m.mdxUnfinishedTag(), code: 'mdx-unfinished-tag' };
  }
  if (rule === 'acorn' && /esm/.test(e.source ?? '')) return { line: at(e.line), message: m.mdxImportExport(), code: 'mdx-esm' };
  if (rule === 'acorn') return { line: at(e.line), message: column(m.mdxBadExpression()), code: 'mdx-expression' };
  if (rule === 'unexpected-character') {
    if (/comment/.test(reason)) return { line: at(e.line), message: m.mdxHtmlComment(), code: 'mdx-comment' };
    if (/create a link/.test(reason)) return { line: at(e.line), message: m.mdxAutolink(), code: 'mdx-autolink' };
    if (/before attribute value/.test(reason)) return { line: at(e.line), message: column(m.mdxAttributeValue()), code: 'mdx-attribute' };
    if (/before name/.test(reason)) return { line: at(e.line), message: column(m.mdxLessThan()), code: 'mdx-less-than' };
  }
  return { line: at(e.line), message: column(m.mdxOther()), code: 'mdx-syntax' };
}

/** Names an estree program reads that would be undefined when the page renders. */
function unknownIdentifiers(program: EsNode | undefined): string[] {
  const names: string[] = [];
  const visit = (node: unknown, parent?: EsNode, key?: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child) => visit(child, parent, key));
      return;
    }
    const n = node as EsNode;
    if (typeof n.type !== 'string') return;
    if (n.type === 'Identifier') {
      const isProperty =
        parent &&
        ((parent.type === 'MemberExpression' && key === 'property' && !parent.computed) ||
          (parent.type === 'Property' && key === 'key' && !parent.computed && !parent.shorthand));
      if (!isProperty && !ALLOWED_GLOBALS.has(n.name as string)) names.push(n.name as string);
      return;
    }
    for (const [childKey, child] of Object.entries(n)) {
      if (childKey === 'loc' || childKey === 'range' || childKey === 'start' || childKey === 'end') continue;
      if (child && typeof child === 'object') visit(child, n, childKey);
    }
  };
  visit(program);
  return names;
}

export const PROSE_ATTRIBUTES = new Set(['judul', 'kata', 'dari', 'label']);

const cache = new WeakMap<ComponentInfo[], Map<string, BodyAnalysis>>();

/** Same body, same components → same answer; `npm test` checks the same lessons several times. */
export async function analyzeBody(body: string, firstLine: number, components: ComponentInfo[]): Promise<BodyAnalysis> {
  let memo = cache.get(components);
  if (!memo) cache.set(components, (memo = new Map()));
  const key = `${firstLine}\u0000${body}`;
  const known = memo.get(key);
  if (known) return structuredClone(known);
  const result = await analyze(body, firstLine, components);
  if (memo.size > 500) memo.clear();
  memo.set(key, result);
  return structuredClone(result);
}

async function analyze(body: string, firstLine: number, components: ComponentInfo[]): Promise<BodyAnalysis> {
  const result: BodyAnalysis = { ok: true, problems: [], words: 0, links: [], images: [] };
  let tree: MdNode | undefined;
  try {
    // One pass: the compiler parses (syntax errors) and runs the rest of MDX; the plugin keeps the tree.
    const capture = () => (root: unknown) => {
      tree = structuredClone(root) as MdNode;
    };
    await compile(body, { format: 'mdx', remarkPlugins: [capture] });
  } catch (error) {
    result.ok = false;
    result.problems.push({ ...translateMdxError(error, firstLine, body), severity: 'error' });
    result.words = countWords(body.replace(/<[^>]*>/g, ' '));
    return result;
  }
  if (!tree) tree = createProcessor({ format: 'mdx' }).parse(body) as MdNode;

  const lineOf = (node: MdNode) => (node.position ? node.position.start.line + firstLine - 1 : firstLine);
  const add = (node: MdNode, severity: Severity, code: string, message: string) => result.problems.push({ line: lineOf(node), severity, code, message });

  const visit = (node: MdNode, ancestors: string[]) => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
        result.words += countWords(String(node.value ?? ''));
        break;
      case 'image':
        result.images.push({ src: node.url ?? '', line: lineOf(node), kind: 'markdown', alt: node.alt });
        break;
      case 'link':
      case 'definition':
        result.links.push({ url: node.url ?? '', line: lineOf(node) });
        break;
      case 'mdxjsEsm':
        add(node, 'warning', 'mdx-import', m.importNotNeeded());
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const unknown = unknownIdentifiers(node.data?.estree);
        if (unknown.length) add(node, 'error', 'mdx-expression-name', m.expression(String(node.value ?? '').trim()));
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, ancestors);
        break;
    }
    const name = node.type.startsWith('mdxJsx') ? (node.name ?? '') : '';
    for (const child of node.children ?? []) visit(child, name ? [...ancestors, name] : ancestors);
  };

  const checkElement = (node: MdNode, ancestors: string[]) => {
    const name = node.name ?? '';
    if (!name) return; // a fragment <>…</>
    const attributes = node.attributes ?? [];
    const stringAttribute = (attr: string) => {
      const found = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === attr);
      return typeof found?.value === 'string' ? found.value : undefined;
    };
    for (const attribute of attributes) {
      if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && PROSE_ATTRIBUTES.has(attribute.name ?? '')) {
        result.words += countWords(attribute.value);
      }
      const estree =
        (attribute.value as { data?: { estree?: EsNode } } | undefined)?.data?.estree ?? (attribute as { data?: { estree?: EsNode } }).data?.estree;
      if (estree && unknownIdentifiers(estree).length) {
        add(node, 'error', 'mdx-expression-name', m.expression(String((attribute.value as { value?: string })?.value ?? attribute.value ?? '')));
      }
    }
    const gambar = stringAttribute('gambar');
    if (gambar !== undefined) result.images.push({ src: gambar, line: lineOf(node), kind: 'prop' });
    if (name === 'img') {
      const src = stringAttribute('src');
      if (src !== undefined) result.images.push({ src, line: lineOf(node), kind: 'img', alt: stringAttribute('alt') ?? null });
    } else if (name === 'a') {
      const href = stringAttribute('href');
      if (href !== undefined) result.links.push({ url: href, line: lineOf(node) });
    }
    for (const p of elementProblems(node, ancestors, components)) add(p.node, p.severity, p.code, p.message);
  };

  visit(tree, []);
  return result;
}

export interface ElementProblem {
  node: MdNode;
  severity: Severity;
  code: string;
  message: string;
}

/**
 * The rules for one JSX element of a body (also used by src/lib/authoring/body.ts on bodies written
 * in the browser): lower-case component names, forbidden tags, unknown components, `<Pesan>` only in
 * `<ChatWA>`, unknown and missing attributes. `ancestors` are the names of the enclosing elements.
 */
export function elementProblems(node: MdNode, ancestors: string[], components: ComponentInfo[]): ElementProblem[] {
  const problems: ElementProblem[] = [];
  const add = (at: MdNode, severity: Severity, code: string, message: string) => problems.push({ node: at, severity, code, message });
  const name = node.name ?? '';
  if (!name) return problems;
  const attributes = node.attributes ?? [];
  const first = name[0];
  if (first === first.toLowerCase() && !name.includes('.')) {
    const component = components.find((c) => c.name.toLowerCase() === name.toLowerCase())?.name;
    if (component) add(node, 'error', 'component-case', m.lowercaseComponent(name, component));
    else if (FORBIDDEN_TAGS.has(name.toLowerCase())) add(node, 'error', 'forbidden-tag', m.forbiddenTag(name));
    return problems;
  }
  const names = components.map((c) => c.name);
  const component = components.find((c) => c.name === name);
  if (!component) {
    add(node, 'error', 'unknown-component', m.unknownComponent(name, closest(name, names), names));
    return problems;
  }
  if (name === 'Pesan' && ancestors[ancestors.length - 1] !== 'ChatWA') add(node, 'warning', 'pesan-outside-chat', m.pesanOutsideChat());
  if (name === 'ChatWA') {
    for (const child of node.children ?? []) {
      if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name === 'Pesan') continue;
      if (child.type === 'text' && !String(child.value ?? '').trim()) continue;
      // Pesan lines without blank lines between them form one paragraph of Pesan: fine.
      if (
        child.type === 'paragraph' &&
        (child.children ?? []).every((c) => (c.type === 'mdxJsxTextElement' && c.name === 'Pesan') || (c.type === 'text' && !String(c.value ?? '').trim()))
      )
        continue;
      const what = child.type.startsWith('mdxJsx') ? `\`<${child.name}>\`` : 'teks ini';
      add(child, 'warning', 'chat-only-pesan', m.chatOnlyPesan(what));
    }
  }
  if (component.props && !attributes.some((a) => a.type === 'mdxJsxExpressionAttribute')) {
    const allowed = component.props.map((p) => p.name);
    for (const attribute of attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || allowed.includes(attribute.name) || attribute.name === 'key') continue;
      add(
        node,
        'warning',
        'unknown-prop',
        m.unknownProp(
          name,
          attribute.name,
          closest(attribute.name, allowed, { title: 'judul', nama: 'dari', time: 'jam', waktu: 'jam', from: 'dari', term: 'kata' }),
          allowed,
        ),
      );
    }
    for (const prop of component.props) {
      if (prop.required && !attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === prop.name)) {
        add(node, 'error', 'missing-prop', m.missingProp(name, prop.name));
      }
    }
  }
  return problems;
}
