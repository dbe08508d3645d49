/**
 * Fuzzing every form and API the app has, against the real built server on a fresh seeded temp
 * database. Targets are found at test time: routes from src/pages, forms (and their field names,
 * hidden ids, options, submit buttons) from each page's HTML as every role sees it, query
 * parameter names from the links on the pages, and the JSON APIs. Then a fixed-seed PRNG (the
 * seed is printed; FUZZ_SEED=… FUZZ_COUNT=… repeat or widen a run) sends a bounded number of
 * requests with random, huge, unicode, null-byte and wrong-type inputs, and asserts:
 *   - no response is a 5xx;
 *   - a refused request (4xx) stored nothing: the row counts of the data tables are the same
 *     before and after it;
 *   - no stored text holds a NUL byte or a huge value, anywhere in the database, at the end;
 *   - the demo accounts still log in and their pages still render (nothing already saved was lost).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { discoverRoutes, fillPattern, formTarget, httpClient, parseForms, sessionFrom, type HtmlForm, type Route } from '../helpers/routes';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';
import { FLUSH_MS } from '../../src/lib/server/progress/view-batch';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const COUNT = Number(process.env.FUZZ_COUNT ?? 1500);

/** mulberry32 */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}
const rng = prng(SEED);

// ------------------------------------------------------------------ nasty values

const HUGE = 'x'.repeat(200_000);
const NASTY_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'Bu Sari\u0000<script>',
  HUGE,
  '🙂'.repeat(3000),
  'ꦱꦶꦢꦺꦴꦲꦂꦗꦺꦴ', // Javanese script
  'مرحبا بالعالم',
  '\u202Egnp.exe',
  'e\u0301\u0301\u0301\u0301',
  '\uD800',
  '\uFEFF\u200B\u200D',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  'a\r\nSet-Cookie: melek_session=x',
  '=HYPERLINK("http://evil")',
  '-1',
  '0',
  '1e309',
  '-9223372036854775809',
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '{"$gt":""}',
  '9'.repeat(500),
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '081234567890123456789',
  '+62',
  '08123',
  'SDA-2026',
  'demo-learner-4',
  'demo-trainer',
  'approved',
  'needs_work',
  'HAPUS',
  'on',
  'https://evil.example/',
  'javascript:alert(1)',
  'wa.me/62811',
];

function nastyString(): string {
  const roll = rng.next();
  if (roll < 0.7) return rng.pick(NASTY_STRINGS);
  if (roll < 0.85) return randomUnicode(rng.int(1, 300));
  return rng.pick(NASTY_STRINGS) + rng.pick(NASTY_STRINGS);
}

function randomUnicode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const plane = rng.next();
    const code = plane < 0.5 ? rng.int(0, 0x7f) : plane < 0.8 ? rng.int(0x80, 0xd7ff) : plane < 0.9 ? rng.int(0xe000, 0xfffd) : rng.int(0x10000, 0x10ffff);
    s += String.fromCodePoint(code);
  }
  return s;
}

/** A JSON value of a random wrong type (or a deeply nested one). */
function nastyJson(depth = 0): unknown {
  const roll = rng.next();
  if (roll < 0.1) return null;
  if (roll < 0.2) return rng.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53]);
  if (roll < 0.3) return rng.chance(0.5);
  if (roll < 0.55) return nastyString().slice(0, 5000);
  if (roll < 0.65 && depth < 3) return Array.from({ length: rng.int(0, 4) }, () => nastyJson(depth + 1));
  if (roll < 0.75 && depth < 3) return Object.fromEntries(Array.from({ length: rng.int(0, 4) }, () => [nastyString().slice(0, 50), nastyJson(depth + 1)]));
  if (roll < 0.8) return `__DEEP_${rng.int(1000, 50_000)}__`;
  return { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } };
}

/**
 * JSON text for a value: a placeholder `"__DEEP_n__"` becomes an array nested n deep (too deep for
 * this process's own JSON.stringify, so it is spliced into the text).
 */
function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"__DEEP_(\d+)__"/g, (_, n) => '['.repeat(Number(n)) + ']'.repeat(Number(n)));
}

// ------------------------------------------------------------------ server and data

let server: TestServer;
let database: Database;
let client: ReturnType<typeof httpClient>;
const cookies = new Map<string, string>();
const ROLES = [
  { key: 'learner', phone: DEMO.learners[0].phone, password: DEMO.learnerPassword },
  { key: 'mentor', phone: DEMO.mentors[0].phone, password: DEMO.mentors[0].password },
  { key: 'trainer', phone: DEMO.trainer.phone, password: DEMO.trainer.password },
];
/** Tables that a refused (4xx) request must never change. Sessions, login failures are not in it. */
const DATA_TABLES = [
  'users',
  'cohorts',
  'cohort_members',
  'mentor_assignments',
  'mentor_notes',
  'nudges',
  'invites',
  'task_submissions',
  'progress_events',
  'lesson_progress',
  'quiz_attempts',
  'assessments',
  'adoption_checks',
  'collaborations',
  'sales_reports',
  'certificates',
  'h5p_contents',
  'h5p_results',
];
let countSql = '';

const sql = (text: string, args: Array<string | number | null> = []) => database.$client.execute({ sql: text, args });

async function counts(): Promise<number[]> {
  const row = (await sql(countSql)).rows[0];
  return Array.from({ length: row.length }, (_, i) => Number(row[i]));
}

async function login(phone: string, password: string): Promise<string> {
  const reply = await client.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ phone, password }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.0.0.1' },
  });
  const token = sessionFrom(reply);
  if (reply.status !== 303 || !token) throw new Error(`login ${phone}: ${reply.status}`);
  return token;
}

interface FormTarget {
  role: string;
  page: string;
  target: string;
  form: HtmlForm;
}
interface GetTarget {
  role: string | null;
  path: string;
  params: string[];
  route: Route;
}
const forms: FormTarget[] = [];
const gets: GetTarget[] = [];
const apis: Array<{ role: string; path: string }> = [];
let lessonIds: string[] = [];

beforeAll(async () => {
  // TRUST_PROXY: each fuzzed login comes "from" its own address, so the rate limit does not stop
  // the fuzzer at the 6th login (the limit itself is tested in http-security and login-rate-limit).
  server = await startServer({ env: { TRUST_PROXY: '1' } });
  database = openDatabase(server.databaseUrl);
  client = httpClient(server.url);
  const tables = new Set((await sql("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) => String(r.name)));
  countSql = `SELECT ${DATA_TABLES.filter((t) => tables.has(t))
    .map((t) => `(SELECT count(*) FROM ${t})`)
    .join(', ')}`;
  for (const role of ROLES) cookies.set(role.key, await login(role.phone, role.password));

  // Data the forms act on: a waiting task of the mentor's learner, a certificate, an invite.
  const { courseFromContent } = await import('../bench/seed-scale');
  const course = courseFromContent();
  const lessons = course.flatMap((m) => m.lessons);
  lessonIds = lessons.map((l) => l.id);
  const withTask = lessons.find((l) => l.task)!;
  await sql(
    "INSERT INTO task_submissions (id, user_id, task_id, lesson_id, text, status, submitted_at) VALUES ('fuzz-sub-1', 'demo-learner-2', ?, ?, 'Katalog sudah jadi', 'submitted', ?)",
    [withTask.task!.id, withTask.id, Date.now()],
  );
  await sql(
    "INSERT INTO collaborations (id, user_id, type, partner, started_on, source, created_at) VALUES ('fuzz-col-1', 'demo-learner-2', 'supplier', 'Pak Darmo', '2026-11-20', 'self', ?)",
    [Date.now()],
  );
  await sql(
    "INSERT INTO certificates (id, user_id, module_id, code, learner_name, issued_at) VALUES ('fuzz-cert', 'demo-learner-2', ?, 'ABCDEFGHJKMN', 'Pak Hadi', ?)",
    [withTask.module, Date.now()],
  );
  const invite = await client.request('/mentor/invite', {
    method: 'POST',
    cookie: cookies.get('mentor'),
    body: new URLSearchParams({ userId: 'demo-learner-3' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const inviteToken = invite.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1] ?? 'tidak-ada';

  const values = (route: Route, role: string | null): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const p of route.params) {
      const name = p.replace(/^\.\.\./, '');
      if (name === 'module') out[p] = withTask.module;
      else if (name === 'lesson') out[p] = withTask.id.split('/')[1];
      else if (name === 'lang') out[p] = 'en';
      else if (name === 'token') out[p] = inviteToken;
      else if (/code/.test(name)) out[p] = 'ABCD-EFGH-JKMN';
      else if (route.pattern.includes('cohort')) out[p] = 'demo-cohort-1';
      else if (route.pattern.includes('learner')) out[p] = role === 'mentor' || role === 'trainer' ? 'demo-learner-2' : 'demo-learner-1';
      else out[p] = 'tidak-ada';
    }
    return out;
  };

  for (const route of discoverRoutes()) {
    if (route.pattern === '/logout') continue; // it would end the fuzzer's own session
    for (const role of [null, ...ROLES.map((r) => r.key)]) {
      const path = fillPattern(route.pattern, values(route, role));
      if (route.kind === 'endpoint' && route.pattern.startsWith('/api/') && route.methods.includes('POST') && role) apis.push({ role, path });
      if (!route.methods.includes('GET') && route.kind === 'endpoint') continue;
      const reply = await client.request(path, { cookie: role ? cookies.get(role) : undefined });
      if (reply.status !== 200) continue;
      const params = new Set<string>();
      for (const href of reply.body.matchAll(/href="([^"]*\?[^"]*)"/g)) {
        try {
          for (const key of new URL(href[1].replace(/&amp;/g, '&'), server.url + path).searchParams.keys()) params.add(key);
        } catch {
          /* not a URL */
        }
      }
      gets.push({ role, path, params: [...params, 'next', 'kelas'], route });
      if (!reply.contentType.includes('html')) continue;
      for (const form of parseForms(reply.body)) {
        const target = formTarget(form, path);
        if (form.method !== 'POST' || !target || target === '/logout') continue;
        // The invite page logs the caller in as the invited learner: fuzz it anonymously.
        forms.push({ role: target.startsWith('/invite/') ? 'anonymous' : (role ?? 'anonymous'), page: path, target, form });
      }
    }
  }
}, 120_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
});

// ------------------------------------------------------------------ requests

interface Sent {
  what: string;
  method: string;
  path: string;
  cookie?: string;
  body?: BodyInit;
  headers: Record<string, string>;
}

function fuzzForm(t: FormTarget): Sent {
  const pairs: Array<[string, string | Blob]> = [];
  const submit = t.form.submits.length ? rng.pick(t.form.submits) : undefined;
  const fields = [...t.form.fields, ...(submit ? [{ name: submit.name, value: submit.value, type: 'submit' }] : [])];
  for (const field of fields) {
    const roll = rng.next();
    if (roll < 0.08) continue; // missing
    let value: string | Blob;
    if (field.type === 'file')
      value = rng.chance(0.5)
        ? new Blob([randomUnicode(rng.int(0, 2000))], { type: 'text/csv' })
        : new Blob([crypto.getRandomValues(new Uint8Array(rng.int(0, 4096)))], { type: 'application/zip' });
    else if (roll < (field.type === 'hidden' || field.type === 'submit' ? 0.7 : 0.35))
      value = field.options && field.options.length ? rng.pick(field.options) : field.value;
    else value = nastyString();
    pairs.push([field.name, value]);
    if (rng.chance(0.05)) pairs.push([field.name, nastyString()]); // the same name twice: an array
    if (rng.chance(0.03)) pairs.push([field.name, new Blob(['a file where text belongs'])]); // wrong type
  }
  if (rng.chance(0.1)) pairs.push([nastyString().slice(0, 100) || 'extra', nastyString()]);
  const headers: Record<string, string> = { 'x-forwarded-for': `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}` };
  let body: BodyInit;
  const hasBlob = pairs.some(([, v]) => typeof v !== 'string');
  const style = rng.next();
  if (hasBlob || t.form.enctype.startsWith('multipart/') ? style < 0.85 : style < 0.15) {
    const fd = new FormData();
    for (const [k, v] of pairs) fd.append(k, v);
    body = fd;
  } else if (style < 0.95) {
    body = new URLSearchParams(pairs.map(([k, v]) => [k, typeof v === 'string' ? v : '[blob]']));
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else {
    // Wrong content type altogether.
    body = JSON.stringify(Object.fromEntries(pairs.map(([k, v]) => [k, typeof v === 'string' ? v : null])));
    headers['content-type'] = rng.pick([
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded; charset=utf-16',
      'multipart/form-data; boundary=',
    ]);
  }
  return {
    what: `form ${t.role} ${t.page} → ${t.target}`,
    method: 'POST',
    path: t.target,
    cookie: t.role === 'anonymous' ? undefined : cookies.get(t.role),
    body,
    headers,
  };
}

function fuzzProgress(path: string, role: string): Sent {
  const valid = () => ({
    id: crypto.randomUUID(),
    type: rng.pick(['viewed', 'completed', 'time', 'quiz_submitted', 'h5p_result']),
    lessonId: rng.pick(lessonIds),
    at: Date.now() - rng.int(0, 86_400_000),
    data: { seconds: rng.int(1, 600) },
  });
  const mutate = (event: Record<string, unknown>) => {
    const keys = ['id', 'type', 'lessonId', 'at', 'data', 'userId', 'extra'];
    for (let i = rng.int(0, 3); i > 0; i--) {
      const key = rng.pick(keys);
      if (rng.chance(0.2)) delete event[key];
      else
        event[key] =
          key === 'data' && rng.chance(0.5)
            ? { answers: nastyJson(), seconds: nastyJson(), contentId: nastyJson(), score: nastyJson(), maxScore: nastyJson(), statement: nastyJson() }
            : nastyJson();
    }
    return event;
  };
  const roll = rng.next();
  let text: string;
  if (roll < 0.1) text = nastyString();
  else if (roll < 0.2) text = toJson(nastyJson());
  else if (roll < 0.25) text = toJson({ events: nastyJson() });
  else if (roll < 0.3) text = `{"events":[${'{"id":"x"},'.repeat(rng.int(1000, 1500))}{}]}`;
  else text = toJson({ events: Array.from({ length: rng.int(1, 12) }, () => (rng.chance(0.7) ? mutate(valid()) : valid())) });
  const headers: Record<string, string> = {
    'content-type': rng.chance(0.9) ? 'application/json' : rng.pick(['text/plain', 'application/x-www-form-urlencoded', '']),
  };
  return { what: `api ${role} ${path}`, method: 'POST', path, cookie: cookies.get(role), body: text, headers };
}

function fuzzGet(t: GetTarget): Sent {
  let path = t.path;
  if (t.route.params.length && rng.chance(0.5)) {
    const values: Record<string, string> = {};
    for (const p of t.route.params) values[p] = rng.chance(0.5) ? nastyString().slice(0, 3000) : 'tidak-ada';
    try {
      path = fillPattern(t.route.pattern, values);
    } catch {
      /* keep the real one */
    }
  }
  const query = new URLSearchParams();
  for (const p of t.params) if (rng.chance(0.5)) query.append(p, nastyString().slice(0, 5000));
  const qs = query.toString();
  return {
    what: `get ${t.role ?? 'anonymous'} ${t.route.pattern}`,
    method: 'GET',
    path: qs ? `${path}?${qs}` : path,
    cookie: t.role ? cookies.get(t.role) : undefined,
    headers: {},
  };
}

// ------------------------------------------------------------------ the test

describe(`fuzz (seed ${SEED}, ${COUNT} requests)`, () => {
  it('finds forms, APIs and pages to fuzz', () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED to repeat), ${COUNT} requests over ${forms.length} forms, ${apis.length} JSON APIs, ${gets.length} pages`);
    expect(forms.length).toBeGreaterThan(10);
    expect(apis.length).toBeGreaterThan(0);
    expect(forms.map((f) => f.target)).toEqual(expect.arrayContaining(['/login', '/register']));
  });

  it('no 5xx, and a refused request stores nothing', async () => {
    const errors: string[] = [];
    const storedOnRefusal: string[] = [];
    const statuses = new Map<number, number>();
    const tableNames = countSql.match(/FROM (\w+)/g)!.map((m) => m.slice(5));
    const spent = new Map<string, number>();
    const tick = (what: string, since: number) => spent.set(what, (spent.get(what) ?? 0) + performance.now() - since);
    for (let i = 0; i < COUNT; i++) {
      let t0 = performance.now();
      const roll = rng.next();
      const sent =
        roll < 0.65
          ? fuzzForm(rng.pick(forms))
          : roll < 0.85
            ? fuzzProgress(rng.pick(apis).path, rng.pick(['learner', 'learner', 'mentor']))
            : fuzzGet(rng.pick(gets));
      tick('generate', t0);
      t0 = performance.now();
      const before = await counts();
      tick('count', t0);
      t0 = performance.now();
      let status: number;
      try {
        const reply = await client.request(sent.path, { method: sent.method, cookie: sent.cookie, body: sent.body, headers: sent.headers });
        status = reply.status;
        if (status >= 500) errors.push(`#${i} ${sent.what}: ${status} ${reply.body.slice(0, 200)}`);
      } catch (error) {
        // The fetch itself failed (the server closed the connection): as bad as a 5xx.
        status = 599;
        errors.push(`#${i} ${sent.what}: ${String(error)}`);
      }
      tick(sent.what.split(' ')[0], t0);
      // A lesson page a learner opens writes its view within FLUSH_MS, after the answer (view-batch.ts):
      // let it land here, or the next request's counts would see it and blame that request.
      if ((sent.method ?? 'GET') === 'GET' && status < 400 && /^\/learn\/[^/?]+\/[^/?]+/.test(sent.path)) await sleep(FLUSH_MS * 3);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 400) {
        const after = await counts();
        const changed = tableNames.flatMap((t, k) => (after[k] !== before[k] ? [`${t} ${before[k]}→${after[k]}`] : []));
        if (changed.length) storedOnRefusal.push(`#${i} ${sent.what} (${status}): ${changed.join(', ')}`);
      }
    }
    if (process.env.FUZZ_PROFILE) console.log([...spent].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', '));
    console.log(
      `statuses: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}`,
    );
    expect(errors).toEqual([]);
    expect(storedOnRefusal).toEqual([]);
  }, 300_000);

  it('no stored text holds a NUL byte or a huge value', async () => {
    const bad: string[] = [];
    const tables = (await sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")).rows.map(
      (r) => String(r.name),
    );
    for (const table of tables) {
      const columns = (await sql(`PRAGMA table_info(${table})`)).rows.filter((c) => /TEXT|^$/i.test(String(c.type))).map((c) => String(c.name));
      for (const column of columns) {
        const nul = await sql(`SELECT count(*) AS n FROM ${table} WHERE instr(CAST("${column}" AS BLOB), x'00') > 0`);
        if (Number(nul.rows[0].n) > 0) bad.push(`${table}.${column}: ${nul.rows[0].n} row(s) with a NUL byte`);
        const long = await sql(`SELECT max(length("${column}")) AS n FROM ${table}`);
        if (Number(long.rows[0].n ?? 0) > 20_000) bad.push(`${table}.${column}: a value of ${long.rows[0].n} characters`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('what the fuzzer stored comes back escaped: no raw markup in any page, no formula in any CSV cell', async () => {
    // How much hostile text got stored (validly: a name may be any text) — the check means more the more there is.
    const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '=HYPERLINK("http://evil")'];
    let stored = 0;
    const tables = (await sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")).rows.map(
      (r) => String(r.name),
    );
    for (const table of tables) {
      for (const c of (await sql(`PRAGMA table_info(${table})`)).rows.filter((c) => /TEXT/i.test(String(c.type)))) {
        const n = await sql(`SELECT count(*) AS n FROM ${table} WHERE ${payloads.map(() => `instr("${String(c.name)}", ?) > 0`).join(' OR ')}`, payloads);
        stored += Number(n.rows[0].n);
      }
    }
    console.log(`hostile strings stored by the fuzzer (as text, which is fine): ${stored}`);
    // And surely some, in every kind of free text that pages and exports show.
    const evil = payloads.join(' ');
    await sql('UPDATE users SET name = ?, business_name = ?, kecamatan = ? WHERE id = ?', [`=Bu ${evil}`, evil, evil, 'demo-learner-2']);
    await sql('UPDATE cohorts SET name = ? WHERE id = ?', [`+Kelas ${evil}`, 'demo-cohort-1']);
    await sql("UPDATE task_submissions SET text = ?, feedback = ? WHERE id = 'fuzz-sub-1'", [evil, evil]);
    await sql("UPDATE collaborations SET partner = ? WHERE id = 'fuzz-col-1'", [`@${evil}`]);
    await sql("INSERT INTO mentor_notes (id, learner_id, author_id, text, created_at) VALUES ('fuzz-note', 'demo-learner-2', 'demo-mentor-1', ?, ?)", [
      evil,
      Date.now(),
    ]);
    const problems: string[] = [];
    for (const target of gets) {
      const reply = await client.request(target.path, { cookie: target.role ? cookies.get(target.role) : undefined });
      expect(reply.status, target.path).toBeLessThan(500);
      if (reply.contentType.includes('html')) {
        // Inside a double-quoted attribute (Astro escapes the quote) markup is inert text; anywhere
        // else it would run. Blank the quoted values of every tag, then look for the payloads.
        const outsideAttributes = reply.body.replace(/<[a-zA-Z][^\s>/]*(?:\s+[^\s=>/]+(?:\s*=\s*"[^"]*")?)*\s*\/?>/g, (tag) => tag.replace(/"[^"]*"/g, '""'));
        for (const raw of ['<script>alert(1)', '<img src=x onerror'])
          if (outsideAttributes.includes(raw)) problems.push(`${target.role} ${target.path}: raw ${raw}`);
      }
      if (reply.contentType.includes('csv')) {
        const cells = reply.body
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)
          .flatMap((line) => line.split(/[,;]/));
        for (const cell of cells) if (/^"?\s*[=+@\uFF1D\uFF0B\uFF20]/.test(cell)) problems.push(`${target.role} ${target.path}: CSV cell ${cell.slice(0, 60)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('nothing already saved was lost: everyone still logs in and their pages render', async () => {
    for (const role of ROLES) {
      const token = await login(role.phone, role.password);
      const home = await client.request(role.key === 'learner' ? '/learn' : role.key === 'mentor' ? '/mentor' : '/trainer', { cookie: token });
      expect(home.status, role.key).toBe(200);
    }
    const integrity = await sql('PRAGMA integrity_check');
    expect(integrity.rows[0][0]).toBe('ok');
  });
});
