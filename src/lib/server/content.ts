import { getCollection } from 'astro:content';
import { authoredLessonMeta, type LessonContent } from '../authoring/lesson-content';
import { buildCourse } from '../learning/curriculum';
import type { CourseModule, LessonMeta, ModuleMeta, QuizItem } from '../learning/types';
import { readGeneration } from './authoring/generation';
import { draftAuthored, publishedAuthored } from './authoring/store';
import { h5pIdsInMdx } from './h5p/embeds';

/**
 * The curriculum, as plain data: the built-in lessons of content/ (baked in at build time, loaded
 * once per process) merged with the modules and lessons trainers wrote in the browser (issue 19).
 * `course()` is what learners see; `courseWithDrafts()` adds drafts for trainers' preview. Each
 * call reads one row (the content generation) and rebuilds the cached course only when a publish
 * or a saved draft moved it, so every process sees a publish on its next request.
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

/** The built-in curriculum alone (the editor lists it read-only and copies from it). */
export async function builtinCourse(): Promise<CourseModule[]> {
  const { modules, lessons } = await load();
  return buildCourse(modules, lessons, { includeDrafts: true });
}

/** Browser modules and their published lessons as ModuleMeta/LessonMeta. */
async function authoredParts(withDrafts: boolean): Promise<{ modules: ModuleMeta[]; lessons: LessonMeta[] }> {
  const published = await publishedAuthored();
  const modules: ModuleMeta[] = published.modules.map((m) => ({
    id: m.id,
    title: m.title,
    titleEn: m.titleEn,
    summary: m.summary,
    order: m.order,
    pillars: m.pillars,
    minutes: 0,
    prePost: [],
  }));
  const lessons = new Map<string, LessonMeta>();
  for (const lesson of published.lessons) {
    const current = lesson.published.find((v) => v.version === lesson.version);
    if (!current) continue;
    const live = new Set(current.content.quiz.map((item) => item.id));
    const retired = new Map<string, QuizItem>();
    for (const v of lesson.published) for (const item of v.content.quiz) if (!live.has(item.id)) retired.set(item.id, item);
    lessons.set(lesson.id, meta(lesson.id, current.content, lesson.version, false, [...retired.values()]));
  }
  if (withDrafts)
    for (const draft of await draftAuthored())
      if (!lessons.has(draft.id) || draft.status !== 'published') lessons.set(draft.id, meta(draft.id, draft.content, draft.version, true, []));
  // A module's minutes: the sum of its lessons', as content/ modules state it.
  for (const m of modules) m.minutes = [...lessons.values()].filter((l) => l.module === m.id).reduce((sum, l) => sum + l.minutes, 0);
  return { modules, lessons: [...lessons.values()] };
}

const meta = (id: string, content: LessonContent, version: number, draft: boolean, retiredQuiz: QuizItem[]) =>
  authoredLessonMeta(id, content, { version, draft, h5p: h5pIdsInMdx(content.body), retiredQuiz });

interface Cached {
  generation: number;
  course: Promise<CourseModule[]>;
}
let published: Cached | undefined;
let withDrafts: Cached | undefined;

async function build(withDraftLessons: boolean): Promise<CourseModule[]> {
  const [builtin, authored] = await Promise.all([load(), authoredParts(withDraftLessons)]);
  return buildCourse([...builtin.modules, ...authored.modules], [...builtin.lessons, ...authored.lessons], { includeDrafts: withDraftLessons });
}

export async function course(): Promise<CourseModule[]> {
  const { generation } = await readGeneration();
  if (published?.generation !== generation) published = { generation, course: build(false) };
  const cached = published;
  return cached.course.catch((error: unknown) => {
    if (published === cached) published = undefined;
    throw error;
  });
}

export async function courseWithDrafts(): Promise<CourseModule[]> {
  const { draftGeneration } = await readGeneration();
  if (withDrafts?.generation !== draftGeneration) withDrafts = { generation: draftGeneration, course: build(true) };
  const cached = withDrafts;
  return cached.course.catch((error: unknown) => {
    if (withDrafts === cached) withDrafts = undefined;
    throw error;
  });
}

/** The lesson entry Astro renders (its MDX body); undefined for a browser lesson. */
export async function lessonEntry(id: string) {
  const entries = await getCollection('lessons', (entry) => entry.id === id);
  return entries[0];
}
