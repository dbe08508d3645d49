import { estimatedLessonKb } from '../learning/data-cost';
import { PILLARS } from '../learning/types';
import { MAX_LESSON_MINUTES } from '../learning/schema';
import { GUIDANCE_MARKER, m, MAX_PAGE_KB, MIN_QUIZ_ITEMS_PER_LESSON } from './messages';
import type { Severity, YamlPath } from './types';
import { correctIsLongest, MAX_LONGEST_SHARE, MIN_OPTIONS, muchLonger, type PlainItem } from './item-quality';

/**
 * Rules about one lesson or module that the schema cannot express, run on the raw frontmatter
 * (so they still explain what they can when other fields are broken). Each returns problems
 * with file lines; `lineOf` maps a frontmatter path to the line of its key.
 */
export interface RuleProblem {
  line: number;
  severity: Severity;
  code: string;
  message: string;
}

type LineOf = (path: YamlPath) => number;
type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const norm = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toLowerCase();

/** Keys trainers put on a question to say which answer is right. */
const ANSWER_KEYS = ['correct', 'answer', 'jawaban', 'benar', 'kunci'];

/** The quiz items of a lesson, each with its frontmatter path. */
export const lessonQuizItems = (quiz: unknown) => (Array.isArray(quiz) ? quiz.map((item, i) => ({ item, at: ['quiz', i] as YamlPath })) : []);

/**
 * Exactly one option marked `correct: true`, and that option is among the options.
 * Returns the problems and the "path|key" pairs it explained (so the schema's "unknown field"
 * message for `correct:` written on the question is not repeated).
 */
export function quizRules(items: Array<{ item: unknown; at: YamlPath }>, lineOf: LineOf): { problems: RuleProblem[]; claimed: Set<string> } {
  const problems: RuleProblem[] = [];
  const claimed = new Set<string>();
  for (const { item, at } of items) {
    if (!isObject(item)) continue;
    const options = Array.isArray(item.options) ? item.options : [];
    const correctLines = options
      .map((o, j) => (isObject(o) && o.correct === true ? lineOf([...at, 'options', j, 'correct']) : undefined))
      .filter((l): l is number => l !== undefined);
    const answerKey = ANSWER_KEYS.find((k) => k in item && item[k] !== true && item[k] !== false && item[k] !== undefined);
    if (correctLines.length === 0) {
      if (answerKey) {
        claimed.add(`${at.join('.')}|${answerKey}`);
        const value = String(item[answerKey]);
        const index = options.findIndex((o) => isObject(o) && norm(o.text) === norm(value));
        const letter = /^[a-f]$/i.test(value.trim()) ? value.trim().toLowerCase().charCodeAt(0) - 97 : -1;
        const number = /^\d$/.test(value.trim()) ? Number(value.trim()) - 1 : -1;
        const pick = index >= 0 ? index : letter >= 0 && letter < options.length ? letter : number >= 0 && number < options.length ? number : -1;
        const line = lineOf([...at, answerKey]);
        problems.push(
          pick >= 0
            ? { line, severity: 'error', code: 'quiz-answer-on-question', message: m.answerOnQuestion(at, value, pick + 1, lineOf([...at, 'options', pick])) }
            : { line, severity: 'error', code: 'quiz-answer-not-option', message: m.answerNotAmongOptions(at, value) },
        );
      } else if (options.length > 0) {
        problems.push({ line: lineOf([...at, 'options']), severity: 'error', code: 'quiz-no-correct', message: m.noCorrect(at) });
      }
    } else if (correctLines.length > 1) {
      problems.push({
        line: correctLines[1],
        severity: 'error',
        code: 'quiz-many-correct',
        message: m.manyCorrect(at, correctLines.length, correctLines),
      });
    }
    if (options.length > 0 && options.length < MIN_OPTIONS) {
      problems.push({ line: lineOf([...at, 'options']), severity: 'error', code: 'quiz-too-few-options', message: m.tooFewOptions(at, options.length) });
    }
    const ids = new Map<string, number>();
    options.forEach((o, j) => {
      if (!isObject(o) || typeof o.id !== 'string') return;
      const line = lineOf([...at, 'options', j, 'id']);
      const other = ids.get(o.id);
      if (other !== undefined) problems.push({ line, severity: 'error', code: 'quiz-duplicate-option-id', message: m.duplicateOptionId(at, o.id, other) });
      else ids.set(o.id, line);
    });
    const seen = new Set<string>();
    options.forEach((o, j) => {
      if (!isObject(o) || o.text === undefined) return;
      const key = norm(o.text);
      if (key && seen.has(key)) {
        problems.push({
          line: lineOf([...at, 'options', j]),
          severity: 'error',
          code: 'quiz-duplicate-option',
          message: m.duplicateOption(at, String(o.text)),
        });
      }
      seen.add(key);
    });
  }
  return { problems, claimed };
}

/** Every lesson has ≥ 3 quiz items and a task; each item and the task name one of the lesson's pillars. */
export function lessonShapeRules(data: Raw, lineOf: LineOf, openLine: number): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const quiz = Array.isArray(data.quiz) ? data.quiz : [];
  if (quiz.length < MIN_QUIZ_ITEMS_PER_LESSON) {
    problems.push({ line: 'quiz' in data ? lineOf(['quiz']) : openLine, severity: 'error', code: 'quiz-too-few', message: m.tooFewQuiz(quiz.length) });
  }
  if (data.task === undefined) problems.push({ line: openLine, severity: 'error', code: 'task-missing', message: m.noTask() });
  // The mentor kit: a warning for now, so a new lesson can be published before its kit is written.
  else if (isObject(data.task) && data.task.kit === undefined)
    problems.push({ line: lineOf(['task']), severity: 'warning', code: 'task-kit-missing', message: m.noTaskKit() });
  const pillars = Array.isArray(data.pillars) ? data.pillars.map(String) : [];
  if (pillars.length) {
    quiz.forEach((item, i) => {
      if (isObject(item) && typeof item.pillar === 'string' && (PILLARS as readonly string[]).includes(item.pillar) && !pillars.includes(item.pillar)) {
        problems.push({
          line: lineOf(['quiz', i, 'pillar']),
          severity: 'warning',
          code: 'pillar-not-in-lesson',
          message: m.pillarNotInLesson(['quiz', i], item.pillar, pillars),
        });
      }
    });
    const task = data.task;
    if (isObject(task) && typeof task.pillar === 'string' && (PILLARS as readonly string[]).includes(task.pillar) && !pillars.includes(task.pillar)) {
      problems.push({
        line: lineOf(['task', 'pillar']),
        severity: 'warning',
        code: 'pillar-not-in-lesson',
        message: m.pillarNotInLesson(['task'], task.pillar, pillars),
      });
    }
  }
  return problems;
}

/** Lines still holding the scaffold's "TULIS: …" guidance. `firstLine` is the file line of `text`'s first line. */
export function guidanceRule(text: string, firstLine: number): RuleProblem[] {
  const problems: RuleProblem[] = [];
  text.split('\n').forEach((line, i) => {
    const at = line.indexOf(GUIDANCE_MARKER);
    if (at < 0) return;
    const excerpt = line.slice(at).split(/["<]/)[0].trim();
    const message = problems.length ? m.guidanceAgain(excerpt) : m.guidance(excerpt);
    problems.push({ line: firstLine + i, severity: 'error', code: 'guidance', message });
  });
  return problems;
}

/** Words per minute for these readers (many read slowly on a small screen), and time per quiz item. */
export const WORDS_PER_MINUTE = 120;
export const SECONDS_PER_QUIZ_ITEM = 30;

/** Minutes (with fractions) to read the body and answer the quiz. */
export function estimatedMinutes(words: number, quizItems: number): number {
  return words / WORDS_PER_MINUTE + (quizItems * SECONDS_PER_QUIZ_ITEM) / 60;
}

/**
 * ≤ 10 minutes (error), and the declared `minutes` not far from the estimate (warning). The
 * declared time may include trying things on the phone, so it may be up to twice the estimate;
 * it may not promise less than the estimate minus 2 minutes.
 */
export function readingTimeRules(words: number, quizItems: number, declared: unknown, minutesLine: number, openLine: number): RuleProblem[] {
  const exact = estimatedMinutes(words, quizItems);
  if (exact > MAX_LESSON_MINUTES) return [{ line: openLine, severity: 'error', code: 'reading-too-long', message: m.readingTooLong(Math.ceil(exact)) }];
  if (typeof declared === 'number' && (declared < exact - 2 || declared > Math.max(2 * exact, exact + 2))) {
    return [{ line: minutesLine, severity: 'warning', code: 'reading-far', message: m.readingFar(Math.max(1, Math.round(exact)), declared) }];
  }
  return [];
}

/** The page's gzip size estimated like the "± N KB" learners see (src/lib/learning/data-cost.ts). */
export function pageWeightRule(bodyLength: number, quizItems: number, openLine: number): RuleProblem[] {
  const kb = estimatedLessonKb(bodyLength, quizItems);
  return kb > MAX_PAGE_KB ? [{ line: openLine, severity: 'warning', code: 'page-too-heavy', message: m.pageTooHeavy(kb) }] : [];
}

/**
 * Item quality over the items of one module (issue 14): the right answer may be the longest option
 * in at most MAX_LONGEST_SHARE of them, and never much longer than the others. Errors, each for its item.
 */
export function itemQualityRules<T extends { item: PlainItem; at: YamlPath }>(all: T[]): Array<{ of: T; code: string; message: string }> {
  const found: Array<{ of: T; code: string; message: string }> = [];
  const longest = all.filter((x) => correctIsLongest(x.item));
  if (all.length > 0 && longest.length > MAX_LONGEST_SHARE * all.length) {
    for (const x of longest) found.push({ of: x, code: 'quiz-longest-too-often', message: m.longestTooOften(x.at, longest.length, all.length) });
  }
  for (const x of all) {
    const much = muchLonger(x.item);
    if (much) found.push({ of: x, code: 'quiz-much-longer', message: m.muchLonger(x.at, much.right, much.other) });
  }
  return found;
}
