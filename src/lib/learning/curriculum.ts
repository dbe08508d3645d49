import type { CourseModule, LessonMeta, ModuleMeta } from './types';

/**
 * The course as learners see it: modules in order, each with its lessons in order. Drafts
 * are left out unless asked for (trainers preview them), so counts never include them; so is a
 * module with no published lesson yet.
 */
export function buildCourse(modules: ModuleMeta[], lessons: LessonMeta[], { includeDrafts = false } = {}): CourseModule[] {
  return (
    [...modules]
      .sort((a, b) => a.order - b.order)
      .map((module) => ({
        ...module,
        lessons: lessons.filter((lesson) => lesson.module === module.id && (includeDrafts || !lesson.draft)).sort((a, b) => a.order - b.order),
      }))
      // A module whose lessons are all drafts is itself a draft: learners do not see an empty "0 dari 0".
      .filter((module) => includeDrafts || module.lessons.length > 0)
  );
}

export function allLessons(course: CourseModule[]): LessonMeta[] {
  return course.flatMap((m) => m.lessons);
}

export function findLesson(course: CourseModule[], moduleId: string, slug: string) {
  const module = course.find((m) => m.id === moduleId);
  const index = module?.lessons.findIndex((l) => l.slug === slug) ?? -1;
  if (!module || index < 0) return undefined;
  return {
    module,
    lesson: module.lessons[index],
    position: index + 1,
    total: module.lessons.length,
    previous: module.lessons[index - 1],
    // After a module's last lesson: the first lesson of the next module that has any (a module
    // whose lessons are all drafts is skipped, not a dead end).
    next: module.lessons[index + 1] ?? course.slice(course.indexOf(module) + 1).find((m) => m.lessons.length > 0)?.lessons[0],
  };
}

export const lessonUrl = (lesson: Pick<LessonMeta, 'id'>) => `/learn/${lesson.id}`;

/**
 * The exact lesson the "Lanjutkan belajar" card opens: the last lesson the learner touched if
 * it is unfinished; otherwise the first unfinished lesson after it; otherwise the first
 * unfinished lesson anywhere. Undefined when everything is done.
 */
export function continueLesson(course: CourseModule[], completed: Set<string>, lastTouchedLessonId: string | undefined): LessonMeta | undefined {
  const lessons = allLessons(course);
  const lastIndex = lastTouchedLessonId ? lessons.findIndex((l) => l.id === lastTouchedLessonId) : -1;
  if (lastIndex >= 0) {
    if (!completed.has(lessons[lastIndex].id)) return lessons[lastIndex];
    const after = lessons.slice(lastIndex + 1).find((l) => !completed.has(l.id));
    if (after) return after;
  }
  return lessons.find((l) => !completed.has(l.id));
}
