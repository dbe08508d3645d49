/**
 * Issue 14, part 7: every demo learner's pillar scores, levels, overall score and gains recomputed
 * here from the raw rows (quiz_attempts, task_submissions, lesson_progress) with exact fractions —
 * an implementation of the docs/indicator.md rules independent of src/lib/indicator/score.ts —
 * and compared with what the learner's page, the trainer's report and the CSV show. The rows are
 * made through the real built server: first attempts and better retries, tasks approved and then
 * sent again, pre- and post-tests on the learner's own forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT, startServer, type TestServer } from '../helpers/server';
import { openDatabase, type Database } from '../../db/client';
import { DEMO } from '../../db/seed';
import { loginCookie } from '../bench/http';
import { courseFromDisk } from '../../src/lib/learning/load-from-disk';
import { formFor } from '../../src/lib/indicator/forms';
import { pseudonymOf } from '../../src/lib/reports/pseudonym';
import { PILLARS, type Pillar } from '../../src/lib/learning/types';

const SECRET = 'uji-hitung-ulang';
const LEVELS = ['Pemula', 'Dasar', 'Berkembang', 'Cakap', 'Mahir'];
const course = courseFromDisk(join(ROOT, 'content'));
const lessons = course.flatMap((m) => m.lessons);
const LEARNERS = DEMO.learners.map((_, i) => `demo-learner-${i + 1}`);

let server: TestServer;
let database: Database;
const cookies: string[] = [];
const seen: number[] = [];

async function post(path: string, cookie: string, fields: Array<[string, string]>) {
  const response = await fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  seen.push(response.status);
  await response.arrayBuffer();
  return response.status;
}
async function get(path: string, cookie: string) {
  const response = await fetch(server.url + path, { headers: { cookie }, redirect: 'manual' });
  seen.push(response.status);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}
const pause = () => new Promise((r) => setTimeout(r, 3));
const rightOf = (item: { options: Array<{ id: string; correct?: boolean }> }) => item.options.find((o) => o.correct)!.id;
const wrongOf = (item: { options: Array<{ id: string; correct?: boolean }> }) => item.options.find((o) => !o.correct)!.id;

beforeAll(async () => {
  server = await startServer({ env: { PSEUDONYM_SECRET: SECRET } });
  database = openDatabase(server.databaseUrl);
  for (const l of DEMO.learners) cookies.push(await loginCookie(server.url, l.phone, DEMO.learnerPassword));
  const modulesWithTests = course.filter((m) => m.prePost.length > 0);
  for (const [k, userId] of LEARNERS.entries()) {
    // Pre-tests first (they close once a lesson of the module is done): items right by a pattern.
    for (const m of modulesWithTests.filter((_, i) => (i + k) % 2 === 0)) {
      const form = formFor(userId, m.id, 'pre');
      const items = m.prePost.map((p) => (form === 'A' ? p.a : p.b));
      expect(
        await post(
          `/learn/${m.id}/tes-awal`,
          cookies[k],
          items.map((it, i) => [`q:${it.id}`, (i + k) % 3 === 0 ? rightOf(it) : wrongOf(it)]),
        ),
      ).toBe(303);
    }
    for (const [j, lesson] of lessons.entries()) {
      if (k < 5 && (k + j) % 3 === 0) continue; // some lessons not taken (learner 6 does every one)
      if (lesson.quiz.length) {
        const first: Array<[string, string]> = lesson.quiz.map((it, i) => [`q:${it.id}`, k === 5 || (i + j + k) % 2 === 0 ? rightOf(it) : wrongOf(it)]);
        expect(await post(`/learn/${lesson.id}`, cookies[k], [['intent', 'quiz'], ...first])).toBe(303);
        if ((j + k) % 2 === 0) {
          // A retry after the answers were shown, all right: it must not count.
          await pause();
          expect(
            await post(`/learn/${lesson.id}`, cookies[k], [['intent', 'quiz'], ...lesson.quiz.map((it): [string, string] => [`q:${it.id}`, rightOf(it)])]),
          ).toBe(303);
        }
      } else {
        expect(await post(`/learn/${lesson.id}`, cookies[k], [['intent', 'done']])).toBe(303);
      }
      if (lesson.task && (k === 5 || (j + k) % 2 === 1)) {
        expect(
          await post(`/learn/${lesson.id}`, cookies[k], [
            ['intent', 'task'],
            ['text', `Tugas ${lesson.task.title} sudah saya kerjakan.`],
          ]),
        ).toBe(303);
      }
    }
    // The mentor approves about two thirds of the waiting tasks; some are then sent again (a new revision).
    const waiting = (
      await database.$client.execute({
        sql: "SELECT id, task_id, submitted_at FROM task_submissions WHERE user_id = ? AND status = 'submitted' ORDER BY submitted_at",
        args: [userId],
      })
    ).rows;
    for (const [n, row] of waiting.entries()) {
      if (n % 3 === 2 && k !== 5) continue;
      await database.$client.execute({
        sql: "UPDATE task_submissions SET status = 'approved', reviewer_id = 'demo-mentor-1', reviewed_at = ?, rubric_level = 3, checks_seen = '[]' WHERE id = ?",
        args: [Number(row.submitted_at) + 60_000, String(row.id)],
      });
      if (n % 2 === 0) {
        const lesson = lessons.find((l) => l.task?.id === row.task_id)!;
        expect(
          await post(`/learn/${lesson.id}`, cookies[k], [
            ['intent', 'task'],
            ['text', 'Saya perbaiki lagi sedikit.'],
          ]),
        ).toBe(303);
      }
    }
    // Post-tests where every lesson of the module is done.
    for (const m of modulesWithTests) {
      const done = (
        await database.$client.execute({
          sql: 'SELECT count(*) AS n FROM lesson_progress WHERE user_id = ? AND module_id = ? AND completed_at IS NOT NULL',
          args: [userId, m.id],
        })
      ).rows[0];
      if (Number(done.n) !== m.lessons.length) continue;
      const form = formFor(userId, m.id, 'post');
      const items = m.prePost.map((p) => (form === 'A' ? p.a : p.b));
      expect(
        await post(
          `/learn/${m.id}/tes-akhir`,
          cookies[k],
          items.map((it, i) => [`q:${it.id}`, i % 4 === 3 ? wrongOf(it) : rightOf(it)]),
        ),
      ).toBe(303);
    }
  }
}, 240_000);

afterAll(async () => {
  database?.$client.close();
  await server?.stop();
  expect(seen.filter((s) => s >= 500)).toEqual([]);
});

// ---------------------------------------------------------------- the rules, again, from raw rows

type Frac = { n: bigint; d: bigint };
const halfUp = (f: Frac) => Number((2n * f.n + f.d) / (2n * f.d));
const levelOf = (h: number) => LEVELS[h <= 180 ? 0 : h <= 260 ? 1 : h <= 340 ? 2 : h <= 420 ? 3 : 4];

async function recompute(userId: string) {
  const rows = async (sql: string) => (await database.$client.execute({ sql, args: [userId] })).rows;
  const attempts = await rows("SELECT lesson_id, pillar_scores, at FROM quiz_attempts WHERE user_id = ? AND kind = 'lesson' ORDER BY at, id");
  const first = new Map<string, Record<string, { score: number }>>();
  for (const a of attempts) if (!first.has(String(a.lesson_id))) first.set(String(a.lesson_id), JSON.parse(String(a.pillar_scores)));
  const approved = new Set(
    (await rows("SELECT DISTINCT task_id FROM task_submissions WHERE user_id = ? AND status = 'approved'")).map((r) => String(r.task_id)),
  );
  const completed = new Set(
    (await rows('SELECT lesson_id FROM lesson_progress WHERE user_id = ? AND completed_at IS NOT NULL')).map((r) => String(r.lesson_id)),
  );
  const pillars: Partial<Record<Pillar, { h: number; level: string; exact: Frac }>> = {};
  for (const p of PILLARS) {
    const items = lessons.reduce((s, l) => s + l.quiz.filter((q) => q.pillar === p).length, 0);
    const tasks = lessons.filter((l) => l.task?.pillar === p).map((l) => l.task!.id);
    const inPillar = lessons.filter((l) => l.pillars.includes(p));
    if (items < 5 || tasks.length === 0) continue;
    const r = BigInt(
      [...first].filter(([id]) => lessons.find((l) => l.id === id)?.quiz.some((q) => q.pillar === p)).reduce((s, [, ps]) => s + (ps[p]?.score ?? 0), 0),
    );
    const a = BigInt(tasks.filter((t) => approved.has(t)).length);
    const c = BigInt(inPillar.filter((l) => completed.has(l.id)).length);
    const n = BigInt(items),
      t = BigInt(tasks.length),
      l = BigInt(inPillar.length);
    const exact = { n: 100n * n * t * l + 180n * r * t * l + 160n * a * n * l + 60n * c * n * t, d: n * t * l };
    const h = a === 0n && exact.n > 340n * exact.d ? 340 : halfUp(exact);
    pillars[p] = { h, level: levelOf(h), exact: a === 0n && exact.n > 340n * exact.d ? { n: 340n, d: 1n } : exact };
  }
  const scored = Object.values(pillars);
  let sum: Frac = { n: 0n, d: 1n };
  for (const s of scored) sum = { n: sum.n * s!.exact.d + s!.exact.n * sum.d, d: sum.d * s!.exact.d };
  const overall = halfUp({ n: sum.n, d: sum.d * BigInt(scored.length) });
  const tests = await rows("SELECT lesson_id, kind, score, max_score FROM quiz_attempts WHERE user_id = ? AND kind IN ('pre', 'post') ORDER BY at");
  const gains = new Map<string, number | null>();
  for (const m of course) {
    const pre = tests.find((x) => x.lesson_id === m.id && x.kind === 'pre');
    const post = tests.find((x) => x.lesson_id === m.id && x.kind === 'post');
    if (pre && post)
      gains.set(
        m.id,
        Number(pre.score) >= Number(pre.max_score) ? null : (Number(post.score) - Number(pre.score)) / (Number(pre.max_score) - Number(pre.score)),
      );
  }
  return { pillars, overall: { h: overall, level: levelOf(overall) }, gains };
}

const fmt = (h: number) => `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`;

describe('every demo learner, recomputed from the raw rows', () => {
  it('the page, the report and the CSV show exactly the recomputed pillar scores, levels, overall score and gains', async () => {
    const trainer = await loginCookie(server.url, DEMO.trainer.phone, DEMO.trainer.password);
    const csvText = await get('/trainer/reports.csv', trainer);
    const records = parse(csvText, { bom: true, columns: true }) as Array<Record<string, string>>;
    const report = (await get('/trainer/reports', trainer)).replace(/ data-astro-cid-[a-z0-9]+/g, '');
    const all = await Promise.all(LEARNERS.map(recompute));
    let gainsChecked = 0;
    for (const [k, userId] of LEARNERS.entries()) {
      const mine = all[k];
      const id = pseudonymOf(SECRET, userId);
      const csv = (pillar: string, component: string, item?: string) =>
        records.find((r) => r.pseudonymous_id === id && r.pillar === pillar && r.component === component && (item === undefined || r.item === item));
      const page = await get('/learn/capaian', cookies[k]);
      for (const p of PILLARS) {
        const s = mine.pillars[p];
        if (!s) continue;
        // The CSV: the score and its level.
        expect(csv(p, 'score'), `${userId} ${p}`).toMatchObject({ value: String(s.h / 100), item: s.level });
        // The page: "· 2,10 · Dasar" in the pillar's step.
        const step = page.slice(page.indexOf(`id="step-${p}"`), page.indexOf('</h3>', page.indexOf(`id="step-${p}"`)));
        expect(step, `${userId} ${p} page`).toContain(`${fmt(s.h)} · ${s.level}`);
      }
      expect(csv('overall', 'score')).toMatchObject({ value: String(mine.overall.h / 100), item: mine.overall.level });
      expect(page).toContain(`skor ${fmt(mine.overall.h)} dari 5`);
      for (const [moduleId, g] of mine.gains) {
        const row = csv('overall', 'gain', moduleId);
        expect(row?.value, `${userId} gain ${moduleId}`).toBe(g === null ? 'tidak_bisa_dihitung' : String(Math.round(g * 10_000) / 10_000));
        gainsChecked++;
      }
    }
    expect(gainsChecked).toBeGreaterThan(0);
    // The report: per pillar, n and the mean of the scores as shown.
    for (const p of PILLARS) {
      const scores = all.map((x) => x.pillars[p]?.h).filter((h): h is number => h !== undefined);
      const row = report.slice(report.indexOf(`data-pillar="${p}"`), report.indexOf('</tr>', report.indexOf(`data-pillar="${p}"`)));
      const mean = scores.reduce((s, h) => s + h, 0) / scores.length / 100;
      // Cells carry a data-label (the card layout on phones): read the cell texts, not the markup.
      const cells = [...row.matchAll(/<td class="num"[^>]*>([^<]*)<\/td>/g)].map((m) => m[1].trim());
      expect(cells.slice(0, 2), `report ${p}`).toEqual([
        String(scores.length),
        mean.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      ]);
    }
  });
});
