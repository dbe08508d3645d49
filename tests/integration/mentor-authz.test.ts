/**
 * the roles table (docs/ARCHITECTURE.md) over HTTP, against the real built server (dist/) on a fresh seeded
 * temp database. Every rule is attacked: a mentor guessing or opening another mentor's learner,
 * reviewing, noting, nudging or inviting them; a learner calling /mentor/*; a mentor posting to
 * /trainer (also through `//trainer`-style paths); cross-origin and anonymous posts. Each gets
 * 403/404 with none of the learner's data in the body, and the database is unchanged. Then the
 * allowed side: a trainer reviews anyone, and a reassignment moves access from the old mentor
 * to the new one. No response may be a 5xx.
 *
 * Demo data (db/seed.ts): Mbak Dewi (demo-mentor-1) follows demo-learner-1..3, Mas Arif
 * (demo-mentor-2) follows demo-learner-4..6.
 */
import { approvalFields } from '../helpers/review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { startServer, type TestServer } from '../helpers/server';
import { loginWith } from '../helpers/routes';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';

const LESSON_1 = 'pemasaran-whatsapp/01-profil-whatsapp-business';

let server: TestServer;
let database: Database;
const seen: Array<{ what: string; status: number }> = [];

const DEWI = 'demo-mentor-1';
const ARIF = 'demo-mentor-2';
const SARI = 'demo-learner-1';
const NUR = 'demo-learner-4';
const YANTI = 'demo-learner-5';
const SLAMET = 'demo-learner-6';

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

interface Options {
  method?: string;
  cookie?: string;
  origin?: string | false;
  body?: Record<string, string>;
}

/** Every request of this file goes through here: the server must never answer with a 5xx. */
async function http(path: string, options: Options = {}): Promise<{ status: number; location: string | null; body: string }> {
  const method = options.method ?? (options.body ? 'POST' : 'GET');
  const headers = new Headers();
  if (options.cookie) headers.set('cookie', `melek_session=${options.cookie}`);
  const origin = options.origin ?? server.url;
  if (method !== 'GET' && origin !== false) headers.set('origin', origin);
  if (options.body) headers.set('content-type', 'application/x-www-form-urlencoded');
  const response = await fetch(server.url + path, { method, headers, body: options.body ? new URLSearchParams(options.body) : undefined, redirect: 'manual' });
  const body = await response.text();
  seen.push({ what: `${method} ${path}`, status: response.status });
  expect(response.status, `${method} ${path} answered ${response.status}`).toBeLessThan(500);
  return { status: response.status, location: response.headers.get('location'), body };
}

/** A request whose path is sent byte for byte (fetch would normalize `\` and dot segments). */
function rawRequest(path: string, cookie: string, method = 'GET', form?: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  const payload = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          cookie: `melek_session=${cookie}`,
          ...(payload ? { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          seen.push({ what: `${method} ${path} (raw)`, status: res.statusCode ?? 0 });
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const login = (phone: string, password: string) => loginWith(server.url, phone, password);

async function count(table: string, where = '1 = 1', args: Array<string | number> = []): Promise<number> {
  const result = await database.$client.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE ${where}`, args });
  return Number(result.rows[0].n);
}
async function one(sql: string, args: Array<string | number> = []) {
  return (await database.$client.execute({ sql, args })).rows[0];
}
const currentMentor = async (learnerId: string) =>
  (await one('SELECT mentor_id FROM mentor_assignments WHERE learner_id = ? AND until IS NULL', [learnerId]))?.mentor_id;

/** Everything that identifies a demo learner: name, business, every way the phone is written. */
function identity(index: number): string[] {
  const l = DEMO.learners[index];
  const national = l.phone;
  return [l.name, l.businessName, national, `+62${national.slice(1)}`, `62${national.slice(1)}`, national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3')];
}
const idIndex = (id: string) => Number(id.split('-').pop()) - 1;

/** The body must carry none of this learner's data. */
function expectNoDataOf(body: string, learnerId: string, what: string) {
  for (const piece of identity(idIndex(learnerId))) expect(body, `${what}: "${piece}" leaked`).not.toContain(piece);
}

let dewi: string;
let arif: string;
let trainer: string;
let sari: string;
let nur: string;
/** Mbak Nur's (Mas Arif's learner) task, waiting for review. */
let nurSubmission: string;

beforeAll(async () => {
  [dewi, arif, trainer, sari, nur] = await Promise.all([
    login(DEMO.mentors[0].phone, DEMO.mentors[0].password),
    login(DEMO.mentors[1].phone, DEMO.mentors[0].password),
    login(DEMO.trainer.phone, DEMO.trainer.password),
    login(DEMO.learners[0].phone, DEMO.learnerPassword),
    login(DEMO.learners[3].phone, DEMO.learnerPassword),
  ]);
  const sent = await http(`/learn/${LESSON_1}`, { cookie: nur, body: { intent: 'task', text: 'Profil toko batik sudah saya isi.', link: '' } });
  expect(sent.status).toBe(303);
  nurSubmission = String((await one('SELECT id FROM task_submissions WHERE user_id = ?', [NUR])).id);
  // Mas Arif keeps a private note about her.
  expect((await http(`/mentor/learners/${NUR}`, { cookie: arif, body: { intent: 'note', note: 'Catatan rahasia Arif tentang Nur' } })).status).toBe(303);
}, 60_000);

const submissionRow = () => one('SELECT status, feedback, reviewer_id, reviewed_at FROM task_submissions WHERE id = ?', [nurSubmission]);
const UNTOUCHED = { status: 'submitted', feedback: null, reviewer_id: null, reviewed_at: null };

// ---------------------------------------------------------------- a mentor and other mentors' learners

describe('a mentor and a learner who is not theirs', () => {
  it("opening each of Mas Arif's learners gets 404 with none of their data", async () => {
    for (const id of [NUR, YANTI, SLAMET]) {
      const page = await http(`/mentor/learners/${id}`, { cookie: dewi });
      expect(page.status, id).toBe(404);
      expectNoDataOf(page.body, id, `GET /mentor/learners/${id}`);
      expect(page.body).not.toContain('Catatan rahasia Arif');
      expect(page.body).not.toContain('Profil toko batik');
    }
  });

  it('guessing ids gets the same 404 as an existing learner of someone else (no hint that an id exists)', async () => {
    const taken = await http(`/mentor/learners/${NUR}`, { cookie: dewi });
    for (const guess of ['demo-learner-99', 'demo-learner-0', 'tidak-ada', 'x'.repeat(40), 'x'.repeat(2000), DEWI, ARIF, 'demo-trainer']) {
      const page = await http(`/mentor/learners/${guess}`, { cookie: dewi });
      expect(page.status, guess).toBe(404);
      expect(page.body, guess).toBe(taken.body);
    }
    // Ids the router itself does not match get its 404 page: no data either.
    for (const guess of ["' OR 1=1 --", '%00', '..%2F..%2Ftrainer', 'demo-learner-4%2F', '<script>']) {
      const page = await http(`/mentor/learners/${encodeURIComponent(guess)}`, { cookie: dewi });
      expect(page.status, guess).toBe(404);
      expectNoDataOf(page.body, NUR, guess);
    }
  });

  it('the dashboard, with any filter, lists none of them', async () => {
    for (const query of ['', '?menunggu=1', '?kelas=demo-cohort-1', '?kelas=demo-cohort-1&menunggu=1', `?kelas=${'z'.repeat(500)}`]) {
      const page = await http(`/mentor${query}`, { cookie: dewi });
      expect(page.status, query).toBe(200);
      for (const id of [NUR, YANTI, SLAMET]) expectNoDataOf(page.body, id, `/mentor${query}`);
    }
  });

  it('reviewing their task gets 404 and the task is unchanged', async () => {
    for (const decision of ['approved', 'needs_work']) {
      const page = await http(`/mentor/learners/${NUR}`, {
        cookie: dewi,
        body: { intent: 'review', submissionId: nurSubmission, decision, feedback: 'Diambil alih' },
      });
      expect(page.status).toBe(404);
      expectNoDataOf(page.body, NUR, 'review POST');
    }
    expect(await submissionRow()).toMatchObject(UNTOUCHED);
  });

  it("posting their submission id to one's own learner's page gets 404 and the task is unchanged", async () => {
    const page = await http(`/mentor/learners/${SARI}`, {
      cookie: dewi,
      body: { intent: 'review', submissionId: nurSubmission, decision: 'approved', feedback: '' },
    });
    expect(page.status).toBe(404);
    expect(page.body).not.toContain('Profil toko batik');
    expect(await submissionRow()).toMatchObject(UNTOUCHED);
  });

  it('writing a note about them gets 404 and no note is stored', async () => {
    const before = await count('mentor_notes');
    const page = await http(`/mentor/learners/${NUR}`, { cookie: dewi, body: { intent: 'note', note: 'Catatan Dewi yang tidak boleh masuk' } });
    expect(page.status).toBe(404);
    expect(await count('mentor_notes')).toBe(before);
  });

  it('nudging them gets 404, no wa.me link and no nudge row', async () => {
    const page = await http('/mentor/nudge', { cookie: dewi, body: { learnerId: NUR } });
    expect(page.status).toBe(404);
    expect(page.location).toBeNull();
    expectNoDataOf(page.body, NUR, 'nudge');
    expect(page.body).not.toContain('wa.me');
    expect(await count('nudges', 'learner_id = ?', [NUR])).toBe(0);
  });

  it('nudging a non-learner (a mentor, the trainer) or nobody gets 404 and nothing is recorded', async () => {
    for (const learnerId of [ARIF, 'demo-trainer', 'tidak-ada', '']) {
      const page = await http('/mentor/nudge', { cookie: dewi, body: { learnerId } });
      expect(page.status, learnerId).toBe(404);
      expect(page.location).toBeNull();
    }
    expect(await count('nudges')).toBe(0);
  });

  it('making them a login link gets 404 and no invite is stored', async () => {
    for (const userId of [NUR, ARIF, 'demo-trainer']) {
      const page = await http('/mentor/invite', { cookie: dewi, body: { userId } });
      expect(page.status, userId).toBe(404);
      expect(page.body).not.toContain('/invite/');
    }
    expectNoDataOf((await http('/mentor/invite', { cookie: dewi, body: { userId: NUR } })).body, NUR, 'invite');
    expect(await count('invites')).toBe(0);
  });

  it('a learner who has no mentor yet is not visible to any mentor, only to the trainer', async () => {
    const phone = '085712340001';
    // A cohort nobody mentors yet: joining it assigns no mentor (a SDA-2026 learner gets one, issue 16).
    await database.$client.execute({
      sql: "INSERT INTO cohorts (id, name, kecamatan, join_code, created_at) VALUES ('authz-empty', 'Kelas Tanpa Pendamping', 'Candi', 'TANPA-01', ?)",
      args: [Date.now()],
    });
    const joined = await http('/register', {
      body: { joinCode: 'TANPA-01', name: 'Bu Tanpa Pendamping', phone, password: 'sandi-rahasia-1', passwordRepeat: 'sandi-rahasia-1', consent: 'on' },
    });
    expect(joined.status).toBe(303);
    const id = String((await one('SELECT id FROM users WHERE phone = ?', ['+6285712340001'])).id);
    for (const cookie of [dewi, arif]) {
      const page = await http(`/mentor/learners/${id}`, { cookie });
      expect(page.status).toBe(404);
      expect(page.body).not.toContain('Bu Tanpa Pendamping');
      expect((await http('/mentor', { cookie })).body).not.toContain('Bu Tanpa Pendamping');
    }
    const asTrainer = await http(`/mentor/learners/${id}`, { cookie: trainer });
    expect(asTrainer.status).toBe(200);
    expect(asTrainer.body).toContain('Bu Tanpa Pendamping');
  });
});

// ---------------------------------------------------------------- learners and /mentor/*

describe('a learner and /mentor/*', () => {
  it("GET of every mentor page, even about themselves, gets 403 with no one's data", async () => {
    for (const path of [
      '/mentor',
      '/mentor?menunggu=1',
      `/mentor/learners/${SARI}`,
      '/mentor/learners/demo-learner-2',
      `/mentor/learners/${NUR}`,
      '/mentor/nudge',
      '/mentor/invite',
    ]) {
      const page = await http(path, { cookie: sari });
      expect(page.status, path).toBe(403);
      expect(page.body, path).toContain('Halaman ini bukan untuk akun Anda');
      for (const id of ['demo-learner-2', NUR]) expectNoDataOf(page.body, id, `learner GET ${path}`);
      expect(page.body).not.toContain('Catatan rahasia Arif');
    }
  });

  it('POSTs to review, note, nudge and invite get 403 and change nothing', async () => {
    const before = await Promise.all(['mentor_notes', 'nudges', 'invites'].map((t) => count(t)));
    const posts: Array<[string, Record<string, string>]> = [
      [`/mentor/learners/${NUR}`, { intent: 'review', submissionId: nurSubmission, decision: 'approved', feedback: 'oleh peserta' }],
      [`/mentor/learners/${SARI}`, { intent: 'note', note: 'catatan oleh peserta sendiri' }],
      ['/mentor/nudge', { learnerId: NUR }],
      ['/mentor/nudge', { learnerId: SARI }],
      ['/mentor/invite', { userId: NUR }],
      ['/mentor/invite', { userId: SARI }],
    ];
    for (const [path, body] of posts) {
      const page = await http(path, { cookie: sari, body });
      expect(page.status, path).toBe(403);
      expect(page.location).toBeNull();
      expectNoDataOf(page.body, NUR, `learner POST ${path}`);
    }
    expect(await Promise.all(['mentor_notes', 'nudges', 'invites'].map((t) => count(t)))).toEqual(before);
    expect(await submissionRow()).toMatchObject(UNTOUCHED);
  });

  it('anonymous requests are sent to the login page and change nothing', async () => {
    const page = await http(`/mentor/learners/${NUR}`);
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/login\?next=/);
    expectNoDataOf(page.body, NUR, 'anonymous GET');
    const post = await http('/mentor/nudge', { body: { learnerId: NUR } });
    expect(post.status).toBe(303);
    expect(post.location).toBe('/login');
    const review = await http(`/mentor/learners/${NUR}`, { body: { intent: 'review', submissionId: nurSubmission, decision: 'approved' } });
    expect(review.status).toBe(303);
    expect(await count('nudges')).toBe(0);
    expect(await submissionRow()).toMatchObject(UNTOUCHED);
  });
});

// ---------------------------------------------------------------- mentors and /trainer

describe('a mentor and the trainer area', () => {
  it('GET /trainer and a cohort page get 403 with no learner list', async () => {
    for (const path of ['/trainer', '/trainer/cohorts/demo-cohort-1']) {
      const page = await http(path, { cookie: dewi });
      expect(page.status, path).toBe(403);
      for (const id of [NUR, YANTI, SLAMET]) expectNoDataOf(page.body, id, `mentor GET ${path}`);
    }
  });

  it('POST /trainer intent=cohort, account and assign get 403 and nothing is created or moved', async () => {
    const before = await Promise.all(['cohorts', 'users', 'mentor_assignments', 'cohort_members'].map((t) => count(t)));
    const posts: Array<Record<string, string>> = [
      { intent: 'cohort', name: 'Kelas Liar', kecamatan: 'Porong', joinCode: 'LIAR-1' },
      { intent: 'account', role: 'mentor', name: 'Mentor Palsu', phone: '085799990001' },
      { intent: 'account', role: 'learner', name: 'Peserta Palsu', phone: '085799990002', cohortId: 'demo-cohort-1' },
      { intent: 'assign', learnerId: NUR, mentorId: DEWI },
    ];
    for (const body of posts) {
      const page = await http('/trainer', { cookie: dewi, body });
      expect(page.status, body.intent).toBe(403);
    }
    expect(await Promise.all(['cohorts', 'users', 'mentor_assignments', 'cohort_members'].map((t) => count(t)))).toEqual(before);
    expect(await currentMentor(NUR)).toBe(ARIF);
    expect(await count('users', 'name IN (?, ?)', ['Mentor Palsu', 'Peserta Palsu'])).toBe(0);
    expect(await count('cohorts', 'join_code = ?', ['LIAR-1'])).toBe(0);
  });

  it('a learner POSTing to /trainer gets 403 too', async () => {
    const page = await http('/trainer', { cookie: sari, body: { intent: 'assign', learnerId: SARI, mentorId: ARIF } });
    expect(page.status).toBe(403);
    expect(await currentMentor(SARI)).toBe(DEWI);
  });

  it('paths the router reads as /trainer or /mentor (`//trainer`, encoded letters) get 403 as well', async () => {
    // `//trainer` once rendered the trainer page for any role: Astro's router drops a leading slash.
    const paths = ['//trainer', '///trainer', '//trainer/', '/%74rainer', '//%74rainer', '//trainer/cohorts/demo-cohort-1'];
    for (const path of paths) {
      for (const [who, cookie] of [
        ['mentor', dewi],
        ['learner', sari],
      ] as const) {
        const page = await http(path, { cookie });
        expect([403, 404], `${who} GET ${path}: ${page.status}`).toContain(page.status);
        expect(page.body, `${who} GET ${path}`).not.toContain('Kelas dan akun');
        for (const id of [NUR, YANTI]) expectNoDataOf(page.body, id, `${who} GET ${path}`);
      }
    }
    for (const path of ['//mentor', '//mentor/learners/demo-learner-2', '/%6Dentor/learners/demo-learner-2']) {
      const page = await http(path, { cookie: sari });
      expect([403, 404], `learner GET ${path}: ${page.status}`).toContain(page.status);
      expectNoDataOf(page.body, 'demo-learner-2', `learner GET ${path}`);
    }
    for (const path of ['//mentor/learners/demo-learner-4', '/%6Dentor/learners/demo-learner-4']) {
      const page = await http(path, { cookie: dewi });
      expect(page.status, path).toBe(404);
      expectNoDataOf(page.body, NUR, `mentor GET ${path}`);
    }
  });

  it('the same paths sent raw (backslashes, dot segments) get no trainer page either', async () => {
    for (const path of ['/\\trainer', '\\\\trainer', '/./trainer', '/x/../trainer', '//./trainer', '/trainer/.', '/%2Ftrainer', '/%2F%2Ftrainer']) {
      const page = await rawRequest(path, dewi);
      expect(page.status, `raw GET ${path}`).toBeLessThan(500);
      expect(page.body, `raw GET ${path}: trainer page`).not.toContain('Kelas dan akun');
      for (const id of [NUR, YANTI]) expectNoDataOf(page.body, id, `raw GET ${path}`);
    }
  });

  it('POST //trainer intent=assign (a mentor taking over a learner) gets 403 and nothing moves', async () => {
    for (const path of ['//trainer', '/%74rainer', '///trainer']) {
      const page = await http(path, { cookie: dewi, body: { intent: 'assign', learnerId: NUR, mentorId: DEWI } });
      expect([403, 404], `POST ${path}: ${page.status}`).toContain(page.status);
    }
    const raw = await rawRequest('/\\trainer', dewi, 'POST', { intent: 'assign', learnerId: NUR, mentorId: DEWI });
    expect(raw.status).toBeLessThan(500);
    expect(await currentMentor(NUR)).toBe(ARIF);
    expect((await http(`/mentor/learners/${NUR}`, { cookie: dewi })).status).toBe(404);
  });

  it("a cross-origin form post is refused even for one's own learner", async () => {
    const before = await count('mentor_notes');
    const page = await http(`/mentor/learners/${SARI}`, { cookie: dewi, origin: 'https://evil.example', body: { intent: 'note', note: 'dari situs lain' } });
    expect(page.status).toBe(403);
    expect(await count('mentor_notes')).toBe(before);
  });
});

// ---------------------------------------------------------------- what is allowed

describe('the trainer and reassignment', () => {
  it('a trainer opens any learner and reviews their task; the reviewer is the trainer', async () => {
    const page = await http(`/mentor/learners/${NUR}`, { cookie: trainer });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Mbak Nur');
    expect(page.body).toContain('Catatan rahasia Arif');
    const reviewed = await http(`/mentor/learners/${NUR}`, {
      cookie: trainer,
      body: { intent: 'review', submissionId: nurSubmission, decision: 'approved', feedback: 'Sudah rapi.', ...approvalFields(LESSON_1) },
    });
    expect(reviewed.status).toBe(303);
    expect(reviewed.location).toBe(`/mentor/learners/${NUR}?ok=review#tugas`);
    expect(await submissionRow()).toMatchObject({ status: 'approved', feedback: 'Sudah rapi.', reviewer_id: 'demo-trainer' });
  });

  it('a trainer nudges any learner (303 to wa.me with their number) and the nudge is recorded', async () => {
    const page = await http('/mentor/nudge', { cookie: trainer, body: { learnerId: SLAMET } });
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^https:\/\/wa\.me\/6281100000016\?text=/);
    expect(await count('nudges', 'learner_id = ? AND mentor_id = ?', [SLAMET, 'demo-trainer'])).toBe(1);
  });

  it('after a reassignment (trainer form) the old mentor gets 404 everywhere and the new one gets access', async () => {
    // Bu Yanti moves from Mas Arif to Mbak Dewi; Mas Arif had a note and a pending task to review.
    const yanti = await login(DEMO.learners[4].phone, DEMO.learnerPassword);
    expect((await http(`/learn/${LESSON_1}`, { cookie: yanti, body: { intent: 'task', text: 'Tugas Bu Yanti.', link: '' } })).status).toBe(303);
    const submissionId = String((await one('SELECT id FROM task_submissions WHERE user_id = ?', [YANTI])).id);
    expect((await http(`/mentor/learners/${YANTI}`, { cookie: arif })).status).toBe(200);

    const assigned = await http('/trainer', { cookie: trainer, body: { intent: 'assign', learnerId: YANTI, mentorId: DEWI } });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toContain('Bu Yanti');
    expect(await currentMentor(YANTI)).toBe(DEWI);

    // The old mentor: not found, not listed, cannot review, note or nudge.
    const old = await http(`/mentor/learners/${YANTI}`, { cookie: arif });
    expect(old.status).toBe(404);
    expectNoDataOf(old.body, YANTI, 'old mentor GET');
    expectNoDataOf((await http('/mentor', { cookie: arif })).body, YANTI, 'old mentor dashboard');
    expect((await http(`/mentor/learners/${YANTI}`, { cookie: arif, body: { intent: 'review', submissionId, decision: 'approved' } })).status).toBe(404);
    expect((await http(`/mentor/learners/${YANTI}`, { cookie: arif, body: { intent: 'note', note: 'terlambat' } })).status).toBe(404);
    expect((await http('/mentor/nudge', { cookie: arif, body: { learnerId: YANTI } })).status).toBe(404);
    expect((await http('/mentor/invite', { cookie: arif, body: { userId: YANTI } })).status).toBe(404);
    expect(await count('nudges', 'learner_id = ?', [YANTI])).toBe(0);
    expect(await count('mentor_notes', 'learner_id = ?', [YANTI])).toBe(0);
    expect((await one('SELECT status FROM task_submissions WHERE id = ?', [submissionId])).status).toBe('submitted');

    // The new mentor: listed, opens her with the history of both mentors, reviews and nudges.
    expect((await http('/mentor', { cookie: dewi })).body).toContain('Bu Yanti');
    const page = await http(`/mentor/learners/${YANTI}`, { cookie: dewi });
    expect(page.status).toBe(200);
    const history = page.body.slice(page.body.indexOf('id="history"'));
    expect(history).toContain('Mbak Dewi');
    expect(history).toContain('Mas Arif');
    expect(
      (
        await http(`/mentor/learners/${YANTI}`, {
          cookie: dewi,
          body: { intent: 'review', submissionId, decision: 'approved', feedback: '', ...approvalFields(LESSON_1) },
        })
      ).status,
    ).toBe(303);
    const nudge = await http('/mentor/nudge', { cookie: dewi, body: { learnerId: YANTI } });
    expect(nudge.status).toBe(303);
    expect(nudge.location).toMatch(/^https:\/\/wa\.me\/6281100000015\?text=/);
    expect(await count('mentor_assignments', 'learner_id = ?', [YANTI])).toBe(2);
  });

  it('assigning a learner to a non-mentor is refused (400) and nothing moves', async () => {
    for (const mentorId of ['demo-trainer', SARI, 'tidak-ada']) {
      const page = await http('/trainer', { cookie: trainer, body: { intent: 'assign', learnerId: SLAMET, mentorId } });
      expect(page.status, mentorId).toBe(400);
    }
    expect(await currentMentor(SLAMET)).toBe(ARIF);
  });

  it('a deleted learner is "not found" for their mentor and for the trainer', async () => {
    await database.$client.execute({ sql: 'UPDATE users SET deleted_at = ? WHERE id = ?', args: [Date.now(), SLAMET] });
    for (const cookie of [arif, trainer]) {
      const page = await http(`/mentor/learners/${SLAMET}`, { cookie });
      expect(page.status).toBe(404);
      expect(page.body).not.toContain('Petis Slamet');
      expect((await http('/mentor/nudge', { cookie, body: { learnerId: SLAMET } })).status).toBe(404);
    }
    expect((await http('/mentor', { cookie: arif })).body).not.toContain('Pak Slamet');
  });
});
