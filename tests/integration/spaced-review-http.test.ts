/**
 * "Ulang singkat" (issue 17, item 10) against the real built server with the demo activity (dated
 * relative to the moment of seeding, so it holds under faketime +400 days too): Bu Sari's home
 * offers the card, she answers one item with a plain form post (no JavaScript: the option is the
 * submit button's value), sees the feedback and "Berikutnya", capaian shows her reviews, and her
 * first answers, quiz attempts and indicator are exactly as before. Bad posts get a 4xx with an
 * Indonesian message and store nothing. Mbak Dewi's dashboard suggests a nudge for Pak Hadi, whose
 * review has waited, and the nudge opens WhatsApp with the review link. The trainer's report shows
 * retention per cohort.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { decoded, httpClient, loginWith, parseForms, type Reply } from '../helpers/routes';
import { openDatabase, type Database } from '../../db/client';
import { DEMO, DEMO_IDS } from '../../db/seed';
import { id as dictionary } from '../../src/i18n/id';

let server: TestServer;
let database: Database;
let client: ReturnType<typeof httpClient>;
const cookies = { sari: '', yanti: '', dewi: '', trainer: '' };
const SARI = DEMO_IDS.learners[0];
const HADI = DEMO_IDS.learners[1];

beforeAll(async () => {
  server = await startServer({ seed: 'activity' });
  database = openDatabase(server.databaseUrl);
  client = httpClient(server.url);
  cookies.sari = await loginWith(server.url, DEMO.learners[0].phone, DEMO.learnerPassword);
  cookies.yanti = await loginWith(server.url, DEMO.learners[4].phone, DEMO.learnerPassword);
  cookies.dewi = await loginWith(server.url, DEMO.mentors[0].phone, DEMO.mentors[0].password);
  cookies.trainer = await loginWith(server.url, DEMO.trainer.phone, DEMO.trainer.password);
}, 120_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
  expect(client.seen.filter((r) => r.status >= 500)).toEqual([]);
});

const get = (path: string, cookie: string) => client.request(path, { cookie });
const post = (path: string, cookie: string, fields: Record<string, string>) =>
  client.request(path, { cookie, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
const text = (reply: Reply) => decoded(reply.body);
const count = async (sql: string, args: string[]) => Number((await database.$client.execute({ sql, args })).rows[0].n);
/** What the indicator is computed from, plus the capaian page's level and scores. */
async function indicatorState() {
  const attempts = await database.$client.execute({ sql: 'SELECT id, answers, score FROM quiz_attempts WHERE user_id = ? ORDER BY id', args: [SARI] });
  const capaian = text(await get('/learn/capaian', cookies.sari));
  const overall = capaian.match(/id="overall-score"[^>]*>([^<]*)</)?.[1];
  // The level, the pillar scores and each pillar's next step, as plain text.
  const scores = capaian
    .slice(capaian.indexOf('id="tingkat"'), capaian.indexOf('id="riwayat-judul"'))
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');
  return { attempts: JSON.stringify(attempts.rows), overall, scores };
}
/** The review page's form: the item, its version, and each option (a submit button). */
function reviewForm(reply: Reply) {
  const form = parseForms(reply.body).find((f) => f.action === '/learn/ulang')!;
  const field = (name: string) => form.fields.find((f) => f.name === name)!.value;
  return { item: field('item'), version: field('version'), options: form.submits.filter((s) => s.name === 'option').map((s) => s.value) };
}
async function rightOption(itemId: string, options: string[]): Promise<string> {
  // The right answer comes from the content, as the server knows it: try the stored demo review rows first.
  const rows = await database.$client.execute({ sql: 'SELECT option_id FROM review_answers WHERE item_id = ? AND correct = 1 LIMIT 1', args: [itemId] });
  if (rows.rows[0]) return String(rows.rows[0].option_id);
  const quiz = await database.$client.execute({ sql: "SELECT answers FROM quiz_attempts WHERE user_id = ? AND kind = 'lesson'", args: [SARI] });
  // Bu Sari answered every WhatsApp quiz right on her first try (the demo says so).
  for (const row of quiz.rows) {
    const answers = JSON.parse(String(row.answers)) as Record<string, string>;
    if (answers[itemId] && options.includes(answers[itemId])) return answers[itemId];
  }
  throw new Error(`no right answer known for ${itemId}`);
}

describe('the learner: home card, one tap, feedback, capaian', () => {
  it('the home offers "Ulang singkat" when items are due, and not otherwise', async () => {
    const home = await get('/learn', cookies.sari);
    expect(home.status).toBe(200);
    expect(home.body).toContain('id="review-card"');
    expect(text(home)).toContain(dictionary.rvHomeTitle);
    expect(home.body).toContain('href="/learn/ulang"');
    // Bu Yanti finished her first lesson two days ago: nothing is due for her yet.
    const yanti = await get('/learn', cookies.yanti);
    expect(yanti.status).toBe(200);
    expect(yanti.body).not.toContain('id="review-card"');
    const none = await get('/learn/ulang', cookies.yanti);
    expect(none.status).toBe(200);
    expect(text(none)).toContain(dictionary.rvNoneDue);
  });

  it('answers one item with a plain form post, sees the feedback and "Berikutnya"; the indicator does not move', async () => {
    const before = await indicatorState();
    expect(before.overall).toMatch(/\d,\d\d/);
    expect(before.scores).toContain('Cakap Digital');
    const reviewsBefore = await count('SELECT count(*) AS n FROM review_answers WHERE user_id = ?', [SARI]);
    expect(reviewsBefore).toBe(3);
    const capaianBefore = text(await get('/learn/capaian', cookies.sari));
    expect(capaianBefore).toContain(dictionary.rvCapaianTitle);
    expect(capaianBefore).toContain(dictionary.rvCapaianLine(3, 67));

    const page = await get('/learn/ulang', cookies.sari);
    expect(page.status).toBe(200);
    // No script on the page needed to answer: each option is a submit button of a POST form.
    const form = reviewForm(page);
    expect(form.options.length).toBeGreaterThanOrEqual(2);
    expect(page.body).toMatch(/<button[^>]*type="submit"[^>]*name="option"/);

    const right = await rightOption(form.item, form.options);
    const wrong = form.options.find((o) => o !== right)!;
    const answered = await post('/learn/ulang', cookies.sari, { item: form.item, version: form.version, option: wrong });
    expect(answered.status).toBe(303);
    expect(answered.location).toMatch(/^\/learn\/ulang\?hasil=/);
    const feedback = await get(answered.location!, cookies.sari);
    expect(feedback.status).toBe(200);
    expect(text(feedback)).toContain(dictionary.quizWrong);
    expect(text(feedback)).toContain(dictionary.quizRightAnswer);
    expect(feedback.body).toContain('id="review-next"');

    const stored = await database.$client.execute({
      sql: 'SELECT item_id, option_id, correct, item_version FROM review_answers WHERE user_id = ? ORDER BY answered_at DESC LIMIT 1',
      args: [SARI],
    });
    expect(stored.rows[0]).toMatchObject({ item_id: form.item, option_id: wrong, correct: 0, item_version: form.version });

    // Another learner cannot read her feedback.
    expect((await get(answered.location!, cookies.yanti)).status).toBe(404);

    const after = await indicatorState();
    expect(after).toEqual(before);
    expect(text(await get('/learn/capaian', cookies.sari))).toContain(dictionary.rvCapaianLine(4, 50));
  });

  it('refuses bad posts with a 4xx and an Indonesian message, storing nothing', async () => {
    const stored = () => count('SELECT count(*) AS n FROM review_answers WHERE user_id = ?', [SARI]);
    const before = await stored();
    const form = reviewForm(await get('/learn/ulang', cookies.sari));
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ item: 'tidak-ada-soal', option: form.options[0] }, 404, dictionary.rvItemUnknown],
      [{ item: '', option: form.options[0] }, 400, dictionary.rvItemUnknown],
      [{ item: form.item, version: form.version, option: 'bukan-pilihan' }, 400, dictionary.rvOptionUnknown],
      [{ item: form.item, version: 'versi-lama', option: form.options[0] }, 409, dictionary.rvItemChanged],
      // An item of a lesson she has not finished is not due.
      [{ item: 'aman-otp-1', option: 'x' }, 409, dictionary.rvNotDue],
    ];
    for (const [fields, status, message] of cases) {
      const reply = await post('/learn/ulang', cookies.sari, fields);
      expect(reply.status, JSON.stringify(fields)).toBe(status);
      expect(text(reply)).toContain(message);
    }
    // An option of another item, and a body over the cap.
    const foreign = await post('/learn/ulang', cookies.sari, { item: form.item, option: 'mengetik-garis-miring-dan-lain' });
    expect(foreign.status).toBe(400);
    const huge = await post('/learn/ulang', cookies.sari, { item: form.item, option: form.options[0], pad: 'x'.repeat(5000) });
    expect(huge.status).toBe(413);
    expect(text(huge)).toContain(dictionary.rvTooLarge);
    // A post from another site is refused before the page (Astro's origin check).
    const cross = await client.request('/learn/ulang', {
      cookie: cookies.sari,
      origin: 'https://evil.example',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ item: form.item, option: form.options[0] }),
    });
    expect(cross.status).toBe(403);
    // A mentor may not answer.
    expect((await post('/learn/ulang', cookies.dewi, { item: form.item, option: form.options[0] })).status).toBe(403);
    expect(await stored()).toBe(before);
  });

  it('the item just answered is not due again: posting it twice is refused', async () => {
    const form = reviewForm(await get('/learn/ulang', cookies.sari));
    const first = await post('/learn/ulang', cookies.sari, { item: form.item, version: form.version, option: form.options[0] });
    expect(first.status).toBe(303);
    const again = await post('/learn/ulang', cookies.sari, { item: form.item, version: form.version, option: form.options[0] });
    expect(again.status).toBe(409);
    expect(text(again)).toContain(dictionary.rvNotDue);
  });
});

describe('the mentor and the trainer', () => {
  it('the dashboard suggests a nudge for a learner whose review has waited, and the nudge links to it', async () => {
    const dashboard = await get('/mentor', cookies.dewi);
    expect(dashboard.status).toBe(200);
    const hadi = dashboard.body.match(new RegExp(`<li[^>]*data-learner="${HADI}"[\\s\\S]*?</li>\\s*(?=<li|</ul>)`))?.[0] ?? '';
    expect(decoded(hadi)).toMatch(/Ulang singkat menunggu \d+ hari/);
    // Bu Sari reviewed yesterday: not flagged.
    const sari = dashboard.body.match(new RegExp(`<li[^>]*data-learner="${SARI}"[\\s\\S]*?</li>\\s*(?=<li|</ul>)`))?.[0] ?? '';
    expect(decoded(sari)).not.toContain('Ulang singkat menunggu');

    // Pak Hadi also has a task waiting for review but none to redo: the nudge is the review.
    const nudge = await post('/mentor/nudge', cookies.dewi, { learnerId: HADI });
    expect(nudge.status).toBe(303);
    expect(nudge.location).toMatch(/^https:\/\/wa\.me\//);
    const message = new URL(nudge.location!).searchParams.get('text') ?? '';
    expect(message).toContain('Ulang singkat');
    expect(message).toContain('/learn/ulang');
    expect(await count("SELECT count(*) AS n FROM nudges WHERE learner_id = ? AND kind = 'review_due'", [HADI])).toBe(1);
  });

  it("the trainer's report shows retention per cohort", async () => {
    const report = await get('/trainer/reports', cookies.trainer);
    expect(report.status).toBe(200);
    expect(text(report)).toContain(dictionary.rvReportTitle);
    const row = report.body.match(/<table id="retention-table"[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(decoded(row)).toContain(DEMO.cohort.name);
    const share = await database.$client.execute('SELECT count(*) AS n, sum(correct) AS c FROM review_answers');
    const n = Number(share.rows[0].n);
    expect(n).toBeGreaterThan(0);
    expect(decoded(row)).toContain(`${Math.round((100 * Number(share.rows[0].c)) / n)}`);
  });
});
