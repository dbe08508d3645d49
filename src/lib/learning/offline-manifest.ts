/**
 * What "Simpan untuk offline" keeps for a module, and how big it is, before anything is
 * downloaded: the module page, every lesson page, the learner home and the saved-modules page
 * (so the app opens with no signal), and the lessons' images. Pure; the API endpoint
 * (src/pages/api/offline/[module].json.ts) and the module page feed it.
 *
 * Sizes are estimates: pages by the same rule as the "± N KB" on each lesson (data-cost.ts,
 * checked by `npm run bench:weight`), images by their source file (the optimised copy the page
 * really uses is smaller, so the estimate errs high). What is stored on the phone is HTML
 * uncompressed, about STORE_RATIO times the download.
 */
import { estimatedLessonKb } from './data-cost';
import type { CourseModule, LessonMeta } from './types';
import type { OfflineManifest } from '../../scripts/offline/save';

/**
 * Sent with every page the phone downloads to save a module: that download is not the learner
 * opening the lesson, so the lesson page records no "viewed" for it.
 */
export const OFFLINE_SAVE_HEADER = 'x-melek-purpose';
export const OFFLINE_SAVE_VALUE = 'offline-save';
export const isOfflineSave = (request: Request) => request.headers.get(OFFLINE_SAVE_HEADER) === OFFLINE_SAVE_VALUE;

/** gzip bytes of the other pages saved with a module (measured like data-cost.ts). */
export const PAGE_GZIP_BYTES = { module: 4600, home: 6800, offline: 4300 } as const;
/** HTML kept in the Cache API is not compressed: about this many times its download. */
export const STORE_RATIO = 3.5;

export interface H5pInfo {
  id: string;
  title: string;
  bytes: number;
}

/** Markdown `![…](src)` and JSX/HTML `<img src="…">` / `<Image src={…}>` references in an MDX body. */
export function imageRefsInMdx(body: string): string[] {
  const refs = new Set<string>();
  for (const m of body.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) refs.add(m[1]);
  for (const m of body.matchAll(/<(?:img|Image|Picture)\b[^>]*?\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|\{\s*["']([^"']+)["']\s*\})/g))
    refs.add(m[1] ?? m[2] ?? m[3]);
  return [...refs].filter((r) => !/^(?:https?:|data:)/.test(r));
}

/** A short stable hash (FNV-1a) of what makes a saved copy outdated. */
export function versionOf(module: CourseModule): string {
  const text = JSON.stringify(module.lessons.map((l) => [l.id, l.bodyLength ?? 0, l.quiz.length, l.task?.id ?? '', l.h5p ?? [], l.authored?.version ?? 0]));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function moduleOfflineManifest(
  module: CourseModule,
  options: { imageBytes?: (lesson: LessonMeta) => number; h5p?: (lesson: LessonMeta) => H5pInfo[] } = {},
): OfflineManifest {
  const lessonPages = module.lessons.map((lesson) => ({
    url: `/learn/${lesson.id}`,
    bytes: estimatedLessonKb(lesson.bodyLength ?? 0, lesson.quiz.length) * 1024 + (options.imageBytes?.(lesson) ?? 0),
  }));
  const pages = [
    { url: `/learn/${module.id}`, bytes: PAGE_GZIP_BYTES.module },
    ...lessonPages,
    { url: '/learn', bytes: PAGE_GZIP_BYTES.home },
    { url: '/learn/offline', bytes: PAGE_GZIP_BYTES.offline },
  ];
  const downloadBytes = pages.reduce((n, p) => n + p.bytes, 0);
  const onlineOnly = module.lessons.flatMap((lesson) => (options.h5p?.(lesson) ?? []).map((a) => ({ ...a, lessonId: lesson.id })));
  return {
    module: { id: module.id, title: module.title },
    version: versionOf(module),
    downloadBytes,
    storeBytes: Math.round(downloadBytes * STORE_RATIO),
    pages,
    onlineOnly,
  };
}

/** "± 180 KB" — rounded up to the next 10 KB above 100 KB, so the label does not promise too little. */
export function roundedKb(bytes: number): number {
  const kb = Math.max(1, Math.ceil(bytes / 1024));
  return kb > 100 ? Math.ceil(kb / 10) * 10 : kb;
}
