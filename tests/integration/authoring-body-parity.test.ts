/**
 * Issue 19, item 1 ("the same HTML"): a lesson body written in the browser renders through the
 * same components as a built-in one. For EVERY content/ lesson, the body is rendered both ways —
 * by Astro's MDX in the real built server (`/learn/<module>/<lesson>` as the demo learner, the
 * `<article class="lesson-body">` element) and by parseLessonBody + renderLessonBodyHtml in this
 * process (Astro's container API with the same component files) — and the HTML must be equal
 * after a minimal normalisation: whitespace between tags, and the order of attributes in a tag.
 * Nothing else is normalised (text, entities, attribute values and data-astro-cid-* are compared as they are),
 * with one exception that is not about the body: the <script src> Astro adds for a component with a
 * script (<H5P>) names the bundled file in the built server and the source file when vitest renders
 * unbundled; the src is replaced by the script's component name on both sides.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { loginWith } from '../helpers/routes';
import { courseFromContent } from '../../src/lib/server/content-files';
import { splitFrontmatter } from '../../src/lib/content-check/frontmatter';
import { parseLessonBody } from '../../src/lib/authoring/body';
import { renderLessonBodyHtml } from '../../src/lib/server/authoring/render-body';
import { DEMO } from '../../db/seed';

let server: TestServer;
let cookie: string;
const learner = {
  id: 'demo-learner-1',
  name: DEMO.learners[0].name,
  role: 'learner' as const,
  phone: DEMO.learners[0].phone,
  locale: 'id' as const,
  dataSaver: false,
};

beforeAll(async () => {
  server = await startServer();
  // The <H5P> card reads the imported activities: the same database as the server's.
  process.env.DATABASE_URL = server.databaseUrl;
  process.env.DATA_DIR = server.dataDir;
  cookie = await loginWith(server.url, DEMO.learners[0].phone, DEMO.learnerPassword);
});
afterAll(async () => server?.stop());

/** The documented normalisation: whitespace between tags and at the ends; attributes sorted by name within each tag. */
function normalizeHtml(html: string): string {
  return html
    .replace(/(<script\b[^>]*\bsrc=")[^"]*\/(\w+)\.astro[^"]*"/g, '$1$2"')
    .replace(/>\s+</g, '><')
    .trim()
    .replace(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>/g, (_, tag: string, attrs: string, slash: string) => {
      const list = [...attrs.matchAll(/\s+([^\s=>/]+(?:="[^"]*")?)/g)].map((m) => m[1]).sort();
      return `<${tag}${list.map((a) => ` ${a}`).join('')}${slash}>`;
    });
}

async function builtInBody(id: string): Promise<string> {
  const response = await fetch(`${server.url}/learn/${id}`, { headers: { cookie: `melek_session=${cookie}` } });
  expect(response.status).toBe(200);
  const html = await response.text();
  const article = html.match(/<article class="lesson-body"[^>]*>([\s\S]*)<\/article>/);
  expect(article, id).not.toBeNull();
  return article![1];
}

const lessons = courseFromContent().flatMap((m) => m.lessons.map((l) => ({ id: l.id, module: m.id, slug: l.slug })));

describe('a browser body renders into the same HTML as a built-in lesson', () => {
  it.each(lessons)('$id', async ({ id, module, slug }) => {
    const split = splitFrontmatter(readFileSync(`content/${id}.mdx`, 'utf8'));
    const source = split.kind === 'unclosed' ? '' : split.body;
    const parsed = parseLessonBody(source);
    expect(parsed.errors).toEqual([]);
    const mine = await renderLessonBodyHtml(parsed.tree!, 'id', { params: { module, lesson: slug }, locals: { user: learner } });
    const astro = await builtInBody(id);
    expect(normalizeHtml(mine)).toBe(normalizeHtml(astro));
  });
});
