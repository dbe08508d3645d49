/**
 * Learner progress over HTTP, against the real built server (dist/) on a fresh seeded temp
 * database: POST /api/progress (limits, malformed bodies, other users' events, roles) and the
 * lesson page's plain forms (quiz with bad answers, task with hostile text and links, "Selesai"),
 * the viewed event, other learners' attempts and unknown lessons. No response may be a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_OPTION_ORDER } from '../../src/lib/learning/legacy-option-order';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { appFetch, loginWith, type FetchOptions } from '../helpers/routes';
import { ROOT, startServer, type TestServer } from '../helpers/server';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';
import { id as dictionary } from '../../src/i18n/id';

const EVIL = 'https://evil.example';
const MINUTE = 60_000;
const LESSON_1 = 'pemasaran-whatsapp/01-profil-whatsapp-business';
const LESSON_2 = 'pemasaran-whatsapp/02-katalog-produk';
const OTHER_MODULE_LESSON = 'keamanan-data/01-kode-otp-rahasia';

let server: TestServer;
let database: Database;
const seen: Array<{ what: string; status: number }> = [];

interface Frontmatter {
  summary: string;
  quiz: Array<{ id: string; options: Array<{ id: string; text: string; correct?: boolean }>; explanation: string }>;
  task?: { id: string; title: string };
}
/** A lesson's frontmatter, read from its .mdx file (the right answers come from here). */
function frontmatter(lessonId: string): Frontmatter {
  const text = readFileSync(join(ROOT, 'content', `${lessonId}.mdx`), 'utf8');
  return parseYaml(text.match(/^---\n([\s\S]*?)\n---/)![1]);
}
/** How many items lesson 1's quiz has (read from the content, so a new item does not break the tests). */
const ITEMS_1 = frontmatter(LESSON_1).quiz.length;
const rightAnswers = (lessonId: string): Array<[string, string]> =>
  frontmatter(lessonId).quiz.map((q) => [`q:${q.id}`, String(q.options.find((o) => o.correct)!.id)]);
const wrongAnswers = (lessonId: string): Array<[string, string]> =>
  frontmatter(lessonId).quiz.map((q) => [`q:${q.id}`, String(q.options.find((o) => !o.correct)!.id)]);

beforeAll(async () => {
  server = await startServer();
  database = openDatabase(server.databaseUrl);
}, 60_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
  // The whole file: not one 5xx.
  expect(seen.filter((r) => r.status >= 500)).toEqual([]);
});

// ---------------------------------------------------------------- helpers

/** Every request of this file; asserts the server never answers with a 5xx. */
/** Every request of this file goes through here (tests/helpers/routes.ts's appFetch), and is recorded. */
async function http(path: string, options: FetchOptions = {}): Promise<Response> {
  const method = options.method ?? (options.body !== undefined ? 'POST' : 'GET');
  const response = await appFetch(server.url, path, options);
  seen.push({ what: `${method} ${path}`, status: response.status });
  expect(response.status, `${method} ${path} answered ${response.status}`).toBeLessThan(500);
  return response;
}

/** A browser-like form post; pairs keep repeated keys (a duplicated answer). */
const postForm = (path: string, fields: Array<[string, string]> | Record<string, string>, cookie?: string) =>
  http(path, { method: 'POST', cookie, body: new URLSearchParams(fields as Record<string, string>) });

const postEvents = (body: unknown, cookie?: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  http('/api/progress', { method: 'POST', cookie, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

const loginAs = (phone: string, password: string): Promise<string> => loginWith(server.url, phone, password);
const learner = (n: number) => loginAs(DEMO.learners[n].phone, DEMO.learnerPassword);
const learnerId = (n: number) => `demo-learner-${n + 1}`;

/** Page text with Astro's entities decoded (for messages, not for escaping checks). */
function decode(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function rowCount(table: string, where = '1 = 1', args: Array<string | number> = []): Promise<number> {
  const result = await database.$client.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE ${where}`, args });
  return Number(result.rows[0].n);
}
async function rows(sql: string, args: Array<string | number> = []) {
  return (await database.$client.execute({ sql, args })).rows;
}
const eventCount = (userId: string, where = '1 = 1', args: Array<string | number> = []) =>
  rowCount('progress_events', `user_id = ? AND ${where}`, [userId, ...args]);

const event = (type: string, lessonId: string, extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  type,
  lessonId,
  at: Date.now() - MINUTE,
  ...extra,
});

// ---------------------------------------------------------------- POST /api/progress

describe('POST /api/progress', () => {
  let cookie: string;
  const SARI = learnerId(0);
  beforeAll(async () => {
    cookie = await learner(0);
  });

  it('a good batch is stored; replayed, it is reported as duplicates and stored once', async () => {
    const batch = {
      events: [event('viewed', LESSON_1), event('time', LESSON_1, { data: { seconds: 90 } }), event('completed', LESSON_1, { at: new Date().toISOString() })],
    };
    const ids = batch.events.map((e) => e.id);
    const first = await postEvents(batch, cookie);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/application\/json/);
    expect(await first.json()).toEqual({ accepted: ids, duplicates: [], rejected: [] });
    const again = await postEvents(batch, cookie);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ accepted: [], duplicates: ids, rejected: [] });
    expect(await eventCount(SARI, `id IN (${ids.map(() => '?').join(',')})`, ids)).toBe(3);
    const [progress] = await rows('SELECT status, time_spent_sec FROM lesson_progress WHERE user_id = ? AND lesson_id = ?', [SARI, LESSON_1]);
    expect(progress).toMatchObject({ status: 'completed', time_spent_sec: 90 });
  });

  it('1,001 events: 413 with a message, nothing stored', async () => {
    const before = await rowCount('progress_events');
    const response = await postEvents({ events: Array.from({ length: 1001 }, () => event('viewed', LESSON_2)) }, cookie);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe(dictionary.batchTooLarge(1000));
    expect(await rowCount('progress_events')).toBe(before);
  });

  it('exactly 1,000 events are taken', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => event('time', LESSON_2, { at: Date.now() - (i + 1) * 1000, data: { seconds: 1 } }));
    const response = await postEvents({ events }, cookie);
    expect(response.status).toBe(200);
    expect((await response.json()).accepted).toHaveLength(1000);
    expect(await eventCount(SARI, 'lesson_id = ?', [LESSON_2])).toBe(1000);
  });

  it('a body over 2 MB: 413, nothing stored', async () => {
    const before = await rowCount('progress_events');
    const response = await postEvents({ events: [event('viewed', LESSON_2, { data: { pad: 'x'.repeat(2_100_000) } })] }, cookie);
    expect(response.status).toBe(413);
    expect(await rowCount('progress_events')).toBe(before);
  });

  it.each([
    ['not JSON', 'events=1'],
    ['truncated JSON', '{"events":[{"id":'],
    ['an empty body', ''],
    ['JSON null', 'null'],
    ['a bare list', '[]'],
    ['events not a list', '{"events":"semua"}'],
    ['an empty list', '{"events":[]}'],
  ])('%s: 400 with a message, nothing stored', async (_, body) => {
    const before = await rowCount('progress_events');
    const response = await postEvents(body, cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe(dictionary.batchMalformed);
    expect(await rowCount('progress_events')).toBe(before);
  });

  it('events for another learner are refused with a message; the learner’s own are stored', async () => {
    const mine = event('viewed', OTHER_MODULE_LESSON, { userId: SARI });
    const theirs = event('completed', OTHER_MODULE_LESSON, { userId: learnerId(1) });
    const theirs2 = event('viewed', OTHER_MODULE_LESSON, { userId: 'demo-mentor-1' });
    const response = await postEvents({ events: [mine, theirs, theirs2] }, cookie);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.accepted).toEqual([mine.id]);
    expect(body.rejected).toEqual([
      { index: 1, id: theirs.id, error: 'eventOtherUser', message: dictionary.eventOtherUser },
      { index: 2, id: theirs2.id, error: 'eventOtherUser', message: dictionary.eventOtherUser },
    ]);
    expect(await rowCount('progress_events', 'id IN (?, ?)', [theirs.id, theirs2.id])).toBe(0);
    expect(await eventCount(learnerId(1))).toBe(0);
  });

  it('an id another learner already used is refused and their event kept', async () => {
    const hadi = await learner(1);
    const hadiEvent = event('completed', LESSON_2);
    expect((await postEvents({ events: [hadiEvent] }, hadi)).status).toBe(200);
    const response = await postEvents({ events: [{ ...hadiEvent, type: 'viewed' }] }, cookie);
    expect(response.status).toBe(422);
    expect((await response.json()).rejected).toEqual([{ index: 0, id: hadiEvent.id, error: 'eventIdTaken', message: dictionary.eventIdTaken }]);
    const [row] = await rows('SELECT user_id, type FROM progress_events WHERE id = ?', [hadiEvent.id]);
    expect(row).toMatchObject({ user_id: learnerId(1), type: 'completed' });
  });

  it('malformed ids, unknown lessons, future times: refused one by one with Indonesian messages; 422 when nothing is stored', async () => {
    const before = await rowCount('progress_events');
    const events = [
      { ...event('viewed', LESSON_1), id: 'bukan-uuid' },
      event('viewed', 'pemasaran-whatsapp/99-tidak-ada'),
      event('viewed', '../../etc/passwd'),
      event('viewed', LESSON_1, { at: Date.now() + 3600_000 }),
      event('h5p_result', LESSON_1),
      event('viewed', LESSON_1, { at: 'besok' }),
    ];
    const response = await postEvents({ events }, cookie);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.accepted).toEqual([]);
    expect(body.rejected.map((r: { error: string }) => r.error)).toEqual([
      'eventMalformed',
      'eventUnknownLesson',
      'eventUnknownLesson',
      'eventFuture',
      'eventBadData', // h5p_result is a known type now; without its data it is bad data
      'eventMalformed',
    ]);
    for (const r of body.rejected) expect(r.message).toBe((dictionary as unknown as Record<string, string>)[r.error]);
    expect(await rowCount('progress_events')).toBe(before);
  });

  it('a mixed batch: 200, the good event stored beside the refused ones', async () => {
    const good = event('viewed', OTHER_MODULE_LESSON);
    const response = await postEvents({ events: [event('viewed', 'x/y'), good, { ...event('viewed', LESSON_1), id: 7 }] }, cookie);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.accepted).toEqual([good.id]);
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([0, 2]);
  });

  it('a quiz sent through the API is graded on the server (its own score ignored)', async () => {
    const answers = Object.fromEntries(wrongAnswers(LESSON_2).map(([k, v]) => [k.slice(2), v]));
    const quiz = event('quiz_submitted', LESSON_2, { data: { answers, score: 3, maxScore: 3 } });
    const response = await postEvents({ events: [quiz] }, cookie);
    expect(response.status).toBe(200);
    const [attempt] = await rows('SELECT score, max_score FROM quiz_attempts WHERE id = ?', [quiz.id]);
    expect(attempt).toMatchObject({ score: 0, max_score: frontmatter(LESSON_2).quiz.length });
  });

  it('an answer queued on a phone by the previous version (option positions) is still accepted when its item is unchanged', async () => {
    // The old app sent positions in the file order of the time: the snapshot keeps that order.
    const legacy = LEGACY_OPTION_ORDER;
    const quiz = frontmatter(OTHER_MODULE_LESSON).quiz;
    const answers = Object.fromEntries(quiz.map((q) => [q.id, legacy[q.id].order.indexOf(q.options.find((o) => o.correct)!.id)]));
    const old = event('quiz_submitted', OTHER_MODULE_LESSON, { data: { answers } });
    const response = await postEvents({ events: [old] }, cookie);
    const body = await response.json();
    const [attempt] = await rows('SELECT score, max_score, answers FROM quiz_attempts WHERE id = ?', [old.id]);
    if (body.accepted.length === 1) {
      // Stored by option id, graded on identity.
      expect(attempt).toMatchObject({ score: quiz.length, max_score: quiz.length });
      expect(Object.values(JSON.parse(String(attempt.answers))).every((v) => typeof v === 'string')).toBe(true);
    } else {
      // An item edited since: refused with a clear message, nothing stored (the entry stays on the phone).
      expect(body.rejected[0]).toMatchObject({ error: 'quizItemChanged', message: dictionary.quizItemChanged });
      expect(attempt).toBeUndefined();
    }
  });

  it('an old position answer to an item whose meaning changed is refused with the Indonesian reason, nothing stored', async () => {
    const quiz = frontmatter(LESSON_2).quiz;
    const answers = Object.fromEntries(quiz.map((q) => [q.id, 0]));
    const old = event('quiz_submitted', LESSON_2, { data: { answers, versions: { [quiz[0].id]: 'versi-lama' } } });
    const response = await postEvents({ events: [old] }, cookie);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.rejected[0]).toMatchObject({ error: 'quizItemChanged', message: dictionary.quizItemChanged });
    expect(await rows('SELECT id FROM quiz_attempts WHERE id = ?', [old.id])).toEqual([]);
  });

  it('two overlapping batches at the same time: each event stored once', async () => {
    const shared = [event('viewed', 'aplikasi-keuangan/01-pisahkan-uang-usaha'), event('completed', 'aplikasi-keuangan/01-pisahkan-uang-usaha')];
    const a = [...shared, event('time', 'aplikasi-keuangan/01-pisahkan-uang-usaha', { data: { seconds: 30 } })];
    const b = [event('time', 'aplikasi-keuangan/01-pisahkan-uang-usaha', { data: { seconds: 45 } }), ...shared];
    const responses = await Promise.all([postEvents({ events: a }, cookie), postEvents({ events: b }, cookie), postEvents({ events: a }, cookie)]);
    for (const r of responses) expect(r.status).toBe(200);
    expect(await eventCount(SARI, 'lesson_id = ?', ['aplikasi-keuangan/01-pisahkan-uang-usaha'])).toBe(4);
    const [progress] = await rows('SELECT status, time_spent_sec FROM lesson_progress WHERE user_id = ? AND lesson_id = ?', [
      SARI,
      'aplikasi-keuangan/01-pisahkan-uang-usaha',
    ]);
    // Both reports end at the same instant: the 30 s lie inside the 45 s (issue 15: time cannot overlap itself).
    expect(progress).toMatchObject({ status: 'completed', time_spent_sec: 45 });
  });

  it('30 batches at once from six learners (group commit): good ones 200 and stored once, all-bad ones 422, nothing of theirs stored', async () => {
    const cookies = await Promise.all(DEMO.learners.slice(0, 6).map((_, n) => (n === 0 ? cookie : learner(n))));
    // Lessons no other test here counts events of.
    const lessons = ['aplikasi-keuangan/03-qris-usaha-mikro', 'keamanan-data/05-modus-penipuan', 'pemasaran-whatsapp/05-siaran-grup-status'];
    const batches = Array.from({ length: 30 }, (_, i) =>
      i % 7 === 3
        ? [event('viewed', 'tidak/ada'), event('viewed', lessons[0], { at: Date.now() + 60 * MINUTE })]
        : [event('viewed', lessons[i % 3]), event('time', lessons[(i + 1) % 3], { data: { seconds: 20 + i } }), event('viewed', 'tidak/ada')],
    );
    const responses = await Promise.all(batches.map((events, i) => postEvents({ events }, cookies[i % 6])));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ accepted: string[]; rejected: Array<{ message: string }> }>;
    responses.forEach((r, i) => {
      expect(r.status, `batch ${i}`).toBe(i % 7 === 3 ? 422 : 200);
      expect(bodies[i].accepted).toEqual(i % 7 === 3 ? [] : batches[i].slice(0, 2).map((e) => e.id));
      for (const refusal of bodies[i].rejected) expect(refusal.message).toMatch(/[a-z]/i);
    });
    const good = batches.flatMap((b, i) => (i % 7 === 3 ? [] : b.slice(0, 2).map((e) => e.id)));
    const all = batches.flatMap((b) => b.map((e) => e.id));
    const stored = await rows(`SELECT id, user_id FROM progress_events WHERE id IN (${all.map(() => '?').join(',')})`, all);
    expect(stored.map((r) => String(r.id)).sort()).toEqual([...good].sort());
    for (const row of stored) expect(row.user_id).toBe(learnerId(batches.findIndex((b) => b.some((e) => e.id === row.id)) % 6));
    // The projection of every learner and lesson touched equals a fresh recomputation from the log.
    const [{ n }] = await rows(
      `SELECT count(*) AS n FROM lesson_progress p WHERE p.user_id IN (${[0, 1, 2, 3, 4, 5].map(() => '?').join(',')})
         AND p.last_active_at <> (SELECT max(at) FROM progress_events e WHERE e.user_id = p.user_id AND e.lesson_id = p.lesson_id)`,
      [0, 1, 2, 3, 4, 5].map(learnerId),
    );
    expect(Number(n)).toBe(0);
  });

  it('anonymous: 401, nothing stored', async () => {
    const before = await rowCount('progress_events');
    const response = await postEvents({ events: [event('viewed', LESSON_1)] });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe(dictionary.loginTitle);
    // A forged cookie is anonymous too.
    expect((await postEvents({ events: [event('viewed', LESSON_1)] }, 'a'.repeat(32) + '.' + 'b'.repeat(32))).status).toBe(401);
    expect(await rowCount('progress_events')).toBe(before);
  });

  it('a mentor or a trainer: 403, nothing stored', async () => {
    const before = await rowCount('progress_events');
    const mentor = await loginAs(DEMO.mentors[0].phone, DEMO.mentors[0].password);
    const response = await postEvents({ events: [event('viewed', LESSON_1)] }, mentor);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toBe(dictionary.learnersOnly);
    const trainer = await loginAs(DEMO.trainer.phone, DEMO.trainer.password);
    expect((await postEvents({ events: [event('viewed', LESSON_1)] }, trainer)).status).toBe(403);
    expect(await rowCount('progress_events')).toBe(before);
  });

  it('a cross-site text/plain post (no CORS preflight) is refused, nothing stored', async () => {
    const before = await rowCount('progress_events');
    const response = await http('/api/progress', {
      method: 'POST',
      cookie,
      origin: EVIL,
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ events: [event('completed', LESSON_2)] }),
    });
    expect(response.status).toBe(403);
    expect(await rowCount('progress_events')).toBe(before);
  });

  it('GET is not a way in', async () => {
    const response = await http('/api/progress', { cookie });
    expect([404, 405]).toContain(response.status);
  });
});

// ---------------------------------------------------------------- the lesson page

describe('the lesson page', () => {
  const PATH = `/learn/${LESSON_1}`;

  it('opening it records a viewed event and the projection (batched: within ~100 ms, or before their progress is read)', async () => {
    const cookie = await learner(3);
    const NUR = learnerId(3);
    expect(await eventCount(NUR, 'lesson_id = ?', [LESSON_1])).toBe(0);
    const response = await http(PATH, { cookie });
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    const lessons = frontmatter(LESSON_1);
    expect(html).toContain(`Pelajaran 1 dari ${readdirSync(join(ROOT, 'content', 'pemasaran-whatsapp')).filter((f) => f.endsWith('.mdx')).length}`);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain(`https://wa.me/?text=${encodeURIComponent(lessons.summary)}`);
    // A view waits in memory for at most ~100 ms (src/lib/server/progress/view-batch.ts).
    await expect.poll(() => eventCount(NUR, "lesson_id = ? AND type = 'viewed'", [LESSON_1]), { timeout: 5000, interval: 20 }).toBe(1);
    const [progress] = await rows('SELECT status, module_id FROM lesson_progress WHERE user_id = ? AND lesson_id = ?', [NUR, LESSON_1]);
    expect(progress).toMatchObject({ status: 'viewed', module_id: 'pemasaran-whatsapp' });
    // Each page load is a view, and the learner's home (which reads their progress) waits until it is written.
    await http(PATH, { cookie });
    expect((await http('/learn', { cookie })).status).toBe(200);
    expect(await eventCount(NUR, "lesson_id = ? AND type = 'viewed'", [LESSON_1])).toBe(2);
  });

  it('"Selesai" (intent=done) records completed and redirects 303', async () => {
    const cookie = await learner(3);
    const NUR = learnerId(3);
    const response = await postForm(PATH, { intent: 'done' }, cookie);
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location')!, server.url).pathname).toBe(PATH);
    expect(await eventCount(NUR, "lesson_id = ? AND type = 'completed'", [LESSON_1])).toBe(1);
    const [progress] = await rows('SELECT status FROM lesson_progress WHERE user_id = ? AND lesson_id = ?', [NUR, LESSON_1]);
    expect(progress.status).toBe('completed');
    const page = decode(await (await http(`${PATH}?selesai=1`, { cookie })).text());
    expect(page).toContain(dictionary.doneNow);
  });

  it('an unknown intent is refused with 400 and records nothing', async () => {
    const cookie = await learner(3);
    const before = await eventCount(learnerId(3));
    const response = await postForm(PATH, { intent: 'hapus' }, cookie);
    expect(response.status).toBe(400);
    expect(await eventCount(learnerId(3))).toBe(before);
  });

  describe('quiz posts with bad answers: 400, the Indonesian message, no attempt, the earlier attempt kept', () => {
    const HADI = learnerId(1);
    let cookie: string;
    let goodAttempt: Record<string, unknown>;

    beforeAll(async () => {
      cookie = await learner(1);
      const response = await postForm(PATH, [['intent', 'quiz'], ...rightAnswers(LESSON_1)], cookie);
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location')!, server.url);
      expect(location.pathname).toBe(PATH);
      const attemptId = location.searchParams.get('percobaan');
      expect(attemptId).toMatch(/^[0-9a-f-]{36}$/);
      [goodAttempt] = await rows('SELECT * FROM quiz_attempts WHERE user_id = ?', [HADI]);
      expect(goodAttempt).toMatchObject({ id: attemptId, lesson_id: LESSON_1, score: ITEMS_1, max_score: ITEMS_1 });
    });

    const [first, second, third] = [0, 1, 2];
    const cases: Array<[string, () => Array<[string, string]>, string]> = [
      ['a missing answer', () => rightAnswers(LESSON_1).slice(0, 2), dictionary.quizMissing],
      ['no answers at all', () => [], dictionary.quizMissing],
      ['a duplicated answer', () => [...rightAnswers(LESSON_1), rightAnswers(LESSON_1)[second]], dictionary.quizDuplicate],
      ['a duplicated answer with two different options', () => [...rightAnswers(LESSON_1), [rightAnswers(LESSON_1)[first][0], '0']], dictionary.quizDuplicate],
      [
        'a position index where an id is expected',
        () => [...rightAnswers(LESSON_1).slice(0, 2), [rightAnswers(LESSON_1)[third][0], '1']],
        dictionary.quizPositionIndex,
      ],
      [
        'a made-up option id',
        () => [...rightAnswers(LESSON_1).slice(0, 2), [rightAnswers(LESSON_1)[third][0], 'jawaban-karangan']],
        dictionary.quizUnknownOption,
      ],
      [
        'an option id of another item',
        () => [...rightAnswers(LESSON_1).slice(0, 2), [rightAnswers(LESSON_1)[third][0], rightAnswers(LESSON_1)[0][1]]],
        dictionary.quizOptionForeign,
      ],
      ['a negative answer', () => [...rightAnswers(LESSON_1).slice(0, 2), [rightAnswers(LESSON_1)[third][0], '-1']], dictionary.quizUnknownOption],
      ['two answers for one item', () => [...rightAnswers(LESSON_1), rightAnswers(LESSON_1)[0]], dictionary.quizDuplicate],
      ['a foreign answer besides the right ones', () => [...rightAnswers(LESSON_1), rightAnswers(LESSON_2)[0]], dictionary.quizForeign],
      ['the answers of another lesson', () => rightAnswers(LESSON_2), dictionary.quizForeign],
    ];

    it.each(cases)('%s', async (_, answers, message) => {
      const before = { attempts: await rowCount('quiz_attempts'), events: await eventCount(HADI) };
      const response = await postForm(PATH, [['intent', 'quiz'], ...answers()], cookie);
      expect(response.status).toBe(400);
      const html = decode(await response.text());
      expect(html).toContain(dictionary.quizFixErrors);
      expect(html).toContain(message);
      // The form is shown again to answer; no score is claimed.
      expect(html).toContain('name="intent" value="quiz"');
      expect(html).not.toContain('id="quiz-score"');
      expect(await rowCount('quiz_attempts')).toBe(before.attempts);
      expect(await eventCount(HADI)).toBe(before.events);
      const [still] = await rows('SELECT * FROM quiz_attempts WHERE user_id = ?', [HADI]);
      expect(still).toEqual(goodAttempt);
    });

    it('a foreign item id is not echoed raw into the page', async () => {
      const response = await postForm(PATH, [['intent', 'quiz'], ...rightAnswers(LESSON_1), ['q:<img src=x onerror=alert(1)>', '0']], cookie);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).not.toContain('<img src=x');
    });

    it('the score that counts (first answers) stays after a worse retry', async () => {
      const response = await postForm(PATH, [['intent', 'quiz'], ...wrongAnswers(LESSON_1)], cookie);
      expect(response.status).toBe(303);
      const page = decode(
        await (
          await http(new URL(response.headers.get('location')!, server.url).pathname + new URL(response.headers.get('location')!, server.url).search, {
            cookie,
          })
        ).text(),
      );
      expect(page).toContain(dictionary.quizScore(0, ITEMS_1));
      expect(page).toContain(dictionary.quizCounting(ITEMS_1, ITEMS_1));
      expect(await rowCount('quiz_attempts', 'user_id = ?', [HADI])).toBe(2);
    });
  });

  it('another learner’s attempt id in ?percobaan= shows nothing of it', async () => {
    const yanti = await learner(4);
    const slamet = await learner(5);
    const posted = await postForm(PATH, [['intent', 'quiz'], ...wrongAnswers(LESSON_1)], yanti);
    expect(posted.status).toBe(303);
    const location = new URL(posted.headers.get('location')!, server.url);
    const attemptId = location.searchParams.get('percobaan')!;
    // The owner sees the result…
    const own = decode(await (await http(`${PATH}?percobaan=${attemptId}`, { cookie: yanti })).text());
    expect(own).toContain(dictionary.quizScore(0, ITEMS_1));
    expect(own).toContain('id="quiz-score"');
    // …another learner sees the empty quiz form, no score, no answers, no explanations.
    const response = await http(`${PATH}?percobaan=${attemptId}`, { cookie: slamet });
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).not.toContain('id="quiz-score"');
    expect(html).not.toContain(dictionary.quizScore(0, ITEMS_1));
    expect(html).not.toContain(dictionary.quizYourAnswer);
    for (const item of frontmatter(LESSON_1).quiz) expect(html).not.toContain(item.explanation);
    expect(html).toContain('name="intent" value="quiz"');
    // Nor by the attempt id under another lesson.
    const elsewhere = decode(await (await http(`/learn/${LESSON_2}?percobaan=${attemptId}`, { cookie: yanti })).text());
    expect(elsewhere).not.toContain('id="quiz-score"');
  });

  it('options are shown in an order of each learner’s own: the same on every visit, different between learners', async () => {
    const order = async (cookie: string) => {
      const html = await (await http(`/learn/${LESSON_2}`, { cookie })).text();
      return [...html.matchAll(/name="q:([^"]+)" value="([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    };
    const a = await learner(2);
    const b = await learner(3);
    const first = await order(a);
    expect(first.length).toBe(frontmatter(LESSON_2).quiz.reduce((n, q) => n + q.options.length, 0));
    expect(await order(a)).toEqual(first);
    expect(await order(b)).not.toEqual(first);
    expect([...(await order(b))].sort()).toEqual([...first].sort());
  });

  it('the page never holds the right answers before the learner answers', async () => {
    const cookie = await learner(5);
    const html = decode(await (await http(`/learn/${LESSON_2}`, { cookie })).text());
    for (const item of frontmatter(LESSON_2).quiz) expect(html).not.toContain(item.explanation);
    expect(html).not.toMatch(/correct/i);
  });

  describe('the practical task', () => {
    const LILIK = learnerId(2);
    let cookie: string;
    beforeAll(async () => {
      cookie = await learner(2);
    });

    it.each([
      ['empty text', { text: '', link: '' }, dictionary.taskTextEmpty],
      ['whitespace', { text: '   \n ', link: '' }, dictionary.taskTextEmpty],
      ['10,000 characters', { text: 'a'.repeat(10_000), link: '' }, dictionary.taskTextLong],
      ['a javascript: link', { text: '<script>alert(1)</script>', link: 'javascript:alert(1)' }, dictionary.taskLinkInvalid],
      ['a JaVaScRiPt: link', { text: 'Sudah', link: 'JaVaScRiPt:alert(document.cookie)' }, dictionary.taskLinkInvalid],
      ['a data: link', { text: 'Sudah', link: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' }, dictionary.taskLinkInvalid],
    ])('%s: 400 with the message, no submission', async (_, fields, message) => {
      const response = await postForm(PATH, { intent: 'task', ...fields }, cookie);
      expect(response.status).toBe(400);
      const raw = await response.text();
      expect(decode(raw)).toContain(message);
      // Whatever was typed is put back into the form escaped, never as markup.
      expect(raw).not.toContain('<script>alert(1)</script>');
      expect(raw).not.toMatch(/href="\s*javascript:/i);
      expect(await rowCount('task_submissions', 'user_id = ?', [LILIK])).toBe(0);
    });

    it('a good submission: 303, shown escaped with "Menunggu pemeriksaan pendamping", and on /learn', async () => {
      const text = 'Profil sudah lengkap <script>alert(1)</script> & "jam buka" <b>07.00</b>';
      const response = await postForm(PATH, { intent: 'task', text, link: 'https://wa.me/c/6281100000013' }, cookie);
      expect(response.status).toBe(303);
      expect(new URL(response.headers.get('location')!, server.url).searchParams.get('tugas')).toBe('terkirim');
      const [row] = await rows('SELECT text, link, status, task_id FROM task_submissions WHERE user_id = ?', [LILIK]);
      expect(row).toMatchObject({ text, link: 'https://wa.me/c/6281100000013', status: 'submitted', task_id: frontmatter(LESSON_1).task!.id });

      const html = await (await http(`${PATH}?tugas=terkirim`, { cookie })).text();
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;b&gt;07.00&lt;/b&gt;');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).not.toContain('<b>07.00</b>');
      expect(decode(html)).toContain(dictionary.taskStatus_submitted);
      expect(decode(html)).toContain(dictionary.taskSent);
      expect(html).toContain('href="https://wa.me/c/6281100000013"');

      const home = decode(await (await http('/learn', { cookie })).text());
      expect(home).toContain(dictionary.tasksWaitingTitle);
      expect(home).toContain(frontmatter(LESSON_1).task!.title);

      // Where the mentor reads it (Mbak Dewi follows Bu Lilik), it is escaped as well.
      const mentor = await loginAs(DEMO.mentors[0].phone, DEMO.mentors[0].password);
      const mentorPage = await http(`/mentor/learners/${LILIK}`, { cookie: mentor });
      expect(mentorPage.status).toBe(200);
      const mentorHtml = await mentorPage.text();
      expect(mentorHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(mentorHtml).not.toContain('<script>alert(1)</script>');
      expect(mentorHtml).not.toContain('<b>07.00</b>');
    });

    it('a mentor cannot post a task or open the lesson page', async () => {
      const mentor = await loginAs(DEMO.mentors[0].phone, DEMO.mentors[0].password);
      const before = await rowCount('task_submissions');
      expect((await postForm(PATH, { intent: 'task', text: 'Sudah' }, mentor)).status).toBe(403);
      expect((await http(PATH, { cookie: mentor })).status).toBe(403);
      expect(await rowCount('task_submissions')).toBe(before);
    });

    it('a trainer previews the page (no view recorded) but cannot post', async () => {
      const trainer = await loginAs(DEMO.trainer.phone, DEMO.trainer.password);
      const before = { events: await rowCount('progress_events'), attempts: await rowCount('quiz_attempts'), tasks: await rowCount('task_submissions') };
      expect((await http(PATH, { cookie: trainer })).status).toBe(200);
      expect((await postForm(PATH, [['intent', 'quiz'], ...rightAnswers(LESSON_1)], trainer)).status).toBe(403);
      expect((await postForm(PATH, { intent: 'done' }, trainer)).status).toBe(403);
      expect(await rowCount('progress_events')).toBe(before.events);
      expect(await rowCount('quiz_attempts')).toBe(before.attempts);
    });

    it('a cross-site task post is refused', async () => {
      const before = await rowCount('task_submissions');
      const response = await http(PATH, { method: 'POST', cookie, origin: EVIL, body: new URLSearchParams({ intent: 'task', text: 'palsu' }) });
      expect(response.status).toBe(403);
      expect(await rowCount('task_submissions')).toBe(before);
    });
  });

  it.each([
    ['an unknown lesson', '/learn/pemasaran-whatsapp/99-tidak-ada'],
    ['an unknown module', '/learn/tidak-ada/01-profil-whatsapp-business'],
    ['a lesson under the wrong module', '/learn/keamanan-data/01-profil-whatsapp-business'],
    ['the module index file', '/learn/pemasaran-whatsapp/index'],
    ['an encoded path', '/learn/pemasaran-whatsapp/..%2F..%2Fetc%2Fpasswd'],
    ['a lesson id without its number', '/learn/pemasaran-whatsapp/profil-whatsapp-business'],
  ])('%s is 404 and records nothing', async (_, path) => {
    const cookie = await learner(0);
    const before = await rowCount('progress_events');
    const response = await http(path, { cookie });
    expect(response.status).toBe(404);
    expect(decode(await response.text())).toContain(dictionary.notFoundTitle);
    expect((await postForm(path, { intent: 'done' }, cookie)).status).toBe(404);
    expect(await rowCount('progress_events')).toBe(before);
  });

  it('anonymous visitors are sent to login, and their posts store nothing', async () => {
    const before = await rowCount('progress_events');
    const response = await http(PATH);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/login?next=');
    expect((await postForm(PATH, { intent: 'done' })).status).toBe(303);
    expect(await rowCount('progress_events')).toBe(before);
  });
});
