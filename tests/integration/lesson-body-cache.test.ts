/**
 * Issue 20: a lesson's body is rendered once per build and locale and reused
 * (src/lib/server/lesson-html.ts). The same built server is started twice: as it runs, and with
 * MELEK_LESSON_CACHE=0, which renders every body for each request as before. Every lesson page,
 * in both languages, for a learner and for a trainer, must come out the same from both, to the
 * byte, apart from what differs on each request anyway (the forms' fresh event ids, the port).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFetch, loginWith } from '../helpers/routes';
import { ROOT, startServer, type TestServer } from '../helpers/server';
import { DEMO } from '../../db/seed';

const LESSONS = readdirSync(join(ROOT, 'content'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, 'content', d.name))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => `${d.name}/${f.replace(/\.mdx$/, '')}`),
  )
  .sort();

let cached: TestServer;
let fresh: TestServer;
const cookies = new Map<TestServer, { learner: string; trainer: string }>();

beforeAll(async () => {
  [cached, fresh] = await Promise.all([startServer(), startServer({ env: { MELEK_LESSON_CACHE: '0' } })]);
  for (const server of [cached, fresh])
    cookies.set(server, {
      learner: await loginWith(server.url, DEMO.learners[0].phone, DEMO.learnerPassword),
      trainer: await loginWith(server.url, DEMO.trainer.phone, DEMO.trainer.password),
    });
}, 120_000);

afterAll(async () => {
  await Promise.all([cached?.stop(), fresh?.stop()]);
});

async function page(server: TestServer, path: string, who: 'learner' | 'trainer', locale: 'id' | 'en'): Promise<string> {
  // appFetch sends the token as the melek_session cookie; the language cookie rides along.
  const response = await appFetch(server.url, path, { cookie: `${cookies.get(server)![who]}; melek_lang=${locale}` });
  expect(response.status, `${path} (${who}, ${locale})`).toBe(200);
  return (await response.text())
    .replaceAll(server.url, 'ORIGIN')
    .replaceAll(encodeURIComponent(server.url), 'ORIGIN')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID');
}

const body = (html: string) => html.slice(html.indexOf('<article class="lesson-body"'), html.indexOf('</article>'));

describe('a lesson body rendered once is the body rendered fresh', () => {
  it('finds the lessons', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(10);
  });

  for (const locale of ['id', 'en'] as const) {
    it(`every lesson page, as a learner, in ${locale}: the same bytes twice from the cache and once fresh`, async () => {
      for (const lesson of LESSONS) {
        const path = `/learn/${lesson}`;
        const first = await page(cached, path, 'learner', locale);
        const again = await page(cached, path, 'learner', locale);
        const old = await page(fresh, path, 'learner', locale);
        expect(body(first).length, `${lesson}: the body is there`).toBeGreaterThan(500);
        expect(body(first), lesson).toBe(body(old));
        expect(first, lesson).toBe(old);
        expect(again, lesson).toBe(first);
      }
    }, 120_000);
  }

  it('a trainer (preview: forms disabled) gets the same page from both', async () => {
    for (const lesson of LESSONS.slice(0, 3)) {
      const path = `/learn/${lesson}`;
      expect(await page(cached, path, 'trainer', 'id'), lesson).toBe(await page(fresh, path, 'trainer', 'id'));
    }
  }, 60_000);
});
