/**
 * Lessons written in the browser (issue 19), against the real built server on a fresh seeded
 * database: a trainer creates a module and a lesson, saves, publishes; a learner takes the lesson
 * and their first answers reach the item analysis and the research CSV; an item edited after it
 * was answered becomes a new item version and both are analysed; a stale save is refused with
 * who changed what; and every bad input of the issue is refused with a 4xx and an Indonesian
 * message, with nothing published and nothing else changed. No response may be a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFetch, decoded, loginWith, type FetchOptions } from '../helpers/routes';
import { freePort, ROOT, startServer, type TestServer } from '../helpers/server';
import { launchServer, stopServer, waitHealthy } from '../helpers/dist-snapshot';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';
import type { LessonContent } from '../../src/lib/authoring/lesson-content';

let server: TestServer;
/** A second app process on the same database: it must see a publish on its next request. */
let second: { url: string; process: ChildProcess };
let database: Database;
const seen: Array<{ what: string; status: number }> = [];
const MODULE = 'foto-produk';
const LESSON = `${MODULE}/01-foto-terang`;

beforeAll(async () => {
  server = await startServer();
  database = openDatabase(server.databaseUrl);
  const port = await freePort();
  second = { url: `http://127.0.0.1:${port}`, process: launchServer(join(ROOT, 'dist/server/melek.mjs'), { ...server.env, PORT: String(port) }) };
  await waitHealthy(second.url, 60_000);
}, 120_000);

afterAll(async () => {
  database?.$client.close();
  if (second) await stopServer(second.process);
  await server?.stop();
  expect(seen.filter((r) => r.status >= 500)).toEqual([]);
});

async function http(path: string, options: FetchOptions = {}): Promise<Response> {
  const method = options.method ?? (options.body !== undefined ? 'POST' : 'GET');
  const response = await appFetch(server.url, path, options);
  seen.push({ what: `${method} ${path}`, status: response.status });
  expect(response.status, `${method} ${path} answered ${response.status}`).toBeLessThan(500);
  return response;
}
const post = (path: string, fields: Array<[string, string]>, cookie: string) => http(path, { method: 'POST', cookie, body: new URLSearchParams(fields) });
const text = async (response: Response) => decoded(await response.text());

const item = (id: string, question: string, right: string, wrong: string[], pillar = 'cakap') => ({
  id,
  question,
  options: [{ id: 'a', text: right, correct: true }, ...wrong.map((w, i) => ({ id: ['b', 'c', 'd'][i], text: w }))],
  explanation: `Jawaban yang tepat: ${right}. Foto yang jelas membuat pembeli percaya.`,
  pillar: pillar as 'cakap',
});

/** A lesson the content check accepts. */
const GOOD: LessonContent = {
  title: 'Foto produk yang terang',
  summary: 'Memotret dagangan dengan cahaya jendela supaya pembeli melihat warnanya dengan jelas.',
  order: 1,
  minutes: 5,
  pillars: ['cakap'],
  objectives: ['Memotret produk di dekat jendela', 'Memilih latar polos'],
  quiz: [
    item('cahaya', 'Di mana tempat terbaik memotret kerupuk di siang hari?', 'Dekat jendela yang terang', ['Di bawah lampu kuning', 'Di kamar yang gelap']),
    item('latar', 'Latar seperti apa yang membuat produk mudah dilihat?', 'Kain polos berwarna terang', ['Tumpukan barang lain', 'Taplak bermotif ramai']),
    item('jumlah', 'Berapa foto yang sebaiknya dikirim untuk satu produk?', 'Dua atau tiga dari sisi berbeda', [
      'Satu foto buram saja',
      'Dua puluh foto yang sama',
    ]),
  ],
  task: {
    id: 'tugas',
    title: 'Foto satu produk',
    instructions: 'Foto satu produk Anda di dekat jendela dengan latar kain polos, lalu kirim fotonya.',
    mentorChecks: ['Foto terang dan tidak buram', 'Latar polos'],
    pillar: 'cakap',
  },
  body: '## Cahaya jendela\n\nAmbil foto di dekat jendela pada pagi atau siang hari. Matikan lampu kuning.\n\n<Tip judul="Cahaya pagi">\nCahaya pagi lembut dan tidak membuat bayangan keras.\n</Tip>\n\n## Latar polos\n\nPakai kain polos atau kertas putih di belakang produk.\n',
};

/** The editor's fields for a lesson (the inverse of contentFromForm). */
function editorFields(content: LessonContent, base: number, intent: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['intent', intent],
    ['base', String(base)],
    ['items', String(content.quiz.length)],
    ['title', content.title],
    ['summary', content.summary],
    ['minutes', String(content.minutes)],
    ...content.pillars.map((p): [string, string] => ['pillars', p]),
    ['objectives', content.objectives.join('\n')],
    ['body', content.body],
  ];
  content.quiz.forEach((q, i) => {
    fields.push([`q${i}-id`, q.id], [`q${i}-question`, q.question], [`q${i}-explanation`, q.explanation], [`q${i}-pillar`, q.pillar]);
    q.options.forEach((o, j) => {
      fields.push([`q${i}-oid${j}`, o.id], [`q${i}-o${j}`, String(o.text)]);
      if (o.correct) fields.push([`q${i}-correct`, o.id]);
    });
  });
  if (content.task)
    fields.push(
      ['task-id', content.task.id],
      ['task-title', content.task.title],
      ['task-instructions', content.task.instructions],
      ['task-checks', content.task.mentorChecks.join('\n')],
      ['task-pillar', content.task.pillar],
    );
  return fields;
}

async function snapshot() {
  const tables = ['authored_modules', 'authored_lessons', 'lesson_versions', 'content_generation'];
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = (await database.$client.execute(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows;
  return JSON.stringify(out);
}
const lessonRow = async (id = LESSON) => (await database.$client.execute({ sql: 'SELECT * FROM authored_lessons WHERE id = ?', args: [id] })).rows[0];

let trainer: string;
let trainerB: string;

describe('a lesson written in the browser', () => {
  beforeAll(async () => {
    trainer = await loginWith(server.url, DEMO.trainer.phone, DEMO.trainer.password);
    // A second trainer: created through the trainer's own account form would need an invite; the database is enough here.
    await database.$client.execute({
      sql: "INSERT INTO users (id, phone, name, role, password_hash, locale, created_at) SELECT 'trainer-b', '+6281100000099', 'Pak Budi (Pelatih)', 'trainer', password_hash, 'id', created_at FROM users WHERE id = 'demo-trainer'",
      args: [],
    });
    trainerB = await loginWith(server.url, '081100000099', DEMO.trainer.password);
  });

  it('a trainer creates a module and a lesson, saves a checked draft and a second trainer publishes it', async () => {
    const created = await post(
      '/trainer/konten',
      [
        ['intent', 'module'],
        ['id', MODULE],
        ['title', 'Foto produk'],
        ['titleEn', 'Product photos'],
        ['summary', 'Memotret dagangan supaya laku di WhatsApp.'],
        ['order', '9'],
        ['pillars', 'cakap'],
      ],
      trainer,
    );
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe(`/trainer/konten/${MODULE}?baru=1`);
    const lesson = await post(
      `/trainer/konten/${MODULE}`,
      [
        ['intent', 'lesson'],
        ['slug', '01-foto-terang'],
        ['title', 'Foto terang'],
      ],
      trainer,
    );
    expect(lesson.headers.get('location')).toBe(`/trainer/konten/${LESSON}`);
    const saved = await post(`/trainer/konten/${LESSON}`, editorFields(GOOD, 1, 'save'), trainer);
    expect(saved.status, await text(saved.clone())).toBe(303);
    expect(saved.headers.get('location')).toBe(`/trainer/konten/${LESSON}?disimpan=2`);
    // Not published yet: learners do not see it.
    const sari = await loginWith(server.url, DEMO.learners[0].phone, DEMO.learnerPassword);
    expect((await http(`/learn/${LESSON}`, { cookie: sari })).status).toBe(404);
    // The other process has built (and cached) its course too.
    expect((await appFetch(second.url, `/learn/${LESSON}`, { cookie: sari })).status).toBe(404);
    // Publishing needs a change note.
    const noNote = await post(
      `/trainer/konten/${LESSON}`,
      [
        ['intent', 'publish'],
        ['base', '2'],
        ['note', ' '],
      ],
      trainerB,
    );
    expect(noNote.status).toBe(422);
    expect(await text(noNote)).toContain('Tulis catatan perubahan dulu.');
    const published = await post(
      `/trainer/konten/${LESSON}`,
      [
        ['intent', 'publish'],
        ['base', '2'],
        ['note', 'Terbit pertama'],
      ],
      trainerB,
    );
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`/trainer/konten/${LESSON}?terbit=3`);
    expect(await lessonRow()).toMatchObject({ status: 'published', published_version: 3, draft_version: 3 });
    const page = await text(await http(`/learn/${LESSON}`, { cookie: sari }));
    expect(page).toContain('Foto produk yang terang');
    // Published on server A, seen by process B on its next request.
    const elsewhere = await appFetch(second.url, `/learn/${LESSON}`, { cookie: sari });
    expect(elsewhere.status).toBe(200);
    expect(await text(elsewhere)).toContain('Dekat jendela yang terang');
    expect(page).toContain('Cahaya pagi lembut');
    expect(page).toContain('Dekat jendela yang terang');
    const history = await text(await http(`/trainer/konten/${LESSON}`, { cookie: trainer }));
    expect(history).toContain('Terbit pertama');
    expect(history).toContain('Pak Budi (Pelatih)');
  });

  it("a learner's first answers reach the item analysis and the CSV; editing an answered item makes a new version and both are analysed", async () => {
    const sari = await loginWith(server.url, DEMO.learners[0].phone, DEMO.learnerPassword);
    const csvBefore = await text(await http('/trainer/reports.csv', { cookie: trainer }));
    const answered = await post(
      `/learn/${LESSON}`,
      [
        ['intent', 'quiz'],
        ['q:cahaya', 'a'],
        ['q:latar', 'b'],
        ['q:jumlah', 'a'],
      ],
      sari,
    );
    expect(answered.status).toBe(303);
    const csvAfter = await text(await http('/trainer/reports.csv', { cookie: trainer }));
    expect(csvAfter).not.toBe(csvBefore);
    const analysis = await text(await http('/trainer/reports/soal', { cookie: trainer }));
    expect(analysis).toContain('id="soal-cahaya"');

    // Edit the answered item "cahaya" (a new right answer) and publish.
    const edited: LessonContent = {
      ...GOOD,
      quiz: [
        item('cahaya', 'Di mana tempat paling terang untuk memotret kerupuk?', 'Di teras pada pagi hari', ['Di bawah meja', 'Di dalam lemari']),
        ...GOOD.quiz.slice(1),
      ],
    };
    expect((await post(`/trainer/konten/${LESSON}`, editorFields(edited, 3, 'save'), trainer)).status).toBe(303);
    const republished = await post(
      `/trainer/konten/${LESSON}`,
      [
        ['intent', 'publish'],
        ['base', '4'],
        ['note', 'Soal cahaya diganti'],
      ],
      trainerB,
    );
    expect(republished.status).toBe(303);
    const page = await text(await http(`/learn/${LESSON}`, { cookie: sari }));
    expect(page).toContain('name="q:cahaya-v2"');
    const after = await text(await http('/trainer/reports/soal', { cookie: trainer }));
    expect(after).toContain('id="soal-cahaya"');
    expect(after).toContain('id="soal-cahaya-v2"');
    expect(after).toContain('versi lama');
    // Compare and roll back.
    const compare = await text(await http(`/trainer/konten/${LESSON}/banding?a=3&b=5`, { cookie: trainer }));
    expect(compare).toContain('quiz.cahaya');
    const rolledBack = await post(
      `/trainer/konten/${LESSON}`,
      [
        ['intent', 'rollback'],
        ['base', '5'],
        ['version', '3'],
      ],
      trainer,
    );
    expect(rolledBack.status).toBe(303);
    expect(await lessonRow()).toMatchObject({ published_version: 6 });
  });

  it('a stale save is refused with who changed what, keeping the text; nothing is overwritten', async () => {
    const row = await lessonRow();
    const base = Number(row.draft_version);
    const first = await post(`/trainer/konten/${LESSON}`, editorFields({ ...GOOD, title: 'Foto produk yang terang sekali' }, base, 'save'), trainerB);
    expect(first.status).toBe(303);
    const before = await snapshot();
    const stale = await post(
      `/trainer/konten/${LESSON}`,
      editorFields({ ...GOOD, summary: 'Ringkasan baru dari trainer pertama yang belum tahu.' }, base, 'save'),
      trainer,
    );
    expect(stale.status).toBe(409);
    const body = await text(stale);
    expect(body).toMatch(/Disimpan oleh Pak Budi \(Pelatih\) pukul \d\d:\d\d WIB: title/);
    expect(body).toContain('Ringkasan baru dari trainer pertama yang belum tahu.');
    expect(await snapshot()).toBe(before);
  });
});

describe('bad input: a clear message, 4xx, nothing published, nothing else changed', () => {
  const BAD = `${MODULE}/02-uji`;
  beforeAll(async () => {
    expect(
      (
        await post(
          `/trainer/konten/${MODULE}`,
          [
            ['intent', 'lesson'],
            ['slug', '02-uji'],
            ['title', 'Uji'],
          ],
          trainer,
        )
      ).status,
    ).toBe(303);
  });
  const cases: Array<[string, LessonContent, RegExp]> = [
    ['<script>', { ...GOOD, body: GOOD.body + '\n<script>alert(1)</script>\n' }, /script/i],
    ['{process.exit()}', { ...GOOD, body: GOOD.body + '\nIni {process.exit()} jahat.\n' }, /\{/],
    ['an import line', { ...GOOD, body: "import X from './x.js'\n\n" + GOOD.body }, /import/i],
    ['an unknown component', { ...GOOD, body: GOOD.body + '\n<Rahasia>isi</Rahasia>\n' }, /Rahasia/],
    ['a 200 KB body', { ...GOOD, body: GOOD.body + 'kata '.repeat(40_000) }, /KB|besar|panjang/i],
    [
      'no correct option',
      { ...GOOD, quiz: [{ ...GOOD.quiz[0], options: GOOD.quiz[0].options.map((o) => ({ id: o.id, text: o.text })) }, ...GOOD.quiz.slice(1)] },
      /benar|correct/i,
    ],
    [
      'two correct options',
      { ...GOOD, quiz: [{ ...GOOD.quiz[0], options: GOOD.quiz[0].options.map((o) => ({ ...o, correct: true })) }, ...GOOD.quiz.slice(1)] },
      /benar|correct/i,
    ],
    ['a task without mentor checks', { ...GOOD, task: { ...GOOD.task!, mentorChecks: [] } }, /pendamping|mentor/i],
    ['an unknown H5P id', { ...GOOD, body: GOOD.body + '\n<H5P id="tidak-ada-sama-sekali" />\n' }, /H5P/],
  ];
  for (const [label, content, why] of cases)
    it(label, async () => {
      const before = await snapshot();
      const base = Number((await lessonRow(BAD)).draft_version);
      const reply = await post(`/trainer/konten/${BAD}`, editorFields(content, base, 'save'), trainer);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      const raw = await reply.text();
      const body = decoded(raw);
      expect(body).toContain('Belum tersimpan');
      expect(body).toMatch(why);
      // The trainer's text comes back escaped, never as markup.
      expect(raw).not.toContain('<script>alert(1)</script>');
      expect(await snapshot()).toBe(before);
      // Publishing the (unchanged) skeleton draft is refused too: nothing published.
      const publish = await post(
        `/trainer/konten/${BAD}`,
        [
          ['intent', 'publish'],
          ['base', String(base)],
          ['note', 'coba'],
        ],
        trainer,
      );
      expect(publish.status).toBe(422);
      expect(await snapshot()).toBe(before);
    });

  it('a mentor or a learner posting to the editor gets 403 and changes nothing', async () => {
    const mentor = await loginWith(server.url, DEMO.mentors[0].phone, DEMO.mentors[0].password);
    const learner = await loginWith(server.url, DEMO.learners[1].phone, DEMO.learnerPassword);
    const before = await snapshot();
    for (const cookie of [mentor, learner]) {
      expect(
        (
          await post(
            `/trainer/konten/${LESSON}`,
            [
              ['intent', 'publish'],
              ['base', '1'],
              ['note', 'x'],
            ],
            cookie,
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await post(
            '/trainer/konten',
            [
              ['intent', 'module'],
              ['id', 'jahat'],
              ['title', 'Jahat'],
              ['titleEn', 'Bad'],
              ['summary', 'tidak boleh ada'],
              ['pillars', 'aman'],
            ],
            cookie,
          )
        ).status,
      ).toBe(403);
      expect((await post('/trainer/konten/periksa.json', editorFields(GOOD, 1, 'save'), cookie)).status).toBe(403);
    }
    expect(await snapshot()).toBe(before);
  });

  it('a malformed import file is refused in Indonesian; a good export imports again under a new id', async () => {
    const before = await snapshot();
    for (const bad of ['{ bukan json', JSON.stringify({ format: 'melek-module', version: 1, module: { id: 'X' }, lessons: 'a' })]) {
      const form = new FormData();
      form.set('intent', 'import');
      form.set('file', new Blob([bad], { type: 'application/json' }), 'modul.json');
      const reply = await http('/trainer/konten', { method: 'POST', cookie: trainer, body: form });
      expect(reply.status).toBe(422);
      expect(await text(reply)).toContain('File ini tidak bisa dipakai');
    }
    expect(await snapshot()).toBe(before);
    const exported = await http(`/trainer/konten/${MODULE}/ekspor`, { cookie: trainer });
    expect(exported.headers.get('content-disposition')).toContain(`${MODULE}.melek.json`);
    const file = JSON.parse(await exported.text());
    file.module.id = 'foto-produk-impor';
    const form = new FormData();
    form.set('intent', 'import');
    form.set('file', new Blob([JSON.stringify(file)], { type: 'application/json' }), 'modul.json');
    const reply = await http('/trainer/konten', { method: 'POST', cookie: trainer, body: form });
    expect(reply.status).toBe(200);
    expect(await text(reply)).toContain('Modul "Foto produk" masuk dengan 2 pelajaran (draf).');
    // The same id again is refused.
    const again = await http('/trainer/konten', { method: 'POST', cookie: trainer, body: form });
    expect(again.status).toBe(422);
  });

  it('the live check answers JSON with each problem beside its field, saving nothing', async () => {
    const before = await snapshot();
    const reply = await post(
      '/trainer/konten/periksa.json',
      [...editorFields({ ...GOOD, task: { ...GOOD.task!, mentorChecks: [] } }, 1, 'save'), ['lesson', LESSON]],
      trainer,
    );
    expect(reply.status).toBe(200);
    const check = (await reply.json()) as { ok: boolean; problems: Array<{ slot: string }>; pageWeightKb: number };
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.slot)).toContain('task-checks');
    expect(check.pageWeightKb).toBeGreaterThan(0);
    expect(await snapshot()).toBe(before);
  });
});
