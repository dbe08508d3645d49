/**
 * The collaboration network over HTTP, against the real built server (dist/) on a fresh seeded
 * database (issue 10, "Bad input and privacy (each one tested)"): profiles (javascript:/data:
 * links, 10,000-character descriptions, HTML escaped), the directory (who sees whom, the phone
 * only when ticked, the WhatsApp introduction), partnerships (oneself, hidden/unknown/invisible
 * sellers, open duplicates, someone else's confirmation, dates), Promo Bersama (6 sellers, not
 * opted in), the mentor/trainer network view (no labels of other mentors' learners, hidden
 * profiles never), and account deletion. Every refusal is a 4xx with the Indonesian message and
 * leaves the row counts as they were; no response is a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFetch, loginWith, type FetchOptions } from '../helpers/routes';
import { startServer, type TestServer } from '../helpers/server';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';
import { id as dictionary } from '../../src/i18n/id';

let server: TestServer;
let database: Database;
const seen: Array<{ what: string; status: number }> = [];

// ---------------------------------------------------------------- helpers

/** Every request of this file goes through here (tests/helpers/routes.ts's appFetch), and is recorded. */
async function http(path: string, options: FetchOptions = {}): Promise<Response> {
  const method = options.method ?? (options.body !== undefined ? 'POST' : 'GET');
  const response = await appFetch(server.url, path, options);
  seen.push({ what: `${method} ${path}`, status: response.status });
  expect(response.status, `${method} ${path} answered ${response.status}`).toBeLessThan(500);
  return response;
}
const postForm = (path: string, fields: Array<[string, string]> | Record<string, string>, cookie?: string) =>
  http(path, { method: 'POST', cookie, body: new URLSearchParams(fields as Record<string, string>) });

const loginAs = (phone: string, password: string): Promise<string> => loginWith(server.url, phone, password);

const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** The page as text (entities decoded) — a marker must be absent either way. */
const page = async (path: string, cookie: string) => {
  const response = await http(path, { cookie });
  return { status: response.status, raw: await response.text() };
};
const body = async (path: string, cookie: string) => {
  const p = await page(path, cookie);
  return decode(p.raw) + '\n' + decodeURIComponent(p.raw.replace(/%(?![0-9a-f]{2})/gi, '%25'));
};

async function rows(sql: string, args: Array<string | number> = []) {
  return (await database.$client.execute({ sql, args })).rows;
}
const count = async (table: string) => Number((await rows(`SELECT count(*) AS n FROM ${table}`))[0].n);
const counts = async () => ({
  profiles: await count('seller_profiles'),
  collaborations: await count('collaborations'),
  promos: await count('joint_promotions'),
});
/** A stable fingerprint of the network's tables: a refused request must leave them as they were. */
const snapshot = async () =>
  JSON.stringify(await Promise.all(['seller_profiles', 'collaborations', 'joint_promotions'].map((t) => rows(`SELECT * FROM ${t} ORDER BY rowid`))));

/** YYYY-MM-DD in Sidoarjo (WIB, UTC+7). */
const wibDay = (at: number) => new Date(at + 7 * 3600_000).toISOString().slice(0, 10);
const DAY = 86_400_000;

// ---------------------------------------------------------------- who

const RUN = Math.random().toString(36).slice(2, 7).toUpperCase();
const mk = (who: string) => `NET${RUN}${who}`;
const ID = {
  sari: 'demo-learner-1', // Dewi's, cohort 1
  hadi: 'demo-learner-2', // Dewi's, cohort 1
  lilik: 'demo-learner-3', // Dewi's, cohort 1
  nur: 'demo-learner-4', // Arif's, cohort 1
  yanti: 'demo-learner-5', // Arif's, cohort 1
  slamet: 'demo-learner-6', // Arif's, cohort 1
  eko: 'net-eko', // made here: cohort 2, Arif's
} as const;
type Who = keyof typeof ID;
const cookies = {} as Record<Who | 'dewi' | 'arif' | 'trainer', string>;

/** Every learner's profile; the business name carries a marker. nur's is hidden, slamet has none. */
const PROFILE: Partial<Record<Who, Record<string, string | string[]>>> = {
  sari: {
    businessName: `Kerupuk Sari ${mk('SARI')}`,
    category: 'makanan_minuman',
    kecamatan: 'Sidoarjo',
    description: 'Kerupuk udang asli Sidoarjo.',
    catalogLink: 'https://wa.me/c/6281100000011',
    offers: ['joint_promotion', 'shared_delivery'],
    seeks: ['supplier'],
    visibility: 'cohort',
    showPhone: 'on',
  },
  hadi: {
    businessName: `Bandeng Hadi ${mk('HADI')}`,
    category: 'pertanian_perikanan',
    kecamatan: 'Candi',
    description: 'Bandeng presto.',
    catalogLink: 'wa.me/c/6281100000012',
    offers: ['joint_promotion', 'shared_delivery'],
    seeks: [],
    visibility: 'all',
  },
  lilik: {
    businessName: `<script>alert("x")</script>Tas ${mk('LILIK')}`,
    category: 'kerajinan',
    kecamatan: 'Tanggulangin',
    description: '<img src=x onerror=alert(1)> Tas kulit.',
    catalogLink: '',
    offers: ['joint_promotion'],
    seeks: [],
    visibility: 'all',
  },
  nur: {
    businessName: `Batik Nur ${mk('NURHIDDEN')}`,
    category: 'fesyen',
    kecamatan: 'Sidoarjo',
    description: `Rahasia ${mk('NURDESC')}`,
    catalogLink: '',
    offers: ['joint_promotion', 'shared_delivery'],
    seeks: [],
    visibility: 'hidden',
    showPhone: 'on',
  },
  yanti: {
    businessName: `Kue Yanti ${mk('YANTI')}`,
    category: 'makanan_minuman',
    kecamatan: 'Buduran',
    description: '',
    catalogLink: '',
    offers: ['shared_delivery'],
    seeks: [],
    visibility: 'cohort',
  },
  eko: {
    businessName: `Sambal Eko ${mk('EKO')}`,
    category: 'makanan_minuman',
    kecamatan: 'Candi',
    description: '',
    catalogLink: '',
    offers: ['joint_promotion'],
    seeks: [],
    visibility: 'cohort',
  },
};
const profileFields = (p: Record<string, string | string[]>): Array<[string, string]> =>
  Object.entries(p).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));

beforeAll(async () => {
  server = await startServer();
  database = openDatabase(server.databaseUrl);
  // A second cohort with one learner (Eko), followed by Mas Arif; same password as the demo learners.
  const now = Date.now();
  await database.$client.execute({
    sql: "INSERT INTO cohorts (id, name, kecamatan, join_code, created_at) VALUES ('net-cohort-2', 'Candi – Angkatan 1', 'Candi', 'NET-C2', ?)",
    args: [now],
  });
  await database.$client.execute({
    sql: "INSERT INTO users (id, phone, name, role, password_hash, consent_at, created_at) SELECT 'net-eko', '+6281100000099', 'Pak Eko', 'learner', password_hash, ?, ? FROM users WHERE id = 'demo-learner-1'",
    args: [now, now],
  });
  await database.$client.execute({ sql: "INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES ('net-cohort-2', 'net-eko', ?)", args: [now] });
  await database.$client.execute({
    sql: "INSERT INTO mentor_assignments (id, mentor_id, learner_id, \"from\") VALUES ('net-assign-eko', 'demo-mentor-2', 'net-eko', ?)",
    args: [now],
  });
  const learners: Who[] = ['sari', 'hadi', 'lilik', 'nur', 'yanti', 'slamet'];
  for (const [i, who] of learners.entries()) cookies[who] = await loginAs(DEMO.learners[i].phone, DEMO.learnerPassword);
  cookies.eko = await loginAs('081100000099', DEMO.learnerPassword);
  cookies.dewi = await loginAs(DEMO.mentors[0].phone, DEMO.mentors[0].password);
  cookies.arif = await loginAs(DEMO.mentors[1].phone, DEMO.mentors[1].password);
  cookies.trainer = await loginAs(DEMO.trainer.phone, DEMO.trainer.password);
}, 90_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
  expect(seen.filter((r) => r.status >= 500)).toEqual([]);
});

// ---------------------------------------------------------------- profiles

describe('seller profile /learn/profil-usaha', () => {
  it('starts hidden: a new learner has no profile and the form offers "hidden" first', async () => {
    const text = await body('/learn/profil-usaha', cookies.sari);
    expect(text).toContain(dictionary.netProfileNone);
    expect(text).toMatch(/<input type="radio" name="visibility" value="hidden" checked/);
  });

  it('every learner saves their profile (303); the stored link of "wa.me/…" gets https://', async () => {
    for (const [who, p] of Object.entries(PROFILE) as Array<[Who, Record<string, string | string[]>]>) {
      const response = await postForm('/learn/profil-usaha', profileFields(p), cookies[who]);
      expect(response.status, who).toBe(303);
    }
    expect(await count('seller_profiles')).toBe(6);
    const [hadi] = await rows('SELECT catalog_link, show_phone, visibility FROM seller_profiles WHERE user_id = ?', [ID.hadi]);
    expect(hadi).toMatchObject({ catalog_link: 'https://wa.me/c/6281100000012', show_phone: 0, visibility: 'all' });
    const text = await body('/learn/profil-usaha', cookies.sari);
    expect(text).toContain(dictionary.netProfileStatus(dictionary.netVisShort_cohort));
    expect(text).toContain(mk('SARI'));
  });

  const bad: Array<[string, Record<string, string>, string, string]> = [
    ['javascript: link', { catalogLink: 'javascript:alert(document.cookie)' }, 'catalogLink', dictionary.netLinkInvalid],
    ['JavaScript: with spaces and case', { catalogLink: '  JaVaScRiPt:alert(1)' }, 'catalogLink', dictionary.netLinkInvalid],
    ['data: link', { catalogLink: 'data:text/html,<script>alert(1)</script>' }, 'catalogLink', dictionary.netLinkInvalid],
    ['whatsapp: scheme', { catalogLink: 'whatsapp://send?phone=6281100000011' }, 'catalogLink', dictionary.netLinkInvalid],
    ['10,000-character description', { description: 'a'.repeat(10_000) }, 'description', dictionary.netDescriptionLong],
    ['unknown category', { category: 'senjata' }, 'category', dictionary.netCategoryInvalid],
    ['kecamatan outside the list', { kecamatan: 'Surabaya' }, 'kecamatan', dictionary.netKecamatanInvalid],
    ['unknown visibility', { visibility: 'public' }, 'visibility', dictionary.netVisibilityInvalid],
    ['empty business name', { businessName: '   ' }, 'businessName', dictionary.netBusinessEmpty],
  ];
  it.each(bad)('%s → 400, the message by the field, nothing stored', async (_, change, field, text) => {
    const before = await snapshot();
    const fields = profileFields({ ...PROFILE.sari!, ...change });
    const response = await postForm('/learn/profil-usaha', fields, cookies.sari);
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain(dictionary.netFix);
    expect(html).toMatch(new RegExp(`id="err-${field}"[^>]*>\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*<`));
    expect(await snapshot()).toBe(before);
  });

  it('a 10,000-character description is not echoed back whole (the form keeps at most twice the limit)', async () => {
    const response = await postForm('/learn/profil-usaha', profileFields({ ...PROFILE.sari!, description: 'b'.repeat(10_000) }), cookies.sari);
    expect(response.status).toBe(400);
    expect((await response.text()).includes('b'.repeat(1001))).toBe(false);
  });

  it('trainers and mentors cannot write a profile (403), nothing stored', async () => {
    const before = await snapshot();
    expect((await postForm('/learn/profil-usaha', profileFields(PROFILE.sari!), cookies.trainer)).status).toBe(403);
    expect((await postForm('/learn/profil-usaha', profileFields(PROFILE.sari!), cookies.dewi)).status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('HTML in a profile is escaped wherever it is shown (own preview, directory, pickers)', async () => {
    for (const [path, who] of [
      ['/learn/profil-usaha', 'lilik'],
      ['/learn/jaringan', 'sari'],
      ['/learn/kerja-sama', 'sari'],
      ['/learn/jaringan/promo', 'sari'],
    ] as const) {
      const { raw } = await page(path, cookies[who]);
      expect(raw, path).toContain(mk('LILIK'));
      expect(raw, path).not.toContain('<script>alert("x")</script>');
      expect(raw, path).not.toContain('<img src=x');
      expect(raw, path).toContain('&lt;script&gt;');
    }
  });
});

// ---------------------------------------------------------------- directory

describe('directory /learn/jaringan', () => {
  /** What each learner may see, from the rule: cohort 1 = sari hadi lilik nur yanti slamet; cohort 2 = eko. */
  const SEES: Record<Who, Who[]> = {
    sari: ['hadi', 'lilik', 'yanti'],
    hadi: ['sari', 'lilik', 'yanti'],
    lilik: ['sari', 'hadi', 'yanti'],
    nur: ['sari', 'hadi', 'lilik', 'yanti'],
    yanti: ['sari', 'hadi', 'lilik'],
    slamet: ['sari', 'hadi', 'lilik', 'yanti'],
    eko: ['hadi', 'lilik'],
  };
  const markerOf: Partial<Record<Who, string>> = { sari: mk('SARI'), hadi: mk('HADI'), lilik: mk('LILIK'), yanti: mk('YANTI'), eko: mk('EKO') };

  it('each learner sees exactly the profiles open to them: "cohort" only in the same cohort, "all" everywhere', async () => {
    for (const viewer of Object.keys(SEES) as Who[]) {
      const { raw } = await page('/learn/jaringan', cookies[viewer]);
      const listed = raw.slice(raw.indexOf('id="daftar"'));
      for (const [who, marker] of Object.entries(markerOf) as Array<[Who, string]>) {
        if (who === viewer) continue;
        expect(listed.includes(marker), `${viewer} sees ${who}?`).toBe(SEES[viewer].includes(who));
      }
    }
  });

  it('the hidden profile (name and description) is in no page of any other user — directory, filters, pickers, promo, requests, network views', async () => {
    const paths = [
      '/learn',
      '/learn/jaringan',
      '/learn/jaringan?kategori=fesyen',
      '/learn/jaringan?tawar=joint_promotion',
      '/learn/jaringan?kecamatan=Sidoarjo',
      '/learn/kerja-sama',
      `/learn/kerja-sama?dengan=${ID.nur}`,
      '/learn/jaringan/promo',
    ];
    for (const who of ['sari', 'hadi', 'lilik', 'yanti', 'slamet', 'eko', 'trainer'] as const) {
      for (const path of paths) {
        const text = await body(path, cookies[who]);
        expect(text, `${who} ${path}`).not.toContain(mk('NURHIDDEN'));
        expect(text, `${who} ${path}`).not.toContain(mk('NURDESC'));
      }
    }
    for (const who of ['dewi', 'arif', 'trainer'] as const) {
      for (const path of [
        `/${who === 'trainer' ? 'trainer' : 'mentor'}/jaringan`,
        `/${who === 'trainer' ? 'trainer' : 'mentor'}/jaringan?kelas=demo-cohort-1`,
      ]) {
        const text = await body(path, cookies[who]);
        expect(text, `${who} ${path}`).not.toContain(mk('NURHIDDEN'));
      }
    }
    // Her phone was ticked "show", but a hidden profile shows nothing: the number is nowhere.
    const text = await body('/learn/jaringan', cookies.sari);
    expect(text).not.toContain('0811-0000-0014');
    expect(text).not.toContain('6281100000014');
  });

  it('the phone and the WhatsApp introduction appear only when the seller ticked "show phone"', async () => {
    const raw = (await page('/learn/jaringan', cookies.hadi)).raw;
    // Sari ticked it: number shown, wa.me link with a polite introduction saying they met through Melek.
    expect(raw).toContain('0811-0000-0011');
    const link = raw.match(/href="(https:\/\/wa\.me\/6281100000011\?text=[^"]+)"/);
    expect(link).not.toBeNull();
    const text = new URL(decode(link![1])).searchParams.get('text')!;
    expect(text).toMatch(/^Halo, salam kenal\. Saya Pak Hadi dari Bandeng Hadi/);
    expect(text).toContain('Melek');
    expect(text).toContain(mk('SARI'));
    // Hadi did not tick it: Sari sees no number and no chat link for him.
    const sari = (await page('/learn/jaringan', cookies.sari)).raw;
    expect(sari).not.toContain('0811-0000-0012');
    expect(sari).not.toContain('wa.me/6281100000012');
  });

  it('filters by category, kecamatan, offer and need; unknown filter values are ignored', async () => {
    const listed = async (q: string) => {
      const raw = (await page(`/learn/jaringan${q}`, cookies.yanti)).raw;
      return raw.slice(raw.indexOf('id="daftar"'));
    };
    const perikanan = await listed('?kategori=pertanian_perikanan');
    expect(perikanan).toContain(mk('HADI'));
    expect(perikanan).not.toContain(mk('SARI'));
    expect(await listed('?kecamatan=Tanggulangin')).toContain(mk('LILIK'));
    expect(await listed('?kecamatan=Tanggulangin')).not.toContain(mk('HADI'));
    expect(await listed('?cari=supplier')).toContain(mk('SARI'));
    expect(await listed('?cari=supplier')).not.toContain(mk('HADI'));
    const promo = await listed('?tawar=joint_promotion');
    for (const m of [mk('SARI'), mk('HADI'), mk('LILIK')]) expect(promo).toContain(m);
    const byName = await listed(`?nama=${encodeURIComponent(mk('HADI').toLowerCase())}`);
    expect(byName).toContain(mk('HADI'));
    expect(byName).not.toContain(mk('SARI'));
    // LIKE wildcards typed by a learner are literal: "%" finds nobody here.
    expect(await listed('?nama=%25')).not.toContain(mk('HADI'));
    const ignored = await listed('?kategori=%3Cscript%3E&tawar=x');
    for (const m of [mk('SARI'), mk('HADI'), mk('LILIK')]) expect(ignored).toContain(m);
  });

  it('catalog links are plain https links with the host shown; no javascript: anywhere', async () => {
    const raw = (await page('/learn/jaringan', cookies.hadi)).raw;
    expect(raw).toContain('href="https://wa.me/c/6281100000011"');
    expect(raw).toContain(dictionary.netCatalogOpen('wa.me'));
    expect(raw.toLowerCase()).not.toContain('javascript:');
  });
});

// ---------------------------------------------------------------- partnerships

describe('peer partnerships /learn/kerja-sama', () => {
  const today = wibDay(Date.now());
  const log = (who: Who, partnerId: string, type = 'shared_delivery', startedOn = today) =>
    postForm('/learn/kerja-sama', { partnerId, type, startedOn }, cookies[who]);
  let sharedId = '';

  it('Hadi logs a shared delivery with Sari: 303, pending, source self, nothing of Sari copied into it', async () => {
    const response = await log('hadi', ID.sari);
    expect(response.status).toBe(303);
    const [row] = await rows('SELECT id, status, source, partner, partner_user_id, started_on FROM collaborations WHERE user_id = ? AND partner_user_id = ?', [
      ID.hadi,
      ID.sari,
    ]);
    expect(row).toMatchObject({ status: 'pending', source: 'self', partner: 'Penjual Melek', started_on: today });
    sharedId = String(row.id);
    const text = await body('/learn/kerja-sama', cookies.hadi);
    expect(text).toContain(mk('SARI'));
    expect(text).toContain(dictionary.netStatus_pending);
  });

  const refusals: Array<[string, () => Promise<Response>, number, string]> = [
    ['with oneself', () => log('hadi', ID.hadi), 400, dictionary.netPartnerSelf],
    ['with a hidden seller', () => log('hadi', ID.nur), 400, dictionary.netPartnerUnknown],
    ['with an unknown seller', () => log('hadi', 'tidak-ada-0000'), 400, dictionary.netPartnerUnknown],
    ['with a seller without a profile', () => log('hadi', ID.slamet), 400, dictionary.netPartnerUnknown],
    ['with a seller whose profile is only for another cohort', () => log('hadi', ID.eko), 400, dictionary.netPartnerUnknown],
    ['with a mentor', () => log('hadi', 'demo-mentor-1'), 400, dictionary.netPartnerUnknown],
    ['when the partner cannot see my profile', () => log('eko', ID.hadi), 400, dictionary.netOwnProfileNeeded],
    ['a duplicate of the open one', () => log('hadi', ID.sari), 409, dictionary.netDuplicatePending],
    ['the same open one from the other side', () => log('sari', ID.hadi), 409, dictionary.netDuplicatePending],
    ['a date in the future', () => log('hadi', ID.lilik, 'pooled_buying', wibDay(Date.now() + DAY)), 400, dictionary.cpPartnerDateFuture],
    ['a date before enrolment', () => log('hadi', ID.lilik, 'pooled_buying', wibDay(Date.now() - 40 * DAY)), 400, dictionary.cpPartnerDateEarly],
    ['an impossible date', () => log('hadi', ID.lilik, 'pooled_buying', '2026-02-30'), 400, dictionary.dateInvalid],
    ['a type that is not between sellers', () => log('hadi', ID.lilik, 'lender'), 400, dictionary.cpPartnerType],
    ['no seller at all', () => postForm('/learn/kerja-sama', { type: 'supplier', startedOn: today }, cookies.hadi), 400, dictionary.netPartnerPick],
    ['by a trainer', () => log('trainer' as Who, ID.sari), 403, ''],
    ['by a mentor', () => postForm('/learn/kerja-sama', { partnerId: ID.sari, type: 'supplier', startedOn: today }, cookies.dewi), 403, ''],
  ];
  it.each(refusals)('refused %s: a 4xx with the message, nothing stored', async (_, send, status, text) => {
    const before = await snapshot();
    const response = await send();
    expect(response.status).toBe(status);
    if (text) expect(decode(await response.text())).toContain(text);
    expect(await snapshot()).toBe(before);
  });

  it("Sari sees Hadi's request on her jaringan page; only she may answer it", async () => {
    const text = await body('/learn/jaringan', cookies.sari);
    expect(text).toContain(dictionary.netRequestsTitle);
    expect(text).toContain(mk('HADI'));
    expect(text).toContain(`name="partnershipId" value="${sharedId}"`);
    const before = await snapshot();
    // Hadi (who logged it) → 403; Yanti (a stranger) → 404; mentor and trainer → 403; nothing changes.
    const hadi = await postForm('/learn/jaringan', { partnershipId: sharedId, intent: 'confirm' }, cookies.hadi);
    expect(hadi.status).toBe(403);
    expect(decode(await hadi.text())).toContain(dictionary.netRequestNotYours);
    expect((await postForm('/learn/jaringan', { partnershipId: sharedId, intent: 'confirm' }, cookies.yanti)).status).toBe(404);
    expect((await postForm('/learn/jaringan', { partnershipId: sharedId, intent: 'decline' }, cookies.yanti)).status).toBe(404);
    expect((await postForm('/learn/jaringan', { partnershipId: sharedId, intent: 'confirm' }, cookies.dewi)).status).toBe(403);
    expect((await postForm('/learn/jaringan', { partnershipId: sharedId, intent: 'confirm' }, cookies.trainer)).status).toBe(403);
    expect((await postForm('/learn/jaringan', { partnershipId: 'tidak-ada', intent: 'confirm' }, cookies.sari)).status).toBe(404);
    expect((await postForm('/learn/jaringan', { partnershipId: sharedId, intent: 'approve' }, cookies.sari)).status).toBe(400);
    // Nobody's other pages show the request.
    expect(await body('/learn/jaringan', cookies.yanti)).not.toContain(sharedId);
    expect(await snapshot()).toBe(before);
  });

  it('Sari confirms: a peer-confirmed partnership (status confirmed, source peer); answering again → 409', async () => {
    const response = await postForm('/learn/jaringan', { partnershipId: sharedId, intent: 'confirm' }, cookies.sari);
    expect(response.status).toBe(303);
    const [row] = await rows('SELECT status, source, responded_at, verifier_id, verified_at FROM collaborations WHERE id = ?', [sharedId]);
    expect(row).toMatchObject({ status: 'confirmed', source: 'peer', verifier_id: null, verified_at: null });
    expect(Number(row.responded_at)).toBeGreaterThan(0);
    const before = await snapshot();
    expect((await postForm('/learn/jaringan', { partnershipId: sharedId, intent: 'decline' }, cookies.sari)).status).toBe(409);
    expect((await postForm('/learn/jaringan', { partnershipId: sharedId, intent: 'confirm' }, cookies.sari)).status).toBe(409);
    // A confirmed partnership of the same type between the two cannot be logged again.
    const again = await log('sari', ID.hadi);
    expect(again.status).toBe(409);
    expect(decode(await again.text())).toContain(dictionary.netDuplicateConfirmed);
    expect(await snapshot()).toBe(before);
    expect(await body('/learn/kerja-sama', cookies.sari)).toContain(dictionary.netStatus_confirmed);
  });

  it('a declined request stays declined (source self) and does not block a new one', async () => {
    expect((await log('lilik', ID.sari, 'pooled_buying')).status).toBe(303);
    const [row] = await rows("SELECT id FROM collaborations WHERE user_id = ? AND partner_user_id = ? AND type = 'pooled_buying'", [ID.lilik, ID.sari]);
    expect((await postForm('/learn/jaringan', { partnershipId: String(row.id), intent: 'decline' }, cookies.sari)).status).toBe(303);
    expect((await rows('SELECT status, source FROM collaborations WHERE id = ?', [String(row.id)]))[0]).toMatchObject({ status: 'declined', source: 'self' });
    expect(await body('/learn/kerja-sama', cookies.lilik)).toContain(dictionary.netStatus_declined);
  });

  it("Yanti (Mas Arif's learner) and Sari (Mbak Dewi's) become partners too (for the mentors' views)", async () => {
    expect((await log('yanti', ID.sari, 'joint_promotion')).status).toBe(303);
    const [row] = await rows("SELECT id FROM collaborations WHERE user_id = ? AND type = 'joint_promotion'", [ID.yanti]);
    expect((await postForm('/learn/jaringan', { partnershipId: String(row.id), intent: 'confirm' }, cookies.sari)).status).toBe(303);
  });

  it('the learner home shows the network card and the number of requests waiting', async () => {
    expect((await log('hadi', ID.lilik, 'supplier')).status).toBe(303);
    const text = await body('/learn', cookies.lilik);
    expect(text).toContain(dictionary.netHomeTitle);
    expect(text).toContain(dictionary.netHomeRequests(1));
    expect(text).toContain('href="/learn/jaringan"');
  });
});

// ---------------------------------------------------------------- promo

describe('Promo Bersama /learn/jaringan/promo', () => {
  const promo = (who: Who, sellers: string[]) =>
    postForm(
      '/learn/jaringan/promo',
      sellers.map((s): [string, string] => ['seller', s]),
      cookies[who],
    );

  it('offers only visible sellers who opted in to joint promotion (and my own business)', async () => {
    const raw = (await page('/learn/jaringan/promo', cookies.sari)).raw;
    expect(raw).toContain(`value="${ID.hadi}"`);
    expect(raw).toContain(`value="${ID.lilik}"`);
    expect(raw).toContain(`value="${ID.sari}"`);
    expect(raw).not.toContain(`value="${ID.yanti}"`); // visible, did not opt in
    expect(raw).not.toContain(`value="${ID.nur}"`); // opted in, hidden
    expect(raw).not.toContain(`value="${ID.eko}"`); // opted in, other cohort
  });

  const refusals: Array<[string, string[], number, string]> = [
    ['6 sellers', [ID.sari, ID.hadi, ID.lilik, ID.yanti, ID.nur, ID.eko], 400, dictionary.netPromoTooMany],
    ['someone who did not opt in', [ID.hadi, ID.yanti], 400, dictionary.netPromoNotOptedIn],
    ['a hidden seller', [ID.hadi, ID.nur], 400, dictionary.netPromoNotOptedIn],
    ['a seller of another cohort', [ID.hadi, ID.eko], 400, dictionary.netPromoNotOptedIn],
    ['an unknown id', [ID.hadi, 'tidak-ada'], 400, dictionary.netPromoNotOptedIn],
    ['nobody', [], 400, dictionary.netPromoEmpty],
  ];
  it.each(refusals)('refused: %s → 400 with the message, nothing stored', async (_, sellers, status, text) => {
    const before = await snapshot();
    const response = await promo('sari', sellers);
    expect(response.status).toBe(status);
    expect(decode(await response.text())).toContain(text);
    expect(await snapshot()).toBe(before);
  });

  it('a trainer cannot make one (403)', async () => {
    const before = await counts();
    expect((await promo('trainer' as Who, [ID.hadi])).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('Sari picks herself, Hadi and Lilik: recorded once, one wa.me/?text= message with names, product lines and catalog links', async () => {
    const before = await count('joint_promotions');
    const response = await promo('sari', [ID.sari, ID.hadi, ID.lilik]);
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/learn\/jaringan\/promo\?dibuat=/);
    expect(await count('joint_promotions')).toBe(before + 1);
    const [row] = await rows('SELECT user_id, seller_ids FROM joint_promotions ORDER BY created_at DESC LIMIT 1');
    expect(row.user_id).toBe(ID.sari);
    expect(JSON.parse(String(row.seller_ids))).toEqual([ID.sari, ID.hadi, ID.lilik]);
    const raw = (await page(location.split('#')[0], cookies.sari)).raw;
    const share = raw.match(/id="promo-share"|href="(https:\/\/wa\.me\/\?text=[^"]+)"/g);
    expect(share).not.toBeNull();
    const href = raw.match(/href="(https:\/\/wa\.me\/\?text=[^"]+)"/)![1];
    const message = new URL(decode(href)).searchParams.get('text')!;
    expect(message).toContain(`1. *Kerupuk Sari ${mk('SARI')}* — Makanan & minuman`);
    expect(message).toContain(`2. *Bandeng Hadi ${mk('HADI')}* — Pertanian & perikanan`);
    expect(message).toContain('Katalog: https://wa.me/c/6281100000011');
    expect(message).toContain('Katalog: https://wa.me/c/6281100000012');
    expect(message).toContain(mk('LILIK'));
    expect(message).not.toMatch(/0811-?0000-?001/);
    // Reloading the result does not record it again; another learner cannot open it.
    await page(location.split('#')[0], cookies.sari);
    expect(await count('joint_promotions')).toBe(before + 1);
    expect((await page(location.split('#')[0], cookies.hadi)).status).toBe(404);
  });
});

// ---------------------------------------------------------------- network view

describe('network view /mentor/jaringan and /trainer/jaringan', () => {
  const svgOf = (raw: string) => raw.slice(raw.indexOf('<svg'), raw.indexOf('</figure>'));

  it('the trainer sees each cohort, visible profiles, partnerships by type per month and the map with labels of visible profiles only', async () => {
    const { status, raw } = await page('/trainer/jaringan?kelas=demo-cohort-1', cookies.trainer);
    expect(status).toBe(200);
    const text = decode(raw);
    expect(text).toContain(dictionary.netViewTitleTrainer);
    // Cohort 1: 6 learners, 5 visible profiles (Nur's is hidden).
    expect(raw).toMatch(
      /data-cohort="demo-cohort-1"[\s\S]*?<td[^>]*>\s*6\s*<\/td>\s*<td class="visible"[^>]*>\s*4\s*<\/td>\s*<td class="confirmed"[^>]*>\s*2\s*<\/td>/,
    );
    const svg = decode(svgOf(raw));
    expect(svg.match(/<line /g)?.length).toBe(2); // Hadi–Sari, Yanti–Sari
    for (const m of [mk('SARI'), mk('HADI'), mk('YANTI')]) expect(svg).toContain(m);
    expect(svg).not.toContain(mk('NURHIDDEN'));
    expect(svg).toContain(`${dictionary.netType_shared_delivery}`);
    // Months table: the shared delivery and the joint promotion (confirmed); pending and declined are not counted.
    expect(raw).toMatch(/data-type="shared_delivery"[^>]*>(?:(?!<\/tr>)[\s\S])*<td class="total"[^>]*>1<\/td>/);
    expect(raw).toMatch(/data-type="joint_promotion"[^>]*>(?:(?!<\/tr>)[\s\S])*<td class="total"[^>]*>1<\/td>/);
    expect(raw).not.toMatch(/data-type="pooled_buying"/);
    expect(raw).not.toMatch(/data-type="supplier"/);
    // No learner ids in the picture.
    expect(svgOf(raw)).not.toMatch(/demo-learner|net-eko/);
  });

  it("Mbak Dewi's view labels only her learners; Yanti (Mas Arif's) is an unnamed dot", async () => {
    const raw = (await page('/mentor/jaringan?kelas=demo-cohort-1', cookies.dewi)).raw;
    const text = await body('/mentor/jaringan?kelas=demo-cohort-1', cookies.dewi);
    expect(text).toContain(mk('SARI'));
    expect(text).toContain(mk('HADI'));
    expect(text).not.toContain(mk('YANTI'));
    expect(text).not.toContain(mk('NURHIDDEN'));
    expect(text).not.toContain(mk('EKO'));
    const svg = svgOf(raw);
    expect(svg.match(/<line /g)?.length).toBe(2);
    expect(svg).toMatch(/class="dot out"/);
  });

  it("Mas Arif's view labels only his learners (Yanti), never Mbak Dewi's (Sari, Hadi, Lilik) nor his hidden Nur", async () => {
    for (const path of ['/mentor/jaringan', '/mentor/jaringan?kelas=demo-cohort-1', '/mentor/jaringan?kelas=net-cohort-2']) {
      const text = await body(path, cookies.arif);
      for (const m of [mk('SARI'), mk('HADI'), mk('LILIK'), mk('NURHIDDEN')]) expect(text, `${path} ${m}`).not.toContain(m);
    }
    expect(await body('/mentor/jaringan?kelas=demo-cohort-1', cookies.arif)).toContain(mk('YANTI'));
    expect(await body('/mentor/jaringan?kelas=net-cohort-2', cookies.arif)).toContain(mk('EKO'));
  });

  it('cohort filters: a mentor asking for a cohort none of their learners is in → 403; unknown → 403 for mentors, 404 for trainers', async () => {
    expect((await http('/mentor/jaringan?kelas=net-cohort-2', { cookie: cookies.dewi })).status).toBe(403);
    expect((await http('/mentor/jaringan?kelas=tidak-ada', { cookie: cookies.dewi })).status).toBe(403);
    expect((await http('/trainer/jaringan?kelas=tidak-ada', { cookie: cookies.trainer })).status).toBe(404);
    expect((await http('/trainer/jaringan', { cookie: cookies.dewi })).status).toBe(403);
    expect((await http('/mentor/jaringan', { cookie: cookies.sari })).status).toBe(403);
  });

  it('the view is small: no images, no script of its own', async () => {
    const { raw } = await page('/trainer/jaringan?kelas=demo-cohort-1', cookies.trainer);
    const main = raw.slice(raw.indexOf('<main'), raw.indexOf('</main>'));
    expect(main).toContain('<svg');
    expect(main).not.toMatch(/<img|<script|<image|<foreignObject/i);
    expect(raw.length).toBeLessThan(60_000);
  });
});

// ---------------------------------------------------------------- evaluation records

describe('evaluation records', () => {
  it('the confirmed partnership is a peer-sourced collaboration of the learner who logged it', async () => {
    const peer = await rows("SELECT user_id, type, source FROM collaborations WHERE status = 'confirmed' AND source = 'peer' ORDER BY type");
    expect(peer.map((r) => [r.user_id, r.type])).toEqual([
      [ID.yanti, 'joint_promotion'],
      [ID.hadi, 'shared_delivery'],
    ]);
  });

  it('the trainer CSV (when present) has a partnership row for it with source "peer"', async () => {
    const response = await http('/trainer/reports.csv', { cookie: cookies.trainer });
    if (response.status === 404) return;
    const csv = await response.text();
    expect(csv).toMatch(/,partnership,shared_delivery,current,1,peer,/);
  });
});

// ---------------------------------------------------------------- erasure

describe('deleting an account', () => {
  it("removes the profile: Hadi's is gone from the directory, pickers, promo and the network view", async () => {
    const response = await postForm('/learn/akun', { confirm: 'HAPUS', password: DEMO.learnerPassword }, cookies.hadi);
    expect(response.status).toBe(303);
    expect((await rows('SELECT count(*) AS n FROM seller_profiles WHERE user_id = ?', [ID.hadi]))[0].n).toBe(0);
    for (const [path, who] of [
      ['/learn/jaringan', 'sari'],
      ['/learn/jaringan', 'eko'],
      ['/learn/kerja-sama', 'sari'],
      ['/learn/jaringan/promo', 'lilik'],
      ['/trainer/jaringan?kelas=demo-cohort-1', 'trainer'],
      ['/mentor/jaringan?kelas=demo-cohort-1', 'dewi'],
    ] as const) {
      expect(await body(path, cookies[who]), `${who} ${path}`).not.toContain(mk('HADI'));
    }
    // His pending request to Lilik is no longer shown to her.
    expect(await body('/learn', cookies.lilik)).not.toContain(dictionary.netHomeRequests(1));
  });
});
