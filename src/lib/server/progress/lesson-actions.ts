import type { CourseModule, LessonMeta } from '../../learning/types';
import { gradeQuiz } from '../../learning/grading';
import { answerPairs, shownVersionsOf } from '../../learning/form-answers';
import { recordProgressEvents } from './record';
import { submitTask } from './tasks';
import type { FieldErrors } from '../../validation';
import { certificateHookFailed, issueEligibleCertificates } from '../indicator/certificates';

export type LessonPostResult =
  { ok: true; redirect: string } | { ok: false; form: 'quiz' | 'task' | 'done'; errors: Record<string, string>; values?: Record<string, string> };

/**
 * Where a lesson form's successful post leads (303): the quiz's attempt, the task's "sent" note,
 * "Selesai". The lesson page's script uses the same targets when it posted the form itself.
 */
export function lessonPostRedirect(lessonId: string, intent: 'quiz' | 'task' | 'done', id: string): string {
  const base = `/learn/${lessonId}`;
  if (intent === 'quiz') return `${base}?percobaan=${id}#kuis`;
  if (intent === 'task') return `${base}?tugas=terkirim#tugas`;
  return `${base}?selesai=1#selesai`;
}

/**
 * The lesson page's three forms, posted without JavaScript: the quiz (graded on the server,
 * then the lesson counts as completed), the practical task, and "Selesai".
 * Successful posts redirect (303) so a reload never sends them twice.
 */
export async function handleLessonPost(userId: string, lesson: LessonMeta, course: CourseModule[], form: FormData): Promise<LessonPostResult> {
  const intent = form.get('intent');
  if (intent === 'quiz') {
    const pairs = answerPairs(form);
    const shownVersions = shownVersionsOf(form);
    const id = eventIdFrom(form);
    const now = Date.now();
    const grade = gradeQuiz(lesson.quiz, pairs, { shownVersions });
    if (!grade.ok) {
      const errors: Record<string, string> = {};
      // Errors about this quiz's items sit beside them; foreign answers are reported for the whole form.
      for (const e of grade.errors) {
        const field = 'itemId' in e && e.error !== 'quizForeign' ? e.itemId : '_form';
        errors[field] ??= e.error;
      }
      // Keep what the learner chose, so a refused post does not make them answer everything again.
      const values = Object.fromEntries(pairs.filter(([k]) => lesson.quiz.some((q) => q.id === k)).map(([k, v]) => [k, v.slice(0, 40)]));
      return { ok: false, form: 'quiz', errors, values };
    }
    await recordProgressEvents(
      userId,
      // Submitting the quiz also finishes the lesson (see FINISHING in projection.ts).
      [{ id, type: 'quiz_submitted', lessonId: lesson.id, at: now, data: { answers: grade.answers, versions: grade.versions } }],
      course,
      now,
    );
    await issueEligibleCertificates(userId, course).catch(certificateHookFailed);
    return { ok: true, redirect: lessonPostRedirect(lesson.id, 'quiz', id) };
  }
  if (intent === 'task') {
    const values = { text: String(form.get('text') ?? ''), link: String(form.get('link') ?? '') };
    const result = await submitTask(userId, lesson, values, Date.now(), eventIdFrom(form));
    if (!result.ok)
      return { ok: false, form: 'task', errors: result.errors as FieldErrors, values: { text: values.text.slice(0, 2000), link: values.link.slice(0, 500) } };
    return { ok: true, redirect: lessonPostRedirect(lesson.id, 'task', '') };
  }
  if (intent === 'done') {
    await recordProgressEvents(userId, [{ id: eventIdFrom(form), type: 'completed', lessonId: lesson.id, at: Date.now() }], course);
    await issueEligibleCertificates(userId, course).catch(certificateHookFailed);
    return { ok: true, redirect: lessonPostRedirect(lesson.id, 'done', '') };
  }
  return { ok: false, form: 'done', errors: { _form: 'formInvalid' } };
}

/**
 * The page sends a UUID with each form, so a post that reached the server but whose answer was
 * lost (and is then replayed from the phone's queue) is stored once.
 */
function eventIdFrom(form: FormData): string {
  const given = form.get('eventId');
  return typeof given === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(given) ? given : crypto.randomUUID();
}
