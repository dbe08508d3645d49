/**
 * The demo that `npm start` seeds shows the product working (issue 16, item 8): over HTTP against
 * the built server, a trainer sees a partnership map and reports with real spread, a mentor sees a
 * stuck learner and a task to review, a learner sees progress and a certificate, and no page of
 * any role answers 5xx. The activity is written through the app's own rules, dated back from the
 * moment of seeding (so this passes under `faketime` as well).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { startServer, type TestServer } from '../helpers/server';
import { loginWith } from '../helpers/routes';
import { discoverRoutes, fillPattern } from '../helpers/routes';
import { DEMO, DEMO_IDS } from '../../db/seed';
import { id as dictionary } from '../../src/i18n/id';

let server: TestServer;
const cookies: Record<'trainer' | 'mentor' | 'learner' | 'stuckLearner', string> = { trainer: '', mentor: '', learner: '', stuckLearner: '' };

const login = (phone: string, password: string) => loginWith(server.url, phone, password);

async function page(path: string, cookie: string): Promise<{ status: number; html: string; text: string }> {
  const response = await fetch(server.url + path, { headers: { cookie: `melek_session=${cookie}` }, redirect: 'manual' });
  const html = await response.text();
  const text = html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
  return { status: response.status, html, text };
}

async function query(sql: string, args: Array<string | number> = []) {
  const client = createClient({ url: server.databaseUrl });
  try {
    return (await client.execute({ sql, args })).rows;
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  server = await startServer({ seed: 'activity' });
  cookies.trainer = await login(DEMO.trainer.phone, DEMO.trainer.password);
  cookies.mentor = await login(DEMO.mentors[0].phone, DEMO.mentors[0].password);
  cookies.learner = await login(DEMO.learners[0].phone, DEMO.learnerPassword);
  cookies.stuckLearner = await login(DEMO.learners[2].phone, DEMO.learnerPassword);
}, 120_000);

afterAll(async () => server?.stop());

describe('the seeded demo', () => {
  it('is dated within the four weeks before seeding, never in the future', async () => {
    const [span] = await query('SELECT min(at) AS first, max(at) AS last, count(*) AS n FROM progress_events');
    const now = Date.now();
    expect(Number(span.n)).toBeGreaterThan(40);
    expect(Number(span.first)).toBeGreaterThan(now - 29 * 86_400_000);
    expect(Number(span.last)).toBeLessThanOrEqual(now);
  });

  it('the mentor sees a stuck learner and a task waiting for review', async () => {
    const { status, text } = await page('/mentor', cookies.mentor);
    expect(status).toBe(200);
    expect(text).toMatch(/Bu Lilik .*Perlu dibantu/);
    expect(text).toContain('1 tugas menunggu diperiksa');
    const [waiting] = await query("SELECT count(*) AS n FROM task_submissions WHERE status = 'submitted' AND user_id = ?", [DEMO_IDS.learners[1]]);
    expect(Number(waiting.n)).toBe(1);
  });

  it('the trainer sees a partnership map and reports with real spread', async () => {
    const map = await page('/trainer/jaringan', cookies.trainer);
    expect(map.status).toBe(200);
    expect((map.html.match(/<line\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const [pending] = await query("SELECT count(*) AS n FROM collaborations WHERE status = 'pending'");
    expect(Number(pending.n)).toBe(1);

    const report = await page('/trainer/reports', cookies.trainer);
    expect(report.status).toBe(200);
    // Six learners at different stages: the pillar means differ, and not everyone is at 1,00.
    const means = [...report.text.matchAll(/(Cakap|Etika|Budaya|Aman) Digital \(n = 6\): (\d,\d\d)/g)].map((m) => m[2]);
    expect(means.length).toBeGreaterThanOrEqual(4);
    expect(new Set(means).size).toBeGreaterThan(1);
    expect(means.every((m) => m === '1,00')).toBe(false);
  });

  it('a learner sees progress and a certificate; the stuck learner sees where to go on', async () => {
    const capaian = await page('/learn/capaian', cookies.learner);
    expect(capaian.status).toBe(200);
    const [certificate] = await query('SELECT code FROM certificates WHERE user_id = ?', [DEMO_IDS.learners[0]]);
    expect(certificate).toBeDefined();
    expect(capaian.html).toContain(String(certificate.code));
    const home = await page('/learn', cookies.stuckLearner);
    expect(home.status).toBe(200);
  });

  it('every page is marked as a demo account', async () => {
    for (const cookie of Object.values(cookies))
      expect((await page('/', cookie)).text + (await page('/learn/akun', cookie)).text).toContain(dictionary.demoAccountNote);
  });

  it('no page of any role answers 5xx with the demo data in it', async () => {
    const learnerIds = DEMO_IDS.learners;
    const lessons = (await query('SELECT DISTINCT lesson_id FROM lesson_progress')).map((r) => String(r.lesson_id));
    const [certificate] = await query('SELECT code FROM certificates LIMIT 1');
    const values: Record<string, string[]> = {
      id: [...learnerIds, DEMO_IDS.cohort],
      module: [...new Set(lessons.map((l) => l.split('/')[0]))],
      lesson: [...new Set(lessons.map((l) => l.split('/')[1]))],
      code: [String(certificate.code)],
    };
    const failures: string[] = [];
    let checked = 0;
    for (const route of discoverRoutes().filter((r) => r.methods.includes('GET'))) {
      const paths = route.params.length === 0 ? [route.pattern] : fillAll(route.pattern, route.params, values);
      for (const path of paths) {
        for (const [who, cookie] of Object.entries(cookies)) {
          const { status } = await page(path, cookie);
          checked++;
          if (status >= 500) failures.push(`${who} GET ${path} → ${status}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 180_000);
});

/** Every combination of known values for a route's parameters (at most a few dozen paths). */
function fillAll(pattern: string, params: string[], values: Record<string, string[]>): string[] {
  let combos: Array<Record<string, string>> = [{}];
  for (const name of params) {
    const options = values[name.replace(/^\.\.\./, '')] ?? ['x'];
    combos = combos.flatMap((c) => options.map((v) => ({ ...c, [name]: v })));
  }
  return combos.slice(0, 60).map((c) => fillPattern(pattern, c));
}
