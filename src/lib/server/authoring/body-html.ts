import { parseLessonBody, MAX_BODY_BYTES } from '../../authoring/body';
import { authoredLessonMeta } from '../../authoring/lesson-content';
import type { LessonMeta } from '../../learning/types';
import { h5pIdsInMdx } from '../h5p/embeds';
import { renderLessonBodyHtml } from './render-body';
import { lessonVersion } from './store';

/**
 * The HTML of a browser lesson's body, rendered once per lesson version and locale in this
 * process (a version never changes, so the cache never goes stale), from the checked tree.
 */
const cache = new Map<string, Promise<string>>();
const MAX_CACHED = 500;

export function authoredBodyHtml(lessonId: string, version: number, locale: 'id' | 'en'): Promise<string> {
  const key = `${lessonId}@${version}:${locale}`;
  let html = cache.get(key);
  if (!html) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
    html = (async () => {
      const found = await lessonVersion(lessonId, version);
      const parsed = parseLessonBody(found?.content.body ?? '', { maxBytes: MAX_BODY_BYTES });
      return parsed.ok && parsed.tree ? renderLessonBodyHtml(parsed.tree, locale) : '';
    })();
    html.catch(() => cache.delete(key));
    cache.set(key, html);
  }
  return html;
}

/**
 * A trainer's preview of one version of a browser lesson (`?pratinjau=<version>` on the real
 * lesson page): the lesson as that version has it. Undefined when the lesson or version is not there.
 */
export async function previewVersion(lesson: LessonMeta, version: number): Promise<LessonMeta | undefined> {
  if (!lesson.authored || !Number.isSafeInteger(version) || version < 1) return undefined;
  const found = await lessonVersion(lesson.id, version);
  if (!found) return undefined;
  return authoredLessonMeta(lesson.id, found.content, { version, draft: !found.published, h5p: h5pIdsInMdx(found.content.body) });
}
