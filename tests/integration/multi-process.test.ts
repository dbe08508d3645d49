/**
 * Several app processes, one database: three built servers on different ports against ONE
 * embedded database file (WAL + busy timeout, set in db/client.ts), with requests spread over
 * them. Sessions, the login rate limit, progress and reviews work whichever process answers:
 * proof that the app keeps no state in memory that matters. Also a static check that server code
 * never opens an interactive transaction (multi-statement writes go through batch(), which a
 * remote libSQL server over HTTP supports too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createClient, type Client } from '@libsql/client';
import { freePort, ROOT, startServer, type TestServer } from '../helpers/server';
import { launchServer, stopServer, waitHealthy } from '../helpers/dist-snapshot';
import { loginWith, parseForms } from '../helpers/routes';
import { DEMO } from '../../db/seed';

let a: TestServer;
const others: Array<{ url: string; process: ChildProcess }> = [];
let urls: string[] = [];
let db: Client;
let lessonWithTask: { id: string; taskId: string };

beforeAll(async () => {
  a = await startServer();
  // Two more processes on the same database file (startServer made and seeded it).
  await Promise.all(
    [0, 1].map(async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const child = launchServer(join(ROOT, 'dist/server/melek.mjs'), { ...a.env, PORT: String(port) });
      others.push({ url, process: child });
      await waitHealthy(url, 60_000);
    }),
  );
  urls = [a.url, ...others.map((o) => o.url)];
  db = createClient({ url: a.databaseUrl });
  const { courseFromContent } = await import('../bench/seed-scale');
  const lesson = courseFromContent()
    .flatMap((m) => m.lessons)
    .find((l) => l.task)!;
  lessonWithTask = { id: lesson.id, taskId: lesson.task!.id };
}, 120_000);

afterAll(async () => {
  db?.close();
  await Promise.all(others.map((o) => stopServer(o.process)));
  await a?.stop();
});

const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', body: new URLSearchParams(fields) });

async function post(base: string, path: string, fields: Record<string, string>, cookie?: string) {
  return fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...(cookie ? { cookie: `melek_session=${cookie}` } : {}) },
    body: form(fields).body,
  });
}

async function get(base: string, path: string, cookie?: string) {
  const response = await fetch(base + path, { redirect: 'manual', headers: cookie ? { cookie: `melek_session=${cookie}` } : {} });
  return { status: response.status, body: await response.text(), location: response.headers.get('location') };
}

const login = (base: string, phone: string, password: string) => loginWith(base, phone, password);

describe('three app processes on one database file', () => {
  it('a session made on one process works on the others, and logout on one ends it everywhere', async () => {
    const [A, B, C] = urls;
    const cookie = await login(A, DEMO.learners[0].phone, DEMO.learnerPassword);
    for (const base of [B, C]) {
      const page = await get(base, '/learn', cookie);
      expect(page.status, base).toBe(200);
      expect(page.body).toContain('Bu Sari');
    }
    expect((await post(B, '/logout', {}, cookie)).status).toBe(303);
    for (const base of [A, C]) expect((await get(base, '/learn', cookie)).status, base).toBe(303);
  });

  it('progress batches spread over all processes at once: all stored once, the projection right', async () => {
    const cookie = await login(urls[0], DEMO.learners[1].phone, DEMO.learnerPassword);
    const { courseFromContent } = await import('../bench/seed-scale');
    const lessons = courseFromContent().flatMap((m) => m.lessons);
    const batches = Array.from({ length: 30 }, (_, b) =>
      Array.from({ length: 10 }, (_, i) => ({
        id: crypto.randomUUID(),
        type: i % 3 === 0 ? 'viewed' : 'time',
        lessonId: lessons[(b + i) % lessons.length].id,
        at: Date.now() - (b * 10 + i) * 1000,
        data: i % 3 === 0 ? undefined : { seconds: 20 },
      })),
    );
    const send = (base: string, events: unknown[]) =>
      fetch(`${base}/api/progress`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, cookie: `melek_session=${cookie}` },
        body: JSON.stringify({ events }),
      });
    // Ten at a time, round-robin over the three processes: concurrent writers on one file.
    const statuses: number[] = [];
    for (let i = 0; i < batches.length; i += 10) {
      const replies = await Promise.all(batches.slice(i, i + 10).map((events, k) => send(urls[(i + k) % 3], events)));
      for (const r of replies) {
        statuses.push(r.status);
        const body = await r.json();
        expect(body.rejected).toEqual([]);
      }
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    // A replay of the same batch on another process: recognised as already stored.
    const replay = await (await send(urls[2], batches[0])).json();
    expect(replay.accepted).toEqual([]);
    expect(replay.duplicates).toHaveLength(10);
    const ids = batches.flat().map((e) => e.id);
    const stored = await db.execute({ sql: `SELECT count(*) AS n FROM progress_events WHERE id IN (${ids.map(() => '?').join(',')})`, args: ids });
    expect(Number(stored.rows[0].n)).toBe(300);
    const { verifyProjection } = await import('../bench/seed-scale');
    const check = await verifyProjection(a.databaseUrl, ['demo-learner-2']);
    expect(check.mismatches).toEqual([]);
  }, 60_000);

  it('a task handed in on A is seen on B, reviewed on C, and the feedback shows on A', async () => {
    const [A, B, C] = urls;
    const learner = await login(A, DEMO.learners[2].phone, DEMO.learnerPassword); // Bu Lilik, Dewi's
    const mentor = await login(B, DEMO.mentors[0].phone, DEMO.mentors[0].password);
    const text = `Katalog multi-proses ${crypto.randomUUID().slice(0, 8)}`;
    const handedIn = await post(A, `/learn/${lessonWithTask.id}`, { intent: 'task', text, link: '' }, learner);
    expect(handedIn.status).toBe(303);
    const page = await get(B, '/mentor/learners/demo-learner-3', mentor);
    expect(page.status).toBe(200);
    expect(page.body).toContain(text);
    const review = parseForms(page.body).find((f) => f.fields.some((x) => x.name === 'intent' && x.value === 'review'))!;
    const submissionId = review.fields.find((x) => x.name === 'submissionId')!.value;
    const feedback = `Bagus, lanjutkan ${crypto.randomUUID().slice(0, 6)}`;
    const reviewed = await post(C, '/mentor/learners/demo-learner-3', { intent: 'review', submissionId, decision: 'needs_work', feedback }, mentor);
    expect(reviewed.status).toBe(303);
    // The same review sent again through another process is refused: it was already reviewed.
    expect((await post(A, '/mentor/learners/demo-learner-3', { intent: 'review', submissionId, decision: 'approved', feedback: '' }, mentor)).status).toBe(409);
    const lesson = await get(A, `/learn/${lessonWithTask.id}`, learner);
    expect(lesson.body).toContain(feedback);
    const row = await db.execute({ sql: 'SELECT status, feedback FROM task_submissions WHERE id = ?', args: [submissionId] });
    expect(row.rows[0].status).toBe('needs_work');
  });

  // Last: it locks this test's client address for 15 minutes.
  it('the login rate limit counts failures made on every process', async () => {
    const phone = DEMO.learners[5].phone;
    for (let i = 0; i < 5; i++) expect((await post(urls[i % 3], '/login', { phone, password: `salah-${i}` })).status).toBe(401);
    // The sixth try, on yet another process, with the RIGHT password: still refused.
    const sixth = await post(urls[2], '/login', { phone, password: DEMO.learnerPassword });
    expect(sixth.status).toBe(429);
    expect(await sixth.text()).toMatch(/menit/);
  });

  it('server code writes several statements only through batch(), never an interactive transaction', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.ts$/.test(name) && /\.transaction\(/.test(readFileSync(full, 'utf8'))) offenders.push(full.slice(ROOT.length + 1));
      }
    };
    walk(join(ROOT, 'src/lib/server'));
    walk(join(ROOT, 'db'));
    expect(offenders).toEqual([]);
  });
});
