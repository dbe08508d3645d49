/**
 * The content check on a lesson written in the browser (issue 19, item 4). PURE. The same rules
 * as `npm run content:check`, by calling its rule functions, with each problem mapped to the form
 * field it belongs to, so the editor can show it beside that field.
 */
import { estimatedLessonKb } from '../learning/data-cost';
import { lessonSchema, MAX_LESSON_MINUTES } from '../learning/schema';
import type { Pillar, QuizItem, PracticalTask } from '../learning/types';
import type { ParsedYaml } from '../content-check/frontmatter';
import type { PlainItem } from '../content-check/item-quality';
import { countWords } from '../content-check/mdx';
import { recapRule } from '../content-check/recap';
import {
  estimatedMinutes,
  guidanceRule,
  itemQualityRules,
  lessonQuizItems,
  lessonShapeRules,
  pageWeightRule,
  quizRules,
  readingTimeRules,
  type RuleProblem,
} from '../content-check/rules';
import { translateIssues } from '../content-check/schema-issues';
import type { YamlPath } from '../content-check/types';
import { parseLessonBody } from './body';

export interface LessonDraft {
  title: string;
  summary: string;
  minutes: number;
  pillars: Pillar[];
  objectives: string[];
  quiz: QuizItem[];
  task?: PracticalTask;
  body: string;
}

export interface DraftProblem {
  /**
   * The form field: 'title' | 'summary' | 'minutes' | 'pillars' | 'objectives' | 'objectives.1' | 'body' |
   * 'quiz' | 'quiz.0.question' | 'quiz.0.options' | 'quiz.0.explanation' | 'quiz.0.pillar' | 'quiz.0.id' |
   * 'task' | 'task.instructions' | 'task.mentorChecks' | 'task.pillar' …, or 'lesson' for the lesson as a whole.
   * Paths deeper than these are cut to them ('quiz.0.options.2.text' → 'quiz.0.options').
   */
  field: string;
  /** Line in the body, for problems of field 'body'. */
  line?: number;
  /** Indonesian. */
  message: string;
  severity: 'error' | 'warning';
}

export interface DraftCheck {
  /** No errors (warnings allowed). */
  ok: boolean;
  problems: DraftProblem[];
  /** Estimated gzipped KB of the lesson page, the same estimate as the "± N KB" learners see. */
  pageWeightKb: number;
  words: number;
  /** Estimated minutes (reading + quiz), rounded up. */
  minutes: number;
  maxMinutes: number;
}

export interface DraftContext {
  /** The H5P activities that exist; an `<H5P id>` outside them is an error. */
  knownH5pIds?: Set<string>;
  /**
   * The other quiz items of the module (its published lessons and pre/post forms): the content
   * check judges "the right answer is the longest option too often" over a whole module, so that
   * rule is applied only when they are given (a lesson's three items alone are too few to judge).
   */
  moduleItems?: PlainItem[];
}

/** The frontmatter a built-in lesson would have; module and order are not the editor's to check here. */
function frontmatterOf(draft: LessonDraft): Record<string, unknown> {
  const data: Record<string, unknown> = {
    module: 'draft',
    order: 1,
    title: draft.title,
    summary: draft.summary,
    minutes: draft.minutes,
    pillars: draft.pillars,
    objectives: draft.objectives,
    quiz: (draft.quiz ?? []).map((q) => ({
      id: q.id,
      question: q.question,
      options: (q.options ?? []).map((o) => ({ id: o.id, text: o.text, ...(o.correct === undefined ? {} : { correct: o.correct }) })),
      explanation: q.explanation,
      pillar: q.pillar,
    })),
  };
  if (draft.task) {
    const { id, title, instructions, mentorChecks, pillar, kit } = draft.task;
    data.task = { id, title, instructions, mentorChecks, pillar, ...(kit === undefined ? {} : { kit }) };
  }
  return data;
}

/** Cuts a frontmatter path to the form field it belongs to. */
export function fieldOf(path: YamlPath): string {
  const [head, ...rest] = path.map(String);
  if (head === undefined) return 'lesson';
  if (head === 'quiz') return ['quiz', ...rest.slice(0, 2)].join('.');
  if (head === 'task') return ['task', ...rest.slice(0, 1)].join('.');
  if (head === 'objectives') return ['objectives', ...rest.slice(0, 1)].join('.');
  return head;
}

/** Whole-lesson problems of the content check and the field they are shown beside. */
const FIELD_OF_CODE: Record<string, string> = {
  'task-missing': 'task',
  'reading-too-long': 'body',
  'page-too-heavy': 'body',
};

/**
 * The content check on a lesson draft: the lesson schema, the quiz rules (exactly one right
 * option, ≥ 3 options, no repeats), the lesson's shape (≥ 3 items, a task with mentor checks),
 * item quality, reading time against `minutes`, page weight, the recap, scaffold guidance, and
 * the body's own check (parseLessonBody). Every rule is the content check's own function; the
 * content check's "file lines" are replaced by form fields: each frontmatter path gets a number
 * of its own, and the number is turned back into the field.
 */
export function checkLessonDraft(draft: LessonDraft, ctx: DraftContext = {}): DraftCheck {
  const data = frontmatterOf(draft);
  const paths: YamlPath[] = [];
  const OPEN = 1;
  const lineOf = (path: YamlPath): number => {
    const key = path.join('.');
    const at = paths.findIndex((p) => p.join('.') === key);
    if (at >= 0) return at + OPEN + 1;
    paths.push(path);
    return paths.length + OPEN;
  };
  const problems: DraftProblem[] = [];
  const fromRule = (p: RuleProblem) => {
    const field = p.line === OPEN ? (FIELD_OF_CODE[p.code] ?? 'lesson') : fieldOf(paths[p.line - OPEN - 1] ?? []);
    problems.push({ field, message: p.message, severity: p.severity });
  };
  const fromBody = (p: RuleProblem) => problems.push({ field: 'body', line: p.line, message: p.message, severity: p.severity });

  // Schema and quiz rules, as schemaProblems() in check.ts.
  const quizItems = lessonQuizItems(data.quiz);
  const { problems: quizProblems, claimed } = quizRules(quizItems, lineOf);
  quizProblems.forEach(fromRule);
  const parsed = lessonSchema.safeParse(data);
  if (!parsed.success) {
    const yaml: ParsedYaml = { data, issues: [], lineOf, has: () => true, trailingComments: [] };
    for (const issue of translateIssues(parsed.error.issues, data, lessonSchema, yaml, OPEN, claimed)) fromRule({ ...issue, severity: 'error' });
  }
  lessonShapeRules(data, lineOf, OPEN).forEach(fromRule);

  // Scaffold guidance ("TULIS: …") left in any text field or in the body.
  const strings = (value: unknown, path: YamlPath): void => {
    if (typeof value === 'string') guidanceRule(value, OPEN).forEach((p) => fromRule({ ...p, line: lineOf(path) }));
    else if (Array.isArray(value)) value.forEach((v, i) => strings(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, [...path, k]);
  };
  strings(data, []);
  const body = typeof draft.body === 'string' ? draft.body : '';
  guidanceRule(body, 1).forEach(fromBody);

  // The body: data only (body.ts), then the content check's body rules.
  const checked = parseLessonBody(body, { knownH5pIds: ctx.knownH5pIds });
  for (const e of checked.errors) problems.push({ field: 'body', line: e.line, message: e.message, severity: 'error' });
  for (const w of checked.warnings ?? []) problems.push({ field: 'body', line: w.line, message: w.message, severity: 'warning' });
  const quizCount = quizItems.length;
  const words = checked.words + countWords((draft.objectives ?? []).map(String).join(' '));
  if (checked.ok) {
    readingTimeRules(words, quizCount, draft.minutes, lineOf(['minutes']), OPEN).forEach(fromRule);
    pageWeightRule(body.length, quizCount, OPEN).forEach(fromRule);
    recapRule(body, 1, body.split('\n').length).forEach(fromBody);
  }

  // Item quality over the module's items with this lesson's.
  const own = (draft.quiz ?? []).map((q, i) => ({
    item: { id: q.id, question: q.question, options: (q.options ?? []).map((o) => ({ text: String(o.text ?? ''), correct: o.correct === true })) },
    at: ['quiz', i] as YamlPath,
    mine: true,
  }));
  const others = (ctx.moduleItems ?? []).map((item) => ({ item, at: ['quiz', -1] as YamlPath, mine: false }));
  for (const found of itemQualityRules([...own, ...others]))
    if (found.of.mine && (ctx.moduleItems || found.code !== 'quiz-longest-too-often'))
      fromRule({ line: lineOf([...found.of.at, 'options']), severity: 'error', code: found.code, message: found.message });

  return {
    ok: !problems.some((p) => p.severity === 'error'),
    problems,
    pageWeightKb: estimatedLessonKb(body.length, quizCount),
    words,
    minutes: Math.max(1, Math.ceil(estimatedMinutes(words, quizCount))),
    maxMinutes: MAX_LESSON_MINUTES,
  };
}
