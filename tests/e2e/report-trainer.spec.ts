import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { test, expect, loginAs, DEMO_PASSWORD } from './fixtures';
import { DEMO } from '../../db/seed';
import { CSV_COLUMNS } from '../../src/lib/reports/csv';

/**
 * Issue 5 "Done when" (the trainer's part), at 360×740: the trainer opens /trainer/reports, sees
 * the SVG charts (accessible images, no script) and the tables, narrows it to the demo cohort,
 * downloads the CSV, and the file parses (csv-parse) with the columns docs/indicator-csv.md
 * documents — pseudonymous ids only. Counts are not asserted: other specs add learners.
 */
test('trainer reads the report on a phone and downloads the research CSV', async ({ page }) => {
  await loginAs(page, DEMO.trainer.phone, DEMO_PASSWORD.trainer);
  await page.goto('/trainer/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan capaian peserta' })).toBeVisible();

  // Charts: server-rendered SVG images with a name and a description; no chart script.
  const charts = page.locator('figure.chart svg[role="img"]');
  expect(await charts.count()).toBeGreaterThanOrEqual(3);
  await expect(page.locator('#chart-pillars svg')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Rata-rata skor per pilar' })).toBeVisible();
  await expect(page.locator('#chart-pillars desc')).toContainText('Cakap Digital');
  expect(await page.locator('main script').count()).toBe(0);

  // The table beside it: the four pillars and the overall score.
  const table = page.locator('#pillar-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('thead')).toContainText('≥ Cakap');
  await expect(page.locator('#adoption-table tbody tr')).toHaveCount(5);
  await expect(page.locator('#engagement')).toContainText('Belum menyelesaikan satu modul pun');

  // Fits the phone: nothing scrolls sideways (wide tables scroll inside their own box).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Narrow to the demo cohort.
  await page.getByRole('combobox', { name: 'Kelas' }).selectOption({ label: DEMO.cohort.name });
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page).toHaveURL(/\/trainer\/reports\?kelas=demo-cohort-1$/);
  await expect(page.locator('#cohort-table')).toContainText(DEMO.cohort.name);

  // Download the CSV and read it back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#csv-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^melek-laporan-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const records = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(Object.keys(records[0])).toEqual([...CSV_COLUMNS]);
  expect(records.length).toBeGreaterThanOrEqual(DEMO.learners.length * 5);
  expect(records.every((r) => /^[0-9a-f]{12}$/.test(r.pseudonymous_id))).toBe(true);
  expect(records.every((r) => r.cohort === DEMO.cohort.name)).toBe(true);
  const components = new Set(records.map((r) => r.component));
  for (const component of ['Q', 'P', 'C', 'score']) expect(components.has(component), component).toBe(true);
  for (const learner of DEMO.learners) {
    expect(text).not.toContain(learner.name);
    expect(text).not.toContain(learner.phone.slice(1));
  }
});
