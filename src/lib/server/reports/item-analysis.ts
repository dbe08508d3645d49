import { db } from '@db/client';
import { SELF_ASSESSMENT } from '../../indicator/instrument';
import { attemptForm, formItems } from '../../indicator/forms';
import { correctOption, storedOptionId } from '../../learning/options';
import type { CourseModule, QuizItem } from '../../learning/types';
import { analyzeItems, cronbachAlpha, type BankItem, type FirstAnswer, type TestContext } from '../../reports/item-analysis';
import { scopeIds, type ReportScope } from './scope';

/** Every item of the course: each lesson's quiz, then each module's forms A and B. */
export function itemBank(course: CourseModule[]): BankItem[] {
  return course.flatMap((m) => [
    ...m.lessons.flatMap((l) => l.quiz.map((item): BankItem => ({ item, where: { kind: 'lesson', lessonId: l.id, title: l.title } }))),
    ...(['A', 'B'] as const).flatMap((form) =>
      formItems(m, form).map((item): BankItem => ({ item, where: { kind: 'form', moduleId: m.id, form, title: m.title } })),
    ),
  ]);
}

/**
 * The item analysis over the learners in scope (same scope and cohort filter as the report): each
 * learner's first answer to each item, read from the stored attempts (option ids; old rows'
 * positions through the snapshot of the old order), and Cronbach's alpha of the self-assessment
 * (pre and post separately, the latest answer per learner and timepoint).
 */
export async function loadItemAnalysis(scope: ReportScope, course: CourseModule[]) {
  const ids = scopeIds(scope);
  const bank = itemBank(course);
  const lessonItems = new Map(course.flatMap((m) => m.lessons.map((l) => [l.id, l.quiz] as const)));
  const modules = new Map(course.map((m) => [m.id, m]));
  const [attempts, assessments] = await Promise.all([
    db().$client.execute({
      sql: `SELECT user_id, lesson_id, kind, form, answers, at FROM quiz_attempts WHERE user_id IN (${ids.sql}) ORDER BY at, id`,
      args: ids.args,
    }),
    db().$client.execute({ sql: `SELECT user_id, timepoint, answers, at FROM assessments WHERE user_id IN (${ids.sql}) ORDER BY at`, args: ids.args }),
  ]);
  const answers: FirstAnswer[] = [];
  const seen = new Set<string>();
  for (const row of attempts.rows) {
    const kind = String(row.kind) as TestContext;
    const learnerId = String(row.user_id);
    let items: QuizItem[] | undefined;
    if (kind === 'lesson') items = lessonItems.get(String(row.lesson_id));
    else {
      const module = modules.get(String(row.lesson_id));
      items = module ? formItems(module, attemptForm({ kind, form: row.form === null ? null : String(row.form) })) : undefined;
    }
    if (!items) continue;
    let stored: Record<string, unknown>;
    try {
      stored = JSON.parse(String(row.answers));
    } catch {
      continue;
    }
    for (const item of items) {
      const optionId = storedOptionId(item.id, stored[item.id]);
      const key = `${learnerId}\u0000${item.id}\u0000${kind}`;
      if (optionId === undefined || seen.has(key)) continue;
      seen.add(key);
      answers.push({ learnerId, itemId: item.id, context: kind, optionId, correct: optionId === correctOption(item).id });
    }
  }
  const latest = new Map<string, Record<string, number>>();
  for (const row of assessments.rows) {
    try {
      latest.set(`${row.user_id}\u0000${row.timepoint}`, JSON.parse(String(row.answers)));
    } catch {
      /* a broken row is left out */
    }
  }
  const scale = SELF_ASSESSMENT.map((i) => i.id);
  const byTimepoint = (tp: string) => [...latest].filter(([k]) => k.endsWith(`\u0000${tp}`)).map(([, v]) => v);
  return {
    items: analyzeItems(bank, answers),
    alpha: { pre: cronbachAlpha(byTimepoint('pre'), scale), post: cronbachAlpha(byTimepoint('post'), scale) },
  };
}
