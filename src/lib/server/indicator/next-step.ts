import { LEVELS, levelOf, pillarContent, scorePillar, type Level, type LearnerRecords } from '../../indicator/score';
import type { CourseModule, LessonMeta, Pillar } from '../../learning/types';

/**
 * The next concrete step for one pillar: of every single thing the learner could do now (finish
 * a lesson, answer a lesson's quiz all right, get a task approved), the one that raises that
 * pillar's score the most, found by recomputing the score as if it were done. Ties go to the
 * earliest in the course. Tasks waiting for the mentor are not something the learner can do, so
 * they are left out, and said so when nothing else is left. Pure.
 */
export type StepAction =
  { kind: 'task'; lesson: LessonMeta; taskTitle: string; redo: boolean } | { kind: 'quiz'; lesson: LessonMeta } | { kind: 'lesson'; lesson: LessonMeta };

export type NextStep =
  | { kind: 'noData' }
  | { kind: 'step'; action: StepAction; from: number; to: number; toLevel: Level; nextLevel: Level | null; reaches: boolean }
  | { kind: 'waiting'; lesson: LessonMeta; taskTitle: string }
  | { kind: 'done' };

export function nextStep(
  course: CourseModule[],
  records: LearnerRecords,
  pillar: Pillar,
  taskStatus: Map<string, 'submitted' | 'approved' | 'needs_work'>,
): NextStep {
  const content = pillarContent(course)[pillar];
  const now = scorePillar(pillar, content, records);
  if (!now.enoughData) return { kind: 'noData' };
  const lessons = course.flatMap((m) => m.lessons);
  const nextLevel = LEVELS[LEVELS.indexOf(now.level) + 1] ?? null;

  const candidates: Array<{ action: StepAction; records: LearnerRecords }> = [];
  let waiting: NextStep | undefined;
  for (const lesson of lessons) {
    const task = lesson.task;
    if (task && task.pillar === pillar && !records.approvedTasks.has(task.id)) {
      const status = taskStatus.get(task.id);
      if (status === 'submitted') waiting ??= { kind: 'waiting', lesson, taskTitle: task.title };
      else
        candidates.push({
          action: { kind: 'task', lesson, taskTitle: task.title, redo: status === 'needs_work' },
          records: { ...records, approvedTasks: new Set([...records.approvedTasks, task.id]) },
        });
    }
    if (content.quizLessons.includes(lesson.id) && quizShare(records, lesson.id, pillar) < 1) {
      // Answering a quiz also completes its lesson; every pillar of the quiz gets full marks.
      const full: LearnerRecords['attempts'][number] = {
        lessonId: lesson.id,
        score: lesson.quiz.length,
        maxScore: lesson.quiz.length,
        at: Number.POSITIVE_INFINITY,
        pillarScores: Object.fromEntries(
          [...new Set(lesson.quiz.map((q) => q.pillar))].map((p) => [
            p,
            { score: lesson.quiz.filter((q) => q.pillar === p).length, max: lesson.quiz.filter((q) => q.pillar === p).length },
          ]),
        ),
      };
      candidates.push({
        action: { kind: 'quiz', lesson },
        records: { ...records, attempts: [...records.attempts, full], completedLessons: new Set([...records.completedLessons, lesson.id]) },
      });
    } else if (content.lessons.includes(lesson.id) && !records.completedLessons.has(lesson.id)) {
      candidates.push({ action: { kind: 'lesson', lesson }, records: { ...records, completedLessons: new Set([...records.completedLessons, lesson.id]) } });
    }
  }

  let best: { action: StepAction; to: number } | undefined;
  for (const candidate of candidates) {
    const after = scorePillar(pillar, content, candidate.records);
    if (!after.enoughData || after.score <= now.score) continue;
    if (!best || after.score > best.to) best = { action: candidate.action, to: after.score };
  }
  if (!best) return waiting ?? { kind: 'done' };
  const toLevel = levelOf(best.to);
  return { kind: 'step', action: best.action, from: now.score, to: best.to, toLevel, nextLevel, reaches: LEVELS.indexOf(toLevel) > LEVELS.indexOf(now.level) };
}

/** The best share (0..1) of a lesson quiz's items in this pillar over all attempts. */
function quizShare(records: LearnerRecords, lessonId: string, pillar: Pillar): number {
  let best = 0;
  for (const a of records.attempts) {
    const part = a.lessonId === lessonId ? a.pillarScores?.[pillar] : undefined;
    if (part && part.max > 0) best = Math.max(best, part.score / part.max);
  }
  return best;
}
