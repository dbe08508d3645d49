import type { LessonMeta } from '../../learning/types';
import { previewVersion } from './body-html';

/**
 * The preview mode of the real lesson page for trainers (issue 19, item 5):
 * `?pratinjau=<version>` shows that version of a browser lesson, `&hemat=1` shows the page as a
 * learner with "Hemat kuota" on sees it (the same `dataSaver` flag the page and AppHead read).
 * Undefined: no preview asked; null: the version does not exist.
 */
export async function trainerPreview(lesson: LessonMeta, url: URL, locals: App.Locals): Promise<{ lesson: LessonMeta } | null | undefined> {
  if (url.searchParams.get('hemat') === '1' && locals.user) locals.user = { ...locals.user, dataSaver: true };
  const asked = url.searchParams.get('pratinjau');
  if (asked === null) return undefined;
  const shown = await previewVersion(lesson, Number(asked));
  return shown ? { lesson: shown } : null;
}
