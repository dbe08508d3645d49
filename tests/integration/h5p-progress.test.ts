/**
 * `h5p_result` progress events in-process (recordProgressEvents against a migrated temp file):
 * a result is stored in h5p_results and the log in one batch, only for an imported content that
 * the event's lesson embeds, with a whole score 0 ≤ score ≤ maxScore; replays are stored once;
 * the other event types behave as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { h5pResults, lessonProgress, progressEvents } from '../../db/schema';
import { buildCourse } from '../../src/lib/learning/curriculum';
import type { CourseModule, LessonMeta, ModuleMeta } from '../../src/lib/learning/types';
import type * as RecordModule from '../../src/lib/server/progress/record';
import { id as dictionary } from '../../src/i18n/id';
import { en } from '../../src/i18n/en';

const SARI = 'demo-learner-1';
const HADI = 'demo-learner-2';
let database: Database;
let record: typeof RecordModule.recordProgressEvents;
let course: CourseModule[];

const moduleMeta: ModuleMeta = {
  id: 'aman',
  title: 'Aman',
  titleEn: 'Safe',
  summary: 'Ringkasan modul.',
  order: 1,
  pillars: ['aman'],
  minutes: 30,
  prePost: [],
};
const lesson = (order: number, h5p?: string[]): LessonMeta => ({
  id: `aman/0${order}-pelajaran`,
  module: 'aman',
  slug: `0${order}-pelajaran`,
  order,
  title: `Pelajaran ${order}`,
  summary: 'Ringkasan.',
  minutes: 5,
  pillars: ['aman'],
  objectives: ['Tujuan.'],
  quiz: [],
  draft: false,
  h5p,
});
const WITH = 'aman/01-pelajaran'; // embeds pesan-penipuan (imported) and hilang (never imported)
const WITHOUT = 'aman/02-pelajaran';

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
  const { importDemoH5p } = await import('../../src/lib/server/h5p/demo');
  expect(await importDemoH5p(database)).toMatchObject({ ok: true });
  record = (await import('../../src/lib/server/progress/record')).recordProgressEvents;
  course = buildCourse([moduleMeta], [lesson(1, ['pesan-penipuan', 'hilang']), lesson(2)]);
});

const event = (data: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  type: 'h5p_result',
  lessonId: WITH,
  at: Date.now() - 1000,
  data: { contentId: 'pesan-penipuan', score: 5, maxScore: 6, verb: 'answered', ...data },
  ...over,
});

describe('h5p_result events', () => {
  it('stores the result in h5p_results and the score (not the statement) in the log, and projects the lesson', async () => {
    const statement = { verb: 'http://adlnet.gov/expapi/verbs/answered', result: { score: { raw: 5, max: 6 } } };
    const e = event({ statement });
    const result = await record(SARI, [e], course);
    expect(result).toEqual({ accepted: [e.id], duplicates: [], rejected: [] });
    const [row] = await database.select().from(h5pResults).where(eq(h5pResults.id, e.id));
    expect(row).toEqual({ id: e.id, userId: SARI, contentId: 'pesan-penipuan', lessonId: WITH, verb: 'answered', score: 5, maxScore: 6, statement, at: e.at });
    const [logged] = await database.select().from(progressEvents).where(eq(progressEvents.id, e.id));
    expect(logged).toMatchObject({ type: 'h5p_result', lessonId: WITH, data: { contentId: 'pesan-penipuan', score: 5, maxScore: 6, verb: 'answered' } });
    const [progress] = await database
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, SARI), eq(lessonProgress.lessonId, WITH)));
    expect(progress).toMatchObject({ status: 'viewed', lastActiveAt: e.at });
  });

  it('stores a replay once', async () => {
    const e = event({ verb: 'completed', score: 6 });
    expect((await record(SARI, [e], course)).accepted).toEqual([e.id]);
    expect(await record(SARI, [e, e], course)).toEqual({ accepted: [], duplicates: [e.id, e.id], rejected: [] });
    expect(await database.select().from(h5pResults).where(eq(h5pResults.id, e.id))).toHaveLength(1);
    // Another learner cannot reuse the id.
    expect((await record(HADI, [e], course)).rejected).toEqual([{ index: 0, id: e.id, error: 'eventIdTaken' }]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ['a score above its maximum', { score: 7, maxScore: 6 }, {}, 'eventBadData'],
    ['a negative score', { score: -1 }, {}, 'eventBadData'],
    ['a fractional score', { score: 2.5 }, {}, 'eventBadData'],
    ['a score as text', { score: '5' }, {}, 'eventBadData'],
    ['a maximum of zero', { score: 0, maxScore: 0 }, {}, 'eventBadData'],
    ['an absurd maximum', { score: 1, maxScore: 1e7 }, {}, 'eventBadData'],
    ['another verb', { verb: 'attempted' }, {}, 'eventBadData'],
    ['no content id', { contentId: undefined }, {}, 'eventBadData'],
    ['a content id that is a path', { contentId: '../melek' }, {}, 'eventBadData'],
    ['an extra field', { userId: HADI }, {}, 'eventBadData'],
    ['a statement that is a list', { statement: [1, 2] }, {}, 'eventBadData'],
    ['a huge statement', { statement: { pad: 'x'.repeat(5000) } }, {}, 'eventBadData'],
    ['no data at all', {}, { data: undefined }, 'eventBadData'],
    ['a content the lesson does not embed', {}, { lessonId: WITHOUT }, 'h5pNotInLesson'],
    ['an embedded content that was never imported (or was deleted)', { contentId: 'hilang' }, {}, 'h5pUnknownContent'],
    ['a maximum the activity does not have (issue 15)', { score: 10_000, maxScore: 10_000 }, {}, 'h5pScoreInvalid'],
    ['a smaller maximum than the activity has', { score: 1, maxScore: 1 }, {}, 'h5pScoreInvalid'],
    ['an unknown lesson', {}, { lessonId: 'aman/99-tidak-ada' }, 'eventUnknownLesson'],
  ])('refuses %s, stores nothing', async (_, data, over, error) => {
    const e = event(data, over);
    const result = await record(SARI, [e], course);
    expect(result.accepted).toEqual([]);
    expect(result.rejected).toEqual([{ index: 0, id: e.id, error }]);
    expect(await database.select().from(h5pResults).where(eq(h5pResults.id, e.id))).toEqual([]);
    expect(await database.select().from(progressEvents).where(eq(progressEvents.id, e.id))).toEqual([]);
  });

  it('keeps the good events of a mixed batch, with refusals in order', async () => {
    const good = event({ score: 6 });
    const unknown = event({ contentId: 'hilang' });
    const view = { id: crypto.randomUUID(), type: 'viewed', lessonId: WITHOUT, at: Date.now() - 500 };
    const bad = event({ score: 9 });
    const result = await record(SARI, [good, unknown, view, bad], course);
    expect(result.accepted).toEqual([good.id, view.id]);
    expect(result.rejected).toEqual([
      { index: 1, id: unknown.id, error: 'h5pUnknownContent' },
      { index: 3, id: bad.id, error: 'eventBadData' },
    ]);
  });

  it('has a message for each new refusal, in both languages', () => {
    for (const key of ['h5pUnknownContent', 'h5pNotInLesson'] as const) {
      expect(dictionary[key]).toMatch(/\S/);
      expect(en[key]).toMatch(/\S/);
    }
  });
});
