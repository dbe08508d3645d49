import { describe, expect, it } from 'vitest';
import { contentFromForm, formReader, problemSlot } from '../../src/lib/authoring/editor-form';
import { baseItemId, diffLessonContent, reviseItemIds, type LessonContent } from '../../src/lib/authoring/lesson-content';
import { moduleFiles } from '../../src/lib/authoring/module-mdx';
import { itemVersion } from '../../src/lib/learning/options';
import type { QuizItem } from '../../src/lib/learning/types';

const item = (id: string, question = 'Pertanyaan yang cukup panjang?', right = 'a'): QuizItem => ({
  id,
  question,
  options: [
    { id: 'a', text: 'Satu', ...(right === 'a' ? { correct: true } : {}) },
    { id: 'b', text: 'Dua', ...(right === 'b' ? { correct: true } : {}) },
  ],
  explanation: 'Karena begitu.',
  pillar: 'cakap',
});
const lesson = (quiz: QuizItem[], extra: Partial<LessonContent> = {}): LessonContent => ({
  title: 'Judul',
  summary: 'Ringkas',
  order: 1,
  minutes: 5,
  pillars: ['cakap'],
  objectives: ['Satu tujuan'],
  quiz,
  body: '## Isi\n',
  ...extra,
});

describe('reviseItemIds: an answered item that changes meaning gets a new id', () => {
  it('keeps ids of unchanged, unanswered and new items', () => {
    const published = [item('a1'), item('a2')];
    const next = [item('a1'), item('a2', 'Pertanyaan lain sama sekali?'), item('a3')];
    expect(reviseItemIds(published, next, new Set(['a1']), new Set(['a1', 'a2'])).map((i) => i.id)).toEqual(['a1', 'a2', 'a3']);
  });
  it('renames an answered item whose question or key changed, never reusing an id', () => {
    const published = [item('a1'), item('a2')];
    const next = [item('a1', undefined, 'b'), item('a2', 'Pertanyaan baru?')];
    const revised = reviseItemIds(published, next, new Set(['a1', 'a2']), new Set(['a1', 'a2', 'a2-v2']));
    expect(revised.map((i) => i.id)).toEqual(['a1-v2', 'a2-v3']);
    expect(itemVersion(revised[0])).toBe(itemVersion(next[0]));
    expect(baseItemId('a2-v3')).toBe('a2');
  });
  it('an explanation-only edit keeps the id (the item means the same)', () => {
    const next = [{ ...item('a1'), explanation: 'Penjelasan yang lebih jelas.' }];
    expect(reviseItemIds([item('a1')], next, new Set(['a1']), new Set(['a1']))[0].id).toBe('a1');
  });
});

describe('diffLessonContent', () => {
  it('names each changed field, item by id, and added or removed items', () => {
    const a = lesson([item('x'), item('y')]);
    const b = lesson([item('x', 'Pertanyaan berubah?'), item('z')], { title: 'Judul baru', body: '## Lain\n' });
    expect(diffLessonContent(a, b).map((c) => c.field)).toEqual(['title', 'quiz.x.question', 'quiz.y', 'quiz.z', 'body']);
    expect(diffLessonContent(a, a)).toEqual([]);
  });
});

describe('the editor form', () => {
  const form = (pairs: Array<[string, string]>) => formReader(new URLSearchParams(pairs));
  it('reads fields, items and the task; empty options are left out; every chosen key counts', () => {
    const content = contentFromForm(
      form([
        ['title', ' Judul '],
        ['summary', 'Ringkas'],
        ['minutes', '4'],
        ['pillars', 'aman'],
        ['pillars', 'bukan-pilar'],
        ['objectives', 'satu\n\n dua '],
        ['items', '2'],
        ['q0-id', 'tanya'],
        ['q0-question', 'Apa?'],
        ['q0-oid0', 'a'],
        ['q0-o0', 'Ya'],
        ['q0-oid1', 'b'],
        ['q0-o1', 'Tidak'],
        ['q0-oid2', 'c'],
        ['q0-o2', ''],
        ['q0-correct', 'a'],
        ['q0-correct', 'b'],
        ['q1-question', 'Kedua?'],
        ['task-checks', 'cek satu\ncek dua'],
        ['body', 'a\r\nb'],
      ]),
      3,
    );
    expect(content).toMatchObject({ title: 'Judul', minutes: 4, order: 3, pillars: ['aman'], objectives: ['satu', 'dua'], body: 'a\nb' });
    expect(content.quiz[0].options).toEqual([
      { id: 'a', text: 'Ya', correct: true },
      { id: 'b', text: 'Tidak', correct: true },
    ]);
    expect(content.quiz[1].id).toBe('soal-2');
    expect(content.task?.mentorChecks).toEqual(['cek satu', 'cek dua']);
  });
  it('drops the removed item and has no task when every task field is empty', () => {
    const content = contentFromForm(
      form([
        ['items', '2'],
        ['q0-id', 'satu'],
        ['q1-id', 'dua'],
      ]),
      1,
      0,
    );
    expect(content.quiz.map((q) => q.id)).toEqual(['dua']);
    expect(content.task).toBeUndefined();
  });
  it('puts each check problem beside its field', () => {
    expect(problemSlot('quiz.0.options.1.text')).toBe('q0-options');
    expect(problemSlot('quiz.2.question')).toBe('q2-question');
    expect(problemSlot('task.mentorChecks')).toBe('task-checks');
    expect(problemSlot('task')).toBe('task');
    expect(problemSlot('body')).toBe('body');
  });
});

describe('moduleFiles: a module file as content/ files', () => {
  it('writes index.md and one .mdx per lesson with frontmatter and body', () => {
    const files = moduleFiles({
      module: { id: 'foto', title: 'Foto', titleEn: 'Photos', summary: 'Memotret dagangan.', order: 4, pillars: ['cakap'] },
      lessons: [{ slug: '01-terang', content: lesson([item('x')]) }],
    });
    expect(files.map((f) => f.path)).toEqual(['foto/index.md', 'foto/01-terang.mdx']);
    expect(files[1].text).toMatch(/^---\nmodule: foto\norder: 1\ntitle: Judul\n/);
    expect(files[1].text.endsWith('---\n\n## Isi\n')).toBe(true);
    expect(files[0].text).toContain('minutes: 5');
  });
});
