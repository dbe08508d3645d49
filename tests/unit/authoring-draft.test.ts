import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLessonDraft, type LessonDraft } from '../../src/lib/authoring/draft';
import { courseFromDisk } from '../../src/lib/learning/load-from-disk';
import { splitFrontmatter } from '../../src/lib/content-check/frontmatter';
import { analyzeBody } from '../../src/lib/content-check/mdx';
import { LESSON_COMPONENTS } from '../../src/lib/authoring/catalog';
import { MAX_LESSON_MINUTES } from '../../src/lib/learning/schema';
import { estimatedLessonKb } from '../../src/lib/learning/data-cost';
import { countWords } from '../../src/lib/content-check/mdx';

const course = courseFromDisk(join(process.cwd(), 'content'));
const lessons = course.flatMap((m) => m.lessons);
/** The other items of the lesson's module (its other lessons and pre/post forms), as the content check sees them. */
const moduleItemsBesides = (id: string) => {
  const mod = course.find((m) => m.lessons.some((l) => l.id === id))!;
  const items = [...mod.lessons.filter((l) => l.id !== id).flatMap((l) => l.quiz), ...mod.prePost.flatMap((p) => [p.a, p.b])];
  return items.map((q) => ({ id: q.id, question: q.question, options: q.options.map((o) => ({ text: o.text, correct: o.correct === true })) }));
};

function draftOf(id: string): LessonDraft {
  const lesson = lessons.find((l) => l.id === id)!;
  const split = splitFrontmatter(readFileSync(`content/${id}.mdx`, 'utf8'));
  return {
    title: lesson.title,
    summary: lesson.summary,
    minutes: lesson.minutes,
    pillars: lesson.pillars,
    objectives: lesson.objectives,
    quiz: structuredClone(lesson.quiz),
    task: structuredClone(lesson.task),
    body: split.kind === 'unclosed' ? '' : split.body,
  };
}

const GOOD = 'keamanan-data/01-kode-otp-rahasia';
const errorsOf = (draft: LessonDraft) => checkLessonDraft(draft).problems.filter((p) => p.severity === 'error');

describe('checkLessonDraft: the content check on a draft', () => {
  it('a good draft (a built-in lesson) passes, with its numbers', () => {
    const draft = draftOf(GOOD);
    const check = checkLessonDraft(draft);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.maxMinutes).toBe(MAX_LESSON_MINUTES);
    expect(check.pageWeightKb).toBe(estimatedLessonKb(draft.body.length, draft.quiz.length));
    expect(check.minutes).toBeGreaterThanOrEqual(1);
    expect(check.minutes).toBeLessThanOrEqual(MAX_LESSON_MINUTES);
  });

  it.each(lessons.map((l) => l.id))('%s: no errors, and the same words as the content check', async (id) => {
    const draft = draftOf(id);
    const check = checkLessonDraft(draft, { moduleItems: moduleItemsBesides(id) });
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const analysis = await analyzeBody(draft.body, 1, LESSON_COMPONENTS);
    expect(check.words).toBe(analysis.words + countWords(draft.objectives.join(' ')));
  });

  it('a quiz item with no correct option', () => {
    const draft = draftOf(GOOD);
    draft.quiz[0].options.forEach((o) => delete o.correct);
    const errors = errorsOf(draft);
    expect(errors.map((e) => e.field)).toContain('quiz.0.options');
    expect(errors.find((e) => e.field === 'quiz.0.options')!.message).toMatch(/benar|correct/i);
  });

  it('a quiz item with two correct options', () => {
    const draft = draftOf(GOOD);
    draft.quiz[1].options.forEach((o) => (o.correct = true));
    expect(errorsOf(draft).map((e) => e.field)).toContain('quiz.1.options');
  });

  it('the right answer as the longest option too often in the module', () => {
    // The right answer a few letters longer than the longest wrong one: "longest", not "much longer".
    const lengthen = <T extends { text: string; correct?: boolean }>(options: T[]): T[] => {
      const wrong = options.filter((o) => !o.correct).reduce((a, o) => (o.text.length > a.length ? o.text : a), '');
      return options.map((o) => (o.correct ? { ...o, text: `${wrong} ya` } : o));
    };
    const draft = draftOf(GOOD);
    draft.quiz = draft.quiz.map((q) => ({ ...q, options: lengthen(q.options) }));
    expect(errorsOf(draft).some((e) => /paling panjang/.test(e.message))).toBe(false);
    const moduleItems = moduleItemsBesides(GOOD).map((item) => ({ ...item, options: lengthen(item.options) }));
    const check = checkLessonDraft(draft, { moduleItems });
    expect(check.problems.some((p) => p.field === 'quiz.0.options' && p.severity === 'error' && /paling panjang/.test(p.message))).toBe(true);
  });

  it('a quiz item with two options only, and the right answer much longer than the others', () => {
    const draft = draftOf(GOOD);
    draft.quiz[2].options = [
      { id: 'a', text: 'Ya' },
      { id: 'b', text: 'Tidak, karena kode itu rahasia dan hanya untuk Anda sendiri', correct: true },
    ];
    const fields = errorsOf(draft).map((e) => e.field);
    expect(fields.filter((f) => f === 'quiz.2.options').length).toBeGreaterThanOrEqual(2);
  });

  it('too few quiz items, and an empty question', () => {
    const draft = draftOf(GOOD);
    draft.quiz = draft.quiz.slice(0, 1);
    draft.quiz[0].question = '';
    const fields = errorsOf(draft).map((e) => e.field);
    expect(fields).toContain('quiz');
    expect(fields).toContain('quiz.0.question');
  });

  it('a task without mentor checks, and a lesson without a task', () => {
    const draft = draftOf(GOOD);
    draft.task!.mentorChecks = [];
    expect(errorsOf(draft).map((e) => e.field)).toContain('task.mentorChecks');
    draft.task = undefined;
    expect(errorsOf(draft).map((e) => e.field)).toContain('task');
  });

  it('too many minutes for the words (a warning beside minutes), and more words than fit in the limit (an error beside the body)', () => {
    const draft = draftOf(GOOD);
    draft.minutes = 10;
    draft.body = 'Satu paragraf pendek saja.\n\n<Ingat>\n\n- a\n- b\n- c\n\n</Ingat>';
    const far = checkLessonDraft(draft).problems.find((p) => p.field === 'minutes');
    expect(far?.severity).toBe('warning');
    expect(far?.message).toMatch(/menit/);
    draft.body = 'kata '.repeat(MAX_LESSON_MINUTES * 130);
    const check = checkLessonDraft(draft);
    expect(check.problems.find((p) => p.field === 'body' && p.severity === 'error')?.message).toMatch(/menit/);
    expect(check.minutes).toBeGreaterThan(check.maxMinutes);
    expect(check.ok).toBe(false);
  });

  it('minutes over the limit, a short title, no pillars: each beside its field', () => {
    const draft = draftOf(GOOD);
    draft.minutes = 25;
    draft.title = 'A';
    draft.pillars = [];
    const fields = errorsOf(draft).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['minutes', 'title', 'pillars']));
  });

  it('body problems come with their line; an H5P id that does not exist is an error', () => {
    const draft = draftOf(GOOD);
    draft.body = `${draft.body}\n\n<script>alert(1)</script>\n`;
    const script = errorsOf(draft).find((e) => e.field === 'body');
    expect(script?.line).toBe(draft.body.split('\n').length - 1);
    const withH5p = draftOf(GOOD);
    withH5p.body = `<H5P id="tidak-ada" />\n\n${withH5p.body}`;
    expect(checkLessonDraft(withH5p, { knownH5pIds: new Set(['pesan-penipuan']) }).problems.find((p) => p.field === 'body')?.line).toBe(1);
  });

  it('scaffold guidance left in a field is an error beside that field', () => {
    const draft = draftOf(GOOD);
    draft.summary = 'TULIS: ringkasan satu kalimat';
    expect(errorsOf(draft).map((e) => e.field)).toContain('summary');
  });
});
