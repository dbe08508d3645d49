import type { ComponentInfo, ComponentProp } from './types';

/**
 * What lessons may use without import, read from the source of src/components/mdx/ so the check
 * follows the components as they change: the names in `mdxComponents` of index.ts, and each
 * component's `interface Props` (a `?` marks an optional attribute).
 */

/** Component name → the file it is imported from ("./Tip.astro"). */
export function componentsFromIndex(source: string): Map<string, string | undefined> {
  const imports = new Map<string, string>();
  for (const match of source.matchAll(/import\s+([A-Za-z_$][\w$]*)\s+from\s+['"]([^'"]+)['"]/g)) imports.set(match[1], match[2]);
  const out = new Map<string, string | undefined>();
  const object = source.match(/mdxComponents\s*(?::[^=]+)?=\s*\{([\s\S]*?)\}/);
  if (!object) return out;
  const body = object[1].replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  for (const entry of body.split(',')) {
    const [rawName, rawValue] = entry.split(':').map((s) => s.trim());
    if (!rawName || !/^[A-Za-z_$][\w$]*$/.test(rawName.replace(/['"]/g, ''))) continue;
    const name = rawName.replace(/['"]/g, '');
    const local = rawValue && /^[A-Za-z_$][\w$]*$/.test(rawValue) ? rawValue : name;
    out.set(name, imports.get(local));
  }
  return out;
}

/**
 * Attributes from an .astro component's `interface Props { … }` or `type Props = { … }`.
 * Undefined when there is no such block or it extends other types (then any attribute is accepted).
 */
export function propsFromAstro(source: string): ComponentProp[] | undefined {
  const frontmatter = source.match(/^---\n([\s\S]*?)\n---/m)?.[1] ?? source;
  const start = frontmatter.search(/interface\s+Props\b|type\s+Props\s*=/);
  if (start < 0) return /Astro\.props/.test(frontmatter) ? undefined : [];
  const header = frontmatter.slice(start, frontmatter.indexOf('{', start));
  if (/extends|&|\|/.test(header) || !frontmatter.includes('{', start)) return undefined;
  const open = frontmatter.indexOf('{', start);
  let depth = 0;
  let end = open;
  for (; end < frontmatter.length; end++) {
    if (frontmatter[end] === '{') depth++;
    else if (frontmatter[end] === '}' && --depth === 0) break;
  }
  const block = frontmatter
    .slice(open + 1, end)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/=>/g, ' ');
  const props: ComponentProp[] = [];
  let level = 0;
  let current = '';
  for (const ch of block) {
    if (ch === '{' || ch === '(' || ch === '<' || ch === '[') level++;
    if (ch === '}' || ch === ')' || ch === '>' || ch === ']') level--;
    if ((ch === ';' || ch === '\n' || ch === ',') && level === 0) {
      addProp(current, props);
      current = '';
    } else current += ch;
  }
  addProp(current, props);
  return props;
}

function addProp(text: string, props: ComponentProp[]) {
  const match = text.trim().match(/^(?:readonly\s+)?['"]?([A-Za-z_$][\w$-]*)['"]?\s*(\?)?\s*:/);
  if (match && !props.some((p) => p.name === match[1])) props.push({ name: match[1], required: !match[2] });
}

/** The catalog from index.ts and a reader for the component files it names. */
export function componentCatalog(indexSource: string, readComponent: (importPath: string) => string | undefined): ComponentInfo[] {
  return [...componentsFromIndex(indexSource)].map(([name, file]) => {
    const source = file ? readComponent(file) : undefined;
    return { name, props: source === undefined ? undefined : propsFromAstro(source) };
  });
}
