import type { SessionUser } from '../auth/session';
import { course as publishedCourse } from '../content';
import type { CourseModule } from '../../learning/types';
import { certificateHookFailed, issueEligibleCertificates } from './certificates';
import { answerPairs, shownVersionsOf } from '../../learning/form-answers';
import { attemptItems, attemptOf, availability, resultsOf, submitPrePost, testItems, type PrePostKind } from './prepost';
import { loadRawRecords } from './records';
import { skipPretest } from './pretest-skips';
import { nextStepInModule, pretestState, type ModuleStep } from '../../indicator/pretest-offer';
import { lessonUrl } from '../../learning/curriculum';
import type { Dictionary } from '../../../i18n/id';

export type PrePostPage =
  | { kind: 'response'; response: Response }
  | { kind: 'notFound' }
  | {
      kind: 'page';
      module: CourseModule;
      items: ReturnType<typeof testItems>;
      attempt?: NonNullable<ReturnType<typeof attemptOf>>;
      results?: ReturnType<typeof resultsOf>;
      open: ReturnType<typeof availability>;
      errors: Record<string, string>;
      status: number;
      firstLesson?: CourseModule['lessons'][number];
      /** Where to go from here when the test is closed: the module's next lesson, its post-test, or the achievement page. */
      next: ModuleStep;
      /** Whose option order the form shows. */
      learnerId: string;
    };

/**
 * /learn/<module>/tes-awal and /tes-akhir: GET shows the form, the result, or why it is closed;
 * POST grades and stores (303 back to the result), or answers 400 (bad answers, per item) or
 * 409 (already taken, too early or too late) with the page and its message. Learners only post.
 * A POST with intent "skip" (pre-test only) remembers "Lewati tes awal" while the
 * pre-test is open and leads (303) to the module's first lesson.
 */
export async function prePostPage(
  user: SessionUser,
  moduleId: string,
  kind: PrePostKind,
  request: Request,
  d: Pick<Dictionary, 'learnersOnly' | 'cpSkipOnlyPre'>,
): Promise<PrePostPage> {
  const course = await publishedCourse();
  const module = course.find((m) => m.id === moduleId);
  if (!module || module.prePost.length === 0) return { kind: 'notFound' };
  let raw = (await loadRawRecords(user.id))!;
  let errors: Record<string, string> = {};
  let status = 200;
  if (request.method === 'POST') {
    if (user.role !== 'learner') return { kind: 'response', response: plain(d.learnersOnly, 403) };
    const form = await request.formData().catch(() => new FormData());
    if (form.get('intent') === 'skip') {
      if (kind !== 'pre') return { kind: 'response', response: plain(d.cpSkipOnlyPre, 400) };
      const completed = new Set(raw.completions.map((c) => c.lessonId));
      if (pretestState(module, attemptOf(raw, module.id, 'pre') !== undefined, completed) === 'open') await skipPretest(user.id, module.id, Date.now());
      const to = module.lessons[0] ? lessonUrl(module.lessons[0]) : '/learn';
      return { kind: 'response', response: new Response(null, { status: 303, headers: { location: to } }) };
    }
    const result = await submitPrePost(user.id, module, kind, answerPairs(form), raw, Date.now(), shownVersionsOf(form));
    if (result.ok) {
      await issueEligibleCertificates(user.id, course).catch(certificateHookFailed);
      const path = `/learn/${module.id}/${kind === 'pre' ? 'tes-awal' : 'tes-akhir'}`;
      return { kind: 'response', response: new Response(null, { status: 303, headers: { location: `${path}?hasil=1#tes` } }) };
    }
    errors = result.errors;
    status = result.status;
    raw = (await loadRawRecords(user.id))!;
  }
  const attempt = attemptOf(raw, module.id, kind);
  const completed = new Set(raw.completions.map((c) => c.lessonId));
  return {
    kind: 'page',
    module,
    // The taken test shows the form it was taken on; otherwise the form this learner is given.
    items: attempt ? attemptItems(module, attempt) : testItems(module, user.id, kind),
    attempt,
    results: attempt ? resultsOf(module, attempt) : undefined,
    open: availability(module, kind, raw),
    errors,
    status,
    firstLesson: module.lessons[0],
    next: nextStepInModule(module, completed, attemptOf(raw, module.id, 'post') !== undefined),
    learnerId: user.id,
  };
}

const plain = (text: string, status: number) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
