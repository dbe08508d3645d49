/**
 * H5P in a real Chromium at 360×740, on the e2e server (demo seed, demo activity imported).
 * Lesson keamanan-data/05-modus-penipuan embeds `<H5P id="pesan-penipuan" />`; lessons are baked
 * at build time, so other packages are put behind that same id with the CLI
 * (`h5p:import -- <file> --id pesan-penipuan --replace`, on the server's DATA_DIR and database).
 * The tests run in order and put the demo activity back at the end.
 *
 *  1. the demo activity: card with size, "Muat", sandboxed iframe, answer, "Tersimpan", the row;
 *  2. true-false.h5p from ../shared: answer "False", the stored result is 1 of 1;
 *  3. the sandbox proof: a package's script cannot read the app's cookies or DOM, cannot call
 *     the API or read the learner's data with the session, and forged messages (other content id,
 *     score above max, malformed, another frame, the page itself) are ignored and not stored;
 *  4. the player opened on its own is sandboxed too; with JavaScript off the card's link opens it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures';
import { LEARNER_PASSWORD, LEARNERS } from './foundation-helpers';
import { openDatabase, type Database } from '../../db/client';
import { ROOT } from '../helpers/server';
import { EVIL_EVENT_IDS, evilPackage, TRUE_FALSE } from '../helpers/h5p-packages';
import { test as weakTest } from './weak-network';
import { queueEntries, registerLearner, workerReady } from './offline-helpers';

test.describe.configure({ mode: 'serial' });

const LESSON = 'keamanan-data/05-modus-penipuan';
const ID = 'pesan-penipuan';
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const work = mkdtempSync(join(tmpdir(), 'melek-e2e-h5p-'));
let database: Database;

test.beforeAll(() => {
  database = openDatabase(process.env.E2E_DATABASE_URL);
});
test.afterAll(() => {
  // Put Melek's own activity back behind the lesson's id.
  const demo = join(work, 'demo.h5p');
  run('src/cli/h5p-pack-demo.ts', '--out', demo);
  run('src/cli/h5p-import.ts', demo, '--id', ID, '--replace');
  database.$client.close();
});

function run(script: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, [TSX, join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, DATA_DIR: process.env.E2E_DATA_DIR },
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Puts a package behind the lesson's activity id. */
function replaceActivity(file: string) {
  expect(run('src/cli/h5p-import.ts', file, '--id', ID, '--replace')).toContain(`<H5P id="${ID}" />`);
}

async function results(userId: string, since: number) {
  const rows = await database.$client.execute({
    sql: 'SELECT content_id, lesson_id, verb, score, max_score, statement FROM h5p_results WHERE user_id = ? AND at >= ? ORDER BY at',
    args: [userId, since],
  });
  return rows.rows.map((r) => ({ ...r }));
}

async function openLessonAndLoad(page: Page, prepare?: () => Promise<void>) {
  await page.goto(`/learn/${LESSON}`);
  const card = page.locator('[data-h5p-card]');
  await expect(card).toBeVisible();
  await prepare?.();
  await card.getByRole('link', { name: /Muat/ }).click();
  const iframe = card.locator('iframe.h5p-frame');
  await expect(iframe).toHaveCount(1);
  return { card, iframe, frame: page.frameLocator('iframe.h5p-frame') };
}

weakTest('issue 16: a result finished while the server does not answer is kept on the phone and stored once it answers', async ({ page, weak }) => {
  test.setTimeout(120_000);
  const learner = await registerLearner(page, 'Bu Sinyal H5P');
  await page.goto(`/learn/${LESSON}`);
  await workerReady(page);
  const { card, frame } = await openLessonAndLoad(page);
  await expect(card.getByRole('status')).toHaveText('Aktivitas siap. Jawab di bawah ini.');
  for (const scam of ['kurir-apk', 'cs-whatsapp-otp', 'bukti-transfer-palsu', 'undangan-apk']) await frame.locator(`[data-id="${scam}"]`).click();
  weak.mode('hang');
  await frame.getByRole('button', { name: 'Periksa' }).click();
  await expect(frame.getByText('Skor Anda: 6 dari 6')).toBeVisible();
  await expect(card.getByRole('status')).toHaveText('Tersimpan di HP — akan dikirim saat online.', { timeout: 20_000 });
  const kept = await queueEntries(page);
  expect(kept.map((e) => [e.type, (e.data as { verb: string }).verb]).sort()).toEqual([
    ['h5p_result', 'answered'],
    ['h5p_result', 'completed'],
  ]);
  expect(await results(learner.id, 0)).toEqual([]);
  weak.mode('pass');
  await expect.poll(async () => (await queueEntries(page)).length, { timeout: 60_000 }).toBe(0);
  expect((await results(learner.id, 0)).map((r) => [r.verb, r.score, r.max_score]).sort()).toEqual([
    ['answered', 6, 6],
    ['completed', 6, 6],
  ]);
});

test('the demo activity: tap Muat, answer in the sandboxed frame, the score is stored', async ({ page }) => {
  const learner = LEARNERS[1];
  const since = Date.now() - 1000;
  await loginAs(page, learner.phone, LEARNER_PASSWORD);
  await page.goto(`/learn/${LESSON}`);
  const card = page.locator('[data-h5p-card]');
  await expect(card.getByRole('heading', { name: 'Pesan mana yang penipuan?' })).toBeVisible();
  await expect(card).toContainText(/Aktivitas interaktif · ± \d+ KB/);
  // Nothing of the player is loaded before the learner asks for it.
  await expect(card.locator('iframe')).toHaveCount(0);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));

  const { iframe, frame } = await openLessonAndLoad(page);
  expect(requested.some((p) => p.startsWith('/h5p/play/'))).toBe(true);
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  await expect(card.getByRole('status')).toHaveText('Aktivitas siap. Jawab di bawah ini.');
  await expect(page.locator('[data-h5p-load]')).toBeHidden();

  // Fits the phone: no sideways scrolling inside the frame or on the page.
  const frameBox = await iframe.boundingBox();
  expect(frameBox!.width).toBeLessThanOrEqual(360);
  expect(await frame.locator('body').evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= 360)).toBe(true);

  for (const scam of ['kurir-apk', 'cs-whatsapp-otp', 'bukti-transfer-palsu', 'undangan-apk']) {
    const message = frame.locator(`[data-id="${scam}"]`);
    await message.click();
    await expect(message).toHaveAttribute('aria-pressed', 'true');
    const box = await message.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
  }
  await expect(frame.getByText('4 pesan ditandai penipuan')).toBeVisible();
  await frame.getByRole('button', { name: 'Periksa' }).click();
  await expect(frame.getByText('Skor Anda: 6 dari 6')).toBeVisible();
  await expect(frame.locator('.ss-feedback').first()).toContainText('Tepat');
  await expect(card.getByRole('status')).toHaveText('Tersimpan: skor 6 dari 6.');
  // The frame grew to its content (the height message), so nothing is cut off.
  expect((await iframe.boundingBox())!.height).toBeGreaterThan(1200);

  await expect
    .poll(async () => (await results(`demo-learner-2`, since)).map((r) => [r.content_id, r.lesson_id, r.verb, r.score, r.max_score]))
    .toEqual([
      [ID, LESSON, 'answered', 6, 6],
      [ID, LESSON, 'completed', 6, 6],
    ]);
});

test('true-false.h5p from ../shared: answered in the lesson, the stored result is 1 of 1', async ({ page }) => {
  replaceActivity(TRUE_FALSE);
  const learner = LEARNERS[2];
  const since = Date.now() - 1000;
  await loginAs(page, learner.phone, LEARNER_PASSWORD);
  const { card, iframe, frame } = await openLessonAndLoad(page);
  await expect(card.getByRole('heading', { name: 'Hello World' })).toBeVisible();
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  await expect(frame.getByText('Is this false?')).toBeVisible();
  await frame.getByRole('radio', { name: 'False' }).click();
  await frame.getByRole('button', { name: 'Check' }).click();
  await expect(frame.getByText('You got 1 of 1 points', { exact: true })).toBeVisible();
  await expect(card.getByRole('status')).toHaveText('Tersimpan: skor 1 dari 1.');
  await expect
    .poll(async () => (await results('demo-learner-3', since)).map((r) => [r.content_id, r.verb, r.score, r.max_score]))
    .toEqual([[ID, 'answered', 1, 1]]);
  const [row] = await results('demo-learner-3', since);
  expect(JSON.parse(String(row.statement))).toMatchObject({ verb: 'http://adlnet.gov/expapi/verbs/answered', result: { score: { raw: 1, max: 1 } } });
});

test('the sandbox: package code cannot read the app cookies or call the API as the learner; forged results are not stored', async ({
  page,
  context,
  baseURL,
}) => {
  const file = join(work, 'evil.h5p');
  writeFileSync(file, evilPackage(LESSON));
  replaceActivity(file);
  const learner = LEARNERS[3];
  const since = Date.now() - 1000;
  // A readable (not HttpOnly) cookie on the app's origin: the app page can read it, the package must not.
  await context.addCookies([{ name: 'canary', value: 'rahasia-kanari', url: baseURL! }]);
  await loginAs(page, learner.phone, LEARNER_PASSWORD);
  const { card, iframe, frame } = await openLessonAndLoad(page, async () => {
    expect(await page.evaluate(() => document.cookie)).toContain('rahasia-kanari');
    await page.evaluate(() => {
      const w = window as unknown as { reports: unknown[] };
      w.reports = [];
      window.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'evil-report') w.reports.push(e.data.report);
      });
    });
  });
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  await expect(frame.locator('#probe')).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { reports: unknown[] }).reports.length)).toBeGreaterThan(0);
  const report = (await page.evaluate(() => (window as unknown as { reports: Array<Record<string, unknown>> }).reports[0])) as Record<
    string,
    string | string[]
  >;
  expect(report.framed).toBe(true);
  expect(report.origin).toBe('null');
  expect(report.cookie).toBe('ERR:SecurityError');
  expect(report.parentCookie).toBe('ERR:SecurityError');
  expect(report.parentBody).toBe('ERR:SecurityError');
  expect(report.topLocation).toBe('ERR:SecurityError');
  expect(JSON.stringify(report)).not.toContain('rahasia-kanari');
  // JSON to the API: the cross-origin preflight fails. text/plain no-cors: sent without the session
  // (and refused), the answer unreadable. The learner's data export: unreadable.
  expect(report.api[0]).toBe('ERR:TypeError');
  expect(report.api[1]).toBe('type:opaque');
  expect(report.api[2]).toBe('ERR:TypeError');
  const forged = await database.$client.execute({ sql: `SELECT count(*) AS n FROM progress_events WHERE id IN (?, ?)`, args: EVIL_EVENT_IDS });
  expect(Number(forged.rows[0].n)).toBe(0);

  // Forged messages: from the page itself, and from a second player frame the bridge did not create.
  await page.evaluate((id) => {
    const message = {
      type: 'melek-h5p',
      v: 1,
      kind: 'xapi',
      contentId: id,
      statement: { verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, result: { score: { raw: 1, max: 1 }, response: 'dari-halaman' } },
    };
    window.postMessage(message, '*');
    const other = document.createElement('iframe');
    other.setAttribute('sandbox', 'allow-scripts');
    other.src = `/h5p/play/${id}`;
    other.id = 'other-frame';
    document.body.appendChild(other);
  }, ID);
  const otherFrame = page.frameLocator('#other-frame');
  await otherFrame.locator('#probe-go').click();
  // Then the real frame: forged results (other content id, score above max, negative, text score,
  // no statement, no version, strings, null, absurd height) and one honest result.
  await frame.locator('#probe-go').click();
  await expect(card.getByRole('status')).toHaveText('Tersimpan: skor 1 dari 1.');
  await page.waitForTimeout(1500);
  const rows = await results('demo-learner-4', since);
  expect(rows.map((r) => [r.content_id, r.verb, r.score, r.max_score])).toEqual([[ID, 'answered', 1, 1]]);
  expect(JSON.parse(String(rows[0].statement)).result.response).toBe(report.nonce);
  // The absurd height was clamped.
  expect((await iframe.boundingBox())!.height).toBeLessThanOrEqual(6000);
  // And the session cookie was never readable by script anyway.
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'melek_session')?.httpOnly).toBe(true);
});

test('the player opened on its own is sandboxed; with JavaScript off the card links to it', async ({ page, browser }) => {
  const learner = LEARNERS[4];
  await loginAs(page, learner.phone, LEARNER_PASSWORD);
  await page.goto(`/h5p/play/${ID}`);
  await expect(page.locator('#probe')).toBeVisible();
  expect(await page.evaluate(() => window.origin)).toBe('null');
  expect(
    await page.evaluate(() => {
      try {
        return document.cookie;
      } catch (e) {
        return `ERR:${(e as Error).name}`;
      }
    }),
  ).toBe('ERR:SecurityError');

  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    baseURL: process.env.E2E_BASE_URL,
  });
  const plain = await noJs.newPage();
  await loginAs(plain, learner.phone, LEARNER_PASSWORD);
  await plain.goto(`/learn/${LESSON}`);
  await plain.locator('[data-h5p-card]').getByRole('link', { name: /Muat/ }).click();
  await expect(plain).toHaveURL(new RegExp(`/h5p/play/${ID}\\?kembali=%2Flearn%2F`));
  await expect(plain.getByText('Aktivitas interaktif ini butuh JavaScript')).toBeVisible();
  // Issue 16: the page opened on its own has a way back to its lesson.
  await expect(plain.getByRole('link', { name: '← Kembali ke pelajaran' })).toHaveAttribute('href', `/learn/${LESSON}`);
  await noJs.close();
});
