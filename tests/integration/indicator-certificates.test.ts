/**
 * The indicator's server functions in-process, against a real migrated libSQL temp file with the
 * demo users and a course made by hand (getCollection needs Astro's build): raw records loaded
 * as stored (the newest task submission counts, enrolment = earliest of account and cohort
 * join), issueEligibleCertificates (only when earned, once per user and module even when called
 * at the same moment, the learner's name kept, codes looked up however they are typed, gone
 * with a deleted account), and the race of two identical self-assessments and the WIB edges of
 * a partnership's date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { assessments, certificates, cohortMembers, collaborations, lessonProgress, quizAttempts, taskSubmissions, users } from '../../db/schema';
import { certificateByCode, certificatesOf, issueEligibleCertificates } from '../../src/lib/server/indicator/certificates';
import { loadRawRecords } from '../../src/lib/server/indicator/records';
import { submitSelfAssessment } from '../../src/lib/server/indicator/assessments';
import { logPartnership } from '../../src/lib/server/indicator/evaluation-self';
import { SELF_ASSESSMENT } from '../../src/lib/indicator/instrument';
import { CODE_ALPHABET } from '../../src/lib/indicator/certificate-rules';
import { items, lesson, module } from '../unit/indicator-helpers';

const SARI = 'demo-learner-1';
const HADI = 'demo-learner-2';
const LILIK = 'demo-learner-3';
let database: Database;

// Module "m": L1 quiz 3 items + task "a"; L2 quiz 4 items, no task; L3 no quiz + task "b".
// Module "n": one lesson with a 2-item quiz and no task.
const COURSE = [
  module('m', [
    lesson('L1', ['cakap'], items('x', 'cakap', 3), { id: 'a', pillar: 'cakap' }),
    lesson('L2', ['cakap'], items('y', 'cakap', 4)),
    lesson('L3', ['aman'], [], { id: 'b', pillar: 'aman' }),
  ]),
  module('n', [lesson('L1', ['aman'], items('z', 'aman', 2), undefined, 'n')]),
];

// A week before the run: earlier than the demo rows (written when the test database is seeded), as in real use.
const T = Date.now() - 7 * 86_400_000;
let seq = 0;
async function complete(userId: string, lessonId: string, at = T) {
  await database
    .insert(lessonProgress)
    .values({ userId, lessonId, moduleId: lessonId.split('/')[0], status: 'completed', firstViewedAt: at, lastActiveAt: at, completedAt: at });
}
async function quiz(userId: string, lessonId: string, score: number, maxScore: number, at = T) {
  await database
    .insert(quizAttempts)
    .values({ id: `qa-${++seq}`, userId, lessonId, kind: 'lesson', answers: {}, score, maxScore, pillarScores: { cakap: { score, max: maxScore } }, at });
}
async function task(userId: string, taskId: string, status: 'submitted' | 'approved' | 'needs_work', at = T) {
  const id = `ts-${++seq}`;
  await database
    .insert(taskSubmissions)
    .values({ id, userId, taskId, lessonId: 'm/L1', text: 'Sudah.', status, submittedAt: at, reviewedAt: status === 'submitted' ? null : at + 1000 });
  return id;
}

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
});

describe('loadRawRecords', () => {
  it('an approval stays: approved, then sent again (a new revision) → still approved from the first approval on', async () => {
    await task(LILIK, 'a', 'approved', T);
    await task(LILIK, 'a', 'submitted', T + 5000);
    await task(LILIK, 'b', 'needs_work', T);
    await task(LILIK, 'b', 'approved', T + 9000);
    const raw = (await loadRawRecords(LILIK))!;
    expect([...raw.approvals].sort((x, y) => x.taskId.localeCompare(y.taskId))).toEqual([
      { taskId: 'a', at: T + 1000 },
      { taskId: 'b', at: T + 10_000 },
    ]);
    expect(Object.fromEntries(raw.taskStatus)).toEqual({ a: 'approved', b: 'approved' });
  });

  it('enrolment is the earlier of account creation and the first cohort join; unknown users → undefined', async () => {
    await database.update(users).set({ createdAt: T }).where(eq(users.id, LILIK));
    await database
      .update(cohortMembers)
      .set({ joinedAt: T - 86_400_000 })
      .where(eq(cohortMembers.userId, LILIK));
    expect((await loadRawRecords(LILIK))!.enrolledAt).toBe(T - 86_400_000);
    expect(await loadRawRecords('tidak-ada')).toBeUndefined();
  });
});

describe('issueEligibleCertificates', () => {
  it('a first attempt at 2 of 4 = 50 % is not undone by a retry at 4 of 4 after the answers were shown: no certificate', async () => {
    for (const l of ['m/L1', 'm/L2', 'm/L3']) await complete(LILIK, l);
    await quiz(LILIK, 'm/L1', 3, 3);
    await quiz(LILIK, 'm/L2', 2, 4, T);
    await quiz(LILIK, 'm/L2', 4, 4, T + 60_000);
    expect(await issueEligibleCertificates(LILIK, COURSE, undefined, T + 120_000)).toEqual([]);
  });

  it('nothing earned yet (a task waiting, a quiz not taken): no certificate', async () => {
    await complete(SARI, 'm/L1');
    await complete(SARI, 'm/L2');
    await complete(SARI, 'm/L3');
    await quiz(SARI, 'm/L1', 3, 3);
    await task(SARI, 'a', 'approved');
    await task(SARI, 'b', 'submitted');
    expect(await issueEligibleCertificates(SARI, COURSE)).toEqual([]);
    expect(await certificatesOf(SARI)).toEqual([]);
  });

  it('a first attempt at 3 of 4 = 75 % and the last approval: one certificate, with the name and a 12-character code', async () => {
    await quiz(SARI, 'm/L2', 3, 4, T + 1);
    await task(SARI, 'b', 'approved', T + 2);
    const issued = await issueEligibleCertificates(SARI, COURSE, undefined, T + 3);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ userId: SARI, moduleId: 'm', learnerName: 'Bu Sari', issuedAt: T + 3, revokedAt: null });
    expect(issued[0].code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{12}$`));
    // Module "n" is not earned (its lesson is not done).
    expect((await certificatesOf(SARI)).map((c) => c.moduleId)).toEqual(['m']);
  });

  it('idempotent: called again, and five times at once, the same single certificate stays', async () => {
    const [before] = await certificatesOf(SARI);
    expect(await issueEligibleCertificates(SARI, COURSE)).toEqual([]);
    await Promise.all(Array.from({ length: 5 }, () => issueEligibleCertificates(SARI, COURSE)));
    expect(await certificatesOf(SARI)).toEqual([before]);
  });

  it('at the same moment for a fresh learner: exactly one row (unique user + module)', async () => {
    for (const l of ['m/L1', 'm/L2', 'm/L3']) await complete(HADI, l);
    await quiz(HADI, 'm/L1', 3, 3);
    await quiz(HADI, 'm/L2', 4, 4);
    await task(HADI, 'a', 'approved');
    await task(HADI, 'b', 'approved');
    const results = await Promise.all(Array.from({ length: 6 }, () => issueEligibleCertificates(HADI, COURSE)));
    expect(results.flat()).toHaveLength(1);
    expect(await database.select().from(certificates).where(eq(certificates.userId, HADI))).toHaveLength(1);
  });

  it('codes are found however they are typed; unknown and malformed codes are not; a deleted account takes its certificate along', async () => {
    const [cert] = await certificatesOf(SARI);
    const typed = `${cert.code.slice(0, 4).toLowerCase()}-${cert.code.slice(4, 8)} ${cert.code.slice(8).toLowerCase()}`;
    expect((await certificateByCode(typed))?.id).toBe(cert.id);
    expect(await certificateByCode('ABCDEFGHJKMN')).toBeUndefined();
    expect(await certificateByCode('../../etc')).toBeUndefined();
    expect(await certificateByCode(undefined)).toBeUndefined();
    const [hadiCert] = await certificatesOf(HADI);
    await database.update(users).set({ deletedAt: Date.now() }).where(eq(users.id, HADI));
    expect(await certificateByCode(hadiCert.code)).toBeUndefined();
  });

  it('a revoked certificate is not issued again', async () => {
    await database
      .update(certificates)
      .set({ revokedAt: T + 10 })
      .where(eq(certificates.userId, SARI));
    expect(await issueEligibleCertificates(SARI, COURSE)).toEqual([]);
    expect(await certificatesOf(SARI)).toEqual([expect.objectContaining({ moduleId: 'm', revokedAt: T + 10 })]);
  });
});

describe('races and edges of the learner’s own records', () => {
  it('two identical pre self-assessments at the same moment: one stored, the other refused (409)', async () => {
    const pairs = SELF_ASSESSMENT.map((i): [string, string] => [i.id, '4']);
    const results = await Promise.all([
      submitSelfAssessment(LILIK, 'pre', pairs, { courseDone: false }),
      submitSelfAssessment(LILIK, 'pre', pairs, { courseDone: false }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, status: 409, errors: { _form: 'cpSaPreDone' } }]);
    expect(await database.select().from(assessments).where(eq(assessments.userId, LILIK))).toHaveLength(1);
  });

  it('a partnership may be dated from the day of enrolment in WIB up to today in WIB', async () => {
    // Enrolled 1 Nov 2026 17:30 UTC = 2 Nov 00:30 WIB → the first allowed day is 2026-11-02.
    const enrolled = Date.UTC(2026, 10, 1, 17, 30);
    // "Now" is 20 Nov 2026 18:00 UTC = 21 Nov 01:00 WIB → today is 2026-11-21.
    const now = Date.UTC(2026, 10, 20, 18, 0);
    const log = (startedOn: string) => logPartnership(LILIK, { type: 'marketplace', partner: 'Shopee', startedOn }, enrolled, now);
    expect(await log('2026-11-01')).toEqual({ ok: false, status: 400, errors: { startedOn: 'cpPartnerDateEarly' } });
    expect(await log('2026-11-22')).toEqual({ ok: false, status: 400, errors: { startedOn: 'cpPartnerDateFuture' } });
    expect(await log('2026-11-02')).toEqual({ ok: true });
    expect(await log('2026-11-21')).toEqual({ ok: true });
    expect((await database.select().from(collaborations).where(eq(collaborations.userId, LILIK))).map((c) => c.startedOn).sort()).toEqual([
      '2026-11-02',
      '2026-11-21',
    ]);
  });
});
