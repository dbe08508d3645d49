import { continueLesson } from '../../learning/curriculum';
import type { CourseModule } from '../../learning/types';
import { homeMainAction } from '../../indicator/pretest-offer';
import { pretestStatus } from '../indicator/pretest-skips';
import { lastTouchedLesson, latestSubmissions, progressByLesson } from './queries';
import { reviewSessionFor } from './spaced-review';

/** Everything the learner's home shows about their learning, from a few small queries. */
export async function learnerHome(userId: string, course: CourseModule[], now = Date.now()) {
  const [progress, lastTouched, submissions, review, pretests] = await Promise.all([
    progressByLesson(userId),
    lastTouchedLesson(userId),
    latestSubmissions(userId),
    reviewSessionFor(userId, course, now),
    pretestStatus(userId),
  ]);
  const completed = new Set([...progress.values()].filter((p) => p.status === 'completed').map((p) => p.lessonId));
  const modules = course.map((module) => ({
    module,
    done: module.lessons.filter((l) => completed.has(l.id)).length,
    total: module.lessons.length,
    lessons: module.lessons.map((lesson) => ({ lesson, status: progress.get(lesson.id)?.status })),
  }));
  const tasksByLesson = new Map(
    course
      .flatMap((m) => m.lessons)
      .filter((l) => l.task)
      .map((l) => [l.task!.id, l]),
  );
  const tasks = [...submissions.values()].filter((s) => tasksByLesson.has(s.taskId)).map((s) => ({ submission: s, lesson: tasksByLesson.get(s.taskId)! }));
  const next = continueLesson(course, completed, lastTouched);
  return {
    next,
    /** The main button: the next lesson, or first the pre-test of its module. */
    main: homeMainAction(course, next, completed, pretests.taken, pretests.skipped),
    started: progress.size > 0,
    /** "Ulang singkat": how many review items are due today (the card shows only when > 0). */
    reviewDue: review.length,
    modules,
    waiting: tasks.filter((t) => t.submission.status === 'submitted'),
    reviewed: tasks.filter((t) => t.submission.status !== 'submitted'),
  };
}
