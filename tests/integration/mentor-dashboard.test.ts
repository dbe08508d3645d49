/**
 * The stuck rules end to end through mentorDashboard(), in-process on a migrated temp libSQL file
 * with the demo users: a hand-built course, progress written by recordProgressEvents with old `at`
 * values and a fixed `now`, task submissions and reviews through submitTask/reviewSubmission.
 * Checks each rule (inactive 7 days, quiz failed twice, needs-work not redone in 7 days, never
 * started) and its near misses, the facts per row, stuck-first sorting, the cohort and
 * "waiting for review" filters, and the scope: current assignments only, no deleted learners.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { cohortMembers, cohorts, mentorAssignments, users } from '../../db/schema';
import { buildCourse } from '../../src/lib/learning/curriculum';
import type { CourseModule, LessonMeta, ModuleMeta, QuizItem } from '../../src/lib/learning/types';
import { recordProgressEvents } from '../../src/lib/server/progress/record';
import { submitTask } from '../../src/lib/server/progress/tasks';
import { mentorDashboard, type DashboardRow } from '../../src/lib/server/mentoring/dashboard';
import { reviewSubmission } from '../../src/lib/server/mentoring/review';
import { assignMentor } from '../../src/lib/server/mentoring/assignments';
import { maySeeLearner } from '../../src/lib/server/access/learner-scope';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** "Now" for every write and read of this file (events must not be in the future of it). */
const NOW = Date.now();

const MENTOR = { id: 'mentor-uji', role: 'mentor' as const };
const TRAINER = { id: 'demo-trainer', role: 'trainer' as const };

// ------------------------------------------------------------------ a small course by hand

const quizItem = (id: string, correct: number): QuizItem => ({
  id,
  question: `Pertanyaan ${id}?`,
  options: [0, 1, 2].map((i) => ({ id: `pilihan-${i}`, text: `Pilihan ${i}`, ...(i === correct ? { correct: true } : {}) })),
  explanation: 'Penjelasan.',
  pillar: 'cakap',
});
const moduleMeta: ModuleMeta = { id: 'wa', title: 'Modul WA', titleEn: 'WA', summary: '.', order: 1, pillars: ['cakap'], minutes: 20, prePost: [] };
const lessonMeta = (order: number, options: Partial<LessonMeta> = {}): LessonMeta => ({
  id: `wa/0${order}-pelajaran`,
  module: 'wa',
  slug: `0${order}-pelajaran`,
  order,
  title: `Pelajaran ${order}`,
  summary: '.',
  minutes: 5,
  pillars: ['cakap'],
  objectives: [],
  quiz: [quizItem(`q${order}a`, 0), quizItem(`q${order}b`, 1), quizItem(`q${order}c`, 2)],
  draft: false,
  ...options,
});
const TASK = { id: 'tugas-profil', title: 'Lengkapi profil', instructions: 'Isi profil.', mentorChecks: ['Lengkap.'], pillar: 'cakap' as const };
const LESSONS = [lessonMeta(1, { task: TASK }), lessonMeta(2), lessonMeta(3), lessonMeta(4, { draft: true, title: 'Draf' })];
const COURSE: CourseModule[] = buildCourse([moduleMeta], LESSONS);
const WITH_DRAFTS: CourseModule[] = buildCourse([moduleMeta], LESSONS, { includeDrafts: true });
const [L1, L2, L3, DRAFT] = LESSONS;

// ------------------------------------------------------------------ learners

interface Learner {
  id: string;
  name: string;
  cohort?: 'kelas-a' | 'kelas-b';
  joinedAgo: number;
}
const L = {
  ani: { id: 'l-aktif', name: 'Ani Aktif', cohort: 'kelas-a', joinedAgo: 30 * DAY },
  budi: { id: 'l-7hari', name: 'Budi Tujuh', cohort: 'kelas-a', joinedAgo: 30 * DAY },
  citra: { id: 'l-6hari', name: 'Citra Enam', cohort: 'kelas-b', joinedAgo: 30 * DAY },
  dedi: { id: 'l-baru', name: 'Dedi Baru', cohort: 'kelas-b', joinedAgo: 2 * DAY },
  eka: { id: 'l-lama', name: 'Eka Lama', cohort: 'kelas-a', joinedAgo: 8 * DAY },
  fajar: { id: 'l-gagal', name: 'Fajar Gagal', cohort: 'kelas-b', joinedAgo: 30 * DAY },
  gita: { id: 'l-fpf', name: 'Gita Lulus', cohort: 'kelas-b', joinedAgo: 30 * DAY },
  hana: { id: 'l-satu', name: 'Hana Sekali', cohort: 'kelas-b', joinedAgo: 30 * DAY },
  indra: { id: 'l-revisi', name: 'Indra Revisi', cohort: 'kelas-a', joinedAgo: 30 * DAY },
  joko: { id: 'l-ulang', name: 'Joko Ulang', cohort: 'kelas-b', joinedAgo: 30 * DAY },
  kiki: { id: 'l-tunggu', name: 'Kiki Tunggu', cohort: 'kelas-a', joinedAgo: 30 * DAY },
  lina: { id: 'l-dobel', name: 'Lina Dobel', cohort: 'kelas-b', joinedAgo: 30 * DAY },
  nina: { id: 'l-tanpa', name: 'Nina Tanpa Kelas', joinedAgo: 8 * DAY },
  // Not on the mentor's list: reassigned away, and deleted.
  maya: { id: 'l-pindah', name: 'Maya Pindah', cohort: 'kelas-a', joinedAgo: 30 * DAY },
  oki: { id: 'l-hapus', name: 'Oki Dihapus', cohort: 'kelas-a', joinedAgo: 30 * DAY },
} satisfies Record<string, Learner>;
const ON_LIST = Object.values(L).filter((l) => l.id !== L.maya.id && l.id !== L.oki.id);

let database: Database;
let rows: DashboardRow[];
const row = (learner: Learner) => {
  const found = rows.find((r) => r.id === learner.id);
  if (!found) throw new Error(`${learner.name} is not on the dashboard`);
  return found;
};
const reasons = (learner: Learner) => row(learner).stuck.map((r) => r.kind);

// ------------------------------------------------------------------ writing activity

let eventNo = 0;
const event = (type: 'viewed' | 'completed' | 'time', lessonId: string, at: number, data?: Record<string, unknown>) => ({
  id: crypto.randomUUID(),
  type,
  lessonId,
  at,
  ...(data ? { data } : {}),
  _n: eventNo++,
});
/** A quiz attempt with `right` of the three answers correct (graded by the server code). */
const quiz = (lesson: LessonMeta, right: number, at: number) => ({
  id: crypto.randomUUID(),
  type: 'quiz_submitted' as const,
  lessonId: lesson.id,
  at,
  data: {
    answers: Object.fromEntries(
      lesson.quiz.map((item, i) => [item.id, i < right ? item.options.find((o) => o.correct)!.id : item.options.find((o) => !o.correct)!.id]),
    ),
  },
});

async function record(learner: Learner, events: Array<Record<string, unknown>>, course = COURSE) {
  const result = await recordProgressEvents(
    learner.id,
    events.map(({ _n, ...e }) => e),
    course,
    NOW,
  );
  expect(result.rejected, `${learner.name}: refused events`).toEqual([]);
  expect(result.accepted).toHaveLength(events.length);
}

async function submit(learner: Learner, at: number) {
  const result = await submitTask(learner.id, L1, { text: `Sudah saya kerjakan (${learner.name}).`, link: '' }, at);
  if (!result.ok) throw new Error(`submitTask: ${JSON.stringify(result.errors)}`);
  return result.id;
}
async function review(learner: Learner, submissionId: string, decision: 'approved' | 'needs_work', at: number) {
  const result = await reviewSubmission(MENTOR, learner.id, { submissionId, decision, feedback: decision === 'needs_work' ? 'Tambahkan jam buka.' : '' }, at);
  expect(result).toEqual({ ok: true });
}

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
  await database.insert(cohorts).values([
    { id: 'kelas-a', name: 'Kelas A', kecamatan: 'Candi', joinCode: 'UJI-A', createdAt: NOW - 60 * DAY },
    { id: 'kelas-b', name: 'Kelas B', kecamatan: 'Porong', joinCode: 'UJI-B', createdAt: NOW - 60 * DAY },
  ]);
  const all = Object.values(L) as Learner[];
  await database.insert(users).values([
    { id: MENTOR.id, phone: '+6285700000900', name: 'Mentor Uji', role: 'mentor', createdAt: NOW - 90 * DAY },
    ...all.map((l, i) => ({
      id: l.id,
      phone: `+62857000009${String(i + 10).padStart(2, '0')}`,
      name: l.name,
      role: 'learner' as const,
      createdAt: NOW - l.joinedAgo,
      deletedAt: l.id === L.oki.id ? NOW - DAY : null,
    })),
  ]);
  await database.insert(cohortMembers).values(all.filter((l) => l.cohort).map((l) => ({ cohortId: l.cohort!, userId: l.id, joinedAt: NOW - l.joinedAgo })));
  await database
    .insert(mentorAssignments)
    .values(all.map((l) => ({ id: `as-${l.id}`, mentorId: MENTOR.id, learnerId: l.id, assignedBy: TRAINER.id, from: NOW - l.joinedAgo })));
  // Maya moved to Mas Arif yesterday: her old assignment is closed, not deleted.
  expect(await assignMentor({ learnerId: L.maya.id, mentorId: 'demo-mentor-2' }, TRAINER.id, NOW - DAY)).toMatchObject({ ok: true });

  // Ani: active an hour ago, lesson 1 done, quiz 2 passed (which finishes lesson 2); a completed
  // *draft* lesson must not count.
  await record(L.ani, [event('viewed', L1.id, NOW - 3 * HOUR), event('completed', L1.id, NOW - 2 * HOUR), quiz(L2, 3, NOW - HOUR)]);
  await record(L.ani, [event('completed', DRAFT.id, NOW - 2 * HOUR)], WITH_DRAFTS);
  // Budi: last seen exactly 7 days ago. Citra: 6 days 23 hours ago.
  await record(L.budi, [event('viewed', L1.id, NOW - 9 * DAY), event('time', L1.id, NOW - 7 * DAY, { seconds: 120 })]);
  await record(L.citra, [event('viewed', L1.id, NOW - 6 * DAY - 23 * HOUR)]);
  // Dedi joined 2 days ago, Eka 8 days ago, Nina (no cohort) was created 8 days ago: none started.
  // Fajar failed quiz 2 twice in a row; Gita failed, passed, failed; Hana failed once.
  await record(L.fajar, [quiz(L2, 1, NOW - 2 * HOUR), quiz(L2, 0, NOW - HOUR)]);
  await record(L.gita, [quiz(L2, 0, NOW - 3 * HOUR), quiz(L2, 3, NOW - 2 * HOUR), quiz(L2, 1, NOW - HOUR)]);
  await record(L.hana, [quiz(L2, 1, NOW - HOUR)]);
  // Indra: task sent back 8 days ago, not redone, but otherwise active yesterday.
  await record(L.indra, [event('viewed', L1.id, NOW - 10 * DAY), event('viewed', L2.id, NOW - DAY)]);
  await review(L.indra, await submit(L.indra, NOW - 10 * DAY), 'needs_work', NOW - 8 * DAY);
  // Joko: sent back 8 days ago and resubmitted 2 days ago (the newest row waits for review).
  await record(L.joko, [event('viewed', L1.id, NOW - DAY)]);
  await review(L.joko, await submit(L.joko, NOW - 10 * DAY), 'needs_work', NOW - 8 * DAY);
  await submit(L.joko, NOW - 2 * DAY);
  // Kiki: one task waiting since yesterday; an older task of hers was approved.
  await record(L.kiki, [event('viewed', L1.id, NOW - DAY)]);
  await submit(L.kiki, NOW - DAY);
  // Lina: inactive for 10 days and her last two attempts at quiz 3 failed: two reasons.
  await record(L.lina, [quiz(L3, 0, NOW - 11 * DAY), quiz(L3, 2, NOW - 10 * DAY)]);

  rows = await mentorDashboard(MENTOR, COURSE, {}, NOW);
}, 60_000);

describe('the stuck rules through mentorDashboard()', () => {
  it('inactive: exactly 7 days since the last event is stuck, 6 days 23 hours is not', () => {
    expect(row(L.budi).stuck).toEqual([{ kind: 'inactive', since: NOW - 7 * DAY }]);
    expect(row(L.budi).lastActiveAt).toBe(NOW - 7 * DAY);
    expect(reasons(L.citra)).toEqual([]);
  });

  it('never started: 8 days after joining is stuck (cohort date, or account date without a cohort); 2 days is not', () => {
    expect(row(L.eka).stuck).toEqual([{ kind: 'neverStarted', since: NOW - 8 * DAY }]);
    expect(row(L.nina).stuck).toEqual([{ kind: 'neverStarted', since: NOW - 8 * DAY }]);
    expect(reasons(L.dedi)).toEqual([]);
    expect(row(L.dedi).lastActiveAt).toBeNull();
  });

  it('quiz failed twice in a row is stuck; fail-pass-fail and a single failure are not', () => {
    expect(row(L.fajar).stuck).toEqual([{ kind: 'quizFailedTwice', lessonId: L2.id }]);
    expect(reasons(L.gita)).toEqual([]);
    expect(reasons(L.hana)).toEqual([]);
  });

  it('needs work not resubmitted for 8 days is stuck (since the review); resubmitted is not, and waits for review', () => {
    expect(row(L.indra).stuck).toEqual([{ kind: 'taskNotRedone', taskId: TASK.id, since: NOW - 8 * DAY }]);
    expect(row(L.indra).redo).toMatchObject({ taskTitle: TASK.title, lesson: { id: L1.id } });
    expect(row(L.indra).waitingReview).toBe(0);
    expect(reasons(L.joko)).toEqual([]);
    expect(row(L.joko).redo).toBeUndefined();
    expect(row(L.joko).waitingReview).toBe(1);
  });

  it('two reasons at once are both listed', () => {
    expect(reasons(L.lina)).toEqual(['inactive', 'quizFailedTwice']);
  });

  it('an active learner is not flagged and shows lessons done (drafts excluded), last activity and first-attempt quiz average', () => {
    // Lesson 1 marked done, lesson 2 finished by its quiz, the draft lesson not counted.
    expect(row(L.ani)).toMatchObject({ stuck: [], done: 2, total: 3, lastActiveAt: NOW - HOUR, quizAverage: 100, waitingReview: 0, cohortName: 'Kelas A' });
    // The quiz average is the mean of each quiz's FIRST attempt (the one that counts): Gita's 0/3 (a later 3/3 does not count), Hana's 1/3, Fajar's 1/3.
    expect(row(L.gita).quizAverage).toBe(0);
    expect(row(L.hana).quizAverage).toBe(33);
    expect(row(L.fajar).quizAverage).toBe(33);
    expect(row(L.dedi).quizAverage).toBeNull();
    expect(row(L.nina).cohortName).toBeNull();
  });

  it('the next lesson follows the learner: Ani finished lessons 1 and 2, so lesson 3', () => {
    expect(row(L.ani).next?.id).toBe(L3.id);
    expect(row(L.dedi).next?.id).toBe(L1.id);
  });
});

describe('the list', () => {
  it("holds exactly the mentor's current learners: not the reassigned one, not the deleted one, no one else's", () => {
    expect(rows.map((r) => r.id).sort()).toEqual(ON_LIST.map((l) => l.id).sort());
    expect(rows.map((r) => r.id)).not.toContain(L.maya.id);
    expect(rows.map((r) => r.id)).not.toContain(L.oki.id);
    expect(rows.map((r) => r.id).some((id) => id.startsWith('demo-'))).toBe(false);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('is sorted stuck first (most reasons first), then waiting for review, then by name', () => {
    expect(rows.map((r) => r.name)).toEqual([
      'Lina Dobel',
      'Budi Tujuh',
      'Eka Lama',
      'Fajar Gagal',
      'Indra Revisi',
      'Nina Tanpa Kelas',
      'Joko Ulang',
      'Kiki Tunggu',
      'Ani Aktif',
      'Citra Enam',
      'Dedi Baru',
      'Gita Lulus',
      'Hana Sekali',
    ]);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].stuck.length).toBeGreaterThanOrEqual(rows[i].stuck.length);
  });

  it('filters by cohort', async () => {
    const a = await mentorDashboard(MENTOR, COURSE, { cohortId: 'kelas-a' }, NOW);
    expect(a.map((r) => r.name)).toEqual(['Budi Tujuh', 'Eka Lama', 'Indra Revisi', 'Kiki Tunggu', 'Ani Aktif']);
    const b = await mentorDashboard(MENTOR, COURSE, { cohortId: 'kelas-b' }, NOW);
    expect(b.every((r) => r.cohortId === 'kelas-b')).toBe(true);
    expect(b).toHaveLength(7);
    // The demo cohort has only other mentors' learners; an unknown cohort has nobody.
    expect(await mentorDashboard(MENTOR, COURSE, { cohortId: 'demo-cohort-1' }, NOW)).toEqual([]);
    expect(await mentorDashboard(MENTOR, COURSE, { cohortId: 'tidak-ada' }, NOW)).toEqual([]);
  });

  it('filters by "waiting for review", alone and with a cohort', async () => {
    const waiting = await mentorDashboard(MENTOR, COURSE, { waitingOnly: true }, NOW);
    expect(waiting.map((r) => r.name)).toEqual(['Joko Ulang', 'Kiki Tunggu']);
    const both = await mentorDashboard(MENTOR, COURSE, { waitingOnly: true, cohortId: 'kelas-a' }, NOW);
    expect(both.map((r) => r.name)).toEqual(['Kiki Tunggu']);
  });

  it('a review moves a learner out of "waiting"; a needs-work review starts the 7-day clock', async () => {
    const [latest] = await database.$client
      .execute({ sql: "SELECT id FROM task_submissions WHERE user_id = ? AND status = 'submitted'", args: [L.kiki.id] })
      .then((r) => r.rows);
    await review(L.kiki, String(latest.id), 'needs_work', NOW - 7 * DAY + MINUTE);
    const after = await mentorDashboard(MENTOR, COURSE, { waitingOnly: true }, NOW);
    expect(after.map((r) => r.name)).toEqual(['Joko Ulang']);
    const kiki = (await mentorDashboard(MENTOR, COURSE, {}, NOW)).find((r) => r.id === L.kiki.id)!;
    expect(kiki.stuck).toEqual([]);
    expect(kiki.redo?.taskTitle).toBe(TASK.title);
    // Two minutes later the 7 days are up.
    const later = (await mentorDashboard(MENTOR, COURSE, {}, NOW + 2 * MINUTE)).find((r) => r.id === L.kiki.id)!;
    expect(later.stuck.map((r) => r.kind)).toEqual(['taskNotRedone']);
  });

  it('time moves the flags: the same data a day later flags Citra (inactive) and Dedi is still fine', async () => {
    const later = await mentorDashboard(MENTOR, COURSE, {}, NOW + DAY);
    const byId = new Map(later.map((r) => [r.id, r]));
    expect(byId.get(L.citra.id)!.stuck.map((r) => r.kind)).toEqual(['inactive']);
    expect(byId.get(L.dedi.id)!.stuck).toEqual([]);
  });
});

describe('scope', () => {
  it('a trainer sees every learner (demo ones and these), never a deleted one', async () => {
    const all = await mentorDashboard(TRAINER, COURSE, {}, NOW);
    const ids = all.map((r) => r.id);
    for (const l of ON_LIST) expect(ids).toContain(l.id);
    expect(ids).toContain(L.maya.id);
    expect(ids).toContain('demo-learner-4');
    expect(ids).not.toContain(L.oki.id);
    expect(ids).not.toContain(MENTOR.id);
  });

  it('a learner\'s "dashboard" is empty', async () => {
    expect(await mentorDashboard({ id: L.ani.id, role: 'learner' }, COURSE, {}, NOW)).toEqual([]);
  });

  it('another mentor sees none of these learners (but Maya, reassigned to them)', async () => {
    const arif = await mentorDashboard({ id: 'demo-mentor-2', role: 'mentor' }, COURSE, {}, NOW);
    expect(arif.map((r) => r.id).sort()).toEqual(['demo-learner-4', 'demo-learner-5', 'demo-learner-6', L.maya.id].sort());
  });

  it('after a reassignment the learner moves between the two dashboards, and access follows', async () => {
    const dewi = { id: 'demo-mentor-1', role: 'mentor' as const };
    expect(await maySeeLearner(MENTOR, L.hana.id)).toBe(true);
    expect(await maySeeLearner(dewi, L.hana.id)).toBe(false);
    expect(await assignMentor({ learnerId: L.hana.id, mentorId: dewi.id }, TRAINER.id, NOW)).toMatchObject({ ok: true });
    expect((await mentorDashboard(MENTOR, COURSE, {}, NOW)).map((r) => r.id)).not.toContain(L.hana.id);
    expect((await mentorDashboard(dewi, COURSE, {}, NOW)).map((r) => r.id)).toContain(L.hana.id);
    expect(await maySeeLearner(MENTOR, L.hana.id)).toBe(false);
    expect(await maySeeLearner(dewi, L.hana.id)).toBe(true);
    // The old mentor can no longer review or note: "not found".
    expect(await reviewSubmission(MENTOR, L.hana.id, { submissionId: 'x', decision: 'approved' }, NOW)).toMatchObject({ ok: false, status: 404 });
  });
});
