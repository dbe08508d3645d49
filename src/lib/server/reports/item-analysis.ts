import { sql } from 'drizzle-orm';
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
    ...m.lessons.flatMap((l) => [
      ...l.quiz.map((item): BankItem => ({ item, where: { kind: 'lesson', lessonId: l.id, title: l.title } })),
      // Older versions of browser-lesson items learners answered before an edit: still analysed, labelled.
      ...(l.authored?.retiredQuiz ?? []).map((item): BankItem => ({ item, where: { kind: 'lesson', lessonId: l.id, title: l.title, retired: true } })),
    ]),
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
  const lessonItems = new Map(course.flatMap((m) => m.lessons.map((l): [string, QuizItem[]] => [l.id, [...l.quiz, ...(l.authored?.retiredQuiz ?? [])]])));
  const modules = new Map(course.map((m) => [m.id, m]));
  const [attempts, assessments] = await Promise.all([
    db().all<{ user_id: string; lesson_id: string; kind: TestContext; form: 'A' | 'B' | null; answers: string }>(
      sql`SELECT user_id, lesson_id, kind, form, answers FROM quiz_attempts WHERE user_id IN ${ids} ORDER BY at, id`,
    ),
    db().all<{ user_id: string; timepoint: 'pre' | 'post'; answers: string }>(
      sql`SELECT user_id, timepoint, answers FROM assessments WHERE user_id IN ${ids} ORDER BY at`,
    ),
  ]);
  const answers: FirstAnswer[] = [];
  /** learner → item → contexts already answered (the first answer counts). */
  const seen = new Map<string, Map<string, Set<TestContext>>>();
  for (const row of attempts) {
    const kind = row.kind;
    const learnerId = row.user_id;
    let items: QuizItem[] | undefined;
    if (kind === 'lesson') items = lessonItems.get(row.lesson_id);
    else {
      const module = modules.get(row.lesson_id);
      items = module ? formItems(module, attemptForm({ kind, form: row.form })) : undefined;
    }
    if (!items) continue;
    let stored: Record<string, unknown>;
    try {
      stored = JSON.parse(row.answers);
    } catch {
      continue;
    }
    let mine = seen.get(learnerId);
    if (!mine) seen.set(learnerId, (mine = new Map()));
    for (const item of items) {
      const optionId = storedOptionId(item.id, stored[item.id]);
      if (optionId === undefined) continue;
      let contexts = mine.get(item.id);
      if (!contexts) mine.set(item.id, (contexts = new Set()));
      if (contexts.has(kind)) continue;
      contexts.add(kind);
      answers.push({ learnerId, itemId: item.id, context: kind, optionId, correct: optionId === correctOption(item).id });
    }
  }
  /** timepoint → learner → their latest answers (rows come oldest first). */
  const latest = { pre: new Map<string, Record<string, number>>(), post: new Map<string, Record<string, number>>() };
  for (const row of assessments) {
    try {
      latest[row.timepoint === 'post' ? 'post' : 'pre'].set(row.user_id, JSON.parse(row.answers));
    } catch {
      /* a broken row is left out */
    }
  }
  const scale = SELF_ASSESSMENT.map((i) => i.id);
  return {
    items: analyzeItems(bank, answers),
    alpha: { pre: cronbachAlpha([...latest.pre.values()], scale), post: cronbachAlpha([...latest.post.values()], scale) },
  };
}
