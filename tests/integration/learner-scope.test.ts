/**
 * Tries to break the one learner-scope rule (src/lib/server/access/learner-scope.ts) through every
 * route that shows learners, against the real built server on a fresh seeded database:
 *
 *   - a mentor reaching a learner who is not assigned to them;
 *   - a former mentor after the learner was reassigned (the history row stays, it grants nothing);
 *   - a deleted account: deleted over HTTP (erased), and one whose `deleted_at` is set while its
 *     name and an open assignment are still in the table — the rule alone must hide it;
 *   - a learner of another cohort, and a mentor filtering by that cohort.
 *
 * Each learner's name and business name carry a unique marker; every page and CSV is searched
 * for markers its viewer may not see, and the report CSVs' pseudonymous ids are compared with the
 * exact set each viewer may count (a trainer's figures keep deleted accounts, nobody else's do).
 *
 * Demo data (db/seed.ts): Mbak Dewi (demo-mentor-1) follows demo-learner-1..3, Mas Arif
 * (demo-mentor-2) demo-learner-4..6, all in demo-cohort-1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { decoded, httpClient, loginWith } from '../helpers/routes';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';

const DEWI = { id: 'demo-mentor-1', role: 'mentor' as const };
const ARIF = { id: 'demo-mentor-2', role: 'mentor' as const };
const TRAINER = { id: 'demo-trainer', role: 'trainer' as const };
const L = {
  sari: 'demo-learner-1', // Dewi's throughout
  hadi: 'demo-learner-2', // Dewi's, reassigned to Arif
  lilik: 'demo-learner-3', // Dewi's, deletes her account over HTTP
  nur: 'demo-learner-4', // Arif's throughout
  yanti: 'demo-learner-5', // Arif's; deleted_at set by hand, assignment left open
  eka: 'scope-learner-eka', // Arif's, in another cohort
} as const;
type Who = keyof typeof L;
const OTHER_COHORT = 'scope-cohort-2';

const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();
const marker = (who: Who) => `SC${RUN}${who.toUpperCase()}`;

let server: TestServer;
let database: Database;
let client: ReturnType<typeof httpClient>;
const cookies: Record<'dewi' | 'arif' | 'trainer', string> = { dewi: '', arif: '', trainer: '' };
let scope: typeof import('../../src/lib/server/access/learner-scope');

const sql = (text: string, args: Array<string | number | null> = []) => database.$client.execute({ sql: text, args });

beforeAll(async () => {
  server = await startServer();
  database = openDatabase(server.databaseUrl);
  // The module under test reads the same database as the server (db() opens process.env.DATABASE_URL).
  process.env.DATABASE_URL = server.databaseUrl;
  scope = await import('../../src/lib/server/access/learner-scope');
  client = httpClient(server.url);
  const now = Date.now();
  await sql("INSERT INTO cohorts (id, name, kecamatan, join_code, created_at) VALUES (?, 'Kelas Lain', 'Buduran', 'SCOPE-2', ?)", [OTHER_COHORT, now]);
  await sql("INSERT INTO users (id, name, role, phone, created_at) VALUES (?, 'x', 'learner', '+6281100009999', ?)", [L.eka, now]);
  await sql('INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES (?, ?, ?)', [OTHER_COHORT, L.eka, now]);
  await sql("INSERT INTO mentor_assignments (id, mentor_id, learner_id, assigned_by, \"from\") VALUES ('scope-a-eka', ?, ?, 'demo-trainer', ?)", [
    ARIF.id,
    L.eka,
    now,
  ]);
  for (const who of Object.keys(L) as Who[])
    await sql('UPDATE users SET name = ?, business_name = ? WHERE id = ?', [`${marker(who)} nama`, `${marker(who)} usaha`, L[who]]);
  // Each learner has something in the report (a completed lesson), so each one is a row of the CSV.
  for (const id of Object.values(L)) {
    await sql(
      "INSERT OR IGNORE INTO lesson_progress (user_id, lesson_id, module_id, status, first_viewed_at, completed_at, last_active_at, time_spent_sec) VALUES (?, 'pemasaran-whatsapp/01-profil-whatsapp-business', 'pemasaran-whatsapp', 'completed', ?, ?, ?, 300)",
      [id, now, now, now],
    );
  }
  cookies.dewi = await loginWith(server.url, DEMO.mentors[0].phone, DEMO.mentors[0].password);
  cookies.arif = await loginWith(server.url, DEMO.mentors[1].phone, DEMO.mentors[1].password);
  cookies.trainer = await loginWith(server.url, DEMO.trainer.phone, DEMO.trainer.password);

  // Hadi moves from Dewi to Arif (the trainer's assignment: the old row is closed, kept as history).
  const { assignMentor } = await import('../../src/lib/server/mentoring/assignments');
  expect((await assignMentor({ learnerId: L.hadi, mentorId: ARIF.id }, TRAINER.id)).ok).toBe(true);
  expect(Number((await sql('SELECT count(*) AS n FROM mentor_assignments WHERE learner_id = ? AND mentor_id = ?', [L.hadi, DEWI.id])).rows[0].n)).toBe(1);
  // Lilik deletes her own account.
  const lilik = await loginWith(server.url, DEMO.learners[2].phone, DEMO.learnerPassword);
  await sql('UPDATE users SET business_name = ? WHERE id = ?', [`${marker('lilik')} usaha`, L.lilik]);
  const deleted = await client.request('/learn/akun', {
    cookie: lilik,
    body: new URLSearchParams({ confirm: 'HAPUS', password: DEMO.learnerPassword }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(deleted.status).toBe(303);
  // Yanti: marked deleted, nothing else touched (name kept, Arif's assignment still open).
  await sql('UPDATE users SET deleted_at = ? WHERE id = ?', [now, L.yanti]);
}, 120_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
});

/** Who may see whom as a person (names, pages, lists): the rule written out by hand. */
const PEOPLE: Record<'dewi' | 'arif' | 'trainer', Who[]> = {
  dewi: ['sari'],
  arif: ['hadi', 'nur', 'eka'],
  trainer: ['sari', 'hadi', 'nur', 'eka'],
};
/** Whose rows a viewer's figures count: a trainer's keep the deleted accounts. */
const FIGURES: Record<'dewi' | 'arif' | 'trainer', Who[]> = {
  dewi: ['sari'],
  arif: ['hadi', 'nur', 'eka'],
  trainer: ['sari', 'hadi', 'lilik', 'nur', 'yanti', 'eka'],
};
const ACTOR = { dewi: DEWI, arif: ARIF, trainer: TRAINER };
const ids = (who: Who[]) => new Set(who.map((w) => L[w]));

describe('the learner-scope rule itself', () => {
  it('gives each viewer exactly the learners the rule names, for people and for figures', async () => {
    for (const viewer of ['dewi', 'arif', 'trainer'] as const) {
      const seen = await scope.visibleLearnerIds(ACTOR[viewer]);
      // Demo learners outside this test's cast (demo-learner-6…) are Arif's and so also visible: compare on the cast.
      const cast = new Set<string>(Object.values(L));
      expect(new Set([...seen].filter((id) => cast.has(id))), viewer).toEqual(ids(PEOPLE[viewer]));
      const counted = await scope.visibleLearnerIds(ACTOR[viewer], { purpose: 'figures' });
      expect(new Set([...counted].filter((id) => cast.has(id))), `${viewer} figures`).toEqual(ids(FIGURES[viewer]));
    }
  });

  it('access checks: assigned now, not before; never deleted; never a non-learner; a learner only themselves', async () => {
    expect(await scope.maySeeLearner(DEWI, L.sari)).toBe(true);
    expect(await scope.maySeeLearner(DEWI, L.hadi)).toBe(false); // former mentor
    expect(await scope.maySeeLearner(ARIF, L.hadi)).toBe(true);
    expect(await scope.maySeeLearner(DEWI, L.nur)).toBe(false); // never assigned
    expect(await scope.maySeeLearner(DEWI, L.eka)).toBe(false); // another cohort, another mentor
    for (const viewer of [DEWI, ARIF, TRAINER]) {
      expect(await scope.maySeeLearner(viewer, L.lilik)).toBe(false);
      expect(await scope.maySeeLearner(viewer, L.yanti)).toBe(false);
      expect(await scope.maySeeLearner(viewer, 'demo-mentor-1')).toBe(false);
      expect(await scope.maySeeLearner(viewer, 'tidak-ada')).toBe(false);
    }
    expect(await scope.maySeeLearner({ id: L.sari, role: 'learner' }, L.sari)).toBe(true);
    expect(await scope.maySeeLearner({ id: L.sari, role: 'learner' }, L.nur)).toBe(false);
    expect(await scope.visibleLearnerIds({ id: L.sari, role: 'learner' })).toEqual(new Set([L.sari]));
  });

  it('narrows to a cohort without widening: a mentor sees their own learners of it, nobody else', async () => {
    expect(await scope.visibleLearnerIds(DEWI, { cohortId: OTHER_COHORT })).toEqual(new Set());
    expect(await scope.visibleLearnerIds(ARIF, { cohortId: OTHER_COHORT })).toEqual(new Set([L.eka]));
    expect(await scope.visibleLearnerIds(TRAINER, { cohortId: OTHER_COHORT })).toEqual(new Set([L.eka]));
  });

  it('the SQL spelling for the report is generated from the same rule', async () => {
    for (const viewer of [DEWI, ARIF, TRAINER]) {
      const part = scope.visibleLearnersSql(viewer, { purpose: 'figures' });
      const rows = await database.$client.execute({ sql: part.sql, args: part.args });
      expect(new Set(rows.rows.map((r) => String(r.id)))).toEqual(await scope.visibleLearnerIds(viewer, { purpose: 'figures' }));
    }
  });
});

describe('every route that shows learners follows it', () => {
  const PAGES = (viewer: 'dewi' | 'arif' | 'trainer') => [
    ...(viewer === 'trainer'
      ? [
          '/trainer',
          `/trainer/cohorts/demo-cohort-1`,
          `/trainer/cohorts/${OTHER_COHORT}`,
          '/trainer/cohorts/demo-cohort-1/members.csv',
          `/trainer/cohorts/${OTHER_COHORT}/members.csv`,
          '/trainer/reports',
          '/trainer/reports.csv',
          '/trainer/reports/soal',
          '/trainer/jaringan',
          `/trainer/jaringan?kelas=${OTHER_COHORT}`,
        ]
      : []),
    '/mentor',
    `/mentor?kelas=${OTHER_COHORT}`,
    '/mentor/reports',
    '/mentor/reports.csv',
    '/mentor/jaringan',
    ...Object.values(L).map((id) => `/mentor/learners/${id}`),
  ];

  it('no page or CSV shows a learner its viewer may not see; each viewer does see their own', async () => {
    const leaks: string[] = [];
    const shown = new Set<string>();
    for (const viewer of ['dewi', 'arif', 'trainer'] as const) {
      for (const path of PAGES(viewer)) {
        const reply = await client.request(path, { cookie: cookies[viewer] });
        expect(reply.status, `${viewer} ${path}`).toBeLessThan(500);
        const body = decoded(reply.body);
        for (const who of Object.keys(L) as Who[]) {
          if (!body.includes(marker(who))) continue;
          if (PEOPLE[viewer].includes(who)) shown.add(`${viewer}:${who}`);
          else leaks.push(`${viewer} ${path} (${reply.status}) shows ${who}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // Positive control: the markers are on the pages for those allowed, so their absence elsewhere means something.
    const missing = (['dewi', 'arif', 'trainer'] as const).flatMap((v) => PEOPLE[v].filter((w) => !shown.has(`${v}:${w}`)).map((w) => `${v} never saw ${w}`));
    expect(missing).toEqual([]);
  }, 120_000);

  it("a learner's page answers 404 to everyone the rule refuses", async () => {
    for (const viewer of ['dewi', 'arif', 'trainer'] as const) {
      for (const who of Object.keys(L) as Who[]) {
        const reply = await client.request(`/mentor/learners/${L[who]}`, { cookie: cookies[viewer] });
        expect(reply.status, `${viewer} opens ${who}`).toBe(PEOPLE[viewer].includes(who) ? 200 : 404);
      }
    }
  });

  it('a mentor filtering by a cohort none of their learners is in gets 403, the report and network alike', async () => {
    for (const path of [`/mentor/reports?kelas=${OTHER_COHORT}`, `/mentor/reports.csv?kelas=${OTHER_COHORT}`, `/mentor/jaringan?kelas=${OTHER_COHORT}`]) {
      expect((await client.request(path, { cookie: cookies.dewi })).status, `dewi ${path}`).toBe(403);
      expect((await client.request(path, { cookie: cookies.arif })).status, `arif ${path}`).toBe(200);
    }
  });

  it("the research CSV counts exactly the viewer's figures: a trainer's include the deleted accounts, under pseudonyms only", async () => {
    const { pseudonymizer } = await import('../../src/lib/reports/pseudonym');
    const { pseudonymSecret } = await import('../../src/lib/server/reports/secret');
    const pseudonym = pseudonymizer(await pseudonymSecret());
    for (const [viewer, path] of [
      ['dewi', '/mentor/reports.csv'],
      ['arif', '/mentor/reports.csv'],
      ['trainer', '/trainer/reports.csv'],
    ] as const) {
      const reply = await client.request(path, { cookie: cookies[viewer] });
      expect(reply.status).toBe(200);
      const rows = reply.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)
        .slice(1);
      const inCsv = new Set(rows.map((r) => r.split(/[,;]/)[0]));
      const cast = Object.values(L).map((id) => pseudonym(id));
      const expected = new Set(FIGURES[viewer].map((w) => pseudonym(L[w])));
      expect(new Set(cast.filter((p) => inCsv.has(p))), viewer).toEqual(expected);
      for (const who of Object.keys(L) as Who[]) expect(reply.body, `${viewer} CSV`).not.toContain(marker(who));
    }
  });
});
