/**
 * The lesson/module frontmatter rules (src/lib/learning/schema.ts), the ones Astro applies at
 * build time and `npm run content:check` explains to trainers. A broken lesson is refused with
 * the field named (the issue: "a bad frontmatter fails the build with the file and field named").
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { lessonSchema, moduleSchema, quizItemSchema, taskSchema } from '../../src/lib/learning/schema';

const CONTENT = resolve(import.meta.dirname, '../../content');

// Test fixtures are edited freely below (nested fields set and deleted), so values stay untyped.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const goodItem = (id = 'soal-1', pillar = 'cakap'): Json => ({
  id,
  question: 'Apa yang paling membantu pembeli?',
  pillar,
  options: [
    { id: 'satu-per-satu', text: 'Membalas satu per satu' },
    { id: 'jam-buka', text: 'Mengisi jam buka di profil', correct: true },
    { id: 'tidak-ada', text: 'Tidak ada' },
  ],
  explanation: 'Jam buka di profil bisa dibaca kapan saja.',
});

const goodLesson = (): Json => ({
  module: 'pemasaran-whatsapp',
  order: 1,
  title: 'Profil WhatsApp Business',
  summary: 'Profil bisnis yang lengkap bikin pembeli percaya.',
  minutes: 7,
  pillars: ['cakap'],
  objectives: ['Mengisi profil bisnis.'],
  quiz: [goodItem('soal-1'), goodItem('soal-2', 'aman'), goodItem('soal-3', 'etika')],
  task: {
    id: 'profil-bisnis',
    title: 'Lengkapi profil',
    instructions: 'Isi nama usaha, kategori dan jam buka.',
    mentorChecks: ['Jam buka terisi.'],
    pillar: 'cakap',
  },
  draft: false,
});

/** The paths (joined by ".") of every issue of a failed parse. */
function failedPaths(input: unknown): string[] {
  const result = lessonSchema.safeParse(input);
  expect(result.success, 'the lesson should be refused').toBe(false);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

const without = (obj: Json, key: string): Json => {
  const copy = structuredClone(obj);
  delete copy[key];
  return copy;
};

describe('lessonSchema accepts a good lesson', () => {
  it('parses, keeps the fields and fills defaults', () => {
    const result = lessonSchema.safeParse(goodLesson());
    expect(result.success).toBe(true);
    const data = result.success ? result.data : undefined;
    expect(data?.quiz).toHaveLength(3);
    expect(data?.task?.id).toBe('profil-bisnis');
    // Numeric option texts become strings ("2" as an answer option is fine).
    const withNumber = goodLesson();
    withNumber.quiz[0].options[0].text = 2;
    expect(lessonSchema.parse(withNumber).quiz[0].options[0].text).toBe('2');
  });

  it('draft, quiz and task are optional (draft=false, quiz=[] by default)', () => {
    const minimal = without(without(without(goodLesson(), 'draft'), 'quiz'), 'task');
    const parsed = lessonSchema.parse(minimal);
    expect(parsed.draft).toBe(false);
    expect(parsed.quiz).toEqual([]);
    expect(parsed.task).toBeUndefined();
  });

  it('10 minutes is allowed (the limit is inclusive)', () => {
    expect(lessonSchema.safeParse({ ...goodLesson(), minutes: 10 }).success).toBe(true);
  });
});

describe('lessonSchema rejects a broken lesson, naming the field', () => {
  it.each(['module', 'order', 'title', 'summary', 'minutes', 'pillars', 'objectives'])('missing %s', (field) => {
    expect(failedPaths(without(goodLesson(), field))).toContain(field);
  });

  it('a quiz item with two correct options', () => {
    const lesson = goodLesson();
    lesson.quiz[1].options[0].correct = true;
    expect(failedPaths(lesson)).toEqual(['quiz.1.options']);
    const message = lessonSchema.safeParse(lesson).error!.issues[0].message;
    expect(message).toMatch(/tepat satu pilihan/);
  });

  it('a quiz item with no correct option', () => {
    const lesson = goodLesson();
    lesson.quiz[2].options = lesson.quiz[2].options.map((o: Json) => ({ id: o.id, text: o.text }));
    expect(failedPaths(lesson)).toEqual(['quiz.2.options']);
  });

  it('minutes above 10', () => {
    const lesson = { ...goodLesson(), minutes: 11 };
    expect(failedPaths(lesson)).toEqual(['minutes']);
    expect(lessonSchema.safeParse(lesson).error!.issues[0].message).toBe('satu pelajaran paling lama 10 menit');
  });

  it.each([0, -1, 2.5])('minutes %s', (minutes) => {
    expect(failedPaths({ ...goodLesson(), minutes })).toEqual(['minutes']);
  });

  it('an unknown pillar on the lesson, an item and the task', () => {
    expect(failedPaths({ ...goodLesson(), pillars: ['cakap', 'kreatif'] })).toEqual(['pillars.1']);
    const item = goodLesson();
    item.quiz[0].pillar = 'Cakap'; // case matters: the ids are lower case
    expect(failedPaths(item)).toEqual(['quiz.0.pillar']);
    expect(lessonSchema.safeParse(item).error!.issues[0].message).toMatch(/pilar harus salah satu dari: cakap, etika, budaya, aman/);
    const task = goodLesson();
    task.task.pillar = 'hebat';
    expect(failedPaths(task)).toEqual(['task.pillar']);
  });

  it('an unknown key (a typo) at every level', () => {
    expect(failedPaths({ ...goodLesson(), minute: 5 })).toEqual(['']);
    expect(lessonSchema.safeParse({ ...goodLesson(), minute: 5 }).error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['minute'] });
    const item = goodLesson();
    item.quiz[0].answer = 1;
    expect(failedPaths(item)).toEqual(['quiz.0']);
    const option = goodLesson();
    option.quiz[0].options[0].benar = true;
    expect(failedPaths(option)).toEqual(['quiz.0.options.0']);
    const task = goodLesson();
    task.task.checks = ['x'];
    expect(failedPaths(task)).toEqual(['task']);
  });

  it('a quiz item with one option, or seven', () => {
    const one = goodLesson();
    one.quiz[0].options = [{ id: 'satu', text: 'Satu', correct: true }];
    expect(failedPaths(one)).toContain('quiz.0.options');
    const seven = goodLesson();
    seven.quiz[0].options = [...Array(7)].map((_, i) => ({ id: `pilihan-${i}`, text: `Pilihan ${i}`, correct: i === 0 }));
    expect(failedPaths(seven)).toContain('quiz.0.options');
  });

  it('a quiz item without explanation, or with an id that is not a slug', () => {
    const lesson = goodLesson();
    delete lesson.quiz[0].explanation;
    expect(failedPaths(lesson)).toEqual(['quiz.0.explanation']);
    const badId = goodLesson();
    badId.quiz[0].id = 'Soal 1';
    expect(failedPaths(badId)).toEqual(['quiz.0.id']);
  });

  it('an empty option text, empty objectives, an over-long summary, a task without mentor checks', () => {
    const emptyOption = goodLesson();
    emptyOption.quiz[0].options[0].text = '';
    expect(failedPaths(emptyOption)).toContain('quiz.0.options.0.text');
    expect(failedPaths({ ...goodLesson(), objectives: [] })).toEqual(['objectives']);
    expect(failedPaths({ ...goodLesson(), summary: 'x'.repeat(201) })).toEqual(['summary']);
    const task = goodLesson();
    task.task.mentorChecks = [];
    expect(failedPaths(task)).toEqual(['task.mentorChecks']);
  });

  it('wrong types (order as text, draft as "no")', () => {
    expect(failedPaths({ ...goodLesson(), order: '1' })).toEqual(['order']);
    expect(failedPaths({ ...goodLesson(), draft: 'no' })).toEqual(['draft']);
  });

  it('the standalone item and task schemas apply the same rules', () => {
    expect(quizItemSchema.safeParse(goodItem()).success).toBe(true);
    expect(quizItemSchema.safeParse({ ...goodItem(), pillar: 'x' }).success).toBe(false);
    expect(taskSchema.safeParse({ ...goodLesson().task, extra: 1 }).success).toBe(false);
  });
});

describe('moduleSchema', () => {
  const goodModule = (): Json => ({
    title: 'Pemasaran lewat WhatsApp',
    titleEn: 'WhatsApp marketing',
    summary: 'Jualan di WhatsApp jadi lebih rapi.',
    order: 1,
    pillars: ['cakap', 'aman'],
    minutes: 40,
    prePost: [{ pillar: 'cakap', a: without(goodItem('a-1'), 'pillar'), b: without(goodItem('b-1'), 'pillar') }],
  });

  it('accepts a good module; pre/post items may leave out the pillar', () => {
    expect(moduleSchema.safeParse(goodModule()).success).toBe(true);
    expect(moduleSchema.parse(without(goodModule(), 'prePost')).prePost).toEqual([]);
  });

  it('a pair without its form B item (a missing form) is refused', () => {
    const missing = goodModule();
    delete missing.prePost[0].b;
    const result = moduleSchema.safeParse(missing);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path.join('.')).toBe('prePost.0.b');
  });

  it('refuses an unknown pillar, an unknown key and a pre item with two correct options', () => {
    expect(moduleSchema.safeParse({ ...goodModule(), pillars: ['lain'] }).success).toBe(false);
    expect(moduleSchema.safeParse({ ...goodModule(), judul: 'x' }).success).toBe(false);
    const twoCorrect = goodModule();
    twoCorrect.prePost[0].a.options[0].correct = true;
    const result = moduleSchema.safeParse(twoCorrect);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path.join('.')).toBe('prePost.0.a.options');
  });
});

describe('the real content/ passes the same schema', () => {
  const files = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' })
    .filter((f) => /^[^/]+\/\d\d-[^/]+\.mdx$/.test(f.replaceAll('\\', '/')))
    .sort();

  it('there are lesson files', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(join(CONTENT, file), 'utf8');
    const frontmatter = text.match(/^---\n([\s\S]*?)\n---/)?.[1];
    expect(frontmatter, 'frontmatter').toBeDefined();
    const result = lessonSchema.safeParse(parseYaml(frontmatter!));
    expect(result.success ? [] : result.error.issues, file).toEqual([]);
    const lesson = result.success ? result.data : undefined;
    if (!lesson?.draft) {
      // Issue 3: each published lesson ≥ 3 quiz items with explanations and one practical task.
      expect(lesson!.quiz.length, `${file}: quiz items`).toBeGreaterThanOrEqual(3);
      expect(lesson!.task, `${file}: practical task`).toBeDefined();
      expect(lesson!.module, `${file}: module field matches the folder`).toBe(file.split('/')[0]);
    }
  });

  it('quiz item ids are unique across all lessons (answers for one lesson can never count for another)', () => {
    const owners = new Map<string, string[]>();
    for (const file of files) {
      const frontmatter = readFileSync(join(CONTENT, file), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1];
      for (const item of (parseYaml(frontmatter).quiz ?? []) as Array<{ id: string }>) owners.set(item.id, [...(owners.get(item.id) ?? []), file]);
    }
    expect([...owners].filter(([, where]) => where.length > 1)).toEqual([]);
  });

  it('task ids are unique across all lessons (submissions and /learn find the lesson by task id)', () => {
    const owners = new Map<string, string[]>();
    for (const file of files) {
      const task = parseYaml(readFileSync(join(CONTENT, file), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]).task as { id: string } | undefined;
      if (task) owners.set(task.id, [...(owners.get(task.id) ?? []), file]);
    }
    expect([...owners].filter(([, where]) => where.length > 1)).toEqual([]);
  });
});
