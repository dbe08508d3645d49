import { z } from 'astro/zod';
import { quizItemSchema, taskSchema } from '../../learning/schema';
import { PILLARS, type CourseModule } from '../../learning/types';
import type { LessonContent } from '../../authoring/lesson-content';
import { LESSON_SLUG, MODULE_ID } from '../../authoring/status';
import { orderOfSlug } from '../../authoring/editor-form';
import type { FieldErrors } from '../../validation';
import { parseForm } from '../../validation';
import { authoredModule, createLesson, createModule, listAuthoredModules, lessonVersion, type ModuleFields } from './store';

/**
 * Modules written in the browser (issue 19): the new-module and new-lesson forms, "Salin untuk
 * diubah" for a built-in module, and moving a module as one JSON file (export, import, and
 * `npm run content:import`).
 */
const pillarList = z.array(z.enum(PILLARS)).min(1, 'autErrPillars');

export const moduleFormSchema = z.object({
  id: z.string().trim().regex(MODULE_ID, 'autErrModuleId').min(3, 'autErrModuleId').max(40, 'autErrModuleId'),
  title: z.string().trim().min(3, 'autErrTitle').max(120, 'autErrTitle'),
  titleEn: z.string().trim().min(3, 'autErrTitle').max(120, 'autErrTitle'),
  summary: z.string().trim().min(10, 'autErrSummary').max(400, 'autErrSummary'),
  order: z.coerce.number({ invalid_type_error: 'autErrOrder' }).int('autErrOrder').min(1, 'autErrOrder').max(99, 'autErrOrder'),
  pillars: pillarList,
});

export const lessonFormSchema = z.object({
  slug: z.string().trim().regex(LESSON_SLUG, 'autErrSlug').max(60, 'autErrSlug'),
  title: z.string().trim().min(3, 'autErrTitle').max(120, 'autErrTitle'),
});

type Created<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export async function createModuleFromForm(
  values: Record<string, unknown>,
  builtin: CourseModule[],
  userId: string,
  now: number,
): Promise<Created<ModuleFields>> {
  const parsed = parseForm(moduleFormSchema, values);
  if (!parsed.ok) return parsed;
  if (builtin.some((m) => m.id === parsed.data.id) || !(await createModule(parsed.data, userId, now))) return { ok: false, errors: { id: 'autModuleTaken' } };
  return { ok: true, value: parsed.data };
}

const emptyLesson = (title: string, order: number, pillars: LessonContent['pillars']): LessonContent => ({
  title,
  summary: title,
  order,
  minutes: 5,
  pillars,
  objectives: [],
  quiz: [],
  body: '',
});

export async function createLessonFromForm(moduleId: string, values: Record<string, unknown>, userId: string, now: number): Promise<Created<string>> {
  const parsed = parseForm(lessonFormSchema, values);
  if (!parsed.ok) return parsed;
  const module = await authoredModule(moduleId);
  if (!module) return { ok: false, errors: { _form: 'autModuleNotFound' } };
  const id = `${moduleId}/${parsed.data.slug}`;
  const created = await createLesson(id, moduleId, emptyLesson(parsed.data.title, orderOfSlug(parsed.data.slug), module.pillars), userId, now);
  return created ? { ok: true, value: id } : { ok: false, errors: { slug: 'autLessonTaken' } };
}

/**
 * "Salin untuk diubah": the built-in module as a new browser module (`<id>-salinan`, `-salinan-2`
 * …) whose lessons are drafts holding the built-in frontmatter and MDX body.
 */
export async function copyBuiltinModule(
  module: CourseModule,
  bodyOf: (lessonId: string) => Promise<string>,
  userId: string,
  now: number,
): Promise<ModuleFields> {
  const taken = new Set((await listAuthoredModules()).map((m) => m.id));
  let id = `${module.id}-salinan`;
  for (let n = 2; taken.has(id); n++) id = `${module.id}-salinan-${n}`;
  const fields: ModuleFields = {
    id,
    title: `${module.title} (salinan)`,
    titleEn: `${module.titleEn} (copy)`,
    summary: module.summary,
    order: module.order + 10,
    pillars: module.pillars,
  };
  await createModule({ ...fields, copiedFrom: module.id }, userId, now);
  for (const lesson of module.lessons) {
    const content: LessonContent = {
      title: lesson.title,
      summary: lesson.summary,
      order: lesson.order,
      minutes: lesson.minutes,
      pillars: lesson.pillars,
      objectives: lesson.objectives,
      quiz: lesson.quiz,
      ...(lesson.task ? { task: { ...lesson.task, kit: undefined } } : {}),
      body: await bodyOf(lesson.id),
    };
    await createLesson(`${id}/${lesson.slug}`, id, JSON.parse(JSON.stringify(content)) as LessonContent, userId, now);
  }
  return fields;
}

/** The one-file form of a module (export, import, content:import). */
export const MODULE_FILE_FORMAT = 'melek-module';
const lessonContentSchema = z
  .object({
    title: z.string().min(1).max(200),
    summary: z.string().max(400),
    order: z.number().int().min(1).max(99),
    minutes: z.number().int().min(1).max(60),
    pillars: z.array(z.enum(PILLARS)).min(1),
    objectives: z.array(z.string().max(400)).max(20),
    quiz: z.array(quizItemSchema).max(20),
    task: taskSchema.optional(),
    body: z.string().max(200_000),
  })
  .strict();
export const moduleFileSchema = z
  .object({
    format: z.literal(MODULE_FILE_FORMAT),
    version: z.literal(1),
    module: moduleFormSchema
      .omit({ order: true })
      .extend({ order: z.number().int().min(1).max(99) })
      .strict(),
    lessons: z
      .array(z.object({ slug: z.string().regex(LESSON_SLUG), content: lessonContentSchema }).strict())
      .max(50)
      .refine((lessons) => new Set(lessons.map((l) => l.slug)).size === lessons.length, 'dua pelajaran memakai kode yang sama'),
  })
  .strict();
export type ModuleFile = z.infer<typeof moduleFileSchema>;

/** A module with its lessons' current drafts, as one file. */
export async function exportModule(moduleId: string): Promise<ModuleFile | undefined> {
  const found = (await listAuthoredModules()).find((m) => m.id === moduleId);
  if (!found) return undefined;
  const lessons = [];
  for (const lesson of found.lessons) {
    if (lesson.status === 'archived') continue;
    const version = await lessonVersion(lesson.id, lesson.draftVersion);
    if (version) lessons.push({ slug: lesson.id.split('/')[1], content: version.content });
  }
  return {
    format: MODULE_FILE_FORMAT,
    version: 1,
    module: { id: found.id, title: found.title, titleEn: found.titleEn, summary: found.summary, order: found.order, pillars: found.pillars },
    lessons,
  };
}

/** Plain-Indonesian reasons a module file is refused (the first few zod issues, with where). */
export function explainFileIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`)
    .join('; ');
}

export type ImportResult = { ok: true; module: ModuleFile['module']; lessons: number } | { ok: false; reason: string };

/** Reads and checks a module file (JSON text); nothing is written. */
export function readModuleFile(text: string, notJson: string): { ok: true; file: ModuleFile } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: notJson };
  }
  const parsed = moduleFileSchema.safeParse(raw);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, reason: explainFileIssues(parsed.error) };
}

/** Imports a checked module file into the database as a new browser module with draft lessons. */
export async function importModuleFile(
  file: ModuleFile,
  builtin: Array<Pick<CourseModule, 'id'>>,
  userId: string | null,
  now: number,
  taken: string,
): Promise<ImportResult> {
  if (builtin.some((m) => m.id === file.module.id) || !(await createModule(file.module, userId, now))) return { ok: false, reason: taken };
  for (const lesson of file.lessons) await createLesson(`${file.module.id}/${lesson.slug}`, file.module.id, lesson.content, userId, now);
  return { ok: true, module: file.module, lessons: file.lessons.length };
}
