/**
 * The mentor kit (issue 17, item 11) against the real built server with the demo activity: the
 * review form for Pak Hadi's waiting task shows, beside it, what a good submission looks like and
 * what each rubric level of the form means; the learner sees a task's materials (the five customer
 * messages of the quick-reply task, the five OTP messages) on the lesson, but never the kit's good
 * example (for some tasks it is the answer key). Every lesson with a task has a kit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT, startServer, type TestServer } from '../helpers/server';
import { decoded, httpClient, loginWith } from '../helpers/routes';
import { DEMO, DEMO_IDS } from '../../db/seed';
import { id as dictionary } from '../../src/i18n/id';

interface Task {
  id: string;
  title: string;
  kit?: { goodExample: string; materialsTitle?: string; materials?: string[] };
}
const taskOf = (lessonId: string): Task => parseYaml(readFileSync(join(ROOT, 'content', `${lessonId}.mdx`), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]).task;

let server: TestServer;
let client: ReturnType<typeof httpClient>;
const cookies = { dewi: '', yanti: '' };

beforeAll(async () => {
  server = await startServer({ seed: 'activity' });
  client = httpClient(server.url);
  cookies.dewi = await loginWith(server.url, DEMO.mentors[0].phone, DEMO.mentors[0].password);
  cookies.yanti = await loginWith(server.url, DEMO.learners[4].phone, DEMO.learnerPassword);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  expect(client.seen.filter((r) => r.status >= 500)).toEqual([]);
});

describe('the mentor kit', () => {
  it('every lesson with a task has a kit with a good example', () => {
    const lessons = readdirSync(join(ROOT, 'content'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) =>
        readdirSync(join(ROOT, 'content', e.name))
          .filter((f) => /^\d\d-.*\.mdx$/.test(f))
          .map((f) => `${e.name}/${f.replace(/\.mdx$/, '')}`),
      );
    const withTask = lessons.filter((l) => taskOf(l));
    expect(withTask.length).toBeGreaterThanOrEqual(21);
    for (const l of withTask) expect(taskOf(l).kit?.goodExample.length ?? 0, l).toBeGreaterThan(40);
    expect(taskOf('pemasaran-whatsapp/04-label-balasan-cepat').kit?.materials).toHaveLength(5);
    expect(taskOf('keamanan-data/05-modus-penipuan').kit?.materials).toHaveLength(3);
  });

  it('is shown beside the review form of a waiting task, with the rubric levels the form records', async () => {
    const page = await client.request(`/mentor/learners/${DEMO_IDS.learners[1]}`, { cookie: cookies.dewi });
    expect(page.status).toBe(200);
    const text = decoded(page.body);
    // Pak Hadi's catalogue task waits for review.
    const task = taskOf('pemasaran-whatsapp/02-katalog-produk');
    const wrap = text.match(/<div class="review-wrap[^"]*"[^>]*>([\s\S]*?)<\/form>/)?.[1] ?? '';
    expect(wrap).toContain(`data-kit="${task.id}"`);
    expect(wrap).toContain(dictionary.kitTitle);
    expect(wrap).toContain(dictionary.kitGoodExample);
    expect(wrap).toContain(task.kit!.goodExample);
    for (const level of dictionary.kitRubric) expect(wrap).toContain(level);
    // The kit comes before the form (above it on a phone), and the form still records the levels.
    expect(wrap.indexOf('data-kit=')).toBeLessThan(wrap.indexOf('<form'));
    for (const level of [1, 2, 3, 4]) expect(wrap).toMatch(new RegExp(`name="rubricLevel" value="${level}"`));
  });

  it("shows a task's materials to the learner on the lesson, never the kit's good example", async () => {
    for (const lessonId of ['pemasaran-whatsapp/04-label-balasan-cepat', 'keamanan-data/01-kode-otp-rahasia']) {
      const task = taskOf(lessonId);
      const page = await client.request(`/learn/${lessonId}`, { cookie: cookies.yanti });
      expect(page.status).toBe(200);
      const text = decoded(page.body);
      const materials = text.match(/id="task-materials"[\s\S]*?<\/ol>/)?.[0] ?? '';
      expect(materials).toContain(task.kit!.materialsTitle!);
      expect(task.kit!.materials).toHaveLength(5);
      for (const m of task.kit!.materials!) expect(materials).toContain(m);
      expect(text).not.toContain(task.kit!.goodExample);
    }
    // A task that needs no materials shows none.
    const plain = await client.request('/learn/pemasaran-whatsapp/03-foto-produk', { cookie: cookies.yanti });
    expect(plain.status).toBe(200);
    expect(plain.body).not.toContain('id="task-materials"');
  });
});
