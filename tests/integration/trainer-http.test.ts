/**
 * The trainer's cohort pages over HTTP, against the real built server on a fresh seeded temp
 * database: only trainers get in (mentors and learners get 403 and change nothing), a real
 * multipart CSV upload, the caps and bad inputs with their Indonesian messages and 4xx statuses,
 * bulk reassignment, escaping of formula and markup names on the page, and a neutralized export.
 * No response may be a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { appFetch, loginWith, type FetchOptions } from '../helpers/routes';
import { startServer, type TestServer } from '../helpers/server';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';
import { id as dictionary } from '../../src/i18n/id';

const EVIL = 'https://evil.example';
const COHORT = 'demo-cohort-1';
const PAGE = `/trainer/cohorts/${COHORT}`;
const IMPORT = `${PAGE}/import`;
const EXPORT = `${PAGE}/members.csv`;

let server: TestServer;
let database: Database;
const responses: Array<{ method: string; path: string; status: number }> = [];

beforeAll(async () => {
  server = await startServer();
  database = openDatabase(server.databaseUrl);
});

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
});

// ---------------------------------------------------------------- helpers

interface Options {
  method?: string;
  cookie?: string;
  origin?: string | false;
  headers?: Record<string, string>;
  body?: BodyInit;
}

/** Every request of this file goes through here (tests/helpers/routes.ts's appFetch), and is recorded. */
async function http(path: string, options: FetchOptions = {}): Promise<Response> {
  const method = options.method ?? (options.body !== undefined ? 'POST' : 'GET');
  const response = await appFetch(server.url, path, options);
  responses.push({ method, path, status: response.status });
  expect(response.status, `${method} ${path} answered ${response.status}`).toBeLessThan(500);
  return response;
}

/** A urlencoded form post; repeated keys as arrays. */
function post(path: string, fields: Record<string, string | string[]>, options: Omit<Options, 'body' | 'method'> = {}) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return http(path, { ...options, method: 'POST', body });
}

/** A real multipart upload, as a browser sends the import form. */
function upload(
  csv: string | Uint8Array | null,
  fields: Record<string, string> = {},
  options: Omit<Options, 'body' | 'method'> = {},
  filename = 'peserta.csv',
) {
  const form = new FormData();
  // (A Uint8Array is a valid BlobPart; the cast only quiets TypeScript's ArrayBufferLike typing.)
  if (csv !== null) form.set('file', new Blob([csv as BlobPart], { type: 'text/csv' }), filename);
  else form.set('file', new Blob([]), '');
  for (const [key, value] of Object.entries({ mode: 'import', pasted: '', mentorId: '', ...fields })) form.set(key, value);
  return http(IMPORT, { ...options, method: 'POST', body: form });
}

async function pageText(response: Response): Promise<string> {
  const html = await response.text();
  return decode(html);
}

/** The words of a page without its tags (for sentences that cross an element boundary). */
const wordsOf = (html: string) => decode(html.replace(/<[^>]*>/g, ''));

function decode(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const loginAs = (phone: string, password: string): Promise<string> => loginWith(server.url, phone, password);

async function rows(sql: string, args: Array<string | number> = []) {
  return (await database.$client.execute({ sql, args })).rows;
}

/** Everything a trainer endpoint could change. */
async function snapshot() {
  const count = async (table: string) => Number((await rows(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return {
    users: await count('users'),
    members: await count('cohort_members'),
    assignments: await rows('SELECT id, mentor_id, learner_id, "from", until FROM mentor_assignments ORDER BY id'),
    cohorts: await rows('SELECT * FROM cohorts ORDER BY id'),
    invites: await count('invites'),
  };
}

let phoneSeq = 0;
const freshPhone = () => `0819${String(20_000_000 + ++phoneSeq).slice(-8)}`;

function roster(n: number, bad: Record<number, string> = {}, delimiter = ';') {
  const lines = [['Nama', 'No HP', 'Nama Usaha', 'Jenis Usaha', 'Kecamatan'].join(delimiter)];
  for (let i = 1; i <= n; i++) lines.push([`Peserta Uji ${i}`, bad[i] ?? freshPhone(), `Usaha ${i}`, 'kue', 'Candi'].join(delimiter));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

let trainer: string;
let mentor: string;
let learner: string;
beforeAll(async () => {
  [trainer, mentor, learner] = [
    await loginAs(DEMO.trainer.phone, DEMO.trainer.password),
    await loginAs(DEMO.mentors[0].phone, DEMO.mentors[0].password),
    await loginAs(DEMO.learners[0].phone, DEMO.learnerPassword),
  ];
});

// ---------------------------------------------------------------- authorization

describe('only trainers: mentors and learners get 403 and change nothing', () => {
  const attempts: Array<[string, () => Promise<Response>, string]> = [];
  const as = (who: 'mentor' | 'learner') => () => (who === 'mentor' ? mentor : learner);
  for (const who of ['mentor', 'learner'] as const) {
    const cookie = as(who);
    attempts.push(
      [`${who}: GET cohort page`, () => http(PAGE, { cookie: cookie() }), who],
      [`${who}: GET import page`, () => http(IMPORT, { cookie: cookie() }), who],
      [`${who}: GET members.csv`, () => http(EXPORT, { cookie: cookie() }), who],
      [`${who}: GET unknown cohort`, () => http('/trainer/cohorts/no-such-cohort', { cookie: cookie() }), who],
      [`${who}: POST edit`, () => post(PAGE, { intent: 'edit', name: 'Dibajak', kecamatan: 'Candi', joinCode: 'HACK-2026' }, { cookie: cookie() }), who],
      [`${who}: POST add learner`, () => post(PAGE, { intent: 'add', name: 'Penyusup', phone: '081977770001' }, { cookie: cookie() }), who],
      [
        `${who}: POST bulk assign`,
        () => post(PAGE, { intent: 'assign', learnerIds: ['demo-learner-1', 'demo-learner-4'], mentorId: 'demo-mentor-1' }, { cookie: cookie() }),
        who,
      ],
      [`${who}: POST import (multipart)`, () => upload(`nama,no hp\nPenyusup,081977770002\n`, { mentorId: 'demo-mentor-1' }, { cookie: cookie() }), who],
      [`${who}: POST import (pasted)`, () => post(IMPORT, { mode: 'import', pasted: 'nama,no hp\nPenyusup,081977770003' }, { cookie: cookie() }), who],
      [
        `${who}: POST /trainer assign`,
        () => post('/trainer', { intent: 'assign', learnerId: 'demo-learner-4', mentorId: 'demo-mentor-1' }, { cookie: cookie() }),
        who,
      ],
    );
  }

  it.each(attempts)('%s → 403, no data, nothing changed', async (_what, attempt) => {
    const before = await snapshot();
    const response = await attempt();
    expect(response.status).toBe(403);
    const text = await pageText(response);
    expect(text).toContain(dictionary.forbiddenTitle);
    // No cohort or learner data in the refusal.
    for (const secret of ['SDA-2026', 'Pak Hadi', 'Mbak Nur', 'Pak Slamet', '0811-0000-0014', 'Kerupuk Udang']) expect(text).not.toContain(secret);
    expect(response.headers.get('content-type')).not.toContain('text/csv');
    expect(await snapshot()).toEqual(before);
  });

  it('anonymous visitors are sent to the login page and change nothing', async () => {
    const before = await snapshot();
    for (const response of [
      await http(PAGE),
      await http(EXPORT),
      await post(PAGE, { intent: 'add', name: 'Anon', phone: '081977770004' }),
      await upload('nama,no hp\nAnon,081977770005\n'),
    ]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/login/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a trainer’s upload from another origin is refused (403) and imports nothing', async () => {
    const before = await snapshot();
    expect((await upload(roster(3), {}, { cookie: trainer, origin: EVIL })).status).toBe(403);
    expect((await post(PAGE, { intent: 'assign', learnerIds: 'demo-learner-1', mentorId: 'demo-mentor-2' }, { cookie: trainer, origin: EVIL })).status).toBe(
      403,
    );
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------- the trainer

describe('trainer: cohort page', () => {
  it('shows details, code share link, members with mentor and progress, and links to each learner', async () => {
    const response = await http(PAGE, { cookie: trainer });
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = decode(html);
    expect(text).toContain(DEMO.cohort.name);
    expect(text).toContain('SDA-2026');
    expect(text).toContain('Peserta (6)');
    for (const l of DEMO.learners) expect(text).toContain(l.name);
    expect(html).toContain('href="/mentor/learners/demo-learner-1"');
    const share = decode(html.match(/id="share-code" href="([^"]+)"/)![1]);
    expect(share.startsWith('https://wa.me/?text=')).toBe(true);
    const message = new URL(share).searchParams.get('text')!;
    expect(message).toContain('SDA-2026');
    expect(message).toContain(`${server.url}/register?kode=SDA-2026`);
    expect(text).toMatch(/0\/\d+/); // lessons done/total
  });

  it('unknown cohorts are 404 on every page, with the Indonesian message', async () => {
    for (const path of [
      '/trainer/cohorts/no-such-cohort',
      '/trainer/cohorts/no-such-cohort/import',
      '/trainer/cohorts/no-such-cohort/members.csv',
      `/trainer/cohorts/${'x'.repeat(1000)}`,
    ]) {
      const response = await http(path, { cookie: trainer });
      expect(response.status, path).toBe(404);
      expect(await pageText(response)).toContain(dictionary.cohortUnknown);
    }
    const before = await snapshot();
    const form = new FormData();
    form.set('file', new Blob([roster(2)], { type: 'text/csv' }), 'peserta.csv');
    const response = await http('/trainer/cohorts/no-such-cohort/import', { method: 'POST', cookie: trainer, body: form });
    expect(response.status).toBe(404);
    expect(await pageText(response)).toContain(`${dictionary.cohortUnknown} ${dictionary.trNothingImported}`);
    expect((await post('/trainer/cohorts/no-such-cohort', { intent: 'add', name: 'Bu Hilang', phone: freshPhone() }, { cookie: trainer })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe('trainer: CSV import over HTTP', () => {
  it('a real multipart upload of 20 rows, 2 bad: 18 imported, the report names the 2 refused rows', async () => {
    const before = await snapshot();
    const duplicate = freshPhone();
    const csv = roster(20, { 4: duplicate, 9: duplicate, 15: '0812-ABC' });
    const response = await upload(csv, { mentorId: 'demo-mentor-2' }, { cookie: trainer });
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = wordsOf(html);
    expect(text).toContain(dictionary.trReportSummary(18, 2));
    expect(text).toContain(dictionary.trReportMentor('Mas Arif'));
    expect(text).toContain(`Baris 10: Peserta Uji 9`);
    expect(text).toContain(dictionary.trReasonDuplicate(5));
    expect(text).toContain('Baris 16: Peserta Uji 15');
    expect(text).toContain(dictionary.trReasonPhoneInvalid);
    // Each imported learner gets a "Buat tautan masuk" button.
    expect(decode(html).match(/aria-label="Buat tautan masuk: Peserta Uji \d+"/g)).toHaveLength(18);
    const after = await snapshot();
    expect(after.users).toBe(before.users + 18);
    expect(after.members).toBe(before.members + 18);
    expect(after.assignments.length).toBe(before.assignments.length + 18);
    expect(await rows("SELECT count(*) AS n FROM users WHERE name IN ('Peserta Uji 9', 'Peserta Uji 15')")).toEqual([expect.objectContaining({ n: 0 })]);
  });

  it('pasted text works too, and "Periksa dulu" writes nothing', async () => {
    const before = await snapshot();
    const check = await post(IMPORT, { mode: 'check', pasted: `nama\tno hp\nBu Tempel\t${freshPhone()}\n` }, { cookie: trainer });
    expect(check.status).toBe(200);
    const text = await pageText(check);
    expect(text).toContain(dictionary.trReportCheckSummary(1, 0));
    // The pasted text is offered again for the real import.
    expect(text).toContain('Bu Tempel');
    expect(await snapshot()).toEqual(before);
  });

  const bad: Array<[string, number, () => Promise<Response>, string]> = [
    ['an empty file', 422, () => upload('', {}, { cookie: trainer }), dictionary.trImportEmpty],
    ['a BOM-only file', 422, () => upload('\uFEFF', {}, { cookie: trainer }), dictionary.trImportEmpty],
    ['no file and nothing pasted', 422, () => upload(null, {}, { cookie: trainer }), dictionary.trImportNoInput],
    ['a header without rows', 422, () => upload('nama;no hp\r\n', {}, { cookie: trainer }), dictionary.trImportNoRows],
    ['missing columns', 422, () => upload('nama;kecamatan\nBu A;Candi\n', {}, { cookie: trainer }), dictionary.trImportMissingColumns('no hp')],
    ['5,000 rows', 413, () => upload(roster(5000), {}, { cookie: trainer }), dictionary.trImportTooManyRows(5000, 2000)],
    ['more than 1 MB', 413, () => upload('nama,no hp\n' + 'Bu Besar,081200000000\n'.repeat(60_000), {}, { cookie: trainer }), dictionary.trImportTooLarge(1)],
    [
      'an xlsx',
      422,
      () => upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 1, 2, 3]), {}, { cookie: trainer }, 'peserta.xlsx'),
      dictionary.trImportBinary,
    ],
    ['an unclosed quote', 422, () => upload(`nama,no hp\n"Bu A,${freshPhone()}\n`, {}, { cookie: trainer }), dictionary.trImportMalformed(2).split(',')[0]],
    ['a learner as the mentor', 422, () => upload(roster(2), { mentorId: 'demo-learner-2' }, { cookie: trainer }), dictionary.notAMentor],
    ['an unknown mentor', 422, () => upload(roster(2), { mentorId: 'x'.repeat(10_000) }, { cookie: trainer }), dictionary.mentorUnknown],
    ['a file and pasted text', 422, () => upload(roster(1), { pasted: roster(1) }, { cookie: trainer }), dictionary.trImportBoth],
    [
      'a broken multipart body',
      422,
      () => http(IMPORT, { method: 'POST', cookie: trainer, body: '--xyz\r\nnot really', headers: { 'content-type': 'multipart/form-data; boundary=abc' } }),
      dictionary.trImportNoInput,
    ],
    [
      'JSON instead of a form',
      422,
      () => http(IMPORT, { method: 'POST', cookie: trainer, body: JSON.stringify({ pasted: roster(2) }), headers: { 'content-type': 'application/json' } }),
      dictionary.trImportNoInput,
    ],
    [
      'every row refused',
      422,
      () => upload(`nama,no hp\n,${freshPhone()}\nBu Ganda,${DEMO.learners[1].phone}\n`, {}, { cookie: trainer }),
      dictionary.trReportNothing,
    ],
  ];

  it.each(bad)('%s → %i with its message, nothing imported', async (_what, status, attempt, message) => {
    const before = await snapshot();
    const response = await attempt();
    expect(response.status).toBe(status);
    const text = await pageText(response);
    expect(text).toContain(message);
    expect(text).toMatch(/<html lang="id"/);
    expect(await snapshot()).toEqual(before);
  });

  it('a 5 MB upload announced by Content-Length is refused without being read', async () => {
    const before = await snapshot();
    const big = new Uint8Array(5 * 1024 * 1024).fill(0x41);
    const response = await upload(big, {}, { cookie: trainer });
    expect(response.status).toBe(413);
    expect(await pageText(response)).toContain(dictionary.trImportTooLarge(1));
    expect(await snapshot()).toEqual(before);
  });

  it('formula and markup names: stored as text, escaped on the pages, neutralized in the export', async () => {
    const formula = '=HYPERLINK("http://evil","x")';
    const markup = '<img src=x onerror=alert(1)>';
    const csv = `nama,no hp,nama usaha\n"${formula.replace(/"/g, '""')}",${freshPhone()},@SUM(1+1)\n${markup},${freshPhone()},-2+3\n`;
    const response = await upload(csv, {}, { cookie: trainer });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Outside attribute values (all double-quoted, where < and > are inert) no markup got through.
    const outsideAttributes = (page: string) => page.replace(/"[^"]*"/g, '""');
    expect(outsideAttributes(html)).not.toContain(markup);
    expect(outsideAttributes(html)).not.toMatch(/<img/i);
    expect(decode(html)).toContain(markup);
    expect(decode(html)).toContain(formula);
    expect(await rows('SELECT name, business_name FROM users WHERE name IN (?, ?) ORDER BY name', [formula, markup])).toEqual([
      expect.objectContaining({ name: markup, business_name: '-2+3' }),
      expect.objectContaining({ name: formula, business_name: '@SUM(1+1)' }),
    ]);
    // The cohort page escapes them too.
    const page = await (await http(PAGE, { cookie: trainer })).text();
    expect(decode(page)).toContain(markup);
    expect(outsideAttributes(page)).not.toMatch(/<img/i);
    // The export: every cell that could run as a formula starts with an apostrophe.
    for (const [path, delimiter] of [
      [EXPORT, ','],
      [`${EXPORT}?pemisah=titikkoma`, ';'],
    ] as const) {
      const exported = await http(path, { cookie: trainer });
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(exported.headers.get('content-disposition')).toBe('attachment; filename="peserta-sda-2026.csv"');
      const table = parse(await exported.text(), { bom: true, delimiter }) as string[][];
      expect(table[0].slice(0, 5)).toEqual(['nama', 'no hp', 'nama usaha', 'jenis usaha', 'kecamatan']);
      for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const evil = table.find((r) => r[0].includes('HYPERLINK'))!;
      expect(evil[0]).toBe(`'${formula}`);
      expect(evil[2]).toBe("'@SUM(1+1)");
      expect(table.find((r) => r[0] === markup)![2]).toBe("'-2+3");
      expect(table.find((r) => r[0] === 'Bu Sari')).toEqual([
        'Bu Sari',
        '0811-0000-0011',
        'Kerupuk Udang Bu Sari',
        'kerupuk',
        'Sidoarjo',
        'Mbak Dewi',
        '0',
        expect.stringMatching(/^\d+$/),
        '',
      ]);
    }
  });
});

describe('trainer: edit, add, bulk assign over HTTP', () => {
  const LONG = 'x'.repeat(10_000);

  it('bad edits and additions: 400 with the message, nothing saved', async () => {
    const before = await snapshot();
    const cases: Array<[Record<string, string | string[]>, string[]]> = [
      [{ intent: 'edit', name: LONG, kecamatan: LONG, joinCode: LONG, waGroupLink: 'https://' + LONG }, [dictionary.textLong, dictionary.joinCodeFormat]],
      [{ intent: 'edit', name: 'X', kecamatan: 'Y', joinCode: 'SDA-2026', waGroupLink: 'javascript:alert(1)' }, [dictionary.linkInvalid]],
      [{ intent: 'add', name: LONG, phone: LONG, businessName: LONG }, [dictionary.nameLong, dictionary.phoneInvalid, dictionary.textLong]],
      [{ intent: 'add', name: 'Bu Dobel', phone: DEMO.learners[2].phone }, [dictionary.phoneTaken]],
      [{ intent: 'assign', learnerIds: ['demo-learner-1'], mentorId: 'demo-learner-2' }, [dictionary.notAMentor]],
      [{ intent: 'assign', learnerIds: ['demo-learner-1'], mentorId: 'demo-trainer' }, [dictionary.notAMentor]],
      [{ intent: 'assign', learnerIds: ['demo-learner-1'], mentorId: 'no-such-mentor' }, [dictionary.mentorUnknown]],
      [{ intent: 'assign', learnerIds: ['demo-learner-1'], mentorId: '' }, [dictionary.trMentorMissing]],
      [{ intent: 'assign', mentorId: 'demo-mentor-2' }, [dictionary.trChooseLearners]],
      [{ intent: 'assign', learnerIds: ['demo-learner-1', 'no-such-learner'], mentorId: 'demo-mentor-2' }, [dictionary.trLearnersUnknown]],
      [{ intent: 'assign', learnerIds: [LONG], mentorId: 'demo-mentor-2' }, [dictionary.learnerUnknown]],
      [{ intent: 'nonsense' }, [dictionary.formInvalid]],
      [{}, [dictionary.formInvalid]],
    ];
    for (const [fields, messages] of cases) {
      const response = await post(PAGE, fields, { cookie: trainer });
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      const text = await pageText(response);
      for (const m of messages) expect(text, `${fields.intent}: ${m}`).toContain(m);
    }
    const huge = await http(PAGE, { method: 'POST', cookie: trainer, body: new URLSearchParams({ intent: 'edit', name: 'x'.repeat(400_000) }) });
    expect(huge.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it('bulk reassignment keeps the history, and the page shows it', async () => {
    const before = await snapshot();
    const response = await post(PAGE, { intent: 'assign', learnerIds: ['demo-learner-2', 'demo-learner-3'], mentorId: 'demo-mentor-2' }, { cookie: trainer });
    expect(response.status).toBe(200);
    const text = await pageText(response);
    expect(text).toContain(dictionary.trBulkDone(2, 'Mas Arif'));
    const after = await snapshot();
    expect(after.assignments.length).toBe(before.assignments.length + 2);
    expect(await rows('SELECT mentor_id, until IS NULL AS current FROM mentor_assignments WHERE learner_id = \'demo-learner-2\' ORDER BY "from"')).toEqual([
      expect.objectContaining({ mentor_id: 'demo-mentor-1', current: 0 }),
      expect.objectContaining({ mentor_id: 'demo-mentor-2', current: 1 }),
    ]);
    // The row of Pak Hadi shows both mentors in its history.
    const row = wordsOf(text.match(/<tr data-learner="demo-learner-2"[^>]*>[\s\S]*?<\/tr>/)![0]);
    expect(row).toContain('Riwayat (2)');
    expect(row).toMatch(/Mas Arif: sejak .* \(sekarang\)/);
    expect(row).toMatch(/Mbak Dewi: .* s\.d\. /);
  });

  it('edit and add work and are shown', async () => {
    const phone = freshPhone();
    const added = await post(PAGE, { intent: 'add', name: 'Bu Satu Satu', phone, businessName: 'Rengginang', businessType: 'camilan' }, { cookie: trainer });
    expect(added.status).toBe(200);
    expect(await pageText(added)).toContain(dictionary.trAdded('Bu Satu Satu'));
    expect(await rows('SELECT u.role, m.cohort_id FROM users u JOIN cohort_members m ON m.user_id = u.id WHERE u.phone = ?', [`+62${phone.slice(1)}`])).toEqual(
      [expect.objectContaining({ role: 'learner', cohort_id: COHORT })],
    );
    // role in the form is ignored: this page adds learners only.
    const sneaky = await post(PAGE, { intent: 'add', role: 'trainer', name: 'Bu Bukan Pelatih', phone: freshPhone() }, { cookie: trainer });
    expect(sneaky.status).toBe(200);
    expect(await rows("SELECT role FROM users WHERE name = 'Bu Bukan Pelatih'")).toEqual([expect.objectContaining({ role: 'learner' })]);

    const edited = await post(
      PAGE,
      {
        intent: 'edit',
        name: DEMO.cohort.name,
        kecamatan: 'Sidoarjo',
        joinCode: 'SDA-2026',
        waGroupLink: 'https://chat.whatsapp.com/Demo123',
        startsOn: '2026-11-01',
        endsOn: '2027-03-31',
      },
      { cookie: trainer },
    );
    expect(edited.status).toBe(200);
    const text = await pageText(edited);
    expect(text).toContain(dictionary.trEdited(DEMO.cohort.name));
    expect(text).toContain('https://chat.whatsapp.com/Demo123');
  });
});

describe('trainer home', () => {
  it('links each cohort to its page and lists mentors with their current load', async () => {
    const html = await (await http('/trainer', { cookie: trainer })).text();
    expect(html).toContain(`href="/trainer/cohorts/${COHORT}"`);
    const mentors = decode(html.match(/<ul class="list" id="mentors"[\s\S]*?<\/ul>/)![0]);
    const load = async (id: string) =>
      Number(
        (
          await rows(
            'SELECT count(*) AS n FROM mentor_assignments a JOIN users u ON u.id = a.learner_id WHERE a.mentor_id = ? AND a.until IS NULL AND u.deleted_at IS NULL',
            [id],
          )
        )[0].n,
      );
    expect(mentors).toContain(`Mbak Dewi`);
    expect(mentors).toContain(dictionary.trMentorLoad(await load('demo-mentor-1')));
    expect(mentors).toContain(dictionary.trMentorLoad(await load('demo-mentor-2')));
  });
});

describe('no 5xx', () => {
  it('not one response in this file was a server error', () => {
    expect(responses.length).toBeGreaterThan(60);
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
  });
});
