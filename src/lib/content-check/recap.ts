import { m } from './messages';
import type { RuleProblem } from './rules';

/** How many lines a recap has: few enough to remember, enough to hold the lesson's point. */
export const RECAP_LINES = 3;

/**
 * Every lesson ends with an <Ingat> recap of three list lines. A warning, not
 * an error: a lesson without one still teaches, but the writer is told what is missing and where.
 */
export function recapRule(body: string, bodyStartLine: number, lessonEndLine: number): RuleProblem[] {
  const open = body.lastIndexOf('<Ingat');
  if (open < 0) return [{ line: lessonEndLine, severity: 'warning', code: 'recap-missing', message: m.recapMissing(RECAP_LINES) }];
  const line = bodyStartLine + body.slice(0, open).split('\n').length - 1;
  const close = body.indexOf('</Ingat>', open);
  if (close < 0) return [];
  const problems: RuleProblem[] = [];
  const inside = body.slice(open, close);
  const items = inside.split('\n').filter((l) => /^\s*[-*]\s+\S/.test(l)).length;
  if (items !== RECAP_LINES) problems.push({ line, severity: 'warning', code: 'recap-lines', message: m.recapLines(items, RECAP_LINES) });
  if (body.slice(close + '</Ingat>'.length).trim() !== '') problems.push({ line, severity: 'warning', code: 'recap-not-last', message: m.recapNotLast() });
  return problems;
}
