/**
 * The authorization matrix: every route found in src/pages AT TEST TIME × {anonymous, learner,
 * another learner, unassigned mentor, assigned mentor, trainer} × {GET, POST}, against the real
 * built server on a fresh seeded temp database, compared with the roles table (docs/ARCHITECTURE.md):
 *
 *   - anonymous: a page answers 303 → /login (GET keeps ?next=), /api/* answers 401, except the
 *     public routes listed below;
 *   - a role outside an area (/learn: learner+trainer, /mentor: mentor+trainer, /trainer: trainer)
 *     gets 403;
 *   - someone else's resource (a learner the mentor does not follow, another learner's
 *     certificate, an unknown id) gets 404;
 *   - and NEVER another user's data in any body: unique marker strings are planted in each
 *     learner's name, phone, business name, task text, feedback, partnership and their mentor's
 *     private notes, and every response (whatever its status) is searched for markers its caller
 *     may not see.
 *
 * ROUTES holds the per-route expectations. A route that is not in it (added after this file was
 * written) is still called by everyone with both methods: it must never answer 5xx, must follow
 * the rule of its prefix (login wall, role areas) and must never leak a marker.
 *
 * Then every POST form the pages show (field names and hidden ids read from the HTML) is replayed
 * by the people who must not send it: anonymous, wrong role, unassigned mentor. Each is refused
 * and the protected tables are byte-for-byte unchanged. Finally a learner deletes their account
 * over HTTP and nobody can reach them any more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startServer, type TestServer } from '../helpers/server';
import { decoded, discoverRoutes, fillPattern, formTarget, formValues, httpClient, loginWith, parseForms, type Reply, type Route } from '../helpers/routes';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';

// ------------------------------------------------------------------ who

type ActorKey = 'anonymous' | 'learner' | 'otherLearner' | 'unassignedMentor' | 'assignedMentor' | 'trainer';
type Role = 'learner' | 'mentor' | 'trainer' | null;
interface Actor {
  key: ActorKey;
  role: Role;
  id: string | null;
  phone?: string;
  password?: string;
}

/** Demo data (db/seed.ts): Mbak Dewi follows learners 1–3, Mas Arif 4–6. */
const ACTORS: Actor[] = [
  { key: 'anonymous', role: null, id: null },
  { key: 'learner', role: 'learner', id: 'demo-learner-1', phone: DEMO.learners[0].phone, password: DEMO.learnerPassword }, // Bu Sari
  { key: 'otherLearner', role: 'learner', id: 'demo-learner-2', phone: DEMO.learners[1].phone, password: DEMO.learnerPassword }, // Pak Hadi, same cohort and mentor
  { key: 'unassignedMentor', role: 'mentor', id: 'demo-mentor-2', phone: DEMO.mentors[1].phone, password: DEMO.mentors[1].password }, // Mas Arif
  { key: 'assignedMentor', role: 'mentor', id: 'demo-mentor-1', phone: DEMO.mentors[0].phone, password: DEMO.mentors[0].password }, // Mbak Dewi
  { key: 'trainer', role: 'trainer', id: 'demo-trainer', phone: DEMO.trainer.phone, password: DEMO.trainer.password },
];

/** Learners whose data is planted; `mentor` is who follows them now. */
const OWNERS = {
  sari: { id: 'demo-learner-1', mentor: 'demo-mentor-1', phone: '81100000011' },
  hadi: { id: 'demo-learner-2', mentor: 'demo-mentor-1', phone: '81100000012' },
  nur: { id: 'demo-learner-4', mentor: 'demo-mentor-2', phone: '81100000014' },
} as const;
type Owner = keyof typeof OWNERS;

/**
 * docs/ARCHITECTURE.md: a learner sees their own, a mentor their assigned learners, a trainer everyone —
 * written out by hand for the demo cast, and checked against src/lib/server/access/learner-scope.ts
 * (the rule the app uses) by the first test below, so the matrix and the app cannot drift apart.
 */
function maySee(actor: Actor, owner: Owner): boolean {
  if (actor.role === 'trainer') return true;
  if (actor.role === 'mentor') return OWNERS[owner].mentor === actor.id;
  if (actor.role === 'learner') return OWNERS[owner].id === actor.id;
  return false;
}

// ------------------------------------------------------------------ markers

const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();
const mk = (what: string) => `MK${RUN}${what}`;
type MarkerKind = 'name' | 'phone' | 'business' | 'task' | 'feedback' | 'partner' | 'note';
interface Marker {
  owner: Owner;
  kind: MarkerKind;
  text: string;
  /** Other spellings of the same datum (a phone as the app formats it: 0811-0000-0011). */
  alt?: string[];
}
const MARKERS: Marker[] = (Object.keys(OWNERS) as Owner[]).flatMap((owner) => [
  { owner, kind: 'name' as const, text: mk(`NAME${owner.toUpperCase()}`) },
  { owner, kind: 'phone' as const, text: OWNERS[owner].phone, alt: [OWNERS[owner].phone.replace(/^(\d{3})(\d{4})(\d+)$/, '$1-$2-$3')] },
  { owner, kind: 'business' as const, text: mk(`BIZ${owner.toUpperCase()}`) },
  { owner, kind: 'task' as const, text: mk(`TASK${owner.toUpperCase()}`) },
  { owner, kind: 'feedback' as const, text: mk(`FEEDBACK${owner.toUpperCase()}`) },
  { owner, kind: 'partner' as const, text: mk(`PARTNER${owner.toUpperCase()}`) },
  // A mentor's private notes: "the learner never sees them" (db/schema/mentoring.ts).
  { owner, kind: 'note' as const, text: mk(`NOTE${owner.toUpperCase()}`) },
]);

function markerAllowed(actor: Actor, marker: Marker): boolean {
  if (!maySee(actor, marker.owner)) return false;
  if (marker.kind === 'note') return actor.role !== 'learner';
  return true;
}

// ------------------------------------------------------------------ the expectations

type Status = number | number[] | 'any';
interface Case {
  label: string;
  values: Record<string, string>;
  /** Whose resource the URL names; callers who may not see them get 404. */
  owner?: Owner;
  /** An id that names nothing (or nothing this area shows): 404 for everyone allowed in. */
  missing?: boolean;
  /** Markers this public page may show to anyone (a certificate check shows the holder's name). */
  publicMarkers?: Marker[];
  /** Overrides for a `missing` case (default 404, POST 404 when the route takes POST). */
  get?: Status;
  post?: Status;
}
interface Expect {
  public?: boolean;
  /** Status for callers who are allowed in (and may see the owner); default GET 200, POST 'any' (< 500). */
  get?: Status | Partial<Record<ActorKey, Status>>;
  post?: Status | Partial<Record<ActorKey, Status>>;
  /** Logged-in callers of a public page: default the same as `get`. */
  cases?: () => Case[];
  /** POST ends the caller's session: sent with a throwaway session. */
  endsSession?: boolean;
}

let plant: { lesson: string; module: string; prePostModule: string; certificate: Record<Owner, string>; submissions: Record<Owner, string>; cohort: string };
const NO_SUCH = 'tidak-ada-0000';
const byRole = (learner: Status, mentor: Status, trainer: Status, anonymous: Status = 'any') => ({
  anonymous,
  learner,
  otherLearner: learner,
  unassignedMentor: mentor,
  assignedMentor: mentor,
  trainer,
});

/** Per-route expectations (docs/ARCHITECTURE.md roles table + the route's own contract). */
const ROUTES: Record<string, Expect> = {
  '/': { public: true, get: byRole(303, 303, 303, 200) },
  '/login': { public: true, get: byRole(303, 303, 303, 200), post: 400 },
  '/register': { public: true, get: 'any', post: 400 },
  '/404': { get: 404, post: 404 },
  '/forbidden': { get: 403, post: 403 },
  '/logout': { get: 404, post: 303, endsSession: true },
  '/api/health': { public: true, get: 200, post: 'any' },
  '/api/progress': { get: 'any', post: byRole(400, 403, 403) },
  '/bahasa/[lang]': {
    public: true,
    cases: () => [
      { label: 'en', values: { lang: 'en' } },
      { label: 'unknown', values: { lang: 'xx' }, missing: true, post: 'any' },
    ],
    get: 303,
  },
  '/invite/[token]': { public: true, cases: () => [{ label: 'unknown token', values: { token: 'a'.repeat(43) }, missing: true, post: 410 }] },
  '/verify/[code]': {
    public: true,
    cases: () => [
      // The public check shows the holder's name, module and date (issue 5), nothing else.
      { label: "Sari's certificate", values: { code: plant.certificate.sari }, publicMarkers: MARKERS.filter((m) => m.owner === 'sari' && m.kind === 'name') },
      { label: 'unknown code', values: { code: 'ZZZZ-ZZZZ-ZZZZ' }, missing: true },
    ],
  },
  '/h5p/play/[id]': { public: true, cases: () => [{ label: 'unknown', values: { id: 'tidak-ada' }, missing: true }] },
  '/h5p/files/[...path]': { public: true, cases: () => [{ label: 'unknown', values: { '...path': 'tidak-ada/h5p.json' }, missing: true }] },
  '/learn': { get: 200 },
  '/learn/[module]/[lesson]': {
    cases: () => [
      { label: 'a lesson', values: { module: plant.module, lesson: plant.lesson.split('/')[1] } },
      { label: 'unknown lesson', values: { module: plant.module, lesson: NO_SUCH }, missing: true },
    ],
    get: 200,
    post: byRole(400, 403, 403),
  },
  '/learn/[module]/tes-awal': {
    cases: () => [
      { label: 'module with tests', values: { module: plant.prePostModule } },
      { label: 'unknown module', values: { module: NO_SUCH }, missing: true },
    ],
    get: 200,
    post: byRole(400, 403, 403),
  },
  '/learn/[module]/tes-akhir': {
    cases: () => [
      { label: 'module with tests', values: { module: plant.prePostModule } },
      { label: 'unknown module', values: { module: NO_SUCH }, missing: true },
    ],
    get: 'any',
    post: byRole([400, 409], 403, 403),
  },
  '/learn/akun': { get: 200, post: byRole(400, 403, 403) },
  '/learn/akun/data.json': { get: 200 },
  '/learn/capaian': { get: 200 },
  '/learn/ulang': { get: 200, post: byRole(400, 403, 403) },
  '/learn/penilaian-diri': { get: 200, post: byRole(400, 403, 403) },
  '/learn/usaha': { get: 200, post: byRole(400, 403, 403) },
  '/mentor': { get: 200 },
  '/mentor/invite': { get: 303, post: 404 },
  '/mentor/nudge': { get: 303, post: 404 },
  '/mentor/learners/[id]': {
    cases: () => [
      { label: 'Sari (Dewi follows her)', values: { id: OWNERS.sari.id }, owner: 'sari' },
      { label: 'Nur (Arif follows her)', values: { id: OWNERS.nur.id }, owner: 'nur' },
      { label: 'a mentor, not a learner', values: { id: 'demo-mentor-1' }, missing: true },
      { label: 'unknown id', values: { id: NO_SUCH }, missing: true },
    ],
    get: 200,
    post: 400,
  },
  '/mentor/reports': { get: 200 },
  '/mentor/reports.csv': { get: 200 },
  '/sertifikat/[code]': {
    cases: () => [
      { label: "Sari's certificate", values: { code: plant.certificate.sari }, owner: 'sari' },
      { label: "Nur's certificate", values: { code: plant.certificate.nur }, owner: 'nur' },
      { label: 'unknown code', values: { code: 'ZZZZ-ZZZZ-ZZZZ' }, missing: true },
    ],
    get: 200,
  },
  '/trainer': { get: 200, post: 400 },
  '/trainer/reports': { get: 200 },
  '/trainer/reports.csv': { get: 200 },
  '/trainer/reports/soal': { get: 200 },
  '/trainer/reports/soal.csv': { get: 200 },
  '/trainer/cohorts/[id]': {
    cases: () => [
      { label: 'demo cohort', values: { id: plant.cohort } },
      { label: 'unknown cohort', values: { id: NO_SUCH }, missing: true },
    ],
    get: 200,
    post: 400,
  },
  '/trainer/cohorts/[id]/import': {
    cases: () => [
      { label: 'demo cohort', values: { id: plant.cohort } },
      { label: 'unknown cohort', values: { id: NO_SUCH }, missing: true },
    ],
    get: 200,
    post: [400, 413, 422],
  },
  // Lesson editor (issue 19): trainers only; an unknown module or lesson is a 404, a post without a known intent a 400.
  '/trainer/konten': { get: 200, post: 400 },
  // The live check answers posts only: a GET finds no page.
  '/trainer/konten/periksa.json': { get: 404, post: 'any' },
  '/trainer/konten/[module]': { cases: () => [{ label: 'unknown module', values: { module: NO_SUCH }, missing: true }] },
  '/trainer/konten/[module]/ekspor': { cases: () => [{ label: 'unknown module', values: { module: NO_SUCH }, missing: true }] },
  '/trainer/konten/[module]/[lesson]': { cases: () => [{ label: 'unknown lesson', values: { module: NO_SUCH, lesson: '01-tidak-ada' }, missing: true }] },
  '/trainer/konten/[module]/[lesson]/banding': {
    cases: () => [{ label: 'unknown lesson', values: { module: NO_SUCH, lesson: '01-tidak-ada' }, missing: true }],
  },
  '/trainer/cohorts/[id]/members.csv': {
    cases: () => [
      { label: 'demo cohort', values: { id: plant.cohort } },
      { label: 'unknown cohort', values: { id: NO_SUCH }, missing: true },
    ],
    get: 200,
  },
};

/** Exactly the routes the issue/DESIGN make public; anything else needs a login. */
const PUBLIC = new Set(
  Object.entries(ROUTES)
    .filter(([, e]) => e.public)
    .map(([p]) => p),
);
const AREAS: Array<{ prefix: string; roles: Role[] }> = [
  { prefix: '/learn', roles: ['learner', 'trainer'] },
  { prefix: '/mentor', roles: ['mentor', 'trainer'] },
  { prefix: '/trainer', roles: ['trainer'] },
];
const areaOf = (path: string) => AREAS.find((a) => path === a.prefix || path.startsWith(a.prefix + '/'));

/** Values for the parameters of a route that is not in ROUTES (yet): the sensitive ids and a missing one. */
function genericCases(route: Route): Case[] {
  const fill = (sensitive: boolean): Record<string, string> =>
    Object.fromEntries(
      route.params.map((p) => {
        const name = p.replace(/^\.\.\./, '');
        if (name === 'module') return [p, plant.module];
        if (name === 'lesson') return [p, plant.lesson.split('/')[1]];
        if (name === 'lang') return [p, 'en'];
        if (!sensitive) return [p, NO_SUCH];
        if (/code/i.test(name)) return [p, plant.certificate.sari];
        if (/cohort/i.test(name)) return [p, plant.cohort];
        if (/submission|task/i.test(name)) return [p, plant.submissions.sari];
        return [p, OWNERS.sari.id];
      }),
    );
  if (route.params.length === 0) return [{ label: '', values: {} }];
  return [
    { label: "Sari's ids", values: fill(true) },
    { label: 'unknown ids', values: fill(false) },
  ];
}

function statusFor(spec: Status | Partial<Record<ActorKey, Status>> | undefined, actor: Actor, fallback: Status): Status {
  if (spec === undefined) return fallback;
  if (typeof spec === 'object' && !Array.isArray(spec)) return spec[actor.key] ?? fallback;
  return spec;
}

/**
 * What `actor` must get for `method` on this route/case: the login wall, the role areas, others'
 * resources, then the route's own contract. `undefined` for `expected` means "anything < 500".
 */
function expectation(
  route: Route,
  spec: Expect | undefined,
  kase: Case,
  actor: Actor,
  method: 'GET' | 'POST',
  path: string,
): { status: Status; location?: RegExp; why: string } {
  const isPublic = spec?.public ?? false;
  if (!isPublic && actor.role === null) {
    if (path.startsWith('/api/')) return { status: 401, why: 'anonymous API → 401' };
    return { status: 303, location: method === 'GET' ? /^\/login\?next=/ : /^\/login$/, why: 'anonymous page → 303 /login' };
  }
  const area = areaOf(path);
  if (area && actor.role && !area.roles.includes(actor.role)) return { status: 403, why: `${area.prefix} is for ${area.roles.join('+')}` };
  if (!spec) return { status: 'any', why: 'route not in the table: < 500' };
  if (kase.owner && !maySee(actor, kase.owner)) return { status: 404, why: `${kase.owner}'s resource` };
  if (kase.missing) {
    if (method === 'GET') return { status: kase.get ?? 404, why: 'names nothing' };
    return { status: kase.post ?? (route.methods.includes('POST') ? 404 : 'any'), why: 'names nothing' };
  }
  if (method === 'GET') return { status: statusFor(spec.get, actor, 200), why: 'route contract' };
  return { status: statusFor(spec.post, actor, 'any'), why: 'route contract' };
}

function matches(status: number, expected: Status): boolean {
  if (status >= 500) return false;
  if (expected === 'any') return true;
  return Array.isArray(expected) ? expected.includes(status) : status === expected;
}

// ------------------------------------------------------------------ server, data, sessions

let server: TestServer;
let database: Database;
let client: ReturnType<typeof httpClient>;
const cookies = new Map<ActorKey, string>();
const failures: string[] = [];
/** HTML pages (200) of the matrix run, by `actor path`: the form replay reads its forms from them. */
const pagesSeen = new Map<string, string>();
const leaks: string[] = [];
let routes: Route[] = [];

const login = (actor: Actor): Promise<string> => loginWith(server.url, actor.phone!, actor.password!);

const sql = (text: string, args: Array<string | number | null> = []) => database.$client.execute({ sql: text, args });

async function plantData() {
  const { courseFromContent } = await import('../bench/seed-scale');
  const course = courseFromContent();
  const withTask = course.flatMap((m) => m.lessons).find((l) => l.task)!;
  const prePostModule = course.find((m) => m.prePost.length > 0)!;
  const now = Date.now();
  const certificate = {} as Record<Owner, string>;
  const submissions = {} as Record<Owner, string>;
  for (const [owner, o] of Object.entries(OWNERS) as Array<[Owner, (typeof OWNERS)[Owner]]>) {
    const m = (kind: MarkerKind) => MARKERS.find((x) => x.owner === owner && x.kind === kind)!.text;
    await sql('UPDATE users SET name = ?, business_name = ? WHERE id = ?', [m('name'), m('business'), o.id]);
    submissions[owner] = `sub-${owner}`;
    await sql("INSERT INTO task_submissions (id, user_id, task_id, lesson_id, text, link, status, submitted_at) VALUES (?, ?, ?, ?, ?, NULL, 'submitted', ?)", [
      submissions[owner],
      o.id,
      withTask.task!.id,
      withTask.id,
      m('task'),
      now - 60_000,
    ]);
    await sql(
      "INSERT INTO task_submissions (id, user_id, task_id, lesson_id, text, link, status, reviewer_id, feedback, submitted_at, reviewed_at) VALUES (?, ?, ?, ?, 'lama', NULL, 'needs_work', ?, ?, ?, ?)",
      [`sub-old-${owner}`, o.id, withTask.task!.id, withTask.id, o.mentor, m('feedback'), now - 120_000, now - 90_000],
    );
    await sql('INSERT INTO mentor_notes (id, learner_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)', [
      `note-${owner}`,
      o.id,
      o.mentor,
      m('note'),
      now,
    ]);
    await sql("INSERT INTO collaborations (id, user_id, type, partner, started_on, source, created_at) VALUES (?, ?, 'supplier', ?, '2026-11-20', 'self', ?)", [
      `col-${owner}`,
      o.id,
      m('partner'),
      now,
    ]);
    certificate[owner] = `${owner === 'sari' ? 'ABCD' : owner === 'hadi' ? 'EFGH' : 'JKMN'}-PQRS-TUVW`;
    await sql('INSERT INTO certificates (id, user_id, module_id, code, learner_name, issued_at) VALUES (?, ?, ?, ?, ?, ?)', [
      `cert-${owner}`,
      o.id,
      withTask.module,
      certificate[owner].replace(/-/g, ''),
      m('name'),
      now,
    ]);
  }
  plant = { lesson: withTask.id, module: withTask.module, prePostModule: prePostModule.id, certificate, submissions, cohort: 'demo-cohort-1' };
}

/** Tables whose content no refused request may change (logins, views and rate-limit rows may). */
const PROTECTED = [
  'users',
  'cohorts',
  'cohort_members',
  'mentor_assignments',
  'mentor_notes',
  'task_submissions',
  'nudges',
  'invites',
  'certificates',
  'collaborations',
  'sales_reports',
  'adoption_checks',
  'assessments',
  'quiz_attempts',
  'h5p_contents',
  'h5p_results',
];

async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of PROTECTED) {
    const exists = await sql("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
    if (Number(exists.rows[0].n) === 0) continue;
    const rows = await sql(`SELECT * FROM ${table} ORDER BY rowid`);
    out[table] = `${rows.rows.length}:${createHash('sha256').update(JSON.stringify(rows.rows)).digest('hex').slice(0, 16)}`;
  }
  return out;
}

const found = (body: string, marker: Marker) => body.includes(marker.text) || (marker.alt ?? []).some((a) => body.includes(a));

/** Markers seen by someone allowed to see them: proof the planted data is on the pages, so a leak would show. */
const shownToAllowed = new Set<string>();

/**
 * Security headers on every response of every route (the security floor), and personal answers
 * never cacheable by a shared cache: a logged-in caller's 200 from a non-public route is
 * `private` or `no-store`.
 */
function checkHeaders(actor: Actor, reply: Reply, isPublic: boolean) {
  const what = `${actor.key} ${reply.method} ${reply.path} (${reply.status})`;
  const csp = reply.headers.get('content-security-policy') ?? '';
  if (!/default-src 'self'|sandbox/.test(csp)) failures.push(`${what}: no Content-Security-Policy`);
  if (reply.headers.get('x-content-type-options') !== 'nosniff') failures.push(`${what}: no X-Content-Type-Options: nosniff`);
  if (!reply.headers.get('referrer-policy')) failures.push(`${what}: no Referrer-Policy`);
  if (actor.role && !isPublic && reply.status === 200) {
    const cache = reply.headers.get('cache-control') ?? '';
    if (!/private|no-store/.test(cache) || /public/.test(cache)) failures.push(`${what}: Cache-Control "${cache}" on a personal answer`);
  }
}

function checkMarkers(actor: Actor, reply: Reply, allowedExtra: Marker[] = []) {
  const body = decoded(reply.body) + '\n' + (reply.location ?? '');
  for (const marker of MARKERS) {
    if (markerAllowed(actor, marker) || allowedExtra.includes(marker)) {
      if (found(body, marker)) shownToAllowed.add(`${marker.owner}:${marker.kind}:${actor.key}`);
      continue;
    }
    if (found(body, marker)) leaks.push(`${actor.key} ${reply.method} ${reply.path} (${reply.status}) shows ${marker.owner}'s ${marker.kind}`);
  }
}

beforeAll(async () => {
  server = await startServer();
  database = openDatabase(server.databaseUrl);
  client = httpClient(server.url);
  await plantData();
  for (const actor of ACTORS) if (actor.role) cookies.set(actor.key, await login(actor));
  routes = discoverRoutes();
}, 60_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
});

async function call(actor: Actor, method: 'GET' | 'POST', path: string, opts: { cookie?: string; body?: BodyInit; contentType?: string } = {}) {
  const cookie = opts.cookie ?? (actor.role ? cookies.get(actor.key) : undefined);
  const headers: Record<string, string> = {};
  let body = opts.body;
  if (method === 'POST' && body === undefined) {
    if (path.startsWith('/api/')) {
      body = '{}';
      headers['content-type'] = 'application/json';
    } else {
      body = '';
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
  }
  if (opts.contentType) headers['content-type'] = opts.contentType;
  return client.request(path, { method, cookie, body, headers, who: actor.key });
}

// ------------------------------------------------------------------ the tests

describe('authorization matrix (routes discovered from src/pages)', () => {
  it("the matrix's oracle is the app's rule: maySee() agrees with visibleLearners() for every actor and owner", async () => {
    process.env.DATABASE_URL = server.databaseUrl;
    const { visibleLearnerIds } = await import('../../src/lib/server/access/learner-scope');
    for (const actor of ACTORS) {
      if (!actor.role || !actor.id) continue;
      const visible = await visibleLearnerIds({ id: actor.id, role: actor.role });
      for (const owner of Object.keys(OWNERS) as Owner[]) expect(visible.has(OWNERS[owner].id), `${actor.key} → ${owner}`).toBe(maySee(actor, owner));
    }
  });

  it('finds the routes, and every route in the table still exists', () => {
    const patterns = new Set(routes.map((r) => r.pattern));
    expect(routes.length).toBeGreaterThan(20);
    const gone = Object.keys(ROUTES).filter((p) => !patterns.has(p));
    // A route renamed or removed: update ROUTES (its expectations would silently stop being checked).
    expect(gone).toEqual([]);
    const untabled = routes.filter((r) => !ROUTES[r.pattern]).map((r) => r.pattern);
    if (untabled.length) console.log(`routes not in the table (area rule + no 5xx + no leak only): ${untabled.join(', ')}`);
  });

  it("every route × actor × GET/POST answers as docs/ARCHITECTURE.md says, never 5xx, never another user's data", async () => {
    const before = await fingerprint();
    const table: string[] = [];
    for (const route of routes) {
      const spec = ROUTES[route.pattern];
      const cases = spec?.cases?.() ?? genericCases(route);
      for (const kase of cases) {
        const path = fillPattern(route.pattern, kase.values);
        for (const actor of ACTORS) {
          for (const method of ['GET', 'POST'] as const) {
            let cookie: string | undefined;
            if (method === 'POST' && spec?.endsSession && actor.role) cookie = await login(actor);
            const reply = await call(actor, method, path, { cookie });
            const want = expectation(route, spec, kase, actor, method, path);
            if (method === 'GET' && reply.status === 200 && reply.contentType.includes('html')) pagesSeen.set(`${actor.key} ${path}`, reply.body);
            table.push(`${method.padEnd(4)} ${path.padEnd(52)} ${actor.key.padEnd(16)} ${reply.status}`);
            if (!matches(reply.status, want.status))
              failures.push(
                `${actor.key} ${method} ${path} (${kase.label || route.pattern}) → ${reply.status}, expected ${JSON.stringify(want.status)} (${want.why})`,
              );
            else if (want.location && !want.location.test(reply.location ?? ''))
              failures.push(`${actor.key} ${method} ${path} → Location ${reply.location}, expected ${want.location}`);
            checkMarkers(actor, reply, kase.publicMarkers);
            checkHeaders(actor, reply, spec?.public ?? false);
          }
        }
      }
    }
    if (process.env.MATRIX_PRINT) console.log(table.join('\n'));
    // Positive control: each kind of planted data reached the people allowed to see it somewhere
    // (so its absence elsewhere means something). The learner sees all their own but the notes;
    // the assigned mentor and the trainer see everything of Sari's.
    const missingControls: string[] = [];
    for (const kind of ['name', 'phone', 'business', 'task', 'feedback', 'partner'] as const) {
      for (const who of ['learner', 'assignedMentor', 'trainer'] as const)
        if (!shownToAllowed.has(`sari:${kind}:${who}`)) missingControls.push(`${who} never saw sari's ${kind}`);
    }
    for (const who of ['assignedMentor', 'trainer'] as const)
      if (!shownToAllowed.has(`sari:note:${who}`)) missingControls.push(`${who} never saw the note on sari`);
    if (!shownToAllowed.has('nur:task:unassignedMentor')) missingControls.push("Arif never saw Nur's task");
    expect(missingControls).toEqual([]);
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);
    // Empty forms and refused requests changed nothing anyone else can see.
    expect(await fingerprint()).toEqual(before);
  }, 240_000);

  it('every POST form a page shows, replayed by those who may not send it, is refused and changes nothing', async () => {
    const before = await fingerprint();
    const local: string[] = [];
    const replayed = new Set<string>();
    let count = 0;
    for (const route of routes) {
      const spec = ROUTES[route.pattern];
      if (!route.methods.includes('GET')) continue;
      for (const kase of spec?.cases?.() ?? genericCases(route)) {
        const page = fillPattern(route.pattern, kase.values);
        for (const viewer of ACTORS) {
          const html = pagesSeen.get(`${viewer.key} ${page}`);
          if (html === undefined) continue;
          for (const form of parseForms(html)) {
            if (form.method !== 'POST') continue;
            const target = formTarget(form, page);
            if (!target) continue;
            for (const submit of form.submits.length ? form.submits : [undefined]) {
              const values = formValues(form, submit);
              const key = `${target} ${JSON.stringify(values)}`;
              if (replayed.has(key)) continue;
              replayed.add(key);
              // Whose data the form acts on: the page's owner, or a learner id in its fields.
              const ids = new Set([...values.map(([, v]) => v), kase.values.id ?? '']);
              const owner = (Object.keys(OWNERS) as Owner[]).find((o) => ids.has(OWNERS[o].id)) ?? kase.owner;
              const targetPath = target.split('?')[0];
              const area = areaOf(targetPath);
              for (const attacker of ACTORS) {
                const wrongArea = area && (!attacker.role || !area.roles.includes(attacker.role));
                const notTheirs = owner !== undefined && !maySee(attacker, owner);
                const trainerInLearnerArea = attacker.role === 'trainer' && area?.prefix === '/learn';
                // Only the refusals are replayed: an allowed replay would just do the thing.
                if (!attacker.role ? PUBLIC.has(route.pattern) && !area : !(wrongArea || notTheirs || trainerInLearnerArea)) continue;
                const body = form.enctype.startsWith('multipart/') ? multipart(values) : new URLSearchParams(values);
                const reply = await call(attacker, 'POST', target, {
                  body,
                  contentType: form.enctype.startsWith('multipart/') ? undefined : 'application/x-www-form-urlencoded',
                });
                count++;
                const expected = !attacker.role ? (targetPath.startsWith('/api/') ? [401] : [303]) : wrongArea || trainerInLearnerArea ? [403] : [403, 404];
                local.push(
                  `${attacker.key.padEnd(16)} replays ${viewer.key}'s form → POST ${target} ${submit ? `${submit.name}=${submit.value}` : ''}: ${reply.status}`,
                );
                if (!expected.includes(reply.status))
                  failures.push(
                    `${attacker.key} replaying ${viewer.key}'s form (${page}) → POST ${target} ${JSON.stringify(values).slice(0, 160)}: ${reply.status}, expected ${expected.join('/')}`,
                  );
                if (!attacker.role && reply.status === 303 && !/^\/login/.test(reply.location ?? ''))
                  failures.push(`anonymous POST ${target} → 303 ${reply.location}`);
                checkMarkers(attacker, reply);
              }
            }
          }
        }
      }
    }
    if (process.env.MATRIX_PRINT) console.log(local.join('\n'));
    console.log(`form replays: ${count} refused posts from ${replayed.size} distinct forms`);
    expect(count).toBeGreaterThan(20);
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 120_000);

  it('ids from another learner inside an allowed form are refused (parameter tampering)', async () => {
    const before = await fingerprint();
    const dewi = ACTORS.find((a) => a.key === 'assignedMentor')!;
    const sari = ACTORS.find((a) => a.key === 'learner')!;
    const attempts: Array<{ who: Actor; path: string; body: Record<string, string>; expect: number[] }> = [
      // Dewi follows Sari, not Nur: Nur's submission / partnership through Sari's page.
      {
        who: dewi,
        path: `/mentor/learners/${OWNERS.sari.id}`,
        body: { intent: 'review', submissionId: plant.submissions.nur, decision: 'approved', feedback: '' },
        expect: [404],
      },
      { who: dewi, path: `/mentor/learners/${OWNERS.sari.id}`, body: { intent: 'partnership', partnershipId: 'col-nur', confirm: '1' }, expect: [404] },
      { who: dewi, path: '/mentor/nudge', body: { learnerId: OWNERS.nur.id, kind: 'next_lesson' }, expect: [404] },
      { who: dewi, path: '/mentor/invite', body: { userId: OWNERS.nur.id }, expect: [404] },
      { who: dewi, path: '/mentor/invite', body: { userId: 'demo-trainer' }, expect: [404] },
      { who: dewi, path: '/mentor/invite', body: { userId: 'demo-mentor-2' }, expect: [404] },
    ];
    for (const a of attempts) {
      const reply = await call(a.who, 'POST', a.path, { body: new URLSearchParams(a.body), contentType: 'application/x-www-form-urlencoded' });
      if (!a.expect.includes(reply.status))
        failures.push(`${a.who.key} POST ${a.path} ${JSON.stringify(a.body)} → ${reply.status}, expected ${a.expect.join('/')}`);
      checkMarkers(a.who, reply);
    }
    // A learner's progress batch naming another learner is refused event by event.
    const batch = { events: [{ id: crypto.randomUUID(), type: 'viewed', lessonId: plant.lesson, at: Date.now(), userId: OWNERS.hadi.id }] };
    const reply = await call(sari, 'POST', '/api/progress', { body: JSON.stringify(batch), contentType: 'application/json' });
    expect(reply.status).toBe(422);
    expect(Number((await sql('SELECT count(*) AS n FROM progress_events WHERE id = ?', [batch.events[0].id])).rows[0].n)).toBe(0);
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('a deleted account (UU PDP) is unreachable: old session, login, mentor and trainer pages, certificate', async () => {
    // Bu Lilik (demo-learner-3, Dewi's) deletes her own account over HTTP.
    const lilik: Actor = { key: 'learner', role: 'learner', id: 'demo-learner-3', phone: DEMO.learners[2].phone, password: DEMO.learnerPassword };
    const marker = mk('LILIK');
    await sql('UPDATE users SET business_name = ? WHERE id = ?', [marker, lilik.id]);
    await sql("INSERT INTO task_submissions (id, user_id, task_id, lesson_id, text, status, submitted_at) VALUES ('sub-lilik', ?, 'x', ?, ?, 'submitted', ?)", [
      lilik.id,
      plant.lesson,
      marker,
      Date.now(),
    ]);
    await sql("INSERT INTO certificates (id, user_id, module_id, code, learner_name, issued_at) VALUES ('cert-lilik', ?, ?, 'XYZWXYZWXYZW', ?, ?)", [
      lilik.id,
      plant.module,
      marker,
      Date.now(),
    ]);
    const cookie = await login(lilik);
    const download = await call(lilik, 'GET', '/learn/akun/data.json', { cookie });
    expect(download.status).toBe(200);
    expect(download.body).toContain(marker);
    const deleted = await call(lilik, 'POST', '/learn/akun', {
      cookie,
      body: new URLSearchParams({ confirm: 'HAPUS', password: DEMO.learnerPassword }),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(deleted.status).toBe(303);
    expect((await call(lilik, 'GET', '/learn', { cookie })).status).toBe(303);
    const again = await client.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ phone: lilik.phone!, password: lilik.password! }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(again.status).toBe(401);
    for (const who of ACTORS.filter((a) => a.role === 'trainer' || a.key === 'assignedMentor')) {
      expect((await call(who, 'GET', `/mentor/learners/${lilik.id}`)).status).toBe(404);
      expect((await call(who, 'GET', '/sertifikat/XYZW-XYZW-XYZW')).status).toBe(404);
      for (const page of [
        '/mentor',
        '/mentor/reports',
        '/mentor/reports.csv',
        '/trainer',
        '/trainer/reports',
        '/trainer/reports.csv',
        `/trainer/cohorts/${plant.cohort}`,
        `/trainer/cohorts/${plant.cohort}/members.csv`,
      ]) {
        const reply = await call(who, 'GET', page);
        expect(reply.status, `${who.key} ${page}`).toBeLessThan(500);
        expect(decoded(reply.body), `${who.key} ${page}`).not.toContain(marker);
      }
    }
    expect((await client.request('/verify/XYZW-XYZW-XYZW')).status).toBe(404);
  }, 60_000);
});

function multipart(values: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [k, v] of values) form.append(k, v);
  return form;
}
