/**
 * The progress log in-process, against a real migrated libSQL temp file with the demo users:
 * recordProgressEvents (idempotent batches, per-event refusals, server-side quiz grading), the
 * SQL projection (lesson_progress) against projectLesson() on random logs, concurrent batches,
 * and submitTask's bad inputs. The course is made by hand (getCollection needs Astro's build).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { lessonProgress, progressEvents, quizAttempts, taskSubmissions } from '../../db/schema';
import { buildCourse } from '../../src/lib/learning/curriculum';
import { projectLesson, type ProgressEvent } from '../../src/lib/learning/projection';
import type { CourseModule, LessonMeta, ModuleMeta, QuizItem } from '../../src/lib/learning/types';
import { MAX_BATCH, recordProgressEvents, type ProgressEventInput } from '../../src/lib/server/progress/record';
import { submitTask, TASK_TEXT_MAX } from '../../src/lib/server/progress/tasks';
import { commitGrouped, groupCommitStats } from '../../src/lib/server/progress/group-commit';
import { id as dictionary } from '../../src/i18n/id';

const SARI = 'demo-learner-1';
const HADI = 'demo-learner-2';
const LILIK = 'demo-learner-3';
const NUR = 'demo-learner-4';
const YANTI = 'demo-learner-5';
const SLAMET = 'demo-learner-6';
const MINUTE = 60_000;

let database: Database;

// ------------------------------------------------------------------ a small course by hand

const quizItem = (id: string, correct: number): QuizItem => ({
  id,
  question: `Pertanyaan ${id}?`,
  options: [0, 1, 2].map((i) => ({ id: `pilihan-${i}`, text: `Pilihan ${i}`, ...(i === correct ? { correct: true } : {}) })),
  explanation: 'Penjelasan singkat.',
  pillar: 'cakap',
});

const moduleMeta = (id: string, order: number): ModuleMeta => ({
  id,
  title: `Modul ${id}`,
  titleEn: id,
  summary: 'Ringkasan modul.',
  order,
  pillars: ['cakap'],
  minutes: 30,
  prePost: [],
});

function lessonMeta(module: string, order: number, options: Partial<LessonMeta> = {}): LessonMeta {
  const slug = `${String(order).padStart(3, '0')}-pelajaran`;
  return {
    id: `${module}/${slug}`,
    module,
    slug,
    order,
    title: `Pelajaran ${order}`,
    summary: 'Ringkasan pelajaran.',
    minutes: 5,
    pillars: ['cakap'],
    objectives: ['Tujuan.'],
    quiz: [quizItem(`${module}-${order}-a`, 1), quizItem(`${module}-${order}-b`, 0), quizItem(`${module}-${order}-c`, 2)],
    draft: false,
    ...options,
  };
}

const TASK = {
  id: 'tugas-profil',
  title: 'Lengkapi profil',
  instructions: 'Isi profil bisnis Anda.',
  mentorChecks: ['Profil lengkap.'],
  pillar: 'cakap' as const,
};
const PROPERTY_LESSONS = 220;
const COURSE: CourseModule[] = buildCourse(
  [moduleMeta('wa', 1), moduleMeta('acak', 2)],
  [
    lessonMeta('wa', 1, { task: TASK }),
    lessonMeta('wa', 2),
    lessonMeta('wa', 3, { quiz: [] }),
    lessonMeta('wa', 4, { draft: true }),
    ...Array.from({ length: PROPERTY_LESSONS }, (_, i) => lessonMeta('acak', i + 1)),
  ],
);
const L1 = COURSE[0].lessons[0];
const L2 = COURSE[0].lessons[1];
const L3 = COURSE[0].lessons[2];
const RIGHT_L1 = { 'wa-1-a': 'pilihan-1', 'wa-1-b': 'pilihan-0', 'wa-1-c': 'pilihan-2' };

// ------------------------------------------------------------------ helpers

const NOW = Date.now();
let uuidSeq = 0;
/** A valid v4-shaped UUID, unique in this file. */
function uuid(): string {
  const n = (++uuidSeq).toString(16).padStart(12, '0');
  return `0f0f0f0f-1234-4abc-8def-${n}`;
}

const ev = (
  type: ProgressEventInput['type'],
  lesson: LessonMeta,
  at: number | string = NOW - MINUTE,
  extra: Partial<ProgressEventInput> = {},
): ProgressEventInput => ({
  id: uuid(),
  type,
  lessonId: lesson.id,
  at,
  ...extra,
});

async function count(table: string, where = '1 = 1', args: Array<string | number> = []): Promise<number> {
  const result = await database.$client.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE ${where}`, args });
  return Number(result.rows[0].n);
}

async function eventRow(id: string) {
  const [row] = await database.select().from(progressEvents).where(eq(progressEvents.id, id));
  return row;
}

async function progressRow(userId: string, lessonId: string) {
  const [row] = await database
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId)));
  return row;
}

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
});

// ------------------------------------------------------------------ idempotence

describe('replayed batches are stored once', () => {
  it('the same batch twice: stored once, then reported as duplicates', async () => {
    const batch = [ev('viewed', L1, NOW - 10 * MINUTE), ev('time', L1, NOW - 9 * MINUTE, { data: { seconds: 60 } }), ev('completed', L1, NOW - 8 * MINUTE)];
    const ids = batch.map((e) => e.id);
    const first = await recordProgressEvents(SARI, batch, COURSE, NOW);
    expect(first).toEqual({ accepted: ids, duplicates: [], rejected: [] });
    const before = await count('progress_events', 'user_id = ?', [SARI]);
    const projectionBefore = await progressRow(SARI, L1.id);

    const second = await recordProgressEvents(SARI, structuredClone(batch), COURSE, NOW + MINUTE);
    expect(second).toEqual({ accepted: [], duplicates: ids, rejected: [] });
    expect(await count('progress_events', 'user_id = ?', [SARI])).toBe(before);
    for (const id of ids) expect(await count('progress_events', 'id = ?', [id])).toBe(1);
    // The replay neither changed the projection nor the received time of the stored events.
    expect(await progressRow(SARI, L1.id)).toEqual(projectionBefore);
    expect((await eventRow(ids[0])).receivedAt).toBe(NOW);
    expect(projectionBefore).toMatchObject({ status: 'completed', moduleId: 'wa', timeSpentSec: 60, completedAt: NOW - 8 * MINUTE });
  });

  it('a replay mixed with new events: only the new ones are stored', async () => {
    const old = ev('viewed', L2, NOW - 5 * MINUTE);
    await recordProgressEvents(SARI, [old], COURSE, NOW);
    const fresh = ev('completed', L2, NOW - 4 * MINUTE);
    const result = await recordProgressEvents(SARI, [old, fresh], COURSE, NOW);
    expect(result).toEqual({ accepted: [fresh.id], duplicates: [old.id], rejected: [] });
    expect(await progressRow(SARI, L2.id)).toMatchObject({ status: 'completed', firstViewedAt: NOW - 5 * MINUTE, timeSpentSec: 60 });
  });

  it('the same id twice inside one batch: stored once, the copy reported as a duplicate', async () => {
    const e = ev('viewed', L3, NOW - 3 * MINUTE);
    const copy = { ...e, at: NOW - 2 * MINUTE }; // even with different content, the first wins
    const result = await recordProgressEvents(HADI, [e, copy, e], COURSE, NOW);
    expect(result).toEqual({ accepted: [e.id], duplicates: [e.id, e.id], rejected: [] });
    expect(await count('progress_events', 'id = ?', [e.id])).toBe(1);
    expect((await eventRow(e.id)).at).toBe(NOW - 3 * MINUTE);
  });

  it('an id already used by ANOTHER learner is refused and their row is untouched', async () => {
    const mine = ev('completed', L2, NOW - 30 * MINUTE);
    await recordProgressEvents(LILIK, [mine], COURSE, NOW);
    const lilikBefore = await eventRow(mine.id);
    const lilikProjection = await progressRow(LILIK, L2.id);

    const good = ev('viewed', L2, NOW - MINUTE);
    const stolen = { ...mine, type: 'viewed' as const, at: NOW - MINUTE };
    const result = await recordProgressEvents(NUR, [good, stolen], COURSE, NOW);
    expect(result.accepted).toEqual([good.id]);
    expect(result.duplicates).toEqual([]);
    expect(result.rejected).toEqual([{ index: 1, id: mine.id, error: 'eventIdTaken' }]);

    expect(await eventRow(mine.id)).toEqual(lilikBefore);
    expect(await progressRow(LILIK, L2.id)).toEqual(lilikProjection);
    expect(await count('progress_events', 'user_id = ? AND id = ?', [NUR, mine.id])).toBe(0);
    expect(await progressRow(NUR, L2.id)).toMatchObject({ status: 'viewed', completedAt: null });
  });

  it('a quiz attempt id already used by another learner cannot overwrite their attempt', async () => {
    const attempt = ev('quiz_submitted', L1, NOW - MINUTE, { data: { answers: RIGHT_L1 } });
    await recordProgressEvents(YANTI, [attempt], COURSE, NOW);
    const result = await recordProgressEvents(
      SLAMET,
      [{ ...attempt, data: { answers: { 'wa-1-a': 'pilihan-0', 'wa-1-b': 'pilihan-1', 'wa-1-c': 'pilihan-0' } } }],
      COURSE,
      NOW,
    );
    expect(result.rejected).toEqual([{ index: 0, id: attempt.id, error: 'eventIdTaken' }]);
    const [row] = await database.select().from(quizAttempts).where(eq(quizAttempts.id, attempt.id));
    expect(row).toMatchObject({ userId: YANTI, score: 3 });
    expect(await count('quiz_attempts', 'user_id = ?', [SLAMET])).toBe(0);
  });
});

// ------------------------------------------------------------------ per-event refusals

describe('bad events are refused one by one; the good ones in the same batch are stored', () => {
  it('events claiming another learner are refused; their own user id is fine', async () => {
    const good = ev('viewed', L1, NOW - MINUTE, { userId: HADI });
    const other = ev('completed', L1, NOW - MINUTE, { userId: SARI });
    const empty = ev('completed', L1, NOW - MINUTE, { userId: '' });
    const result = await recordProgressEvents(HADI, [good, other, empty], COURSE, NOW);
    expect(result.accepted).toEqual([good.id]);
    expect(result.rejected).toEqual([
      { index: 1, id: other.id, error: 'eventOtherUser' },
      { index: 2, id: empty.id, error: 'eventOtherUser' },
    ]);
    expect(await count('progress_events', 'id IN (?, ?)', [other.id, empty.id])).toBe(0);
    // Nothing was written for Sari by Hadi's batch.
    expect(await count('progress_events', 'user_id = ? AND id = ?', [SARI, other.id])).toBe(0);
  });

  it('unknown lessons, drafts, future timestamps and malformed events are refused with a reason each', async () => {
    const draft = COURSE[0].lessons.find((l) => l.slug === '004-pelajaran');
    expect(draft, 'drafts are not in the course').toBeUndefined();
    const good1 = ev('viewed', L3, NOW - 2 * MINUTE);
    const good2 = ev('time', L3, new Date(NOW - MINUTE).toISOString(), { data: { seconds: 30 } });
    const edge = ev('completed', L3, NOW + 5 * MINUTE); // exactly the allowed clock skew
    const batch: unknown[] = [
      good1,
      ev('viewed', L3, NOW - MINUTE, { lessonId: 'wa/099-tidak-ada' }),
      ev('viewed', L3, NOW - MINUTE, { lessonId: 'wa/004-pelajaran' }),
      ev('viewed', L3, NOW + 5 * MINUTE + 1),
      ev('viewed', L3, new Date(NOW + 3600_000).toISOString()),
      { ...ev('viewed', L3), id: 'bukan-uuid' },
      { ...ev('viewed', L3), id: '' },
      { ...ev('viewed', L3), id: 12345 },
      { ...ev('viewed', L3), id: `${uuid()}; DROP TABLE progress_events` },
      ev('h5p_result' as never, L3),
      ev('viewed', L3, 'kemarin'),
      ev('viewed', L3, 1.5),
      ev('viewed', L3, Date.UTC(2020, 0, 1)),
      { ...ev('viewed', L3), extra: true },
      ev('time', L3, NOW - MINUTE, { data: { seconds: -5 } }),
      ev('time', L3, NOW - MINUTE, { data: { seconds: 'lama' } }),
      ev('time', L3, NOW - MINUTE, { data: { seconds: 90_000 } }),
      ev('time', L3, NOW - MINUTE),
      ev('viewed', L3, NOW - MINUTE, { data: { blob: 'x'.repeat(5000) } }),
      null,
      'viewed',
      [],
      good2,
      edge,
    ];
    const result = await recordProgressEvents(LILIK, batch, COURSE, NOW);
    expect(result.accepted).toEqual([good1.id, good2.id, edge.id]);
    expect(result.duplicates).toEqual([]);
    expect(result.rejected.map((r) => [r.index, r.error])).toEqual([
      [1, 'eventUnknownLesson'],
      [2, 'eventUnknownLesson'],
      [3, 'eventFuture'],
      [4, 'eventFuture'],
      [5, 'eventMalformed'],
      [6, 'eventMalformed'],
      [7, 'eventMalformed'],
      [8, 'eventMalformed'],
      [9, 'eventBadData'], // h5p_result is a known type now; without its data it is bad data
      [10, 'eventMalformed'],
      [11, 'eventMalformed'],
      [12, 'eventTooOld'],
      [13, 'eventMalformed'],
      [14, 'eventBadData'],
      [15, 'eventBadData'],
      [16, 'eventBadData'],
      [17, 'eventBadData'],
      [18, 'eventBadData'],
      [19, 'eventMalformed'],
      [20, 'eventMalformed'],
      [21, 'eventMalformed'],
    ]);
    // Refusals echo the id they were sent with (cut short), when there was one.
    expect(result.rejected.find((r) => r.index === 5)?.id).toBe('bukan-uuid');
    expect(result.rejected.find((r) => r.index === 7)?.id).toBeUndefined();
    for (const r of result.rejected) expect(typeof (dictionary as unknown as Record<string, unknown>)[r.error], r.error).toBe('string');

    expect(await count('progress_events', 'user_id = ? AND lesson_id = ?', [LILIK, L3.id])).toBe(3);
    expect(await count('progress_events', "lesson_id NOT LIKE 'wa/00_-pelajaran' AND lesson_id NOT LIKE 'acak/%'")).toBe(0);
    expect(await progressRow(LILIK, L3.id)).toMatchObject({ status: 'completed', firstViewedAt: NOW - 2 * MINUTE, timeSpentSec: 30 });
  });

  it('a batch with only bad events stores nothing', async () => {
    const before = await count('progress_events');
    const progressBefore = await count('lesson_progress');
    const result = await recordProgressEvents(SARI, [ev('viewed', L1, NOW + 3600_000), { id: 'x' }], COURSE, NOW);
    expect(result.accepted).toEqual([]);
    expect(result.rejected).toHaveLength(2);
    expect(await count('progress_events')).toBe(before);
    expect(await count('lesson_progress')).toBe(progressBefore);
  });

  it('the batch limit is 1,000 events', () => {
    expect(MAX_BATCH).toBe(1000);
  });
});

// ------------------------------------------------------------------ quiz on the server

describe('quiz_submitted is graded on the server', () => {
  it('the client-sent score is ignored; one attempt stored; the event keeps only the grade', async () => {
    const wrong = { 'wa-1-a': 'pilihan-0', 'wa-1-b': 'pilihan-0', 'wa-1-c': 'pilihan-0' }; // one right (b)
    const e = ev('quiz_submitted', L1, NOW - MINUTE, { data: { answers: wrong, score: 3, maxScore: 3 } });
    const result = await recordProgressEvents(NUR, [e], COURSE, NOW);
    expect(result.accepted).toEqual([e.id]);
    const attempts = await database.select().from(quizAttempts).where(eq(quizAttempts.userId, NUR));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ id: e.id, lessonId: L1.id, kind: 'lesson', score: 1, maxScore: 3, answers: wrong, at: NOW - MINUTE });
    expect(attempts[0].pillarScores).toEqual({ cakap: { score: 1, max: 3 } });
    expect((await eventRow(e.id)).data).toEqual({ score: 1, maxScore: 3 });

    // Replayed: still one attempt.
    expect((await recordProgressEvents(NUR, [e], COURSE, NOW)).duplicates).toEqual([e.id]);
    expect(await count('quiz_attempts', 'user_id = ?', [NUR])).toBe(1);
  });

  it('answers are option ids; each is stored with the version of its item', async () => {
    const e = ev('quiz_submitted', L1, NOW - MINUTE, { data: { answers: RIGHT_L1 } });
    expect((await recordProgressEvents(NUR, [e], COURSE, NOW)).accepted).toEqual([e.id]);
    const [row] = await database.select().from(quizAttempts).where(eq(quizAttempts.id, e.id));
    expect(row).toMatchObject({ score: 3, answers: RIGHT_L1 });
    expect(Object.keys(row.itemVersions ?? {})).toEqual(Object.keys(RIGHT_L1));
  });

  it('an item changed since the page was shown: refused with its own reason (quizItemChanged), nothing stored', async () => {
    const e = ev('quiz_submitted', L1, NOW - MINUTE, { data: { answers: RIGHT_L1, versions: { 'wa-1-a': 'versi-lama' } } });
    const result = await recordProgressEvents(SLAMET, [e], COURSE, NOW);
    expect(result.rejected).toEqual([{ index: 0, id: e.id, error: 'quizItemChanged' }]);
    expect(await eventRow(e.id)).toBeUndefined();
  });

  it('old position answers for items the snapshot does not know are refused as changed, nothing stored', async () => {
    const e = ev('quiz_submitted', L1, NOW - MINUTE, { data: { answers: { 'wa-1-a': 1, 'wa-1-b': 0, 'wa-1-c': 2 } } });
    expect((await recordProgressEvents(SLAMET, [e], COURSE, NOW)).rejected).toEqual([{ index: 0, id: e.id, error: 'quizItemChanged' }]);
  });

  it.each([
    ['no answers', undefined],
    ['answers as a list', { answers: ['pilihan-1', 'pilihan-0', 'pilihan-2'] }],
    ['a missing answer', { answers: { 'wa-1-a': 'pilihan-1', 'wa-1-b': 'pilihan-0' } }],
    ['a position as text', { answers: { ...RIGHT_L1, 'wa-1-c': '2' } }],
    ['a made-up option id', { answers: { ...RIGHT_L1, 'wa-1-c': 'dua' } }],
    ['another lesson’s items', { answers: { 'wa-2-a': 'pilihan-1', 'wa-2-b': 'pilihan-0', 'wa-2-c': 'pilihan-2' } }],
    ['a foreign item besides the right ones', { answers: { ...RIGHT_L1, 'wa-2-a': 'pilihan-1' } }],
  ])('%s: refused (quizInvalid), nothing stored, the good event beside it stored', async (_, data) => {
    const bad = ev('quiz_submitted', L1, NOW - MINUTE, data === undefined ? {} : { data });
    const good = ev('viewed', L1, NOW - MINUTE);
    const attemptsBefore = await count('quiz_attempts');
    const result = await recordProgressEvents(SLAMET, [bad, good], COURSE, NOW);
    expect(result.rejected).toEqual([{ index: 0, id: bad.id, error: 'quizInvalid' }]);
    expect(result.accepted).toEqual([good.id]);
    expect(await count('quiz_attempts')).toBe(attemptsBefore);
    expect(await eventRow(bad.id)).toBeUndefined();
  });

  it('a quiz for a lesson without a quiz is refused', async () => {
    const e = ev('quiz_submitted', L3, NOW - MINUTE, { data: { answers: {} } });
    expect((await recordProgressEvents(SLAMET, [e], COURSE, NOW)).rejected).toEqual([{ index: 0, id: e.id, error: 'quizInvalid' }]);
  });
});

// ------------------------------------------------------------------ SQL projection = projectLesson

/** mulberry32: a small PRNG, so a failing log can be reproduced from the printed seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('property: lesson_progress (SQL) equals projectLesson() of the same events', () => {
  const SEED = Number(process.env.PROGRESS_SEED ?? 20261103);
  const LOGS = 200;

  it(`${LOGS} random event logs (seed ${SEED}, set PROGRESS_SEED to vary)`, async () => {
    console.log(`[progress-record] property test seed: ${SEED} (PROGRESS_SEED=${SEED} to reproduce)`);
    const random = prng(SEED);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const users = [SARI, HADI, LILIK, NUR, YANTI, SLAMET];
    const lessons = COURSE[1].lessons;
    const base = NOW - 10 * 24 * 3600_000;
    const mismatches: string[] = [];

    for (let n = 0; n < LOGS; n++) {
      const userId = users[n % users.length];
      const lesson = lessons[n];
      const length = pick([0, 1, 1, 2, 3, 5, 8, 13, 21, 40]);
      const log: ProgressEventInput[] = [];
      for (let k = 0; k < length; k++) {
        // Timestamps cluster (equal ones happen) and sometimes come as ISO text with an offset.
        let at = base + int(0, 6) * int(0, 40) * MINUTE + pick([0, 0, 1, 499, 500, 999, 1500]);
        if (random() < 0.05) at = NOW + int(0, 5) * MINUTE; // up to the allowed clock skew
        const asIso = random() < 0.2;
        const type = pick(['viewed', 'viewed', 'completed', 'time', 'time', 'quiz_submitted'] as const);
        const event: ProgressEventInput = { id: crypto.randomUUID(), type, lessonId: lesson.id, at: asIso ? new Date(at).toISOString() : at };
        if (type === 'time') {
          const seconds = pick([0.2, 0.5, 1, 1.5, 2.5, 59.5, 60, int(1, 1799), 1800, 1800.4, 1800.6, int(1801, 86_400), 86_400, 12.345]);
          event.data = random() < 0.2 ? { seconds, page: 'x' } : { seconds };
        } else if (type === 'quiz_submitted') {
          event.data = { answers: Object.fromEntries(lesson.quiz.map((q) => [q.id, `pilihan-${int(0, 2)}`])), score: 99 };
        } else if (random() < 0.15) {
          // Stray "seconds" on a non-time event must not count as time on either side.
          event.data = { seconds: int(1, 5000) };
        }
        log.push(event);
      }
      // Sent as the offline queue would: shuffled, in a few batches, some replayed.
      const sent = [...log].sort(() => random() - 0.5);
      while (sent.length) {
        const chunk = sent.splice(0, int(1, 7));
        const replay = random() < 0.3 ? chunk.slice(0, int(1, chunk.length)) : [];
        const result = await recordProgressEvents(userId, [...chunk, ...replay], COURSE, NOW);
        expect(result.rejected, `log ${n}`).toEqual([]);
      }

      const expected = projectLesson(log.map((e) => ({ type: e.type, at: typeof e.at === 'number' ? e.at : Date.parse(e.at), data: e.data }) as ProgressEvent));
      const row = await progressRow(userId, lesson.id);
      const actual = row && {
        status: row.status,
        firstViewedAt: row.firstViewedAt,
        lastActiveAt: row.lastActiveAt,
        completedAt: row.completedAt,
        timeSpentSec: row.timeSpentSec,
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`log ${n} (${log.length} events): SQL ${JSON.stringify(actual)} ≠ JS ${JSON.stringify(expected)}\n  ${JSON.stringify(log)}`);
      }
      if (row) expect(row.moduleId).toBe('acak');
      expect(await count('progress_events', 'user_id = ? AND lesson_id = ?', [userId, lesson.id])).toBe(log.length);
    }
    expect(mismatches, mismatches.slice(0, 3).join('\n')).toEqual([]);
  }, 180_000);
});

// ------------------------------------------------------------------ concurrency

describe('concurrent batches', () => {
  it('two overlapping batches at once (two tabs syncing): each event once, projection matches the log', async () => {
    const lesson = COURSE[1].lessons[PROPERTY_LESSONS - 1];
    const t = NOW - 60 * MINUTE;
    const shared = [ev('viewed', lesson, t), ev('time', lesson, t + MINUTE, { data: { seconds: 120 } }), ev('completed', lesson, t + 5 * MINUTE)];
    const onlyA = [
      ev('time', lesson, t + 2 * MINUTE, { data: { seconds: 40 } }),
      ev('quiz_submitted', lesson, t + 3 * MINUTE, {
        data: { answers: { [lesson.quiz[0].id]: 'pilihan-1', [lesson.quiz[1].id]: 'pilihan-0', [lesson.quiz[2].id]: 'pilihan-2' } },
      }),
    ];
    const onlyB = [ev('viewed', lesson, t - MINUTE), ev('time', lesson, t + 4 * MINUTE, { data: { seconds: 3600 } })];
    const [a, b, c] = await Promise.all([
      recordProgressEvents(SARI, [...shared, ...onlyA], COURSE, NOW),
      recordProgressEvents(SARI, [...onlyB, ...[...shared].reverse()], COURSE, NOW),
      recordProgressEvents(SARI, [shared[1], onlyA[0], onlyB[1]], COURSE, NOW),
    ]);
    for (const r of [a, b, c]) expect(r.rejected).toEqual([]);
    const all = [...shared, ...onlyA, ...onlyB];
    // Every id was stored by one of the calls (the others may report it as a duplicate).
    expect(new Set([...a.accepted, ...b.accepted, ...c.accepted])).toEqual(new Set(all.map((e) => e.id)));

    expect(await count('progress_events', 'user_id = ? AND lesson_id = ?', [SARI, lesson.id])).toBe(all.length);
    expect(await count('quiz_attempts', 'user_id = ? AND lesson_id = ?', [SARI, lesson.id])).toBe(1);
    const row = await progressRow(SARI, lesson.id);
    const expected = projectLesson(all.map((e) => ({ type: e.type, at: e.at as number, data: e.data }) as ProgressEvent));
    expect(row).toMatchObject(expected!);
    // The quiz submission at t+3 finishes the lesson before the explicit "Selesai" at t+5.
    // Time: the 3600 s report is capped at 30 minutes, [t−26 min, t+4 min], and covers the other two reports (issue 15).
    expect(expected).toMatchObject({ status: 'completed', firstViewedAt: t - MINUTE, completedAt: t + 3 * MINUTE, timeSpentSec: 1800 });
  });

  it('ten parallel replays of one batch store it once', async () => {
    const lesson = COURSE[1].lessons[PROPERTY_LESSONS - 2];
    const batch = [ev('viewed', lesson, NOW - 3 * MINUTE), ev('completed', lesson, NOW - MINUTE)];
    const results = await Promise.all(Array.from({ length: 10 }, () => recordProgressEvents(HADI, structuredClone(batch), COURSE, NOW)));
    for (const r of results) expect(r.rejected).toEqual([]);
    expect(await count('progress_events', 'user_id = ? AND lesson_id = ?', [HADI, lesson.id])).toBe(2);
    expect(await progressRow(HADI, lesson.id)).toMatchObject({ status: 'completed', timeSpentSec: 120 });
  });
});

// ------------------------------------------------------------------ group commit (issue 20)

describe('group commit: concurrent batches share one transaction', () => {
  const lessons = COURSE[1].lessons.slice(200, 216);
  const learners = [SARI, HADI, LILIK, NUR, YANTI, SLAMET];

  /** The stored log of one learner's lesson, as projectLesson() reads it. */
  async function storedLog(userId: string, lessonId: string): Promise<ProgressEvent[]> {
    const rows = await database
      .select({ type: progressEvents.type, at: progressEvents.at, data: progressEvents.data })
      .from(progressEvents)
      .where(and(eq(progressEvents.userId, userId), eq(progressEvents.lessonId, lessonId)));
    return rows.map((r) => ({ type: r.type, at: r.at, data: r.data ?? undefined }) as ProgressEvent);
  }

  it('60 batches at once (some invalid, some overlapping): every acknowledged event stored exactly once, refusals kept to their own batch, projection = recomputation', async () => {
    const random = prng(20261202);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const freshEvent = (): ProgressEventInput => {
      const lesson = pick(lessons);
      const at = NOW - Math.floor(random() * 600) * MINUTE;
      const type = pick(['viewed', 'time', 'completed', 'quiz_submitted'] as const);
      if (type === 'time') return ev('time', lesson, at, { data: { seconds: 1 + Math.floor(random() * 900) } });
      if (type === 'quiz_submitted')
        return ev('quiz_submitted', lesson, at, { data: { answers: Object.fromEntries(lesson.quiz.map((q) => [q.id, 'pilihan-1'])) } });
      return ev(type, lesson, at);
    };
    const batches = Array.from({ length: 60 }, (_, i) => ({ userId: learners[i % learners.length], events: [] as ProgressEventInput[] }));
    const bad = new Map<string, string>(); // id → the refusal it must get
    batches.forEach((batch, i) => {
      if (i % 13 === 5) {
        // Nothing valid at all: the batch is refused whole, its neighbours are not.
        for (let k = 0; k < 3; k++) {
          const event = { ...freshEvent(), lessonId: 'tidak/ada' };
          bad.set(event.id, 'eventUnknownLesson');
          batch.events.push(event);
        }
        return;
      }
      batch.events.push(...Array.from({ length: 4 + (i % 5) }, freshEvent));
      if (i % 4 === 1) {
        const future = ev('viewed', pick(lessons), NOW + 60 * MINUTE);
        bad.set(future.id, 'eventFuture');
        batch.events.push(future);
      }
    });
    // The same learner's events sent twice at once (a replay from a second tab)…
    for (let i = 6; i < 60; i += 7) if (batches[i - 6].events[0]) batches[i].events.push(structuredClone(batches[i - 6].events[0]));
    // …and one id claimed by two different learners at the same moment.
    const contested = ev('viewed', lessons[0], NOW - MINUTE);
    batches[2].events.push(structuredClone(contested));
    batches[3].events.push(structuredClone(contested));

    const before = groupCommitStats();
    const results = await Promise.all(batches.map((b) => recordProgressEvents(b.userId, structuredClone(b.events), COURSE, NOW)));
    const after = groupCommitStats();
    // They were written in shared transactions, not one each.
    expect(after.writes - before.writes).toBeGreaterThan(0);
    expect(after.groups - before.groups).toBeLessThan(after.writes - before.writes);

    const acceptedBy = new Map<string, string[]>();
    results.forEach((r, i) => {
      for (const id of r.accepted) acceptedBy.set(id, [...(acceptedBy.get(id) ?? []), batches[i].userId]);
      for (const refusal of r.rejected) {
        if (refusal.id && bad.has(refusal.id)) expect(refusal.error).toBe(bad.get(refusal.id));
        else expect([refusal.id, refusal.error]).toEqual([contested.id, 'eventIdTaken']);
      }
    });
    // Each refused event was refused; each good one acknowledged exactly once (a copy as a duplicate).
    for (const id of bad.keys()) expect(acceptedBy.has(id)).toBe(false);
    expect([...acceptedBy.values()].filter((owners) => owners.length !== 1)).toEqual([]);
    const sentGood = new Set(batches.flatMap((b) => b.events.map((e) => e.id)).filter((id) => !bad.has(id)));
    expect(new Set(acceptedBy.keys())).toEqual(sentGood);
    results.forEach((r, i) => {
      expect(r.accepted.length + r.duplicates.length + r.rejected.length, `batch ${i}`).toBe(batches[i].events.length);
      if (i % 13 === 5) expect(r.accepted).toEqual([]);
    });
    const contestedRefusals = results.flatMap((r) => r.rejected).filter((r) => r.id === contested.id);
    expect(contestedRefusals).toHaveLength(1);

    // Stored: exactly the acknowledged events, each once, under the learner it was acknowledged to.
    const stored = await database
      .select({ id: progressEvents.id, userId: progressEvents.userId })
      .from(progressEvents)
      .where(inArray(progressEvents.id, [...sentGood, ...bad.keys()]));
    expect(stored).toHaveLength(sentGood.size);
    for (const row of stored) expect(acceptedBy.get(row.id)).toEqual([row.userId]);

    // lesson_progress equals its recomputation from the stored log, for every learner and lesson touched.
    for (const userId of learners) {
      for (const lesson of lessons) {
        const expected = projectLesson(await storedLog(userId, lesson.id));
        const row = await progressRow(userId, lesson.id);
        if (!expected) expect(row).toBeUndefined();
        else expect(row, `${userId} ${lesson.id}`).toMatchObject(expected);
      }
    }
  });

  it('a write that fails inside a group fails alone; the batches it was grouped with are stored', async () => {
    const lesson = COURSE[1].lessons[216];
    const good = learners.map((userId) => ({ userId, events: [ev('viewed', lesson, NOW - 2 * MINUTE), ev('completed', lesson, NOW - MINUTE)] }));
    // A write the database refuses (its learner does not exist: foreign key), joining the same group.
    const doomed = commitGrouped({
      insert: database
        .insert(progressEvents)
        .values({ id: uuid(), userId: 'tidak-ada', lessonId: lesson.id, type: 'viewed', at: NOW, receivedAt: NOW })
        .returning({ id: progressEvents.id }),
      alongside: [],
      after: new Map(),
    });
    const before = groupCommitStats();
    const [failure, ...results] = await Promise.all([
      doomed.then(
        () => undefined,
        (error: unknown) => error,
      ),
      ...good.map((b) => recordProgressEvents(b.userId, b.events, COURSE, NOW)),
    ]);
    expect(failure).toBeInstanceOf(Error);
    expect(groupCommitStats().retried).toBeGreaterThan(before.retried);
    results.forEach((r, i) => expect(r, learners[i]).toMatchObject({ accepted: good[i].events.map((e) => e.id), rejected: [] }));
    for (const userId of learners) expect(await progressRow(userId, lesson.id)).toMatchObject({ status: 'completed', timeSpentSec: 60 });
  });
});

// ------------------------------------------------------------------ practical tasks

describe('submitTask', () => {
  const submissions = (userId: string) => count('task_submissions', 'user_id = ?', [userId]);

  it.each([
    ['empty text', { text: '', link: '' }, { text: 'taskTextEmpty' }],
    ['whitespace only', { text: '  \n\t  ', link: '' }, { text: 'taskTextEmpty' }],
    ['no text at all', { link: 'https://wa.me/c/6281100000011' }, { text: 'taskTextEmpty' }],
    ['text as a number', { text: 42 }, { text: 'taskTextEmpty' }],
    ['10,000 characters', { text: 'a'.repeat(10_000) }, { text: 'taskTextLong' }],
    ['one character over the limit', { text: 'a'.repeat(TASK_TEXT_MAX + 1) }, { text: 'taskTextLong' }],
    ['a javascript: link', { text: 'Sudah', link: 'javascript:alert(1)' }, { link: 'taskLinkInvalid' }],
    ['a JaVaScRiPt: link', { text: 'Sudah', link: 'JaVaScRiPt:alert(1)' }, { link: 'taskLinkInvalid' }],
    ['a javascript: link behind spaces', { text: 'Sudah', link: '  javascript:alert(document.cookie)' }, { link: 'taskLinkInvalid' }],
    ['a javascript: link with a tab inside', { text: 'Sudah', link: 'java\tscript:alert(1)' }, { link: 'taskLinkInvalid' }],
    ['a data: link', { text: 'Sudah', link: 'data:text/html,<script>alert(1)</script>' }, { link: 'taskLinkInvalid' }],
    ['a vbscript: link', { text: 'Sudah', link: 'vbscript:msgbox(1)' }, { link: 'taskLinkInvalid' }],
    ['a file: link', { text: 'Sudah', link: 'file:///etc/passwd' }, { link: 'taskLinkInvalid' }],
    ['not a link', { text: 'Sudah', link: 'katalog saya' }, { link: 'taskLinkInvalid' }],
    ['a link of 600 characters', { text: 'Sudah', link: `https://wa.me/${'c'.repeat(600)}` }, { link: 'taskLinkInvalid' }],
  ])('%s: refused, nothing stored', async (_, input, errors) => {
    const before = await submissions(YANTI);
    const result = await submitTask(YANTI, L1, input, NOW);
    expect(result).toEqual({ ok: false, errors });
    for (const key of Object.values(errors)) expect(typeof (dictionary as unknown as Record<string, unknown>)[key]).toBe('string');
    expect(await submissions(YANTI)).toBe(before);
  });

  it('a lesson without a task: refused', async () => {
    expect(await submitTask(YANTI, L2, { text: 'Sudah' }, NOW)).toEqual({ ok: false, errors: { _form: 'taskNone' } });
    expect(await submissions(YANTI)).toBe(0);
  });

  it('good input is stored trimmed, waiting for the mentor (status submitted)', async () => {
    const text = '  Profil sudah saya isi: jam buka 07.00–17.00.\n<script>alert(1)</script>  ';
    const result = await submitTask(YANTI, L1, { text, link: ' https://wa.me/c/6281100000015 ' }, NOW);
    expect(result.ok).toBe(true);
    const [row] = await database.select().from(taskSubmissions).where(eq(taskSubmissions.userId, YANTI));
    expect(row).toMatchObject({
      id: result.ok ? result.id : '',
      taskId: TASK.id,
      lessonId: L1.id,
      text: text.trim(), // stored as written; escaping happens where it is shown
      link: 'https://wa.me/c/6281100000015',
      status: 'submitted',
      feedback: null,
      reviewerId: null,
      reviewedAt: null,
      submittedAt: NOW,
    });
  });

  it('no link, an http link and exactly 2,000 characters are fine', async () => {
    expect((await submitTask(SLAMET, L1, { text: 'Sudah', link: '' }, NOW)).ok).toBe(true);
    expect((await submitTask(SLAMET, L1, { text: 'Sudah', link: 'http://contoh.id/katalog' }, NOW)).ok).toBe(true);
    expect((await submitTask(SLAMET, L1, { text: 'a'.repeat(TASK_TEXT_MAX) }, NOW)).ok).toBe(true);
    const rows = await database.select().from(taskSubmissions).where(eq(taskSubmissions.userId, SLAMET));
    expect(rows.map((r) => r.link).sort()).toEqual([null, null, 'http://contoh.id/katalog'].sort());
  });
});

describe('a practical task kept on the phone (issue 16: task_submitted events)', () => {
  const submissions = (userId: string) => count('task_submissions', 'user_id = ?', [userId]);
  const event = (id: string, data: Record<string, unknown>, lesson = L1) => ({ id, type: 'task_submitted', lessonId: lesson.id, at: NOW - 60_000, data });

  it('is stored under the phone id (link fixed like the form), a replay is a duplicate, another learner cannot take the id', async () => {
    const id = crypto.randomUUID();
    const before = await submissions(YANTI);
    const first = await recordProgressEvents(YANTI, [event(id, { text: 'Katalog sudah jadi', link: 'wa.me/c/6281' })], COURSE, NOW);
    expect(first).toEqual({ accepted: [id], duplicates: [], rejected: [] });
    const [row] = await database.select().from(taskSubmissions).where(eq(taskSubmissions.id, id));
    expect(row).toMatchObject({
      userId: YANTI,
      lessonId: L1.id,
      text: 'Katalog sudah jadi',
      link: 'https://wa.me/c/6281',
      status: 'submitted',
      submittedAt: NOW - 60_000,
    });
    expect(await recordProgressEvents(YANTI, [event(id, { text: 'Katalog sudah jadi' })], COURSE, NOW)).toEqual({
      accepted: [],
      duplicates: [id],
      rejected: [],
    });
    expect((await recordProgressEvents(SLAMET, [event(id, { text: 'Punya saya' })], COURSE, NOW)).rejected).toEqual([{ index: 0, id, error: 'eventIdTaken' }]);
    expect(await submissions(YANTI)).toBe(before + 1);
  });

  it('bad input is refused with a reason and nothing is stored', async () => {
    const before = await submissions(YANTI);
    const result = await recordProgressEvents(
      YANTI,
      [
        event(crypto.randomUUID(), { text: '  ' }),
        event(crypto.randomUUID(), { text: 'Sudah', link: 'javascript:alert(1)' }),
        event(crypto.randomUUID(), { text: 'Sudah' }, L2),
      ],
      COURSE,
      NOW,
    );
    expect(result.rejected.map((r) => r.error)).toEqual(['taskInvalid', 'taskInvalid', 'taskNone']);
    expect(await submissions(YANTI)).toBe(before);
  });
});
