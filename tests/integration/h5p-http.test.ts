/**
 * H5P over HTTP, against the built server (dist/) on a fresh seeded temp database whose demo
 * seed imported the demo activity: the trainer page (upload, list with size, delete; 422 with the
 * exact message for every bad package, 413 over the limit, nothing left behind), the package
 * files (content types, nosniff, year-long cache, sandbox CSP, CORS without credentials, never a
 * cookie, no way out of a package folder), the player page's own headers, the lesson card, and
 * h5p_result events through POST /api/progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { appFetch, loginWith, type FetchOptions } from '../helpers/routes';
import { startServer, type TestServer } from '../helpers/server';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';
import {
  BAD_CASES,
  expectedProblem,
  packageFiles,
  packageZip,
  TEST_LIMITS_ENV,
  TRUE_FALSE,
  TRUE_FALSE_BAD_CASES,
  GREETING_CARD,
} from '../helpers/h5p-packages';
import { id as d } from '../../src/i18n/id';

const LESSON = 'keamanan-data/05-modus-penipuan';
const OTHER_LESSON = 'keamanan-data/01-kode-otp-rahasia';

let server: TestServer;
let database: Database;
let trainer: string;
let learner: string;
const statuses: number[] = [];

beforeAll(async () => {
  server = await startServer({ env: TEST_LIMITS_ENV });
  database = openDatabase(server.databaseUrl);
  trainer = await loginAs(DEMO.trainer.phone, DEMO.trainer.password);
  learner = await loginAs(DEMO.learners[0].phone, DEMO.learnerPassword);
}, 60_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
});

/** Every request of this file goes through here (tests/helpers/routes.ts's appFetch), and is recorded. */
async function http(path: string, options: FetchOptions = {}): Promise<Response> {
  const response = await appFetch(server.url, path, options);
  statuses.push(response.status);
  return response;
}

const loginAs = (phone: string, password: string): Promise<string> => loginWith(server.url, phone, password);

const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function upload(file: Buffer, name: string, id = ''): Promise<Response> {
  const form = new FormData();
  form.set('intent', 'upload');
  form.set('file', new File([new Uint8Array(file)], name, { type: 'application/zip' }));
  form.set('id', id);
  return http('/trainer/h5p', { cookie: trainer, body: form });
}

const sql = async (text: string, args: Array<string | number> = []) => (await database.$client.execute({ sql: text, args })).rows;
const h5pDir = () => join(server.dataDir, 'h5p');
const onDisk = () => (existsSync(h5pDir()) ? readdirSync(h5pDir()).sort() : []);
const contentCount = async () => Number((await sql('SELECT count(*) AS n FROM h5p_contents'))[0].n);
const folderOf = async (id: string) => String((await sql('SELECT folder FROM h5p_contents WHERE id = ?', [id]))[0]?.folder);

describe('trainer page /trainer/h5p', () => {
  it('lists the demo activity with its download size and embed code', async () => {
    const response = await http('/trainer/h5p', { cookie: trainer });
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).toContain('Pesan mana yang penipuan?');
    expect(html).toContain('<H5P id="pesan-penipuan" />');
    expect(html).toMatch(/± \d+ KB/);
    expect(html).toContain('enctype="multipart/form-data"');
  });

  it('is for trainers only', async () => {
    expect((await http('/trainer/h5p')).status).toBe(303);
    expect((await http('/trainer/h5p', { cookie: learner })).status).toBe(403);
    const form = new FormData();
    form.set('intent', 'upload');
    form.set('file', new File([new Uint8Array(readFileSync(TRUE_FALSE))], 'true-false.h5p'));
    const before = await contentCount();
    expect((await http('/trainer/h5p', { cookie: learner, body: form })).status).toBe(403);
    expect(await contentCount()).toBe(before);
  });

  it('imports true-false.h5p and greeting-card.h5p; the same file again is recognised', async () => {
    const first = await upload(readFileSync(TRUE_FALSE), 'true-false.h5p', 'benar-salah');
    expect(first.status).toBe(200);
    expect(decode(await first.text())).toContain(d.h5pImported('Hello World', 'benar-salah'));
    const card = await upload(readFileSync(GREETING_CARD), 'greeting-card.h5p');
    expect(decode(await card.text())).toContain(d.h5pImported('Greeting card 1', 'greeting-card-1'));
    const again = await upload(readFileSync(TRUE_FALSE), 'salinan.h5p');
    expect(again.status).toBe(200);
    expect(decode(await again.text())).toContain(d.h5pDuplicate('Hello World', 'benar-salah'));
    expect(await contentCount()).toBe(3);
    const list = decode(await (await http('/trainer/h5p', { cookie: trainer })).text());
    expect(list).toContain('H5P.TrueFalse 1.6');
    expect(list).toContain('<H5P id="benar-salah" />');
  });

  it('refuses every bad package with 422 (413 when too large) and the exact message, leaving nothing', async () => {
    const before = { disk: onDisk(), rows: await contentCount() };
    const failures: string[] = [];
    for (const c of BAD_CASES) {
      const zip = await c.build();
      const problem = await expectedProblem(c, zip);
      const response = await upload(zip, `${c.name}.h5p`);
      const html = decode(await response.text());
      const status = problem.code === 'tooLarge' ? 413 : 422;
      if (response.status !== status) failures.push(`${c.name}: ${response.status}, expected ${status}`);
      if (!html.includes(d.h5pProblem(problem))) failures.push(`${c.name}: message missing: ${d.h5pProblem(problem)}`);
      if (!html.includes(d.h5pRefused)) failures.push(`${c.name}: no "${d.h5pRefused}"`);
    }
    expect(failures).toEqual([]);
    expect(onDisk()).toEqual(before.disk);
    expect(await contentCount()).toBe(before.rows);
  }, 120_000);

  it('issue 15: refuses what H5P core refuses, each built from the good true-false.h5p, with its message, leaving nothing', async () => {
    const before = { disk: onDisk(), rows: await contentCount() };
    const good = await packageFiles(TRUE_FALSE);
    // The rebuilt good package itself is accepted (under another id), so each refusal is the one change.
    const control = await upload(
      packageZip({ ...good, 'content/content.json': Buffer.from('{"correct":"true","question":"Uji ulang"}') }),
      'kontrol.h5p',
      'kontrol-benar-salah',
    );
    expect(control.status).toBe(200);
    const failures: string[] = [];
    for (const c of TRUE_FALSE_BAD_CASES) {
      const files: Record<string, Buffer | undefined> = { ...good };
      c.change(files);
      const response = await upload(packageZip(files), `${c.name}.h5p`);
      const html = decode(await response.text());
      if (response.status !== 422) failures.push(`${c.name}: ${response.status}, expected 422`);
      if (!html.includes(d.h5pProblem(c.problem))) failures.push(`${c.name}: message missing: ${d.h5pProblem(c.problem)}`);
    }
    expect(failures).toEqual([]);
    await http('/trainer/h5p', { cookie: trainer, body: new URLSearchParams({ intent: 'delete', id: 'kontrol-benar-salah' }) });
    expect(onDisk()).toEqual(before.disk);
    expect(await contentCount()).toBe(before.rows);
  }, 120_000);

  it('a 0-byte upload is 422, no file chosen is 422, a declared body over the limit is 413 before reading it', async () => {
    const empty = await upload(Buffer.alloc(0), 'kosong.h5p');
    expect(empty.status).toBe(422);
    expect(decode(await empty.text())).toContain(d.h5pProblem({ code: 'empty' }));
    const form = new FormData();
    form.set('intent', 'upload');
    form.set('file', new File([], ''));
    const none = await http('/trainer/h5p', { cookie: trainer, body: form });
    expect(none.status).toBe(422);
    expect(decode(await none.text())).toContain(d.h5pNoFile);
    // Content-Length says 4 MB: refused from the header, the body is never read.
    const big = await fetch(`${server.url}/trainer/h5p`, {
      method: 'POST',
      headers: {
        cookie: `melek_session=${trainer}`,
        origin: server.url,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(4 * 1024 * 1024),
      },
      body: 'x'.repeat(10),
      redirect: 'manual',
    }).catch(() => undefined);
    if (big) expect(big.status).toBe(413);
  });

  it('refuses a taken id and a bad id with 422', async () => {
    const { packageZip, validFiles } = await import('../helpers/h5p-packages');
    const zip = packageZip(validFiles('Lain lagi'));
    const taken = await upload(zip, 'lain.h5p', 'benar-salah');
    expect(taken.status).toBe(422);
    expect(decode(await taken.text())).toContain(d.h5pProblem({ code: 'idTaken', id: 'benar-salah', title: 'Hello World' }));
    const bad = await upload(zip, 'lain.h5p', '../../x');
    expect(bad.status).toBe(422);
  });

  it('deletes an activity (row and folder)', async () => {
    const folder = await folderOf('greeting-card-1');
    const form = new URLSearchParams({ intent: 'delete', id: 'greeting-card-1' });
    const response = await http('/trainer/h5p', { cookie: trainer, body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(200);
    expect(decode(await response.text())).toContain(d.h5pDeleted('Greeting card 1'));
    expect(existsSync(join(h5pDir(), folder))).toBe(false);
    const missing = await http('/trainer/h5p', { cookie: trainer, body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(missing.status).toBe(404);
  });
});

describe('package files /h5p/files/…', () => {
  let base: string;
  beforeAll(async () => {
    base = `/h5p/files/${await folderOf('benar-salah')}`;
  });

  it.each([
    ['h5p.json', 'application/json; charset=utf-8'],
    ['H5P.TrueFalse-1.6/scripts/h5p-true-false.js', 'text/javascript; charset=utf-8'],
    ['H5P.TrueFalse-1.6/styles/h5p-true-false.css', 'text/css; charset=utf-8'],
    ['FontAwesome-4.5/fontawesome-webfont.woff2', 'font/woff2'],
    ['FontAwesome-4.5/fontawesome-webfont.svg', 'image/svg+xml; charset=utf-8'],
    ['H5P.Question-1.4/images/plus-one.svg', 'image/svg+xml; charset=utf-8'],
    ['H5P.TrueFalse-1.6/language/de.json', 'application/json; charset=utf-8'],
  ])('%s: %s, nosniff, immutable, sandboxed, CORS without credentials, no cookie', async (path, type) => {
    // Even with a valid session cookie, nothing about the session is touched or sent back.
    const response = await http(`${base}/${path}`, { cookie: learner });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(response.headers.get('content-security-policy')).not.toContain('allow-scripts');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
    const length = response.headers.get('content-length');
    const body = await response.arrayBuffer();
    if (length !== null) expect(Number(length)).toBe(body.byteLength);
  });

  it('answers ranges (for audio and video), 304 for a known ETag, HEAD without a body', async () => {
    const path = `${base}/h5p.json`;
    const whole = await (await http(path)).text();
    const part = await http(path, { headers: { range: 'bytes=2-9' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-9/${Buffer.byteLength(whole)}`);
    expect(await part.text()).toBe(whole.slice(2, 10));
    expect((await http(path, { headers: { range: 'bytes=99999-' } })).status).toBe(416);
    const etag = (await http(path)).headers.get('etag')!;
    expect((await http(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await http(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never leaves the package folder, never serves the database or a temp folder', async () => {
    const folder = await folderOf('benar-salah');
    const attempts = [
      `/h5p/files/${folder}/../../melek.db`,
      `/h5p/files/${folder}/%2e%2e/%2e%2e/melek.db`,
      `/h5p/files/${folder}/..%2f..%2fmelek.db`,
      `/h5p/files/${folder}/content%2f..%2f..%2f..%2fmelek.db`,
      `/h5p/files/${folder}/..%5c..%5cmelek.db`,
      `/h5p/files/${folder}%2f..%2f..%2fmelek.db`,
      `/h5p/files/${folder}/h5p.json%00.png`,
      `/h5p/files/../melek.db`,
      `/h5p/files/%2e%2e/melek.db`,
      `/h5p/files//etc/passwd`,
      `/h5p/files/${folder}//etc/passwd`,
      `/h5p/files/.tmp-x/h5p.json`,
      `/h5p/files/${folder}`,
      `/h5p/files/`,
      `/h5p/files/${folder}/tidak-ada.json`,
      `/h5p/files/${folder}/content`,
    ];
    for (const path of attempts) {
      const response = await http(path);
      const body = await response.text();
      expect([404, 400], `${path} → ${response.status}`).toContain(response.status);
      expect(body).not.toContain('SQLite format');
      expect(body).not.toContain('root:');
    }
  });
});

describe('player page /h5p/play/<id>', () => {
  it('is sandboxed by its own CSP (scripts only, no same-origin), framable by the app only, sets no cookie', async () => {
    const response = await http('/h5p/play/benar-salah', { cookie: learner });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp.split('; ')[0]).toBe('sandbox allow-scripts');
    expect(csp).not.toContain('allow-same-origin');
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.getSetCookie()).toEqual([]);
    const html = await response.text();
    expect(html).toContain(`data-h5p-path="/h5p/files/${await folderOf('benar-salah')}"`);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(decode(html)).toContain(`<p id="melek-status" role="status">${d.h5pPlayerNeedsJs}</p>`);
  });

  it('answers 404 for an unknown or malformed id, still sandboxed', async () => {
    for (const id of ['tidak-ada', '..%2f..%2fetc', 'A', '%00']) {
      const response = await http(`/h5p/play/${id}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toMatch(/^sandbox/);
    }
  });

  it("serves H5P core's two icon fonts with CORS for the sandbox, and nothing else from there", async () => {
    const font = await http('/h5p/files/player/h5p-core-30.woff2?v=1', { cookie: learner });
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('access-control-allow-origin')).toBe('*');
    expect(font.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(font.headers.getSetCookie()).toEqual([]);
    expect((await font.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    for (const name of ['inter.woff2', '..%2f..%2fpackage.json', '..%2fmain.bundle.js', 'h5p-theme.woff2%00']) {
      expect((await http(`/h5p/files/player/${name}`)).status, name).toBe(404);
    }
  });

  it("the app's own pages still may not be framed", async () => {
    const response = await http('/learn', { cookie: learner });
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('lesson card and results', () => {
  it('the lesson shows the card with title and size, a link to the player, and one external script', async () => {
    const response = await http(`/learn/${LESSON}`, { cookie: learner });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/data-h5p-card[^>]*data-content-id="pesan-penipuan"/);
    expect(html).toContain(`data-lesson-id="${LESSON}"`);
    expect(html).toContain('data-record="1"');
    expect(decode(html)).toMatch(/Aktivitas interaktif · ± \d+ KB/);
    // The link (JavaScript off) names the lesson, so the player page shows the way back (issue 16).
    expect(html).toContain('href="/h5p/play/pesan-penipuan?kembali=%2Flearn%2Fkeamanan-data%2F05-modus-penipuan"');
    // No inline script anywhere (CSP script-src 'self'); the card's script is a file.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
    const own = html.match(/<script type="module" src="(\/_astro\/H5P[^"]+\.js)"><\/script>/);
    expect(own, 'the card script').not.toBeNull();
    // A lesson without an activity does not ship the card script.
    const plain = await (await http(`/learn/${OTHER_LESSON}`, { cookie: learner })).text();
    expect(plain).not.toContain(own![1]);
    // A trainer sees it as a preview (results are not saved).
    const preview = await (await http(`/learn/${LESSON}`, { cookie: trainer })).text();
    expect(preview).toContain('data-record="0"');
  });

  const post = (events: unknown[], cookie = learner) =>
    http('/api/progress', { cookie, body: JSON.stringify({ events }), headers: { 'content-type': 'application/json' } });
  const result = (data: Record<string, unknown>, lessonId = LESSON) => ({
    id: crypto.randomUUID(),
    type: 'h5p_result',
    lessonId,
    at: Date.now() - 1000,
    data: { contentId: 'pesan-penipuan', score: 4, maxScore: 6, verb: 'answered', ...data },
  });

  it('stores a result sent by the lesson page, once', async () => {
    const e = result({ statement: { verb: 'http://adlnet.gov/expapi/verbs/answered', result: { score: { raw: 4, max: 6 } } } });
    const response = await post([e]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: [e.id], duplicates: [], rejected: [] });
    expect(await (await post([e])).json()).toEqual({ accepted: [], duplicates: [e.id], rejected: [] });
    const rows = await sql('SELECT user_id, content_id, lesson_id, verb, score, max_score FROM h5p_results WHERE id = ?', [e.id]);
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { user_id: 'demo-learner-1', content_id: 'pesan-penipuan', lesson_id: LESSON, verb: 'answered', score: 4, max_score: 6 },
    ]);
  });

  it('refuses (422) another content id, a lesson that does not embed it, a score above max, malformed data', async () => {
    const cases: Array<[unknown, string]> = [
      [result({ contentId: 'benar-salah' }), 'h5pNotInLesson'],
      [result({}, OTHER_LESSON), 'h5pNotInLesson'],
      [result({ score: 7 }), 'eventBadData'],
      [result({ score: -1 }), 'eventBadData'],
      [result({ score: 'enam' }), 'eventBadData'],
      [result({ verb: 'hacked' }), 'eventBadData'],
      [{ ...result({}), data: 'x' }, 'eventMalformed'],
    ];
    for (const [e, error] of cases) {
      const response = await post([e]);
      expect(response.status).toBe(422);
      const body = await response.json();
      expect(body.rejected[0].error).toBe(error);
      expect(body.rejected[0].message).toBe((d as unknown as Record<string, string>)[error]);
    }
    expect(Number((await sql("SELECT count(*) AS n FROM h5p_results WHERE score > max_score OR content_id <> 'pesan-penipuan'"))[0].n)).toBe(0);
  });

  it('a trainer cannot record a result (learners only)', async () => {
    expect((await post([result({})], trainer)).status).toBe(403);
  });

  it('a cross-site form post of a result (text/plain, as a sandboxed frame could send) is refused', async () => {
    const e = result({});
    const response = await fetch(`${server.url}/api/progress`, {
      method: 'POST',
      headers: { cookie: `melek_session=${learner}`, origin: 'null', 'content-type': 'text/plain' },
      body: JSON.stringify({ events: [e] }),
    });
    statuses.push(response.status);
    expect(response.status).toBe(403);
    expect(await sql('SELECT id FROM h5p_results WHERE id = ?', [e.id])).toEqual([]);
  });
});

describe('the demo seed', () => {
  it('imported the demo activity into the server DATA_DIR', async () => {
    const folder = await folderOf('pesan-penipuan');
    expect(folder).toMatch(/^pesan-penipuan-[0-9a-f]{12}$/);
    expect(existsSync(join(h5pDir(), folder, 'Melek.ScamSpotter-1.0/scam-spotter.js'))).toBe(true);
    expect(basename(folder)).toBe(folder);
  });
});
