import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, loginAs, test } from './fixtures';

/**
 * Issue 16, item 5: the trainer's and mentor's pages fit a 360 px phone. On every page of both
 * areas no element reaches past the screen's edges (a wide table inside a scroll box counts as
 * too wide: its columns are off-screen), learners are cards, and the header is one line with a menu.
 */
test.use({ viewport: { width: 360, height: 740 } });

const TRAINER = '081100000001';
const MENTOR = '081100000002';

/** Elements reaching outside the viewport horizontally (visible ones; the skip link is off-screen on purpose). */
async function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.skip, dialog:not([open]), [hidden], details:not([open]) > :not(summary)')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || (style.position === 'fixed' && r.left < -50)) continue;
      if (r.right > width + 1 || r.left < -1) {
        out.push(
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} ${Math.round(r.left)}..${Math.round(r.right)}`,
        );
      }
    }
    return out.filter((x) => !/^(thead|tbody|tr|th|td)/.test(x)).slice(0, 6);
  });
}

async function headerHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('header.top')!.getBoundingClientRect().height);
}

async function staffPages(page: Page, area: 'trainer' | 'mentor'): Promise<string[]> {
  const pages =
    area === 'trainer'
      ? ['/trainer', '/trainer/reports', '/trainer/jaringan', '/trainer/h5p', '/mentor', '/mentor/reports', '/mentor/jaringan']
      : ['/mentor', '/mentor/reports', '/mentor/jaringan'];
  await page.goto(area === 'trainer' ? '/trainer' : '/mentor');
  const cohort = area === 'trainer' ? await page.locator('a.cohort-link').first().getAttribute('href') : null;
  if (cohort) pages.push(cohort, `${cohort}/import`);
  await page.goto('/mentor');
  const learner = await page.locator('a[href^="/mentor/learners/"]').first().getAttribute('href');
  if (learner) pages.push(learner);
  return pages;
}

for (const [area, phone, password] of [
  ['trainer', TRAINER, DEMO_PASSWORD.trainer],
  ['mentor', MENTOR, DEMO_PASSWORD.mentor],
] as const) {
  test(`${area}: every page fits 360 px (no element past the edge) and the header is one line`, async ({ page }) => {
    test.setTimeout(120_000);
    await loginAs(page, phone, password);
    const pages = await staffPages(page, area);
    const problems: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(path);
      const wide = await tooWide(page);
      const header = await headerHeight(page);
      if (header > 64) wide.push(`header ${Math.round(header)} px high`);
      if (wide.length) problems[path] = wide;
    }
    expect(problems).toEqual({});
  });
}

test('trainer: below 600 px learners are cards with name, mentor, progress and what needs doing; the menu opens without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: false,
    baseURL: process.env.E2E_BASE_URL,
    locale: 'id-ID',
  });
  const page = await context.newPage();
  await loginAs(page, TRAINER, DEMO_PASSWORD.trainer);
  await page.goto('/trainer');
  await page.locator('a.cohort-link').first().click();
  const card = page.locator('[data-learner-card]').first();
  await expect(card).toBeVisible();
  await expect(card.locator('[data-field="mentor"]')).toBeVisible();
  await expect(card.locator('[data-field="progress"]')).toBeVisible();
  await expect(card.locator('[data-field="todo"]')).toBeVisible();
  const menu = page.locator('header.top details.menu');
  await menu.locator('summary').click();
  await expect(menu.getByRole('link', { name: 'Laporan capaian' })).toBeVisible();
  await context.close();
});
