import { PILLARS, type Pillar, type PracticalTask, type QuizItem } from '../learning/types';
import type { LessonContent } from './lesson-content';

/**
 * The lesson editor's form (issue 19) as plain fields and back (pure: the page, the live-check
 * endpoint and the tests share it). Lists are one entry per line; quiz items are numbered fields
 * (`q0-question`, `q0-o1`, `q0-correct` …) so adding and removing an item works without JavaScript.
 */
export const MAX_ITEMS = 10;
export const OPTION_SLOTS = 4;
const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

export type FormReader = { get(name: string): string; all(name: string): string[] };

/** A FormData (or URLSearchParams) as the reader this module takes. */
export function formReader(form: { getAll(name: string): unknown[] }): FormReader {
  const all = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
  return { get: (name) => all(name)[0] ?? '', all };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const pillar = (value: string, fallback: Pillar): Pillar => ((PILLARS as readonly string[]).includes(value) ? (value as Pillar) : fallback);
const slugId = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** How many item blocks the form has (the hidden `items` count, within 0..MAX_ITEMS). */
export function itemCount(form: FormReader): number {
  const n = Number(form.get('items'));
  return Number.isInteger(n) ? Math.min(Math.max(n, 0), MAX_ITEMS) : 0;
}

/**
 * The draft the form describes; `order` is the lesson's place (from its slug). A new item's id is
 * `<idPrefix>-<n>` (the page passes the lesson id), so item ids stay unique across the course:
 * the item analysis and first answers key on them.
 */
export function contentFromForm(form: FormReader, order: number, drop?: number, idPrefix = 'soal'): LessonContent {
  const pillars = form.all('pillars').filter((p): p is Pillar => (PILLARS as readonly string[]).includes(p));
  const first = pillars[0] ?? 'cakap';
  const quiz: QuizItem[] = [];
  const used = new Set<string>();
  for (let i = 0; i < itemCount(form); i++) {
    if (i === drop) continue;
    const f = (name: string) => form.get(`q${i}-${name}`);
    const correct = new Set(form.all(`q${i}-correct`));
    const options = [];
    for (let j = 0; j < OPTION_SLOTS + 2; j++) {
      const text = f(`o${j}`).trim();
      if (!text) continue;
      const id = slugId(f(`oid${j}`)) || OPTION_IDS[j];
      options.push({ id, text, ...(correct.has(id) ? { correct: true } : {}) });
    }
    let id = slugId(f('id')) || `${slugId(idPrefix)}-${i + 1}`;
    while (used.has(id)) id = `${id}-b`;
    used.add(id);
    quiz.push({ id, question: f('question').trim(), options, explanation: f('explanation').trim(), pillar: pillar(f('pillar'), first) });
  }
  const taskTitle = form.get('task-title').trim();
  const instructions = form.get('task-instructions').trim();
  const checks = lines(form.get('task-checks'));
  const task: PracticalTask | undefined =
    taskTitle || instructions || checks.length > 0
      ? { id: slugId(form.get('task-id')) || 'tugas', title: taskTitle, instructions, mentorChecks: checks, pillar: pillar(form.get('task-pillar'), first) }
      : undefined;
  const minutes = Number(form.get('minutes'));
  return {
    title: form.get('title').trim(),
    summary: form.get('summary').trim(),
    order,
    minutes: Number.isFinite(minutes) ? minutes : 0,
    pillars,
    objectives: lines(form.get('objectives')),
    quiz,
    ...(task ? { task } : {}),
    body: form.get('body').replace(/\r\n/g, '\n'),
  };
}

/** An empty item block (the "Tambah soal" button). */
export function blankItem(n: number, pillarOf: Pillar, idPrefix = 'soal'): QuizItem {
  return { id: `${slugId(idPrefix)}-${n}`, question: '', options: [], explanation: '', pillar: pillarOf };
}

/** The order of a lesson from its slug "NN-…". */
export const orderOfSlug = (slug: string) => Number(slug.slice(0, 2)) || 1;

/**
 * Where the editor shows a check problem: `quiz.0.options.1.text` → `q0-options`,
 * `quiz.2.question` → `q2-question`, `task.mentorChecks` → `task-checks`, other fields as named.
 */
export function problemSlot(field: string): string {
  const item = /^quiz\.(\d+)\.(\w+)/.exec(field);
  if (item) return `q${item[1]}-${item[2]}`;
  if (field === 'task.mentorChecks') return 'task-checks';
  const task = /^task\.(\w+)/.exec(field);
  if (task) return `task-${task[1]}`;
  return field.split('.')[0];
}
