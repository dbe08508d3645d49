import { desc, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { quizAttempts, taskSubmissions, users } from '@db/schema';
import { allLessons, continueLesson } from '../../learning/curriculum';
import { firstAnswerScore, storedResults } from '../../learning/grading';
import { attemptItems } from '../indicator/prepost';
import type { CourseModule } from '../../learning/types';
import { LEARNER_ACCOUNT_COLUMNS } from '../accounts/users';
import { learnerCohort } from './cohorts';
import { assignmentHistory } from './assignments';
import { notesFor } from './notes';
import { nudgesFor } from './nudges';
import { lastTouchedLesson, progressByLesson } from '../progress/queries';

/** Everything a mentor sees about one learner. Call only after maySeeLearner(). */
export async function learnerDetail(learnerId: string, course: CourseModule[]) {
  const [[learner], cohort, progress, lastTouched, attempts, submissions, notes, history, nudgeLog] = await Promise.all([
    db().select(LEARNER_ACCOUNT_COLUMNS).from(users).where(eq(users.id, learnerId)).limit(1),
    learnerCohort(learnerId),
    progressByLesson(learnerId),
    lastTouchedLesson(learnerId),
    db().select().from(quizAttempts).where(eq(quizAttempts.userId, learnerId)).orderBy(desc(quizAttempts.at)),
    db().select().from(taskSubmissions).where(eq(taskSubmissions.userId, learnerId)).orderBy(desc(taskSubmissions.submittedAt)),
    notesFor(learnerId),
    assignmentHistory(learnerId),
    nudgesFor(learnerId),
  ]);
  if (!learner) return undefined;
  const lessons = allLessons(course);
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const taskLesson = new Map(lessons.filter((l) => l.task).map((l) => [l.task!.id, l]));
  const completed = new Set([...progress.values()].filter((p) => p.status === 'completed').map((p) => p.lessonId));
  const modules = course.map((module) => ({
    module,
    done: module.lessons.filter((l) => completed.has(l.id)).length,
    lessons: module.lessons.map((lesson) => {
      const mine = attempts.filter((a) => a.lessonId === lesson.id && a.kind === 'lesson');
      // The score that counts (first answers), as the learner sees it.
      const counting = firstAnswerScore(lesson.quiz, mine);
      return { lesson, progress: progress.get(lesson.id), attempts: mine.length, best: counting && { score: counting.score, maxScore: counting.max } };
    }),
  }));
  const latestByTask = new Map<string, string>();
  for (const s of submissions) if (!latestByTask.has(s.taskId)) latestByTask.set(s.taskId, s.id);
  return {
    learner: { ...learner, hasPassword: Boolean(learner.hasPassword) },
    cohort,
    modules,
    next: continueLesson(course, completed, lastTouched),
    // What the learner actually chose in each attempt (option texts, by option id).
    attempts: attempts.map((a) => {
      const lesson = a.kind === 'lesson' ? lessonById.get(a.lessonId) : undefined;
      const module = a.kind === 'lesson' ? undefined : course.find((m) => m.id === a.lessonId);
      const items = lesson ? lesson.quiz : module ? attemptItems(module, a) : [];
      const byId = new Map(items.map((i) => [i.id, i]));
      const choices = storedResults(items, a.answers).map((r) => {
        const item = byId.get(r.itemId)!;
        const text = (id: string) => item.options.find((o) => o.id === id)?.text ?? '—';
        return { question: item.question, chosen: text(r.chosenId), right: text(r.correctId), correct: r.correct };
      });
      return { ...a, lesson, module, moduleTitle: module?.title, choices };
    }),
    submissions: submissions.map((s) => ({ ...s, lesson: taskLesson.get(s.taskId), latest: latestByTask.get(s.taskId) === s.id })),
    notes,
    history,
    nudges: nudgeLog,
  };
}
