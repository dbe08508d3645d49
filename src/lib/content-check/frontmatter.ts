import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { YamlPath } from './types';

/**
 * Splitting a lesson file into frontmatter and body, and parsing the frontmatter with the
 * `yaml` package so every value can be traced back to the line of its key.
 */
export type Split =
  | { kind: 'none'; body: string; bodyStartLine: 1 }
  | { kind: 'unclosed'; openLine: number }
  | { kind: 'ok'; yaml: string; openLine: number; closeLine: number; body: string; bodyStartLine: number };

/** Text as the checks see it: no byte-order mark, "\n" line ends (line numbers are unchanged). */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Like Astro: the file may start with blank lines, then a `---` line, YAML, and a closing `---` line. */
export function splitFrontmatter(source: string): Split {
  const lines = normalizeText(source).split('\n');
  let open = 0;
  while (open < lines.length && lines[open].trim() === '') open++;
  if (open >= lines.length || lines[open].trimEnd() !== '---') return { kind: 'none', body: lines.join('\n'), bodyStartLine: 1 };
  for (let i = open + 1; i < lines.length; i++) {
    if (lines[i].trimEnd() === '---') {
      return {
        kind: 'ok',
        yaml: lines.slice(open + 1, i).join('\n'),
        openLine: open + 1,
        closeLine: i + 1,
        body: lines.slice(i + 1).join('\n'),
        bodyStartLine: i + 2,
      };
    }
  }
  return { kind: 'unclosed', openLine: open + 1 };
}

export interface YamlIssue {
  line: number;
  code: string;
  /** The parser's own (English) words, kept only as a last resort. */
  detail: string;
}

export interface ParsedYaml {
  data: unknown;
  issues: YamlIssue[];
  /** File line of the deepest existing node along `path` (the key's line for a map entry). */
  lineOf(path: YamlPath): number;
  /** True when `path` exists in the document. */
  has(path: YamlPath): boolean;
  /** Trailing comments after plain text values ("title: Promo #1" keeps only "Promo"). */
  trailingComments: Array<{ line: number; path: YamlPath }>;
}

/**
 * Parses YAML that starts on file line `firstLine` (line 1 of the YAML is that file line).
 * Never throws: anything the parser cannot make sense of becomes an issue with a line.
 */
export function parseYaml(text: string, firstLine: number): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const issues: YamlIssue[] = doc.errors.map((e) => ({
    line: e.linePos ? e.linePos[0].line + firstLine - 1 : toFileLine(e.pos[0]),
    code: e.code,
    detail: e.message,
  }));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // An alias such as `title: *promo` whose anchor does not exist, or an alias bomb.
    const alias = findFirstAlias(doc);
    issues.push({ line: alias !== undefined ? toFileLine(alias) : firstLine, code: 'BAD_ALIAS', detail: String((error as Error)?.message ?? error) });
  }

  const walk = (path: YamlPath) => {
    let node: unknown = doc.contents;
    let line = firstLine > 1 ? firstLine - 1 : 1;
    let found = true;
    if (node && (node as YamlNode).range) line = toFileLine((node as YamlNode).range![0]);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) {
          found = false;
          break;
        }
        const key = pair.key as YamlNode;
        if (key.range) line = toFileLine(key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        const item = node.items[segment] as YamlNode;
        if (item?.range) line = toFileLine(item.range[0]);
        node = item;
      } else {
        found = false;
        break;
      }
    }
    return { line, found };
  };

  const trailingComments: ParsedYaml['trailingComments'] = [];
  const visit = (node: unknown, path: YamlPath) => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) visit(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    } else if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && node.comment && node.range) {
      trailingComments.push({ line: toFileLine(node.range[0]), path });
    }
  };
  visit(doc.contents, []);

  return {
    data,
    issues,
    lineOf: (path) => walk(path).line,
    has: (path) => walk(path).found,
    trailingComments,
  };
}

function findFirstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  const visit = (node: unknown) => {
    if (offset !== undefined) return;
    if (isAlias(node) && node.range) offset = node.range[0];
    else if (isMap(node) || isSeq(node)) node.items.forEach(visit);
    else if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    }
  };
  visit(doc.contents);
  return offset;
}
