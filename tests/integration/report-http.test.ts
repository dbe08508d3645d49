/**
 * The evaluation report and its CSV over HTTP, against the built server (dist/) on a fresh seeded
 * temp database: who may see which learners (learner → 403 everywhere; a mentor → only their
 * own learners, and 403 for a cohort none of them is in; a trainer → everyone), the CSV's
 * headers, columns, pseudonymity and formula neutralization. Then the mentor's evaluation forms
 * on the learner page: the adoption checklist with bad input (unknown item, a date in the future
 * or before enrolment, …) → 400 with an Indonesian message and nothing stored; partnership
 * verification and "seen by mentor" on a sales band. No response may be a 5xx.
 *
 * Demo data (db/seed.ts): Mbak Dewi (demo-mentor-1) follows demo-learner-1..3, Mas Arif
 * (demo-mentor-2) follows demo-learner-4..6, all in demo-cohort-1.
 */
import { itemBank } from '../../src/lib/server/reports/item-analysis';
import { courseFromDisk } from '../../src/lib/learning/load-from-disk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { id as dictionary } from '../../src/i18n/id';
import { join } from 'node:path';
import { startServer, type TestServer, ROOT } from '../helpers/server';
import { loginCookie } from '../bench/http';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';
import { CSV_COLUMNS } from '../../src/lib/reports/csv';
import { jakartaDate } from '../../src/lib/wib';
import { pseudonymOf } from '../../src/lib/reports/pseudonym';

const SECRET = 'uji-laporan-rahasia';
const DAY = 86_400_000;
const SARI = 'demo-learner-1';
const NUR = 'demo-learner-4';
const LEARNERS = DEMO.learners.map((_, i) => `demo-learner-${i + 1}`);
const EVIL_COHORT = '=HYPERLINK("x")';

let server: TestServer;
let database: Database;
const seen: Array<{ what: string; status: number }> = [];
const cookies: Record<'trainer' | 'dewi' | 'arif' | 'sari', string> = { trainer: '', dewi: '', arif: '', sari: '' };

beforeAll(async () => {
  server = await startServer({ env: { PSEUDONYM_SECRET: SECRET } });
  database = openDatabase(server.databaseUrl);
  const now = Date.now();
  // A second cohort (with a name a spreadsheet would run) holding only Mas Arif's learner Nur.
  await database.$client.batch([
    { sql: `INSERT INTO cohorts (id, name, kecamatan, join_code, created_at) VALUES ('demo-cohort-2', ?, 'Candi', 'CANDI-2', ?)`, args: [EVIL_COHORT, now] },
    { sql: `INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES ('demo-cohort-2', ?, ?)`, args: [NUR, now] },
    {
      sql: `INSERT INTO collaborations (id, user_id, type, partner, started_on, source, created_at) VALUES ('col-sari', ?, 'supplier', 'Toko Plastik Pak Budi', ?, 'self', ?)`,
      args: [SARI, jakartaDate(now), now],
    },
    {
      sql: `INSERT INTO collaborations (id, user_id, type, partner, started_on, source, created_at) VALUES ('col-nur', ?, 'reseller', 'Reseller Nur', ?, 'self', ?)`,
      args: [NUR, jakartaDate(now), now],
    },
    // A partnership the other Melek seller declined: it does not count and cannot be verified.
    {
      sql: `INSERT INTO collaborations (id, user_id, type, partner, status, started_on, source, created_at) VALUES ('col-declined', ?, 'joint_promotion', 'Penjual Lain', 'declined', ?, 'self', ?)`,
      args: [SARI, jakartaDate(now), now],
    },
    {
      sql: `INSERT INTO sales_reports (id, user_id, timepoint, band, source, reported_at) VALUES ('sales-sari', ?, 'start', '1to3', 'self', ?)`,
      args: [SARI, now],
    },
    {
      sql: `INSERT INTO quiz_attempts (id, user_id, lesson_id, kind, answers, score, max_score, pillar_scores, at) VALUES ('pre-sari', ?, 'pemasaran-whatsapp', 'pre', '{}', 2, 6, ?, ?), ('post-sari', ?, 'pemasaran-whatsapp', 'post', '{}', 5, 6, ?, ?)`,
      args: [
        SARI,
        JSON.stringify({ cakap: { score: 1, max: 3 }, etika: { score: 1, max: 2 }, budaya: { score: 0, max: 1 } }),
        now - 2 * DAY,
        SARI,
        JSON.stringify({ cakap: { score: 3, max: 3 }, etika: { score: 2, max: 2 }, budaya: { score: 0, max: 1 } }),
        now,
      ],
    },
    {
      sql: `INSERT INTO assessments (id, user_id, timepoint, instrument_version, answers, pillar_values, overall, at) VALUES ('sa-sari', ?, 'pre', 'sa-2026.1', '{}', ?, 2.5, ?)`,
      args: [SARI, JSON.stringify({ cakap: 2, aman: 3 }), now],
    },
  ]);
  cookies.trainer = await loginCookie(server.url, DEMO.trainer.phone, DEMO.trainer.password);
  cookies.dewi = await loginCookie(server.url, DEMO.mentors[0].phone, DEMO.mentors[0].password);
  cookies.arif = await loginCookie(server.url, DEMO.mentors[1].phone, DEMO.mentors[1].password);
  cookies.sari = await loginCookie(server.url, DEMO.learners[0].phone, DEMO.learnerPassword);
}, 90_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
  expect(seen.filter((r) => r.status >= 500)).toEqual([]);
});

async function http(path: string, cookie: string, form?: Record<string, string>) {
  const headers = new Headers({ cookie });
  if (form) {
    headers.set('origin', server.url);
    headers.set('content-type', 'application/x-www-form-urlencoded');
  }
  const response = await fetch(server.url + path, {
    method: form ? 'POST' : 'GET',
    headers,
    body: form ? new URLSearchParams(form) : undefined,
    redirect: 'manual',
  });
  seen.push({ what: `${form ? 'POST' : 'GET'} ${path}`, status: response.status });
  // Keep a byte-order mark if there is one (Response.text() would drop it).
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { status: response.status, body, headers: response.headers };
}

/** The CSV's rows as objects, after checking the file's headers and columns. */
async function csv(path: string, cookie: string) {
  const r = await http(path, cookie);
  expect(r.status, `${path}: ${r.body.slice(0, 200)}`).toBe(200);
  expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(r.headers.get('content-disposition')).toBe(`attachment; filename="melek-laporan-${jakartaDate(Date.now())}.csv"`);
  expect(r.body.startsWith('\uFEFF')).toBe(true);
  const records = parse(r.body, { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(Object.keys(records[0] ?? {})).toEqual([...CSV_COLUMNS]);
  return { records, text: r.body };
}

const ids = (records: Array<Record<string, string>>) => new Set(records.map((r) => r.pseudonymous_id));
const pseudo = (userId: string) => pseudonymOf(SECRET, userId);

describe('who sees the report', () => {
  it('a learner gets 403 on both reports and both CSVs', async () => {
    for (const path of ['/trainer/reports', '/trainer/reports.csv', '/mentor/reports', '/mentor/reports.csv', '/mentor/reports.csv?kelas=demo-cohort-1']) {
      const r = await http(path, cookies.sari);
      expect(r.status, path).toBe(403);
      expect(r.body).not.toContain('pseudonymous_id');
    }
  });

  it('a mentor gets 403 on the trainer report and its CSV', async () => {
    expect((await http('/trainer/reports', cookies.dewi)).status).toBe(403);
    expect((await http('/trainer/reports.csv', cookies.dewi)).status).toBe(403);
  });

  it("a mentor's report and CSV hold only their own learners", async () => {
    const page = await http('/mentor/reports', cookies.dewi);
    expect(page.status).toBe(200);
    expect(page.body).toContain('3 peserta');
    expect(page.body).toContain('<svg');
    const { records } = await csv('/mentor/reports.csv', cookies.dewi);
    expect(ids(records)).toEqual(new Set(LEARNERS.slice(0, 3).map(pseudo)));
  });

  it("a cohort filter for a cohort with none of the mentor's learners is 403, on the page and the CSV", async () => {
    for (const path of ['/mentor/reports?kelas=demo-cohort-2', '/mentor/reports.csv?kelas=demo-cohort-2', '/mentor/reports.csv?kelas=tidak-ada']) {
      const r = await http(path, cookies.dewi);
      expect(r.status, path).toBe(403);
      expect(r.body).not.toContain(pseudo(NUR));
    }
  });

  it('the other mentor may filter by that cohort and sees just their learner in it', async () => {
    const { records } = await csv('/mentor/reports.csv?kelas=demo-cohort-2', cookies.arif);
    expect(ids(records)).toEqual(new Set([pseudo(NUR)]));
    expect((await http('/mentor/reports?kelas=demo-cohort-2', cookies.arif)).body).toContain('1 peserta');
  });

  it('a trainer sees everyone, filters by any cohort, and an unknown cohort is 404', async () => {
    const page = await http('/trainer/reports', cookies.trainer);
    expect(page.status).toBe(200);
    expect(page.body).toContain('6 peserta');
    expect(page.headers.get('server-timing')).toMatch(/^report;dur=/);
    expect(ids((await csv('/trainer/reports.csv', cookies.trainer)).records)).toEqual(new Set(LEARNERS.map(pseudo)));
    expect(ids((await csv('/trainer/reports.csv?kelas=demo-cohort-2', cookies.trainer)).records)).toEqual(new Set([pseudo(NUR)]));
    expect((await http('/trainer/reports?kelas=tidak-ada', cookies.trainer)).status).toBe(404);
    expect((await http('/trainer/reports.csv?kelas=tidak-ada', cookies.trainer)).status).toBe(404);
    expect((await http('/mentor/reports', cookies.trainer)).body).toContain('6 peserta');
  });
});

describe('the CSV', () => {
  it('is pseudonymous: stable ids, no names, phones or partner names', async () => {
    const trainer = await csv('/trainer/reports.csv', cookies.trainer);
    const mentor = await csv('/mentor/reports.csv', cookies.dewi);
    const sariRows = (records: Array<Record<string, string>>) => records.filter((r) => r.pseudonymous_id === pseudo(SARI));
    expect(sariRows(trainer.records).length).toBeGreaterThan(10);
    expect(sariRows(mentor.records).length).toBe(sariRows(trainer.records).length);
    for (const text of [trainer.text, mentor.text]) {
      for (const learner of DEMO.learners) {
        expect(text).not.toContain(learner.name);
        expect(text).not.toContain(learner.businessName);
        expect(text).not.toContain(learner.phone);
        expect(text).not.toContain(`62${learner.phone.slice(1)}`);
      }
      for (const userId of [...LEARNERS, 'demo-mentor-1', 'demo-trainer']) expect(text).not.toContain(userId);
      expect(text).not.toContain('Toko Plastik');
    }
  });

  it('neutralizes a cohort name a spreadsheet would run', async () => {
    const { records, text } = await csv('/trainer/reports.csv?kelas=demo-cohort-2', cookies.trainer);
    expect(records.every((r) => r.cohort === `'${EVIL_COHORT}`)).toBe(true);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('one row per learner × pillar × component × timepoint, with the documented values', async () => {
    const { records } = await csv('/trainer/reports.csv', cookies.trainer);
    const sari = records.filter((r) => r.pseudonymous_id === pseudo(SARI));
    const keys = sari.map((r) => [r.pillar, r.component, r.item, r.timepoint].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    const row = (pillar: string, component: string, timepoint: string, item?: string) =>
      sari.find((r) => r.pillar === pillar && r.component === component && r.timepoint === timepoint && (item === undefined || r.item === item));
    expect(row('overall', 'score', 'current')).toMatchObject({ source: 'system', instrument_version: 'ind-2026.2', cohort: DEMO.cohort.name });
    // pre 2/6, post 5/6 → g = (5/6 − 2/6) / (1 − 2/6) = 0.75
    expect(row('overall', 'gain', 'post', 'pemasaran-whatsapp')?.value).toBe('0.75');
    expect(row('cakap', 'prepost_quiz', 'pre', 'pemasaran-whatsapp')?.value).toBe('0.3333');
    expect(row('overall', 'perception', 'pre')).toMatchObject({ value: '2.5', source: 'self', instrument_version: 'sa-2026.1' });
    expect(row('', 'sales_band', 'pre')).toMatchObject({ value: '1to3', source: 'self', verifier: '' });
    expect(row('', 'partnership', 'current')).toMatchObject({ item: 'supplier', value: '1', source: 'self' });
    expect(row('', 'partnership', 'current')?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row('overall', 'score', 'current')?.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
  });
});

describe('the adoption checklist on the learner page', () => {
  const page = `/mentor/learners/${SARI}`;
  const today = () => jakartaDate(Date.now());
  const count = async () => Number((await database.$client.execute(`SELECT count(*) AS n FROM adoption_checks WHERE user_id = '${SARI}'`)).rows[0].n);

  it.each([
    ['an unknown item', { 'item.punya_tiktok': 'ya' }, 'Butir checklist tidak dikenal.'],
    ['an answer that is not yes/no', { 'item.qris_active': 'mungkin' }, 'Pilih &quot;Ya, ada&quot;'],
    ['a date in the future', { 'item.qris_active': 'ya', checkedOn: jakartaDate(Date.now() + DAY) }, 'Tanggal dilihat tidak boleh di masa depan.'],
    [
      'a date before enrolment',
      { 'item.qris_active': 'ya', checkedOn: jakartaDate(Date.now() - 2 * DAY) },
      'Tanggal dilihat tidak boleh sebelum peserta terdaftar.',
    ],
    ['no date', { 'item.qris_active': 'ya', checkedOn: '' }, 'Tanggal dilihat wajib diisi.'],
    ['an impossible date', { 'item.qris_active': 'ya', checkedOn: '2026-02-30' }, 'Tanggal tidak valid.'],
    ['nothing answered', { 'item.qris_active': '' }, 'minimal satu butir'],
  ])('%s → 400 with a clear message, nothing stored', async (_what, fields, text) => {
    const before = await count();
    const r = await http(page, cookies.dewi, { intent: 'adoption', checkedOn: today(), ...fields });
    expect(r.status).toBe(400);
    expect(r.body).toContain(text);
    expect(await count()).toBe(before);
  });

  it("another mentor's learner: not found, nothing stored", async () => {
    const before = await count();
    const r = await http(page, cookies.arif, { intent: 'adoption', checkedOn: today(), 'item.qris_active': 'ya' });
    expect(r.status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('the mentor saves a check: one new row per answered item, source mentor, verifier the mentor', async () => {
    const r = await http(page, cookies.dewi, {
      intent: 'adoption',
      checkedOn: today(),
      'item.qris_active': 'ya',
      'item.two_step_verification': 'tidak',
      'item.catalog_5_items': '',
    });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`/mentor/learners/${SARI}?ok=adoption#evaluasi`);
    const rows = (
      await database.$client.execute(`SELECT item, present, source, verifier_id, checked_on FROM adoption_checks WHERE user_id = '${SARI}' ORDER BY item`)
    ).rows;
    expect(rows.map((x) => ({ ...x }))).toEqual([
      { item: 'qris_active', present: 1, source: 'mentor', verifier_id: 'demo-mentor-1', checked_on: today() },
      { item: 'two_step_verification', present: 0, source: 'mentor', verifier_id: 'demo-mentor-1', checked_on: today() },
    ]);
    const after = await http(`${page}?ok=adoption`, cookies.dewi);
    expect(after.body).toContain('Pemeriksaan adopsi tersimpan.');
    expect(after.body).toContain('Riwayat pemeriksaan (2)');
  });

  it('a trainer may check too; history is kept (a new row, not an update)', async () => {
    const r = await http(page, cookies.trainer, { intent: 'adoption', checkedOn: today(), 'item.qris_active': 'tidak' });
    expect(r.status).toBe(303);
    expect(await count()).toBe(3);
  });

  it('the report counts the latest mentor check; the CSV carries source, verifier and day seen', async () => {
    const report = await http('/trainer/reports', cookies.trainer);
    const qris = report.body.match(/<tr data-item="qris_active"[^>]*>([\s\S]*?)<\/tr>/)![1];
    // the trainer's later "no" is the latest: yes 0, no 1, not checked 5
    expect([...qris.matchAll(/<td class="num"[^>]*>\s*(\d+)\s*<\/td>/g)].map((m) => Number(m[1]))).toEqual([0, 1, 5, 0]);
    const { records } = await csv('/mentor/reports.csv', cookies.dewi);
    const adoption = records.filter((x) => x.pseudonymous_id === pseudo(SARI) && x.component === 'adoption');
    expect(adoption).toHaveLength(3);
    expect(adoption.find((x) => x.item === 'two_step_verification')).toMatchObject({
      value: '0',
      source: 'mentor',
      verifier: pseudo('demo-mentor-1'),
      date: today(),
      timepoint: 'current',
    });
    expect(
      adoption
        .filter((x) => x.item === 'qris_active')
        .map((x) => x.verifier)
        .sort(),
    ).toEqual([pseudo('demo-mentor-1'), pseudo('demo-trainer')].sort());
  });
});

describe('verifying partnerships and sales bands', () => {
  const page = `/mentor/learners/${SARI}`;

  it('the page explains the statement the mentor makes', async () => {
    const r = await http(page, cookies.dewi);
    expect(r.body).toContain('Saya sudah melihat sendiri buku catatan atau bukti penjualan peserta');
    expect(r.body).toContain('Toko Plastik Pak Budi');
    expect(r.body).not.toContain('Penjual Lain'); // declined by the other seller: not listed
  });

  it("without ticking the statement → 400; another learner's record → 404; nothing changes", async () => {
    expect((await http(page, cookies.dewi, { intent: 'partnership', partnershipId: 'col-sari' })).status).toBe(400);
    expect((await http(page, cookies.dewi, { intent: 'sales', salesId: 'sales-sari' })).body).toContain('Centang pernyataan di atas dulu');
    expect((await http(page, cookies.dewi, { intent: 'partnership', partnershipId: 'col-nur', confirm: '1' })).status).toBe(404);
    expect((await http(page, cookies.dewi, { intent: 'partnership', partnershipId: 'col-declined', confirm: '1' })).status).toBe(404);
    expect((await http(page, cookies.dewi, { intent: 'sales', salesId: 'tidak-ada', confirm: '1' })).status).toBe(404);
    const rows = await database.$client.execute(`SELECT verifier_id FROM collaborations UNION ALL SELECT verifier_id FROM sales_reports`);
    expect(rows.rows.every((r) => r.verifier_id === null)).toBe(true);
  });

  it('marks a partnership verified and a sales band seen by mentor, once', async () => {
    expect((await http(page, cookies.dewi, { intent: 'partnership', partnershipId: 'col-sari', confirm: '1' })).status).toBe(303);
    expect((await http(page, cookies.dewi, { intent: 'sales', salesId: 'sales-sari', confirm: '1' })).status).toBe(303);
    expect((await http(page, cookies.dewi, { intent: 'partnership', partnershipId: 'col-sari', confirm: '1' })).status).toBe(409);
    expect((await http(page, cookies.dewi, { intent: 'sales', salesId: 'sales-sari', confirm: '1' })).status).toBe(409);
    const col = (await database.$client.execute(`SELECT source, verifier_id, verified_at FROM collaborations WHERE id = 'col-sari'`)).rows[0];
    expect(col.source).toBe('self');
    expect(col.verifier_id).toBe('demo-mentor-1');
    expect(Number(col.verified_at)).toBeGreaterThan(0);
    const after = await http(`${page}?ok=sales`, cookies.dewi);
    expect(after.body).toContain('Dilihat pendamping (Mbak Dewi)');
    const { records } = await csv('/trainer/reports.csv', cookies.trainer);
    const sari = records.filter((x) => x.pseudonymous_id === pseudo(SARI));
    expect(sari.find((x) => x.component === 'sales_band')?.verifier).toBe(pseudo('demo-mentor-1'));
    expect(sari.filter((x) => x.component === 'partnership').map((x) => [x.item, x.verifier])).toEqual([['supplier', pseudo('demo-mentor-1')]]);
    const report = await http('/trainer/reports', cookies.trainer);
    expect(report.body).toMatch(
      /<tr data-type="supplier"[^>]*>\s*<th scope="row"[^>]*>\s*Pemasok\s*<\/th>\s*<td class="num"[^>]*>\s*1\s*<\/td>\s*<td class="num"[^>]*>\s*1\s*<\/td>\s*<\/tr>/,
    );
  });
});

describe('item analysis (/trainer/reports/soal and its CSV)', () => {
  it('the trainer sees every item of the bank with its numbers and flags, and Cronbach alpha; below 30 answers: belum cukup data', async () => {
    const bank = itemBank(courseFromDisk(join(ROOT, 'content')));
    const r = await http('/trainer/reports/soal', cookies.trainer);
    expect(r.status).toBe(200);
    const listed = [...r.body.matchAll(/data-item="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(bank.map((b) => b.item.id)));
    expect(listed.length).toBe(bank.length);
    expect(r.body).toContain(dictionary.repItemsNotEnough);
    expect(r.body).toContain(dictionary.repAlphaTitle);
    expect(r.body).toContain(dictionary.repAlphaNotEnough(dictionary.repTimepointPre, 0));
    // The report links to it.
    expect((await http('/trainer/reports', cookies.trainer)).body).toContain('href="/trainer/reports/soal"');
  });

  it('the CSV: one row per item, same cohort filter; an unknown cohort is 404, a mentor or learner gets no access', async () => {
    const bank = itemBank(courseFromDisk(join(ROOT, 'content')));
    const r = await http('/trainer/reports/soal.csv', cookies.trainer);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const records = parse(r.body, { bom: true, relax_column_count: true }) as string[][];
    expect(records[0].slice(0, 6)).toEqual(['item_id', 'tempat', 'bentuk', 'pilar', 'jumlah_jawaban', 'benar_proporsi']);
    const itemRows = records.slice(1).filter((row) => row.length === records[0].length);
    expect(itemRows.map((row) => row[0]).sort()).toEqual(bank.map((b) => b.item.id).sort());
    expect(itemRows.every((row) => row[9] === 'belum_cukup_data')).toBe(true);
    // Sari's old pre-test row has no answers: nobody is counted on the form items from it.
    expect((await http('/trainer/reports/soal.csv?kelas=demo-cohort-2', cookies.trainer)).status).toBe(200);
    expect((await http('/trainer/reports/soal.csv?kelas=tidak-ada', cookies.trainer)).status).toBe(404);
    expect((await http('/trainer/reports/soal?kelas=tidak-ada', cookies.trainer)).status).toBe(404);
    for (const who of ['dewi', 'sari'] as const) {
      expect([302, 303, 403]).toContain((await http('/trainer/reports/soal', cookies[who])).status);
      expect([302, 303, 403]).toContain((await http('/trainer/reports/soal.csv', cookies[who])).status);
    }
  });
});

describe('per-mentor review patterns on the trainer report', () => {
  it('the trainer report lists how each reviewer reviews (belum cukup data below 10); a mentor report does not', async () => {
    const now = Date.now();
    await database.$client.batch([
      {
        sql: `INSERT INTO task_submissions (id, user_id, task_id, lesson_id, text, status, reviewer_id, submitted_at, reviewed_at, checks_seen, rubric_level, review_opened_at) VALUES ('ts-stat-1', ?, 'profil-bisnis', 'pemasaran-whatsapp/01-profil-whatsapp-business', 'Sudah.', 'approved', 'demo-mentor-1', ?, ?, '[0,1]', 3, ?)`,
        args: [SARI, now - 3 * 3_600_000, now, now - 20_000],
      },
    ]);
    const trainer = await http('/trainer/reports', cookies.trainer);
    expect(trainer.body).toContain('id="mentor-stats"');
    expect(trainer.body).toContain(dictionary.repMentorsTitle);
    expect(trainer.body).toContain('data-mentor="demo-mentor-1"');
    expect(trainer.body).toContain(dictionary.repMentorNotEnough);
    expect((await http('/mentor/reports', cookies.dewi)).body).not.toContain('id="mentor-stats"');
  });
});
