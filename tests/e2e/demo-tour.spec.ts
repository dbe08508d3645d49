import type { Browser, Page } from '@playwright/test';
import { test, expect, loginAs } from './fixtures';
import { startServer, type TestServer } from '../helpers/server';

/**
 * Issue 16, item 8, at 360×740 in Chromium: a new user opens the demo that `npm start` seeds (its
 * own server here, with MELEK_SEED=1) as trainer, mentor and learner, and sees a partnership map, a
 * stuck learner, a task to review, reports with real spread and a certificate — each page marked
 * as a demo account.
 */
test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ mode: 'serial' });

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ seed: 'activity' });
});
test.afterAll(async () => server?.stop());

async function as(browser: Browser, phone: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: server.url, locale: 'id-ID' });
  const page = await context.newPage();
  await loginAs(page, phone, password);
  await expect(page.getByRole('note')).toContainText('Akun demo');
  return page;
}

test('the mentor sees a stuck learner first and a task to review', async ({ browser }) => {
  const page = await as(browser, '081100000002', 'mentor-demo');
  await page.goto('/mentor');
  const first = page.getByRole('listitem').filter({ hasText: 'Perlu dibantu' }).first();
  await expect(first).toContainText('Bu Lilik');
  await expect(page.getByText('1 tugas menunggu diperiksa')).toBeVisible();
});

test('the trainer sees the partnership map and reports with spread', async ({ browser }) => {
  const page = await as(browser, '081100000001', 'pelatih-demo');
  await page.goto('/trainer/jaringan');
  expect(await page.locator('svg line').count()).toBeGreaterThanOrEqual(2);
  await page.goto('/trainer/reports');
  const means = await page
    .getByText(/Digital \(n = 6\): \d,\d\d/)
    .first()
    .textContent();
  expect(means).not.toMatch(/: 1,00;.*: 1,00;.*: 1,00;.*: 1,00/);
});

test('Bu Sari sees her certificate and what comes next', async ({ browser }) => {
  const page = await as(browser, '081100000011', 'belajar-demo');
  await page.goto('/learn/capaian');
  await expect(page.getByText(/Sertifikat/i).first()).toBeVisible();
  await expect(page.locator('a[href^="/sertifikat/"]').first()).toBeVisible();
});
