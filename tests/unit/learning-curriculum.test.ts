/**
 * The course as learners see it (buildCourse), where a lesson sits in it (findLesson:
 * "Pelajaran 2 dari 6", previous/next across modules) and the exact lesson the
 * "Lanjutkan belajar" card opens (continueLesson).
 */
import { describe, expect, it } from 'vitest';
import { allLessons, buildCourse, continueLesson, findLesson, lessonUrl } from '../../src/lib/learning/curriculum';
import { estimatedLessonKb } from '../../src/lib/learning/data-cost';
import type { LessonMeta, ModuleMeta } from '../../src/lib/learning/types';

const moduleMeta = (id: string, order: number): ModuleMeta => ({
  id,
  title: `Modul ${id}`,
  titleEn: `Module ${id}`,
  summary: 'Ringkasan modul.',
  order,
  pillars: ['cakap'],
  minutes: 30,
  prePost: [],
});

const lessonMeta = (module: string, order: number, draft = false): LessonMeta => {
  const slug = `${String(order).padStart(2, '0')}-pelajaran`;
  return {
    id: `${module}/${slug}`,
    module,
    slug,
    order,
    title: `Pelajaran ${module} ${order}`,
    summary: 'Ringkasan.',
    minutes: 5,
    pillars: ['cakap'],
    objectives: ['Tujuan.'],
    quiz: [],
    draft,
  };
};

// Given out of order on purpose: buildCourse sorts. Module "b" has a draft in the middle.
const MODULES = [moduleMeta('c', 3), moduleMeta('a', 1), moduleMeta('b', 2)];
const LESSONS = [
  lessonMeta('b', 3),
  lessonMeta('a', 2),
  lessonMeta('c', 1),
  lessonMeta('a', 1),
  lessonMeta('b', 1),
  lessonMeta('b', 2, true),
  lessonMeta('a', 3),
  lessonMeta('c', 2),
  lessonMeta('zz', 1), // a lesson whose module does not exist is shown nowhere
];
const COURSE = buildCourse(MODULES, LESSONS);
const ids = (lessons: Array<LessonMeta | undefined>) => lessons.map((l) => l?.id);

describe('buildCourse', () => {
  it('orders modules and lessons, and leaves drafts out', () => {
    expect(COURSE.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(ids(allLessons(COURSE))).toEqual([
      'a/01-pelajaran',
      'a/02-pelajaran',
      'a/03-pelajaran',
      'b/01-pelajaran',
      'b/03-pelajaran',
      'c/01-pelajaran',
      'c/02-pelajaran',
    ]);
    expect(COURSE[1].lessons.some((l) => l.draft)).toBe(false);
  });

  it('includes drafts only when asked (trainers preview them)', () => {
    const preview = buildCourse(MODULES, LESSONS, { includeDrafts: true });
    expect(ids(preview[1].lessons)).toEqual(['b/01-pelajaran', 'b/02-pelajaran', 'b/03-pelajaran']);
  });

  it('does not reorder the arrays it is given', () => {
    expect(MODULES.map((m) => m.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('findLesson', () => {
  it('position and total within the module, previous and next', () => {
    const found = findLesson(COURSE, 'a', '02-pelajaran');
    expect(found).toMatchObject({ position: 2, total: 3 });
    expect(found?.module.id).toBe('a');
    expect(found?.previous?.id).toBe('a/01-pelajaran');
    expect(found?.next?.id).toBe('a/03-pelajaran');
  });

  it('the first lesson has no previous', () => {
    const found = findLesson(COURSE, 'a', '01-pelajaran');
    expect(found).toMatchObject({ position: 1, total: 3 });
    expect(found?.previous).toBeUndefined();
  });

  it('the last lesson of a module leads to the first lesson of the next module', () => {
    expect(findLesson(COURSE, 'a', '03-pelajaran')?.next?.id).toBe('b/01-pelajaran');
    expect(findLesson(COURSE, 'b', '03-pelajaran')?.next?.id).toBe('c/01-pelajaran');
  });

  it('previous stays within the module (the first lesson of a module has none)', () => {
    expect(findLesson(COURSE, 'b', '01-pelajaran')?.previous).toBeUndefined();
  });

  it('the very last lesson has no next', () => {
    expect(findLesson(COURSE, 'c', '02-pelajaran')?.next).toBeUndefined();
  });

  it('counts skip drafts: the lesson after a draft is "2 of 2" and links back past it', () => {
    const found = findLesson(COURSE, 'b', '03-pelajaran');
    expect(found).toMatchObject({ position: 2, total: 2 });
    expect(found?.previous?.id).toBe('b/01-pelajaran');
    expect(findLesson(COURSE, 'b', '01-pelajaran')?.next?.id).toBe('b/03-pelajaran');
  });

  it.each([
    ['a draft', 'b', '02-pelajaran'],
    ['an unknown slug', 'a', '09-tidak-ada'],
    ['an unknown module', 'x', '01-pelajaran'],
    ['a lesson id in the wrong module', 'b', '02-pelajaran'],
    ['empty parts', '', ''],
  ])('%s is not found', (_, module, slug) => {
    expect(findLesson(COURSE, module, slug)).toBeUndefined();
  });

  it('a module with no published lessons in between is skipped by next', () => {
    const course = buildCourse(
      [moduleMeta('a', 1), moduleMeta('kosong', 2), moduleMeta('c', 3)],
      [lessonMeta('a', 1), lessonMeta('kosong', 1, true), lessonMeta('c', 1)],
    );
    // The all-draft module is hidden from learners altogether; trainers still see it.
    expect(course.map((m) => m.id)).toEqual(['a', 'c']);
    expect(findLesson(course, 'a', '01-pelajaran')?.next?.id).toBe('c/01-pelajaran');
    const preview = buildCourse(
      [moduleMeta('a', 1), moduleMeta('kosong', 2), moduleMeta('c', 3)],
      [lessonMeta('a', 1), lessonMeta('kosong', 1, true), lessonMeta('c', 1)],
      { includeDrafts: true },
    );
    expect(preview.map((m) => m.id)).toEqual(['a', 'kosong', 'c']);
  });

  it('lessonUrl is /learn/<module>/<slug>', () => {
    expect(lessonUrl({ id: 'pemasaran-whatsapp/01-profil-whatsapp-business' })).toBe('/learn/pemasaran-whatsapp/01-profil-whatsapp-business');
  });
});

describe('continueLesson', () => {
  const done = (...lessonIds: string[]) => new Set(lessonIds);

  it('a fresh learner starts at the first lesson', () => {
    expect(continueLesson(COURSE, done(), undefined)?.id).toBe('a/01-pelajaran');
  });

  it('the last touched lesson, when unfinished, is opened again', () => {
    expect(continueLesson(COURSE, done('a/01-pelajaran'), 'b/01-pelajaran')?.id).toBe('b/01-pelajaran');
    // Even when earlier lessons are unfinished: the learner is where they stopped.
    expect(continueLesson(COURSE, done(), 'c/02-pelajaran')?.id).toBe('c/02-pelajaran');
  });

  it('the last touched lesson, when finished, leads to the next unfinished after it', () => {
    expect(continueLesson(COURSE, done('a/01-pelajaran'), 'a/01-pelajaran')?.id).toBe('a/02-pelajaran');
    // Finished ones after it are skipped, across modules.
    expect(continueLesson(COURSE, done('a/02-pelajaran', 'a/03-pelajaran', 'b/01-pelajaran'), 'a/02-pelajaran')?.id).toBe('b/03-pelajaran');
  });

  it('finished last lesson with everything after it done: the first unfinished anywhere', () => {
    expect(continueLesson(COURSE, done('c/01-pelajaran', 'c/02-pelajaran'), 'c/02-pelajaran')?.id).toBe('a/01-pelajaran');
    const allButOne = allLessons(COURSE)
      .map((l) => l.id)
      .filter((id) => id !== 'a/02-pelajaran');
    expect(continueLesson(COURSE, done(...allButOne), 'c/02-pelajaran')?.id).toBe('a/02-pelajaran');
  });

  it('everything done: undefined', () => {
    const all = done(...allLessons(COURSE).map((l) => l.id));
    expect(continueLesson(COURSE, all, 'b/03-pelajaran')).toBeUndefined();
    expect(continueLesson(COURSE, all, undefined)).toBeUndefined();
  });

  it('a last touched lesson that is not in the course (a draft, or removed) is ignored', () => {
    expect(continueLesson(COURSE, done('a/01-pelajaran'), 'b/02-pelajaran')?.id).toBe('a/02-pelajaran');
    expect(continueLesson(COURSE, done(), 'hilang/01-x')?.id).toBe('a/01-pelajaran');
  });

  it('a completed draft does not count and is never offered', () => {
    const offered = new Set<string | undefined>();
    const lessons = allLessons(COURSE).map((l) => l.id);
    for (let i = 0; i <= lessons.length; i++) {
      for (const last of [undefined, ...lessons, 'b/02-pelajaran'])
        offered.add(continueLesson(COURSE, done(...lessons.slice(0, i), 'b/02-pelajaran'), last)?.id);
    }
    expect(offered.has('b/02-pelajaran')).toBe(false);
  });

  it('an empty course: undefined', () => {
    expect(continueLesson([], done(), undefined)).toBeUndefined();
  });
});

describe('estimatedLessonKb', () => {
  it('never below 1 KB and grows with the body and the quiz', () => {
    expect(estimatedLessonKb(0)).toBeGreaterThanOrEqual(1);
    expect(estimatedLessonKb(10_000)).toBeGreaterThan(estimatedLessonKb(1_000));
    expect(estimatedLessonKb(1_000, 5)).toBeGreaterThan(estimatedLessonKb(1_000, 0));
    expect(Number.isInteger(estimatedLessonKb(1234, 3))).toBe(true);
  });
});
