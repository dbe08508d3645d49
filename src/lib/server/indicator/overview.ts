import { moduleEligibility, type Eligibility } from '../../indicator/certificate-rules';
import { scoreLearner } from '../../indicator/score';
import { PILLARS, type CourseModule } from '../../learning/types';
import { assessmentsOf } from './assessments';
import { certificateHookFailed, certificatesOf, issueEligibleCertificates, type CertificateRow } from './certificates';
import { weeklyHistory } from './history';
import { nextStep } from './next-step';
import { attemptOf, availability, moduleGain } from './prepost';
import { certificateRecords, currentRecords, loadRawRecords, type RawRecords } from './records';

/**
 * What the learner's pages show about the indicator, each from one load of the raw records.
 * Every view also issues certificates already earned but not yet stored (e.g. a module finished
 * offline and synced through /api/progress), so a certificate never waits for the next hook.
 */
async function loadAndIssue(userId: string, course: CourseModule[]): Promise<{ raw: RawRecords; certificates: CertificateRow[] } | undefined> {
  const raw = await loadRawRecords(userId);
  if (!raw) return undefined;
  await issueEligibleCertificates(userId, course, raw).catch(certificateHookFailed);
  return { raw, certificates: await certificatesOf(userId) };
}

export const courseDone = (course: CourseModule[], raw: Pick<RawRecords, 'completions'>) => {
  const done = new Set(raw.completions.map((c) => c.lessonId));
  const lessons = course.flatMap((m) => m.lessons);
  return lessons.length > 0 && lessons.every((l) => done.has(l.id));
};

/** Everything /learn/capaian shows. */
export async function capaianOverview(userId: string, course: CourseModule[], now = Date.now()) {
  const loaded = await loadAndIssue(userId, course);
  if (!loaded) return undefined;
  const { raw, certificates } = loaded;
  const records = currentRecords(raw);
  const indicator = scoreLearner(course, records);
  const certRecords = certificateRecords(raw);
  const assessment = await assessmentsOf(userId);
  return {
    raw,
    indicator,
    steps: Object.fromEntries(PILLARS.map((p) => [p, nextStep(course, records, p, raw.taskStatus)])) as Record<
      (typeof PILLARS)[number],
      ReturnType<typeof nextStep>
    >,
    history: weeklyHistory(course, raw, raw.enrolledAt, now),
    modules: course.map((module) => ({
      module,
      gain: moduleGain(module, raw),
      pre: availability(module, 'pre', raw),
      post: availability(module, 'post', raw),
      eligibility: moduleEligibility(module, certRecords),
      certificate: certificates.find((c) => c.moduleId === module.id),
    })),
    certificates,
    assessment,
    courseDone: courseDone(course, raw),
  };
}

/** The "Capaian" card on /learn: level, certificates, and the self-assessment to do first (the pre-test is the home's main button). */
export async function learnHomeCapaian(userId: string, course: CourseModule[]) {
  const loaded = await loadAndIssue(userId, course);
  if (!loaded) return undefined;
  const { raw, certificates } = loaded;
  const indicator = scoreLearner(course, currentRecords(raw));
  const assessment = await assessmentsOf(userId);
  const done = courseDone(course, raw);
  return {
    overall: indicator.overall,
    level: indicator.level,
    certificates: certificates.filter((c) => c.revokedAt === null).map((c) => ({ ...c, module: course.find((m) => m.id === c.moduleId) })),
    askPreAssessment: !assessment.pre,
    askPostAssessment: done && !assessment.post,
  };
}

/** Under a module's last lesson: the post-test, and the certificate or what it still waits for. */
export async function moduleEnd(
  userId: string,
  module: CourseModule,
  course: CourseModule[],
): Promise<{ postOpen: boolean; postTaken: boolean; hasPostTest: boolean; eligibility: Eligibility; certificate?: CertificateRow } | undefined> {
  const loaded = await loadAndIssue(userId, course);
  if (!loaded) return undefined;
  const { raw, certificates } = loaded;
  return {
    hasPostTest: module.prePost.length > 0,
    postOpen: availability(module, 'post', raw).ok,
    postTaken: Boolean(attemptOf(raw, module.id, 'post')),
    eligibility: moduleEligibility(module, certificateRecords(raw)),
    certificate: certificates.find((c) => c.moduleId === module.id && c.revokedAt === null),
  };
}
