/**
 * A lesson's body (its MDX, rendered) as an HTML string, rendered once per build and locale and
 * then reused (issue 20): lessons are baked in at build time, so every learner gets the same
 * bytes, and rendering the MDX again for each request was most of a lesson page's server CPU.
 *
 * This is the one seam for lesson bodies: the page hands the string to LessonBody.astro, which
 * emits it as is (`<Fragment set:html>`). A lesson written in the browser brings its own HTML
 * (rendered once per published version); it goes through the same component.
 *
 * Not cached: a lesson that embeds an H5P activity (`<H5P>`). Its card depends on the database
 * (an activity can be imported or removed while the server runs) and on who looks (a learner's
 * score is recorded, a trainer sees why a card is missing), and it carries a script the page
 * bundles; such a body is rendered by the page for each request, as before.
 *
 * MELEK_LESSON_CACHE=0 renders every body for each request, the old way (a test compares both).
 */
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import { mdxComponents } from '../../components/mdx';
import type { Locale } from '../../i18n';
import type { LessonMeta } from '../learning/types';
import { authoredBodyHtml } from './authoring/body-html';
import { lessonEntry } from './content';

let container: Promise<experimental_AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

/** Whether the body of this lesson is the same for everyone in a locale (see above). */
export function lessonBodyIsShared(lesson: Pick<LessonMeta, 'h5p'>): boolean {
  return (lesson.h5p ?? []).length === 0 && process.env.MELEK_LESSON_CACHE !== '0';
}

/**
 * The rendered body of a lesson from content/, or undefined when it must be rendered per request
 * (an H5P embed) or the lesson has no entry. A failed render is forgotten, so the next request tries again.
 */
export function lessonBodyHtml(lesson: LessonMeta, locale: Locale): Promise<string> | undefined {
  // A lesson written in the browser: its checked body, rendered once per published version.
  if (lesson.authored) return authoredBodyHtml(lesson.id, lesson.authored.version, locale);
  if (!lessonBodyIsShared(lesson)) return undefined;
  const key = `${lesson.id}\u0000${locale}`;
  let html = rendered.get(key);
  if (!html) {
    html = renderOnce(lesson.id, locale);
    rendered.set(key, html);
    html.catch(() => rendered.delete(key));
  }
  return html;
}

async function renderOnce(lessonId: string, locale: Locale): Promise<string> {
  const entry = await lessonEntry(lessonId);
  if (!entry) throw new Error(`no content entry for lesson ${lessonId}`);
  const { Content } = await render(entry);
  container ??= experimental_AstroContainer.create().then((created) => {
    // An MDX body is a JSX component: the container renders it with MDX's own server renderer, as the page does.
    created.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return created;
  });
  // The MDX components read only the locale from locals (Ingat, LayarHP): no one's user or session goes in.
  return (await container).renderToString(Content, { props: { components: mdxComponents }, locals: { locale, user: null, session: null } });
}
