import { allLessons, continueLesson, lessonUrl } from '../../learning/curriculum';
import type { CourseModule, LessonMeta } from '../../learning/types';
import { allDoneNudge, nextLessonNudge, redoTaskNudge, reviewNudge } from '../../mentoring/nudge-message';
import { waChatLink } from '../../whatsapp';
import type { SessionUser } from '../auth/session';
import { findUser } from '../accounts/users';
import { lastTouchedLesson, latestSubmissions, progressByLesson } from '../progress/queries';
import { maySeeLearner } from '../access/learner-scope';
import { recordNudge } from './nudges';
import { reviewsOverdue } from '../progress/spaced-review';

export type NudgeKind = 'next_lesson' | 'redo_task' | 'review_due';

/**
 * The wa.me link of a nudge: a task to redo comes first (the learner is waiting on it), then an
 * "Ulang singkat" left waiting (reviewOverdue), otherwise the exact next lesson, otherwise
 * congratulations.
 */
export function buildNudge(p: {
  learner: { name: string; phone: string };
  mentorName: string;
  origin: string;
  next?: LessonMeta;
  redo?: { taskTitle: string; lesson: LessonMeta };
  /** A spaced review has waited past its nudge time (see reviewOverdueSince). */
  reviewOverdue?: boolean;
}): { kind: NudgeKind; lessonId?: string; text: string; href: string } {
  const url = (path: string) => new URL(path, p.origin).toString();
  if (p.redo) {
    const text = redoTaskNudge({ learner: p.learner.name, mentor: p.mentorName, taskTitle: p.redo.taskTitle, url: url(`${lessonUrl(p.redo.lesson)}#tugas`) });
    return { kind: 'redo_task', lessonId: p.redo.lesson.id, text, href: waChatLink(p.learner.phone, text) };
  }
  if (p.reviewOverdue) {
    const text = reviewNudge({ learner: p.learner.name, mentor: p.mentorName, url: url('/learn/ulang') });
    return { kind: 'review_due', text, href: waChatLink(p.learner.phone, text) };
  }
  const text = p.next
    ? nextLessonNudge({ learner: p.learner.name, mentor: p.mentorName, lessonTitle: p.next.title, minutes: p.next.minutes, url: url(lessonUrl(p.next)) })
    : allDoneNudge({ learner: p.learner.name, mentor: p.mentorName, url: url('/learn') });
  return { kind: 'next_lesson', lessonId: p.next?.id, text, href: waChatLink(p.learner.phone, text) };
}

/** Builds the nudge for one learner from their progress, records it, and returns where to go. */
export async function sendNudge(actor: Pick<SessionUser, 'id' | 'role' | 'name'>, learnerId: string, course: CourseModule[], origin: string, now = Date.now()) {
  if (actor.role === 'learner' || !(await maySeeLearner(actor, learnerId))) return undefined;
  const learner = await findUser(learnerId);
  if (!learner?.phone) return undefined;
  const [progress, lastTouched, submissions, overdue] = await Promise.all([
    progressByLesson(learnerId),
    lastTouchedLesson(learnerId),
    latestSubmissions(learnerId),
    reviewsOverdue([learnerId], course, now),
  ]);
  const completed = new Set([...progress.values()].filter((p) => p.status === 'completed').map((p) => p.lessonId));
  const taskLessons = new Map(
    allLessons(course)
      .filter((l) => l.task)
      .map((l) => [l.task!.id, l]),
  );
  const redoRow = [...submissions.values()].find((s) => s.status === 'needs_work' && taskLessons.has(s.taskId));
  const nudge = buildNudge({
    learner: { name: learner.name, phone: learner.phone },
    mentorName: actor.name,
    origin,
    next: continueLesson(course, completed, lastTouched),
    redo: redoRow ? { taskTitle: taskLessons.get(redoRow.taskId)!.task!.title, lesson: taskLessons.get(redoRow.taskId)! } : undefined,
    reviewOverdue: overdue.has(learnerId),
  });
  await recordNudge(actor, { learnerId, kind: nudge.kind, lessonId: nudge.lessonId }, now);
  return nudge;
}
