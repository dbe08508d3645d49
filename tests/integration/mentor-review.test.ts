/**
 * Task review, private notes and nudges over HTTP against the real built server (dist/) on a
 * fresh seeded temp database, as Mbak Dewi (demo-mentor-1) with her learners Bu Sari and Pak Hadi.
 * Bad input: reviewing twice (409, also two reviews at the same moment), unknown submissions
 * (404), another learner's submission id (404), needs-work without feedback, 10,000-character
 * feedback, decisions not in the list (400, nothing changed); notes empty or 10,000 characters.
 * The learner's side: the status and feedback on the lesson page and /learn, escaped, and private
 * notes never on any learner page. The nudge link: the learner's number and the next lesson's
 * title, or the task to redo first. No response may be a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT, startServer, type TestServer } from '../helpers/server';
import { loginWith } from '../helpers/routes';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';

const MODULE = 'pemasaran-whatsapp';
const LESSON_1 = `${MODULE}/01-profil-whatsapp-business`;
const LESSON_2 = `${MODULE}/02-katalog-produk`;
const SARI = 'demo-learner-1';
const HADI = 'demo-learner-2';
const LILIK = 'demo-learner-3';

let server: TestServer;
let database: Database;
const seen: Array<{ what: string; status: number }> = [];

interface Frontmatter {
  title: string;
  draft?: boolean;
  task?: { id: string; title: string; mentorChecks: string[] };
}
const frontmatter = (lessonId: string): Frontmatter =>
  parseYaml(readFileSync(join(ROOT, 'content', `${lessonId}.mdx`), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]);
/** Every published lesson id, in no particular order. */
const allLessonIds = () =>
  readdirSync(join(ROOT, 'content'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(ROOT, 'content', d.name))
        .filter((f) => /^\d\d-.*\.mdx$/.test(f))
        .map((f) => `${d.name}/${f.replace(/\.mdx$/, '')}`),
    )
    .filter((id) => !frontmatter(id).draft);

beforeAll(async () => {
  server = await startServer();
  database = openDatabase(server.databaseUrl);
}, 60_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
  expect(seen.filter((r) => r.status >= 500)).toEqual([]);
});

// ---------------------------------------------------------------- helpers

/** Every request of this file: the server must never answer with a 5xx. */
async function http(path: string, options: { cookie?: string; body?: Record<string, string | string[]> } = {}) {
  const method = options.body ? 'POST' : 'GET';
  const headers = new Headers();
  if (options.cookie) headers.set('cookie', `melek_session=${options.cookie}`);
  if (options.body) {
    headers.set('origin', server.url);
    headers.set('content-type', 'application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(options.body ?? {})) for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  const response = await fetch(server.url + path, { method, headers, body: options.body ? form : undefined, redirect: 'manual' });
  const body = await response.text();
  seen.push({ what: `${method} ${path}`, status: response.status });
  expect(response.status, `${method} ${path} answered ${response.status}`).toBeLessThan(500);
  return { status: response.status, location: response.headers.get('location'), body };
}

const login = (phone: string, password: string) => loginWith(server.url, phone, password);

/** Text with Astro's entities decoded (to find messages, never to check escaping). */
const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const rows = async (sql: string, args: Array<string | number> = []) => (await database.$client.execute({ sql, args })).rows;
const submission = async (id: string) => (await rows('SELECT status, feedback, reviewer_id, reviewed_at FROM task_submissions WHERE id = ?', [id]))[0];
const count = async (table: string, where = '1 = 1', args: Array<string | number> = []) =>
  Number((await rows(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, args))[0].n);

/** A learner hands in the task of a lesson through the lesson page; returns the new row's id. */
async function submitTask(cookie: string, userId: string, lessonId: string, text: string): Promise<string> {
  const before = new Set((await rows('SELECT id FROM task_submissions WHERE user_id = ?', [userId])).map((r) => String(r.id)));
  const sent = await http(`/learn/${lessonId}`, { cookie, body: { intent: 'task', text, link: 'https://wa.me/c/6281100000011' } });
  expect(sent.status).toBe(303);
  expect(sent.location).toBe(`/learn/${lessonId}?tugas=terkirim#tugas`);
  const added = (await rows('SELECT id FROM task_submissions WHERE user_id = ?', [userId])).map((r) => String(r.id)).filter((id) => !before.has(id));
  expect(added).toHaveLength(1);
  return added[0];
}

/**
 * Posts a review. An approval also ticks every mentorCheck of the task and gives rubric level 3,
 * unless the test says otherwise (`rubricLevel`/`check` given, or `bare` to send neither).
 */
async function review(cookie: string, learnerId: string, fields: Record<string, string | string[]>, bare = false) {
  const body: Record<string, string | string[]> = { intent: 'review', ...fields };
  if (!bare && fields.decision === 'approved' && typeof fields.submissionId === 'string') {
    const [row] = await rows('SELECT lesson_id FROM task_submissions WHERE id = ?', [fields.submissionId]);
    const checks = row ? (frontmatter(String(row.lesson_id)).task?.mentorChecks ?? []) : [];
    body.rubricLevel ??= '3';
    body.check ??= checks.map((_, i) => String(i));
  }
  return http(`/mentor/learners/${learnerId}`, { cookie, body });
}

let dewi: string;
let sari: string;
let hadi: string;
let lilik: string;
let sariTask: string;
let hadiTask: string;

beforeAll(async () => {
  [dewi, sari, hadi, lilik] = await Promise.all([
    login(DEMO.mentors[0].phone, DEMO.mentors[0].password),
    login(DEMO.learners[0].phone, DEMO.learnerPassword),
    login(DEMO.learners[1].phone, DEMO.learnerPassword),
    login(DEMO.learners[2].phone, DEMO.learnerPassword),
  ]);
  sariTask = await submitTask(sari, SARI, LESSON_1, 'Profil WhatsApp Business sudah saya lengkapi: alamat, jam buka, katalog.');
  hadiTask = await submitTask(hadi, HADI, LESSON_1, 'Profil bandeng presto sudah saya isi.');
}, 60_000);

// ---------------------------------------------------------------- review: bad input

describe('review: bad input changes nothing', () => {
  const WAITING = { status: 'submitted', feedback: null, reviewer_id: null, reviewed_at: null };

  it('needs work without feedback (missing, empty or only spaces) gets 400 with the message, task unchanged', async () => {
    for (const feedback of [undefined, '', '   \n  ']) {
      const page = await review(dewi, HADI, { submissionId: hadiTask, decision: 'needs_work', ...(feedback === undefined ? {} : { feedback }) });
      expect(page.status).toBe(400);
      expect(decode(page.body)).toContain('Tulis catatan: apa yang perlu diperbaiki peserta?');
    }
    expect(await submission(hadiTask)).toMatchObject(WAITING);
  });

  it('feedback of 10,000 characters gets 400 ("too long") and is neither stored nor echoed back whole', async () => {
    const long = 'a'.repeat(10_000);
    for (const decision of ['approved', 'needs_work']) {
      const page = await review(dewi, HADI, { submissionId: hadiTask, decision, feedback: long });
      expect(page.status).toBe(400);
      expect(decode(page.body)).toContain('Catatan terlalu panjang (paling banyak 2.000 huruf).');
      expect(page.body).not.toContain('a'.repeat(2001));
    }
    expect((await review(dewi, HADI, { submissionId: hadiTask, decision: 'approved', feedback: 'b'.repeat(2001) })).status).toBe(400);
    expect(await submission(hadiTask)).toMatchObject(WAITING);
  });

  it('a decision not in the list (or none) gets 400', async () => {
    for (const decision of ['rejected', 'APPROVED', 'submitted', '', 'approved ']) {
      expect((await review(dewi, HADI, { submissionId: hadiTask, decision, feedback: 'x' })).status, JSON.stringify(decision)).toBe(400);
    }
    expect((await review(dewi, HADI, { submissionId: hadiTask, feedback: 'x' })).status).toBe(400);
    expect(await submission(hadiTask)).toMatchObject(WAITING);
  });

  it('a missing or oversized submission id gets 400; an unknown one gets 404', async () => {
    expect((await review(dewi, HADI, { decision: 'approved' })).status).toBe(400);
    expect((await review(dewi, HADI, { submissionId: 'x'.repeat(500), decision: 'approved' })).status).toBe(400);
    for (const submissionId of ['tidak-ada', hadiTask.slice(0, -1), "' OR '1'='1"]) {
      const page = await review(dewi, HADI, { submissionId, decision: 'approved' });
      expect(page.status, submissionId).toBe(404);
      expect(decode(page.body)).toContain('Tugas ini tidak ditemukan');
    }
    expect(await submission(hadiTask)).toMatchObject(WAITING);
  });

  it("another learner's submission id posted to this learner's page gets 404; both tasks unchanged", async () => {
    const page = await review(dewi, HADI, { submissionId: sariTask, decision: 'approved', feedback: 'salah halaman' });
    expect(page.status).toBe(404);
    expect(await submission(sariTask)).toMatchObject(WAITING);
    expect(await submission(hadiTask)).toMatchObject(WAITING);
  });

  it('an unknown intent gets 400', async () => {
    for (const intent of ['', 'delete', 'assign']) {
      expect((await http(`/mentor/learners/${HADI}`, { cookie: dewi, body: { intent, submissionId: hadiTask, decision: 'approved' } })).status).toBe(400);
    }
    expect(await submission(hadiTask)).toMatchObject(WAITING);
  });
});

// ---------------------------------------------------------------- review: the good path, then twice

describe('review: the mentor checks and a rubric level (issue 14)', () => {
  it('an approval without every check ticked, without a rubric level, or with an unknown check: 400 with the message, nothing changed', async () => {
    const id = await submitTask(hadi, HADI, LESSON_2, 'Katalog bandeng sudah saya buat.');
    const checks = frontmatter(LESSON_2).task!.mentorChecks.map((_, i) => String(i));
    const cases: Array<[Record<string, string | string[]>, string]> = [
      [{ decision: 'approved', rubricLevel: '3' }, 'Untuk menyetujui, centang semua hal yang sudah Anda periksa.'],
      [{ decision: 'approved', rubricLevel: '3', check: checks.slice(0, -1) }, 'Untuk menyetujui, centang semua hal yang sudah Anda periksa.'],
      [{ decision: 'approved', check: checks }, 'Untuk menyetujui, pilih mutu pekerjaannya (1 sampai 4).'],
      [{ decision: 'approved', rubricLevel: '5', check: checks }, 'Mutu pekerjaan harus 1, 2, 3, atau 4.'],
      [{ decision: 'approved', rubricLevel: '3', check: [...checks, '9'] }, 'Daftar pemeriksaan tidak dikenali.'],
    ];
    for (const [fields, message] of cases) {
      const page = await review(dewi, HADI, { submissionId: id, ...fields }, true);
      expect(page.status, JSON.stringify(fields)).toBe(400);
      expect(decode(page.body)).toContain(message);
      expect(await submission(id)).toMatchObject({ status: 'submitted', reviewer_id: null });
    }
    // With every check and a level: approved, and what was seen is recorded.
    const opened = Date.now() - 5 * 60_000;
    const ok = await review(dewi, HADI, { submissionId: id, decision: 'approved', rubricLevel: '4', check: checks, openedAt: String(opened) }, true);
    expect(ok.status).toBe(303);
    const [row] = await rows('SELECT status, checks_seen, rubric_level, review_opened_at FROM task_submissions WHERE id = ?', [id]);
    expect(row).toMatchObject({ status: 'approved', rubric_level: 4, review_opened_at: opened });
    expect(JSON.parse(String(row.checks_seen))).toEqual(checks.map(Number));
    // The mentor's page lists the checks in the form of a waiting task and shows the level of a reviewed one.
    const page = decode((await http(`/mentor/learners/${HADI}`, { cookie: dewi })).body);
    expect(page).toContain('4 – sangat baik');
  });

  it('sending work back needs no checks or level', async () => {
    const id = await submitTask(lilik, LILIK, LESSON_1, 'Profil tas sudah saya isi.');
    expect((await review(dewi, LILIK, { submissionId: id, decision: 'needs_work', feedback: 'Jam buka belum ada.' }, true)).status).toBe(303);
  });

  it('an approval stays when the learner sends the task again: the new revision waits, the approval still counts', async () => {
    const id = await submitTask(lilik, LILIK, LESSON_2, 'Katalog tas sudah lengkap.');
    expect((await review(dewi, LILIK, { submissionId: id, decision: 'approved' })).status).toBe(303);
    const again = await submitTask(lilik, LILIK, LESSON_2, 'Saya tambah dua produk lagi.');
    expect(await submission(again)).toMatchObject({ status: 'submitted' });
    expect(await submission(id)).toMatchObject({ status: 'approved' });
    // Even a revision sent back leaves the first approval in place.
    expect((await review(dewi, LILIK, { submissionId: again, decision: 'needs_work', feedback: 'Foto produk kedua kurang jelas.' })).status).toBe(303);
    expect(await submission(id)).toMatchObject({ status: 'approved' });
  });
});

describe('review: approve, then again', () => {
  const FEEDBACK = 'Bagus sekali, profil sudah lengkap. <script>alert("x")</script> & "jam buka" sudah ada';

  it('approving with feedback redirects (303) and records decision, feedback, reviewer and time', async () => {
    const before = Date.now();
    const page = await review(dewi, SARI, { submissionId: sariTask, decision: 'approved', feedback: `  ${FEEDBACK}  ` });
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/mentor/learners/${SARI}?ok=review#tugas`);
    const row = await submission(sariTask);
    expect(row).toMatchObject({ status: 'approved', feedback: FEEDBACK, reviewer_id: 'demo-mentor-1' });
    expect(Number(row.reviewed_at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('reviewing it again gets 409 and the first review stands', async () => {
    for (const decision of ['approved', 'needs_work']) {
      const page = await review(dewi, SARI, { submissionId: sariTask, decision, feedback: 'Ubah pendapat' });
      expect(page.status).toBe(409);
      expect(decode(page.body)).toContain('Tugas ini sudah diperiksa.');
    }
    expect(await submission(sariTask)).toMatchObject({ status: 'approved', feedback: FEEDBACK });
  });

  it('two reviews of the same task at the same moment: exactly one wins, the other gets 409', async () => {
    const id = await submitTask(lilik, LILIK, LESSON_2, 'Katalog 5 produk tas sudah jadi.');
    const results = await Promise.all([
      review(dewi, LILIK, { submissionId: id, decision: 'approved', feedback: 'pertama' }),
      review(dewi, LILIK, { submissionId: id, decision: 'needs_work', feedback: 'kedua' }),
      review(dewi, LILIK, { submissionId: id, decision: 'approved', feedback: 'ketiga' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409, 409]);
    const winner = ['pertama', 'kedua', 'ketiga'][results.findIndex((r) => r.status === 303)];
    expect((await submission(id)).feedback).toBe(winner);
  });

  it("the mentor's page shows the feedback escaped", async () => {
    const page = await http(`/mentor/learners/${SARI}`, { cookie: dewi });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('<script>alert("x")</script>');
    expect(page.body).toContain('&lt;script&gt;');
  });
});

// ---------------------------------------------------------------- what the learner sees

describe('the learner sees the review', () => {
  it('on the lesson page: status "Disetujui pendamping" and the feedback, escaped, in the task box', async () => {
    const page = await http(`/learn/${LESSON_1}`, { cookie: sari });
    expect(page.status).toBe(200);
    const box = page.body.slice(page.body.indexOf('id="task-status"'));
    expect(box).toContain('Disetujui pendamping');
    expect(box).toContain('Catatan pendamping:');
    expect(decode(box)).toContain('Bagus sekali, profil sudah lengkap. <script>alert("x")</script> & "jam buka" sudah ada');
    expect(page.body).not.toContain('<script>alert("x")</script>');
    expect(page.body).toContain('&lt;script&gt;alert');
  });

  it('on /learn: under "Tugas yang sudah diperiksa", with status and feedback, escaped', async () => {
    const page = await http('/learn', { cookie: sari });
    expect(page.status).toBe(200);
    const section = page.body.slice(page.body.indexOf('id="reviewed-tasks"'));
    expect(page.body).toContain('Tugas yang sudah diperiksa');
    expect(section).toContain(frontmatter(LESSON_1).task!.title);
    expect(section).toContain('Disetujui pendamping');
    expect(decode(section)).toContain('Bagus sekali, profil sudah lengkap.');
    expect(page.body).not.toContain('<script>alert("x")</script>');
  });

  it('needs work: the learner sees "Perlu diperbaiki", the note, and a form to send again; resubmitting waits again', async () => {
    const page = await review(dewi, HADI, { submissionId: hadiTask, decision: 'needs_work', feedback: 'Tambahkan jam buka dan alamat lengkap.' });
    expect(page.status).toBe(303);
    const lesson = await http(`/learn/${LESSON_1}`, { cookie: hadi });
    expect(lesson.body).toContain('Perlu diperbaiki');
    expect(lesson.body).toContain('Tambahkan jam buka dan alamat lengkap.');
    expect(lesson.body).toContain('name="intent" value="task"');
    const home = await http('/learn', { cookie: hadi });
    expect(home.body.slice(home.body.indexOf('id="reviewed-tasks"'))).toContain('Tambahkan jam buka dan alamat lengkap.');

    const again = await submitTask(hadi, HADI, LESSON_1, 'Sudah saya tambahkan jam buka dan alamat.');
    const after = await http(`/learn/${LESSON_1}`, { cookie: hadi });
    expect(after.body.slice(after.body.indexOf('id="task-status"'))).toContain('Menunggu pemeriksaan pendamping');
    // The old, reviewed row is kept; the new one waits.
    expect(await submission(hadiTask)).toMatchObject({ status: 'needs_work' });
    expect(await submission(again)).toMatchObject({ status: 'submitted' });
    const dashboard = await http('/mentor?menunggu=1', { cookie: dewi });
    expect(dashboard.body).toContain('Pak Hadi');
  });

  it('another learner sees none of it', async () => {
    const page = await http(`/learn/${LESSON_1}`, { cookie: lilik });
    expect(page.body).not.toContain('Bagus sekali, profil sudah lengkap');
    expect(page.body).not.toContain('Tambahkan jam buka');
    expect((await http('/learn', { cookie: lilik })).body).not.toContain('Bagus sekali');
  });
});

// ---------------------------------------------------------------- private notes

describe('private notes', () => {
  const NOTE = 'Catatan pribadi: Bu Sari sering sibuk pagi, hubungi sore. <b>penting</b>';

  it('empty or blank notes get 400 and nothing is stored', async () => {
    for (const note of ['', '   ', '\n\n']) {
      const page = await http(`/mentor/learners/${SARI}`, { cookie: dewi, body: { intent: 'note', note } });
      expect(page.status).toBe(400);
      expect(decode(page.body)).toContain('Catatan masih kosong.');
    }
    expect((await http(`/mentor/learners/${SARI}`, { cookie: dewi, body: { intent: 'note' } })).status).toBe(400);
    expect(await count('mentor_notes')).toBe(0);
  });

  it('a note of 10,000 characters gets 400 and nothing is stored', async () => {
    const page = await http(`/mentor/learners/${SARI}`, { cookie: dewi, body: { intent: 'note', note: 'n'.repeat(10_000) } });
    expect(page.status).toBe(400);
    expect(page.body).not.toContain('n'.repeat(2001));
    expect(await count('mentor_notes')).toBe(0);
  });

  it('a good note is stored and shown to the mentor, escaped', async () => {
    const page = await http(`/mentor/learners/${SARI}`, { cookie: dewi, body: { intent: 'note', note: NOTE } });
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/mentor/learners/${SARI}?ok=note#catatan`);
    expect(await count('mentor_notes', 'learner_id = ? AND text = ?', [SARI, NOTE])).toBe(1);
    const detail = await http(`/mentor/learners/${SARI}`, { cookie: dewi });
    expect(decode(detail.body)).toContain(NOTE);
    expect(detail.body).not.toContain('<b>penting</b>');
  });

  it('the note never appears on any page the learner can open (/learn and every lesson)', async () => {
    const needle = 'sering sibuk pagi';
    const paths = ['/learn', ...allLessonIds().map((id) => `/learn/${id}`), `/learn/${LESSON_1}?tugas=terkirim`];
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const page = await http(path, { cookie: sari });
      expect(page.status, path).toBe(200);
      expect(decode(page.body), path).not.toContain(needle);
    }
  });
});

// ---------------------------------------------------------------- nudges

describe('nudges', () => {
  const waText = (location: string | null) => {
    expect(location).toBeTruthy();
    const url = new URL(location!);
    return { host: url.host, digits: url.pathname.slice(1), text: url.searchParams.get('text') ?? '' };
  };

  it("a task to redo comes first: Pak Hadi's old review is superseded, so after a new needs-work the nudge names the task", async () => {
    const [waiting] = await rows("SELECT id FROM task_submissions WHERE user_id = ? AND status = 'submitted'", [HADI]);
    expect((await review(dewi, HADI, { submissionId: String(waiting.id), decision: 'needs_work', feedback: 'Foto profil belum ada.' })).status).toBe(303);
    const nudge = await http('/mentor/nudge', { cookie: dewi, body: { learnerId: HADI } });
    expect(nudge.status).toBe(303);
    const { host, digits, text } = waText(nudge.location);
    expect(host).toBe('wa.me');
    expect(digits).toBe('6281100000012');
    expect(text).toContain(frontmatter(LESSON_1).task!.title);
    expect(text).toContain(`/learn/${LESSON_1}#tugas`);
    expect((await rows('SELECT kind, lesson_id, mentor_id FROM nudges WHERE learner_id = ?', [HADI]))[0]).toMatchObject({
      kind: 'redo_task',
      lesson_id: LESSON_1,
      mentor_id: 'demo-mentor-1',
    });
  });

  it('otherwise the next lesson: after Bu Sari finishes lesson 1, the text names lesson 2 and links to it', async () => {
    expect((await http(`/learn/${LESSON_1}`, { cookie: sari, body: { intent: 'done' } })).status).toBe(303);
    const nudge = await http('/mentor/nudge', { cookie: dewi, body: { learnerId: SARI } });
    expect(nudge.status).toBe(303);
    const { digits, text } = waText(nudge.location);
    expect(digits).toBe('6281100000011');
    expect(text).toContain(`"${frontmatter(LESSON_2).title}"`);
    expect(text).toContain(`${server.url}/learn/${LESSON_2}`);
    expect(text).toContain('Bu Sari');
    expect(text).toContain('Mbak Dewi');
    const [row] = await rows('SELECT kind, lesson_id FROM nudges WHERE learner_id = ? ORDER BY sent_at DESC', [SARI]);
    expect(row).toMatchObject({ kind: 'next_lesson', lesson_id: LESSON_2 });
  });

  it("each nudge is recorded and listed on the learner's page", async () => {
    const before = await count('nudges', 'learner_id = ?', [SARI]);
    expect((await http('/mentor/nudge', { cookie: dewi, body: { learnerId: SARI } })).status).toBe(303);
    expect(await count('nudges', 'learner_id = ?', [SARI])).toBe(before + 1);
    const page = await http(`/mentor/learners/${SARI}`, { cookie: dewi });
    expect(page.body).toContain('Mbak Dewi');
  });

  it('the pages with a nudge button let their form follow the 303 to wa.me (CSP form-action)', async () => {
    for (const path of ['/mentor', `/mentor/learners/${SARI}`]) {
      const response = await fetch(server.url + path, { headers: { cookie: `melek_session=${dewi}` } });
      seen.push({ what: `GET ${path}`, status: response.status });
      const formAction = (response.headers.get('content-security-policy') ?? '')
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('form-action'));
      expect(formAction, path).toBeDefined();
      expect(formAction!.split(/\s+/), path).toContain("'self'");
      expect(formAction!.split(/\s+/), path).toContain('https://wa.me');
    }
  });

  it('GET /mentor/nudge only redirects to the dashboard and records nothing', async () => {
    const before = await count('nudges');
    const page = await http('/mentor/nudge', { cookie: dewi });
    expect(page.status).toBe(303);
    expect(page.location).toBe('/mentor');
    expect(await count('nudges')).toBe(before);
  });
});

// ---------------------------------------------------------------- the dashboard over HTTP

describe('the dashboard over HTTP', () => {
  it('lists the mentor\'s three learners; "waiting for review" narrows it', async () => {
    const all = await http('/mentor', { cookie: dewi });
    expect(all.status).toBe(200);
    for (const name of ['Bu Sari', 'Pak Hadi', 'Bu Lilik']) expect(all.body).toContain(name);
    expect(all.body.match(/data-learner="/g)).toHaveLength(3);
    // Bu Lilik still has one task waiting (the two that lost the race are the same row).
    const [lilikWaiting] = await rows("SELECT count(*) AS n FROM task_submissions WHERE user_id = ? AND status = 'submitted'", [LILIK]);
    const waiting = await http('/mentor?menunggu=1', { cookie: dewi });
    expect(waiting.body.match(/data-learner="/g) ?? []).toHaveLength(Number(lilikWaiting.n) > 0 ? 1 : 0);
    expect(waiting.body).not.toContain('data-learner="demo-learner-1"');
  });

  it('the cohort filter keeps her learners in the demo cohort; an unknown cohort shows the empty-filter message', async () => {
    const cohort = await http('/mentor?kelas=demo-cohort-1', { cookie: dewi });
    expect(cohort.body.match(/data-learner="/g)).toHaveLength(3);
    const unknown = await http('/mentor?kelas=tidak-ada&menunggu=1', { cookie: dewi });
    expect(unknown.status).toBe(200);
    expect(unknown.body.match(/data-learner="/g)).toBeNull();
  });
});
