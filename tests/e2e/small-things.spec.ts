import { createClient } from '@libsql/client';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, loginAs, test, uniquePhone } from './fixtures';
import { dbRows, registerLearner } from './offline-helpers';

/** Issue 16, item 7: the small things a person trips over, each at 360×740 (JavaScript off unless said). */
test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const TASK_LESSON = 'aplikasi-keuangan/01-pisahkan-uang-usaha';
const MENTOR_PHONE: Record<string, string> = { 'demo-mentor-1': '081100000002', 'demo-mentor-2': '081100000003' };

async function write(sql: string, args: Array<string | number>) {
  const client = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    await client.execute({ sql, args });
  } finally {
    client.close();
  }
}

/** Effective on-screen size of every SVG label: its font size times the chart's scale. */
async function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let min = Infinity;
    for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
      const svg = text.ownerSVGElement!;
      const box = svg.viewBox.baseVal;
      const rect = svg.getBoundingClientRect();
      if (!box || box.width === 0 || rect.width === 0 || !text.textContent?.trim()) continue;
      min = Math.min(min, parseFloat(getComputedStyle(text).fontSize) * (rect.width / box.width));
    }
    return min;
  });
}

test('a task link typed without https:// (wa.me/c/…, www.…) is accepted and stored with https://', async ({ page }) => {
  const learner = await registerLearner(page, 'Bu Tautan Pendek');
  for (const [lesson, typed, stored] of [
    [TASK_LESSON, 'wa.me/c/6281234567890', 'https://wa.me/c/6281234567890'],
    ['aplikasi-keuangan/02-pembukuan-digital', 'www.tokokerupuk.id', 'https://www.tokokerupuk.id'],
  ]) {
    await page.goto(`/learn/${lesson}`);
    const task = page.locator('#tugas');
    await task.getByLabel('Ceritakan apa yang sudah Anda kerjakan').fill('Katalog sudah saya buat.');
    await task.getByLabel(/Tautan/).fill(typed);
    await task.getByRole('button', { name: /Kirim/ }).click();
    await expect(page).toHaveURL(/tugas=terkirim/);
    await expect(page.locator('#task-status a')).toHaveAttribute('href', stored);
  }
  const links = await dbRows<{ link: string }>('SELECT link FROM task_submissions WHERE user_id = ? ORDER BY submitted_at', [learner.id]);
  expect(links.map((r) => r.link)).toEqual(['https://wa.me/c/6281234567890', 'https://www.tokokerupuk.id']);
});

test('registration errors say why both password fields are empty, and a mismatch is reported with the other errors', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Kode kelas').fill('SDA-2026');
  await page.getByLabel('Nama lengkap').fill('');
  await page.getByLabel('Nomor HP (WhatsApp)').fill(uniquePhone());
  await page.getByLabel('Buat kata sandi (minimal 8)').fill('sandi-uji-123');
  await page.getByLabel('Ulangi kata sandi').fill('sandi-uji-124');
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page.locator('#register-errors')).toContainText('ketik ulang kedua kolom kata sandi');
  await expect(page.getByLabel('Ulangi kata sandi')).toHaveAccessibleDescription(/Kedua kata sandi tidak sama/);
  await expect(page.getByLabel('Nama lengkap')).toHaveAttribute('aria-invalid', 'true');
});

test('codes are shown as names: the pre-test in the mentor history, the questionnaire on /learn/capaian', async ({ page, browser }) => {
  const learner = await registerLearner(page, 'Bu Tes Awal');
  await write(
    "INSERT INTO quiz_attempts (id, user_id, lesson_id, kind, answers, score, max_score, at) VALUES (?, ?, 'aplikasi-keuangan', 'pre', '{}', 3, 5, ?)",
    [crypto.randomUUID(), learner.id, Date.now()],
  );
  await page.goto('/learn/capaian');
  await expect(page.locator('#instrument-name')).toHaveText(/^Kuesioner penilaian diri Melek, edisi \d{4} \(revisi \d+\)$/);
  await expect(page.locator('main')).not.toContainText('sa-2026');
  expect(await smallestChartText(page)).toBeGreaterThanOrEqual(12);

  const [{ mentor_id }] = await dbRows<{ mentor_id: string }>('SELECT mentor_id FROM mentor_assignments WHERE learner_id = ? AND until IS NULL', [learner.id]);
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: false,
    baseURL: process.env.E2E_BASE_URL,
    locale: 'id-ID',
  });
  const mentor = await context.newPage();
  await loginAs(mentor, MENTOR_PHONE[mentor_id], DEMO_PASSWORD.mentor);
  await mentor.goto(`/mentor/learners/${learner.id}`);
  await expect(mentor.locator('main')).toContainText('Tes awal «Aplikasi Keuangan');
  await expect(mentor.locator('main')).not.toContainText('aplikasi-keuangan:');
  await context.close();
});

test('reports: chart labels at least 12 px and plain explanations beside "Simp. baku" and "g"', async ({ page }) => {
  await loginAs(page, '081100000001', DEMO_PASSWORD.trainer);
  await page.goto('/trainer/reports');
  expect(await smallestChartText(page)).toBeGreaterThanOrEqual(12);
  await expect(page.locator('#explain-sd')).toContainText('simpangan baku');
  await expect(page.locator('#explain-gain')).toContainText('tes awal dan tes akhir');
});

test('the H5P id field pattern compiles in Chromium, so the browser checks it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: process.env.E2E_BASE_URL, locale: 'id-ID' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await loginAs(page, '081100000001', DEMO_PASSWORD.trainer);
  await page.goto('/trainer/h5p');
  const field = page.locator('#h5p-id');
  await field.fill('Kuis QRIS!');
  expect(await field.evaluate((el: HTMLInputElement) => el.validity.patternMismatch)).toBe(true);
  await field.fill('kuis-qris');
  expect(await field.evaluate((el: HTMLInputElement) => el.validity.patternMismatch)).toBe(false);
  expect(errors.filter((e) => /pattern/i.test(e))).toEqual([]);
  await context.close();
});

test('without JavaScript, the H5P "Muat" link opens the player with a way back to the lesson; the module page says data vs storage', async ({ page }) => {
  await registerLearner(page, 'Bu Tanpa Skrip H5P');
  await page.goto('/learn/keamanan-data/05-modus-penipuan');
  await page.locator('[data-h5p-card]').getByRole('link', { name: /Muat/ }).click();
  await expect(page).toHaveURL(/\/h5p\/play\//);
  await page.getByRole('link', { name: '← Kembali ke pelajaran' }).click();
  await expect(page).toHaveURL(/\/learn\/keamanan-data\/05-modus-penipuan$/);
  await page.goto('/learn/keamanan-data');
  await expect(page.locator('#save-offline')).toContainText('Perkiraan kuota internet');
});
