/**
 * Server-side facts moduleOfflineManifest() needs beyond the course data: image sizes from the
 * lesson sources, and the H5P activities a lesson embeds (with their on-demand download size).
 *
 * H5P hook: activities are listed as needing a connection, never saved (the sandboxed player
 * cannot run from a service worker's cache; see src/sw/sw.ts). If the H5P area is missing or
 * throws, saving works without it.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { CourseModule, LessonMeta } from '../learning/types';
import { lessonEntry } from './content';
import * as h5pImport from './h5p/import';
import * as h5pServe from './h5p/serve';
import { imageRefsInMdx, type H5pInfo } from '../learning/offline-manifest';

const CONTENT_ROOT = resolve(process.cwd(), 'content');

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Bytes of the images a lesson's MDX refers to (relative to its file, or under public/). */
async function lessonImageBytes(lesson: LessonMeta): Promise<number> {
  const entry = await lessonEntry(lesson.id);
  const body = entry?.body ?? '';
  let total = 0;
  for (const ref of imageRefsInMdx(body)) {
    const path = ref.startsWith('/') ? resolve(process.cwd(), 'public', `.${ref}`) : resolve(dirname(join(CONTENT_ROOT, `${lesson.id}.mdx`)), ref);
    if (!path.startsWith(process.cwd() + sep)) continue;
    total += fileBytes(path);
  }
  return total;
}

async function lessonH5p(lesson: LessonMeta): Promise<H5pInfo[]> {
  const byId = (h5pImport as { h5pContentById?: (id: string) => Promise<{ id: string; title: string; sizeBytes: number } | undefined> }).h5pContentById;
  const size = (h5pServe as { onDemandBytes?: (c: { sizeBytes: number }) => number }).onDemandBytes;
  if (!lesson.h5p?.length || typeof byId !== 'function') return [];
  const found: H5pInfo[] = [];
  for (const id of lesson.h5p) {
    try {
      const content = await byId(id);
      if (content) found.push({ id: content.id, title: content.title, bytes: typeof size === 'function' ? size(content) : content.sizeBytes });
    } catch {
      // The H5P area is not ready or failed: the module is saved without it.
    }
  }
  return found;
}

export async function offlineInputs(module: CourseModule) {
  const images = new Map<string, number>();
  const h5p = new Map<string, H5pInfo[]>();
  await Promise.all(
    module.lessons.map(async (lesson) => {
      images.set(lesson.id, await lessonImageBytes(lesson).catch(() => 0));
      h5p.set(lesson.id, await lessonH5p(lesson));
    }),
  );
  return { imageBytes: (l: LessonMeta) => images.get(l.id) ?? 0, h5p: (l: LessonMeta) => h5p.get(l.id) ?? [] };
}
