import { getCollection } from 'astro:content';
import { buildCourse } from '../learning/curriculum';
import type { CourseModule, LessonMeta, ModuleMeta } from '../learning/types';
import { h5pIdsInMdx } from './h5p/embeds';

/**
 * The curriculum from content/ (baked in at build time), as plain data. Loaded once per process.
 * `course()` is what learners see; `courseWithDrafts()` adds drafts for trainers' preview.
 */
let loaded: Promise<{ modules: ModuleMeta[]; lessons: LessonMeta[] }> | undefined;

function load() {
  loaded ??= (async () => {
    const [moduleEntries, lessonEntries] = await Promise.all([getCollection('modules'), getCollection('lessons')]);
    const modules: ModuleMeta[] = moduleEntries.map((entry) => ({
      id: entry.id,
      ...entry.data,
      prePost: entry.data.prePost.map((pair) => ({
        pillar: pair.pillar,
        a: { ...pair.a, pillar: pair.a.pillar ?? pair.pillar },
        b: { ...pair.b, pillar: pair.b.pillar ?? pair.pillar },
      })),
    }));
    const lessons: LessonMeta[] = lessonEntries.map((entry) => ({
      ...entry.data,
      id: entry.id,
      module: entry.id.split('/')[0],
      slug: entry.id.split('/')[1],
      bodyLength: entry.body?.length ?? 0,
      h5p: h5pIdsInMdx(entry.body ?? ''),
    }));
    return { modules, lessons };
  })();
  return loaded;
}

let published: CourseModule[] | undefined;
let withDrafts: CourseModule[] | undefined;

export async function course(): Promise<CourseModule[]> {
  const { modules, lessons } = await load();
  published ??= buildCourse(modules, lessons);
  return published;
}

export async function courseWithDrafts(): Promise<CourseModule[]> {
  const { modules, lessons } = await load();
  withDrafts ??= buildCourse(modules, lessons, { includeDrafts: true });
  return withDrafts;
}

/** The lesson entry Astro renders (its MDX body). */
export async function lessonEntry(id: string) {
  const entries = await getCollection('lessons', (entry) => entry.id === id);
  return entries[0];
}
