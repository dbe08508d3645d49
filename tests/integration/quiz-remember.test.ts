/**
 * Issue 16 item 4, "Quizzes and tests that remember", over HTTP against the real built server on a
 * fresh database with the demo accounts: a reopened lesson quiz shows the learner's last result
 * and the score that counts (first answers), with "Coba lagi" holding the form; a reopened
 * pre-test shows its result; the home's main button offers a module's pre-test before its lessons,
 * "Lewati tes awal" is remembered per learner and module, and a closed pre-test says why on the
 * home and on its page. Bad skips get a 4xx with an Indonesian message and store nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEMO } from '../../db/seed';
import { openDatabase, type Database } from '../../db/client';
import { id as dictionary } from '../../src/i18n/id';
import { formFor } from '../../src/lib/indicator/forms';
import { decoded, httpClient, loginWith, parseForms, type Reply } from '../helpers/routes';
import { ROOT, startServer, type TestServer } from '../helpers/server';

interface Item {
  id: string;
  question: string;
  explanation: string;
  options: Array<{ id: string; text: string; correct?: boolean }>;
}
const frontmatter = (file: string) => parseYaml(readFileSync(join(ROOT, 'content', file), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]);
const MODULE = 'pemasaran-whatsapp';
const MODULE_TITLE = (frontmatter(`${MODULE}/index.md`) as { title: string }).title;
const LESSON_1 = `${MODULE}/01-profil-whatsapp-business`;
const LESSON_2 = `${MODULE}/02-katalog-produk`;
const quizOf = (lesson: string) => (frontmatter(`${lesson}.mdx`) as { quiz: Item[] }).quiz;
const titleOf = (lesson: string) => (frontmatter(`${lesson}.mdx`) as { title: string }).title;
const preTestOf = (learnerId: string) => {
  const form = formFor(learnerId, MODULE, 'pre');
  return (frontmatter(`${MODULE}/index.md`) as { prePost: Array<{ a: Item; b: Item }> }).prePost.map((p) => (form === 'A' ? p.a : p.b));
};
const right = (item: Item) => item.options.find((o) => o.correct)!.id;
const wrong = (item: Item) => item.options.find((o) => !o.correct)!.id;
const learnerId = (n: number) => `demo-learner-${n + 1}`;
const PRE = `/learn/${MODULE}/tes-awal`;

let server: TestServer;
let database: Database;
let client: ReturnType<typeof httpClient>;

beforeAll(async () => {
  server = await startServer();
  database = openDatabase(server.databaseUrl);
  client = httpClient(server.url);
}, 60_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
  expect(client.seen.filter((r) => r.status >= 500)).toEqual([]);
});

const learner = (n: number) => loginWith(server.url, DEMO.learners[n].phone, DEMO.learnerPassword);
const get = (path: string, cookie: string) => client.request(path, { cookie });
const post = (path: string, fields: Array<[string, string]>, cookie: string) =>
  client.request(path, { method: 'POST', cookie, body: new URLSearchParams(fields) });
const rows = async (sql: string, args: Array<string | number> = []) => (await database.$client.execute({ sql, args })).rows;
const skips = (userId: string) => rows('SELECT module_id FROM pretest_skips WHERE user_id = ?', [userId]);
/** The main button of /learn: its link and label. */
const mainButton = (home: Reply) => {
  const tag = home.body.match(/<a\b[^>]*id="continue-link"[^>]*>([^<]*)<\/a>/);
  expect(tag, 'the home has a main button').not.toBeNull();
  return { href: tag![0].match(/href="([^"]*)"/)![1], label: decoded(tag![1]).trim() };
};
/** Option ids in page order inside a piece of HTML, for one item: the form's radios, or the result's list. */
const radioOrder = (html: string, itemId: string) => [...html.matchAll(new RegExp(`name="q:${itemId}" value="([^"]+)"`, 'g'))].map((m) => m[1]);
const resultOrder = (html: string, itemId: string) => {
  const li = html.match(new RegExp(`<li[^>]*data-item="${itemId}"[^>]*>([\\s\\S]*?)<p class="explain`));
  expect(li, `the result of ${itemId}`).not.toBeNull();
  return [...li![1].matchAll(/<li[^>]*data-option="([^"]+)"/g)].map((m) => m[1]);
};

describe('a reopened lesson quiz shows the last result and the score that counts', () => {
  const quiz = quizOf(LESSON_1);
  let cookie: string;

  beforeAll(async () => {
    cookie = await learner(0);
    // Attempt 1: the first item wrong (this is what counts). Attempt 2: everything right.
    expect(
      (await post(`/learn/${LESSON_1}`, [['intent', 'quiz'], ...quiz.map((q, i): [string, string] => [`q:${q.id}`, i === 0 ? wrong(q) : right(q)])], cookie))
        .status,
    ).toBe(303);
    expect((await post(`/learn/${LESSON_1}`, [['intent', 'quiz'], ...quiz.map((q): [string, string] => [`q:${q.id}`, right(q)])], cookie)).status).toBe(303);
    expect(await rows("SELECT id FROM quiz_attempts WHERE user_id = ? AND kind = 'lesson'", [learnerId(0)])).toHaveLength(2);
  });

  it('opening the lesson again (no query) shows the last attempt, its choices and explanations, and the first-answers score', async () => {
    const page = await get(`/learn/${LESSON_1}`, cookie);
    expect(page.status).toBe(200);
    const html = decoded(page.body);
    expect(html).toContain('id="quiz-last"');
    expect(html).toContain(dictionary.quizLastResult);
    // The last attempt's score, and the one that counts: the first answers (one wrong).
    expect(html).toContain(dictionary.quizScore(quiz.length, quiz.length));
    expect(html).toContain(dictionary.quizCounting(quiz.length - 1, quiz.length));
    expect(dictionary.quizCounting(2, 3)).toBe('Nilai yang dihitung: 2 dari 3 (jawaban pertama)');
    // What was chosen the last time (all right), and every explanation.
    const chosen = [...page.body.matchAll(/<span class="chosen" data-option="([^"]+)"/g)].map((m) => m[1]);
    expect(chosen).toEqual(quiz.map(right));
    expect(page.body).not.toMatch(/<li class="item wrong"/);
    for (const item of quiz) expect(html).toContain(item.explanation);
  });

  it('the result lists every option in the learner’s own order (the order of their form); "Coba lagi" holds the form', async () => {
    const page = await get(`/learn/${LESSON_1}`, cookie);
    const retry = page.body.match(/<details[^>]*id="coba-lagi"[^>]*>([\s\S]*?)<\/details>/);
    expect(retry, '"Coba lagi" is on the page').not.toBeNull();
    expect(decoded(retry![1])).toContain(dictionary.quizRetry);
    expect(decoded(retry![1])).toContain(dictionary.quizRetryNote);
    // Closed until tapped: the result is what the learner sees first.
    expect(retry![0]).not.toMatch(/<details[^>]*\sopen/);
    const [form] = parseForms(retry![1]);
    expect(form.fields.find((f) => f.name === 'intent')?.value).toBe('quiz');
    for (const item of quiz) {
      const order = radioOrder(retry![1], item.id);
      expect(order.sort()).toEqual(item.options.map((o) => o.id).sort());
      expect(resultOrder(page.body, item.id)).toEqual(radioOrder(retry![1], item.id));
    }
  });

  it('?ulang=1 shows only the form; ?percobaan=<first> shows that attempt with the same counted score', async () => {
    const again = await get(`/learn/${LESSON_1}?ulang=1`, cookie);
    expect(again.body).not.toContain('id="quiz-score"');
    expect(again.body).toContain('name="intent" value="quiz"');
    const [first] = await rows("SELECT id FROM quiz_attempts WHERE user_id = ? AND kind = 'lesson' ORDER BY at LIMIT 1", [learnerId(0)]);
    const shown = decoded((await get(`/learn/${LESSON_1}?percobaan=${first.id}`, cookie)).body);
    expect(shown).toContain(dictionary.quizScore(quiz.length - 1, quiz.length));
    expect(shown).toContain(dictionary.quizCounting(quiz.length - 1, quiz.length));
    // Asked for by id, it is not called "the last result".
    expect(shown).not.toContain('id="quiz-last"');
  });

  it('another learner’s lesson shows the empty form, and a lesson not answered yet shows no result', async () => {
    const other = await get(`/learn/${LESSON_1}`, await learner(5));
    expect(other.body).not.toContain('id="quiz-score"');
    expect(other.body).not.toContain('id="coba-lagi"');
    const notYet = await get(`/learn/${LESSON_2}`, cookie);
    expect(notYet.body).not.toContain('id="quiz-score"');
    expect(notYet.body).toContain('name="intent" value="quiz"');
  });
});

describe('the home offers the pre-test first; skipping is remembered; a closed pre-test says why', () => {
  it('a new learner: the main button is the first module’s pre-test, with "Lewati tes awal" beside it', async () => {
    const cookie = await learner(1);
    const home = await get('/learn', cookie);
    expect(mainButton(home)).toEqual({ href: PRE, label: dictionary.cpGoPreTest });
    const html = decoded(home.body);
    expect(html).toContain(dictionary.cpCardPreTest(MODULE_TITLE, preTestOf(learnerId(1)).length));
    const skip = parseForms(home.body).find((f) => f.fields.some((x) => x.name === 'intent' && x.value === 'skip'));
    expect(skip?.method).toBe('POST');
    expect(skip?.action).toBe(PRE);
    expect(html).toContain(dictionary.homePretestSkip);
    // Offered once: the Capaian card no longer repeats it.
    expect(home.body.match(new RegExp(`href="${PRE}"`, 'g'))).toHaveLength(1);
  });

  it('"Lewati tes awal": 303 to lesson 1, remembered (once) so the main button opens lesson 1; the pre-test stays open', async () => {
    const cookie = await learner(1);
    const response = await post(PRE, [['intent', 'skip']], cookie);
    expect(response.status).toBe(303);
    expect(response.location).toBe(`/learn/${LESSON_1}`);
    expect((await post(PRE, [['intent', 'skip']], cookie)).status).toBe(303);
    expect(await skips(learnerId(1))).toEqual([expect.objectContaining({ module_id: MODULE })]);
    const home = await get('/learn', cookie);
    expect(mainButton(home)).toEqual({ href: `/learn/${LESSON_1}`, label: dictionary.continueOpen });
    expect(home.body).not.toContain('id="skip-pretest-form"');
    expect(decoded(home.body)).not.toContain(dictionary.homePretestClosed(MODULE_TITLE));
    // Skipping is not refusing: the pre-test can still be taken until a lesson is finished.
    const test = await get(PRE, cookie);
    expect(test.body).toContain(`name="q:${preTestOf(learnerId(1))[0].id}"`);
    // Another learner is still offered it.
    expect(mainButton(await get('/learn', await learner(2))).href).toBe(PRE);
  });

  it('a taken pre-test: the page shows its result and the counted score when reopened; the home moves on to lesson 1', async () => {
    const cookie = await learner(2);
    const items = preTestOf(learnerId(2));
    const sent = await post(PRE, [['intent', 'test'], ...items.map((i, n): [string, string] => [`q:${i.id}`, n < 2 ? right(i) : wrong(i)])], cookie);
    expect(sent.status).toBe(303);
    const page = await get(PRE, cookie);
    expect(page.status).toBe(200);
    const html = decoded(page.body);
    expect(html).toContain(dictionary.cpTestScore(2, items.length));
    expect(html).toContain(dictionary.cpTestCounting(2, items.length));
    expect([...page.body.matchAll(/<span class="chosen" data-option="([^"]+)"/g)].map((m) => m[1])).toEqual(items.map((i, n) => (n < 2 ? right(i) : wrong(i))));
    for (const item of items) expect(html).toContain(item.explanation);
    expect(page.body).not.toContain('name="q:');
    expect(mainButton(await get('/learn', cookie))).toEqual({ href: `/learn/${LESSON_1}`, label: dictionary.continueOpen });
  });

  it('a lesson finished without the pre-test: the home and the pre-test page say why it closed and point to the next lesson', async () => {
    const cookie = await learner(3);
    expect((await post(`/learn/${LESSON_1}`, [['intent', 'done']], cookie)).status).toBe(303);
    const home = await get('/learn', cookie);
    expect(decoded(home.body)).toContain(dictionary.homePretestClosed(MODULE_TITLE));
    expect(dictionary.homePretestClosed('X')).toContain('sudah ditutup karena Anda sudah menyelesaikan pelajaran');
    expect(mainButton(home).href).toBe(`/learn/${LESSON_2}`);
    const page = await get(PRE, cookie);
    expect(page.status).toBe(200);
    const html = decoded(page.body);
    expect(html).toContain(dictionary.cpPreTooLate);
    expect(dictionary.cpPreTooLate).toContain('Tes awal mengukur kemampuan sebelum belajar');
    expect(page.body).not.toContain('name="q:');
    expect(html).toMatch(
      new RegExp(`<a class="btn block" href="/learn/${LESSON_2}" id="next-step"[^>]*>\\s*${dictionary.cpNextLesson(titleOf(LESSON_2))}\\s*</a>`),
    );
    // A skip of a closed pre-test still leads on, and stores nothing.
    const skip = await post(PRE, [['intent', 'skip']], cookie);
    expect(skip.status).toBe(303);
    expect(await skips(learnerId(3))).toEqual([]);
  });
});

describe('bad skips: a 4xx with an Indonesian message, nothing stored', () => {
  it('an unknown module: 404 page', async () => {
    const cookie = await learner(4);
    const response = await post('/learn/modul-karangan/tes-awal', [['intent', 'skip']], cookie);
    expect(response.status).toBe(404);
    expect(decoded(response.body)).toContain(dictionary.notFoundTitle);
    expect(await skips(learnerId(4))).toEqual([]);
  });

  it('skipping the post-test: 400 with the reason', async () => {
    const cookie = await learner(4);
    const response = await post(`/learn/${MODULE}/tes-akhir`, [['intent', 'skip']], cookie);
    expect(response.status).toBe(400);
    expect(response.body).toBe(dictionary.cpSkipOnlyPre);
    expect(await skips(learnerId(4))).toEqual([]);
  });

  it('a trainer cannot skip for anyone (403), and a post without the app’s origin is refused', async () => {
    const trainer = await loginWith(server.url, DEMO.trainer.phone, DEMO.trainer.password);
    const response = await post(PRE, [['intent', 'skip']], trainer);
    expect(response.status).toBe(403);
    expect(response.body).toBe(dictionary.learnersOnly);
    const cookie = await learner(4);
    const foreign = await client.request(PRE, { method: 'POST', cookie, origin: 'https://jahat.example', body: new URLSearchParams({ intent: 'skip' }) });
    expect(foreign.status).toBe(403);
    expect(await rows('SELECT * FROM pretest_skips WHERE user_id IN (?, ?)', [learnerId(4), 'demo-trainer'])).toEqual([]);
  });
});
