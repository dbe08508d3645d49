/**
 * Renders a checked lesson body (src/lib/authoring/body.ts) on the server into the same HTML a
 * built-in lesson gets from Astro's MDX, through the same steps: the same remark/rehype plugins as
 * @astrojs/mdx (GFM, smartypants, heading ids, raw-tree normalisation), then the hast tree becomes
 * Astro JSX (what the MDX compiler writes as code, built here as data with hast-util-to-jsx-runtime)
 * rendered by Astro's own JSX renderer with the lesson components of src/components/mdx. Text and
 * attribute values are escaped by Astro exactly as in an MDX page; nothing is evaluated.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import mdxRenderer from '@astrojs/mdx/server.js';
import { nodeTypes } from '@mdx-js/mdx';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { Fragment, jsx } from 'astro/jsx-runtime';
import type { Root as HastRoot } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { mdxComponents } from '../../../components/mdx';
import LessonBody from '../../../components/authoring/LessonBody.astro';
import type { BodyNode } from '../../authoring/body';
import type { Locale } from '../../../i18n';

const pipeline = unified()
  .use(remarkSmartypants)
  .use(remarkRehype, { allowDangerousHtml: true, passThrough: [...nodeTypes] })
  .use(rehypeRaw, { passThrough: [...nodeTypes] })
  .use(rehypeHeadingIds);

let container: Promise<AstroContainer> | undefined;
const theContainer = () =>
  (container ??= AstroContainer.create().then((c) => {
    c.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return c;
  }));

const isInlineJsx = (node: BodyNode) => node.type === 'component' || node.type === 'element';
const blank = (node: BodyNode) => node.type === 'text' && /^[\t\n\f\r ]*$/.test(node.value);

/** BodyNode → mdast, with MDX's "unravel": a paragraph holding only tags (and spaces) is replaced by those tags. */
function toMdast(nodes: BodyNode[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph' && node.children.some(isInlineJsx) && node.children.every((c) => isInlineJsx(c) || blank(c))) {
      out.push(...toMdast(node.children.filter(isInlineJsx)).map((c) => ({ ...c, type: 'mdxJsxFlowElement' }) as RootContent));
      continue;
    }
    out.push(toMdastNode(node));
  }
  return out;
}

function toMdastNode(node: BodyNode): RootContent {
  switch (node.type) {
    case 'component':
      return {
        type: 'mdxJsxTextElement',
        name: node.name,
        attributes: Object.entries(node.props).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value: value === true ? null : value })),
        children: toMdast(node.children),
      } as RootContent;
    case 'element':
      return {
        type: 'mdxJsxTextElement',
        name: node.name,
        attributes: Object.entries(node.attributes).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })),
        children: toMdast(node.children),
      } as RootContent;
    case 'heading':
    case 'paragraph':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'blockquote':
    case 'list':
    case 'listItem':
    case 'table':
    case 'tableRow':
    case 'tableCell':
    case 'link':
      return { ...node, children: toMdast(node.children) } as RootContent;
    default:
      return { ...node } as RootContent;
  }
}

/** The body's HTML, as the lesson page's `<Content components={mdxComponents} />` would render it. */
export async function renderLessonBodyHtml(
  tree: BodyNode[],
  locale: Locale,
  context: { locals?: Partial<App.Locals>; params?: Record<string, string | undefined> } = {},
): Promise<string> {
  const mdast: MdastRoot = { type: 'root', children: toMdast(tree) };
  const hast = (await pipeline.run(mdast)) as HastRoot;
  const vnode = toJsxRuntime(hast, {
    Fragment,
    jsx,
    jsxs: jsx,
    components: mdxComponents,
    elementAttributeNameCase: 'html',
    passKeys: false,
    // A capitalised tag name reaches us as an identifier: it may only name a lesson component.
    // Nothing else is ever looked up or evaluated.
    createEvaluater: () => ({
      evaluateExpression(expression) {
        if (expression.type === 'Identifier' && Object.hasOwn(mdxComponents, expression.name))
          return mdxComponents[expression.name as keyof typeof mdxComponents];
        throw new Error('only lesson components may be named');
      },
      evaluateProgram() {
        throw new Error('a lesson body has no code');
      },
    }),
  });
  const content = () => vnode;
  const c = await theContainer();
  return c.renderToString(LessonBody, { props: { content }, locals: { ...context.locals, locale } as App.Locals, params: context.params });
}
