import { itemVersion } from '../learning/options';
import type { LessonMeta, QuizItem } from '../learning/types';
import type { LessonDraft } from './draft';

/**
 * What one version of a browser lesson holds (stored as JSON in lesson_versions.draft): the
 * draft the content check reads (frontmatter fields, quiz, task, Markdown body) and its place in
 * the module.
 */
export type LessonContent = LessonDraft & { order: number };

/** One field that differs between two versions, named the way the editor labels it. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const show = (value: unknown): string => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The field-level difference between two versions (pure): scalar fields, the list fields, each
 * quiz item by its id (question, options, explanation, pillar; added and removed items) and the
 * task's fields. The stale-save message and the compare page both read it.
 */
export function diffLessonContent(a: LessonContent, b: LessonContent): FieldChange[] {
  const changes: FieldChange[] = [];
  const field = (name: string, before: unknown, after: unknown) => {
    if (show(before) !== show(after)) changes.push({ field: name, before: show(before), after: show(after) });
  };
  for (const key of ['title', 'summary', 'order', 'minutes', 'pillars', 'objectives'] as const) field(key, a[key], b[key]);
  const before = new Map(a.quiz.map((item) => [item.id, item]));
  const after = new Map(b.quiz.map((item) => [item.id, item]));
  for (const [id, item] of before) {
    const next = after.get(id);
    if (!next) {
      field(`quiz.${id}`, item.question, undefined);
      continue;
    }
    for (const key of ['question', 'options', 'explanation', 'pillar'] as const) field(`quiz.${id}.${key}`, item[key], next[key]);
  }
  for (const [id, item] of after) if (!before.has(id)) field(`quiz.${id}`, undefined, item.question);
  for (const key of ['title', 'instructions', 'mentorChecks', 'pillar'] as const) field(`task.${key}`, a.task?.[key], b.task?.[key]);
  field('body', a.body, b.body);
  return changes;
}

/** `tanya` → `tanya`, `tanya-v2` → `tanya`: the item an id is a version of. */
export const baseItemId = (id: string) => id.replace(/-v\d+$/, '');

/**
 * Before a publish: an item that learners already answered and whose question, options or key
 * changed gets a new id (`<id>-v2`, `-v3`, …), so first answers, the item analysis and the
 * indicator keep meaning what they meant. Unanswered items keep their id (nothing to protect).
 * `taken` holds every item id the lesson has ever published, so a new id is never reused.
 */
export function reviseItemIds(published: QuizItem[], next: QuizItem[], answered: Set<string>, taken: Set<string>): QuizItem[] {
  const old = new Map(published.map((item) => [item.id, item]));
  const used = new Set(taken);
  return next.map((item) => {
    const was = old.get(item.id);
    if (!was || !answered.has(item.id) || itemVersion(was) === itemVersion(item)) return item;
    const base = baseItemId(item.id);
    let n = 2;
    while (used.has(`${base}-v${n}`)) n++;
    const id = `${base}-v${n}`;
    used.add(id);
    return { ...item, id };
  });
}

/**
 * A browser lesson as the rest of Melek sees it: the same LessonMeta as a content/ lesson, plus
 * where it came from (the version shown) and the item versions it retired (for the item analysis).
 */
export function authoredLessonMeta(
  id: string,
  content: LessonContent,
  options: { version: number; draft: boolean; h5p: string[]; retiredQuiz?: QuizItem[] },
): LessonMeta {
  const [module, slug] = id.split('/');
  return {
    id,
    module,
    slug,
    order: content.order,
    title: content.title,
    summary: content.summary,
    minutes: content.minutes,
    pillars: content.pillars,
    objectives: content.objectives,
    quiz: content.quiz,
    task: content.task,
    draft: options.draft,
    bodyLength: content.body.length,
    h5p: options.h5p,
    authored: { version: options.version, retiredQuiz: options.retiredQuiz ?? [] },
  };
}
