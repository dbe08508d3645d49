/**
 * The content check on a lesson written in the browser (issue 19, item 4). PURE. The same rules
 * as `npm run content:check`, by calling its rule functions, with each problem mapped to the form
 * field it belongs to, so the editor can show it beside that field.
 */
import type { Pillar, QuizItem, PracticalTask } from '../learning/types';

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
  /** 'title' | 'summary' | 'minutes' | 'pillars' | 'objectives' | 'body' | 'quiz' | 'quiz.0.question' | 'quiz.0.options' | 'quiz.0.options.1.text' | 'task' | 'task.mentorChecks' … */
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

export function checkLessonDraft(draft: LessonDraft, ctx: { knownH5pIds?: Set<string> } = {}): DraftCheck {
  void ctx;
  return {
    ok: false,
    problems: [{ field: 'body', message: 'Belum tersedia.', severity: 'error' }],
    pageWeightKb: 0,
    words: 0,
    minutes: draft.minutes,
    maxMinutes: 10,
  };
}
