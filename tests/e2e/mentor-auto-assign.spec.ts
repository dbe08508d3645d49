import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, loginAs, test, uniquePhone } from './fixtures';
import { dbRows, registerLearner } from './offline-helpers';

/**
 * Issue 16, item 3: every learner has a mentor, or someone knows they have none. At 360×740,
 * JavaScript off (all of it is plain forms and server pages).
 */
test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const TRAINER = '081100000001';
const TASK_LESSON = 'aplikasi-keuangan/01-pisahkan-uang-usaha';

async function register(page: Page, code: string, name: string) {
  await page.goto('/register');
  await page.getByLabel('Kode kelas').fill(code);
  await page.getByLabel('Nama lengkap').fill(name);
  await page.getByLabel('Nomor HP (WhatsApp)').fill(uniquePhone());
  await page.getByLabel('Buat kata sandi (minimal 8)').fill('sandi-uji-123');
  await page.getByLabel('Ulangi kata sandi').fill('sandi-uji-123');
  await page.getByRole('checkbox', { name: /Saya setuju Melek menyimpan/ }).check();
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/learn');
}

test('joining a cohort that has mentors: the least-loaded one is assigned at once, and the learner sees them', async ({ page }) => {
  const mentorsBefore = await dbRows<{ id: string; load: number }>(
    `SELECT m.id, (SELECT count(*) FROM mentor_assignments a JOIN users l ON l.id = a.learner_id WHERE a.mentor_id = m.id AND a.until IS NULL AND l.deleted_at IS NULL) AS load
     FROM users m WHERE m.id IN (SELECT DISTINCT a.mentor_id FROM mentor_assignments a JOIN cohort_members c ON c.user_id = a.learner_id JOIN cohorts k ON k.id = c.cohort_id WHERE k.join_code = 'SDA-2026' AND a.until IS NULL)`,
  );
  expect(mentorsBefore.length).toBeGreaterThan(1);
  const learner = await registerLearner(page, 'Bu Gabung Langsung');
  const [assignment] = await dbRows<{ mentor_id: string; assigned_by: string | null }>(
    'SELECT mentor_id, assigned_by FROM mentor_assignments WHERE learner_id = ? AND until IS NULL',
    [learner.id],
  );
  expect(assignment.assigned_by).toBeNull();
  const min = Math.min(...mentorsBefore.map((m) => Number(m.load)));
  // Other tests register learners at the same time, so "least loaded" is checked with a margin of their few.
  expect(Number(mentorsBefore.find((m) => m.id === assignment.mentor_id)!.load)).toBeLessThanOrEqual(min + 2);
  await expect(page.locator('#mentor-name')).toBeVisible();
  // The task page promises a mentor's check, which is true now.
  await page.goto(`/learn/${TASK_LESSON}`);
  await page.locator('#tugas').getByLabel('Ceritakan apa yang sudah Anda kerjakan').fill('Sudah saya pisahkan.');
  await page.locator('#tugas').getByRole('button', { name: 'Kirim ke pendamping' }).click();
  await expect(page.locator('#task-sent')).toHaveText('Tugas terkirim. Pendamping akan memeriksanya.');
});

test('joining a cohort without a mentor: the learner is told the truth, the trainer sees "Peserta tanpa pendamping" and assigns in one tap', async ({
  page,
  browser,
}) => {
  const code = `UJI-${Date.now().toString(36).slice(-5).toUpperCase()}`;
  const cohortName = `Kelas Uji Tanpa Pendamping ${code}`;
  const trainerContext = await browser.newContext({
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: false,
    baseURL: process.env.E2E_BASE_URL,
    locale: 'id-ID',
  });
  const trainer = await trainerContext.newPage();
  await loginAs(trainer, TRAINER, DEMO_PASSWORD.trainer);
  await trainer.goto('/trainer');
  await trainer.getByText('Buat kelas baru').click();
  await trainer.getByLabel('Nama kelas').fill(cohortName);
  await trainer.locator('#cohort-kecamatan').fill('Candi');
  await trainer.getByLabel('Kode kelas').fill(code);
  await trainer.getByRole('button', { name: 'Buat kelas' }).click();
  await expect(trainer.getByRole('status')).toContainText(cohortName);

  const name = `Bu Tanpa Pendamping ${code}`;
  await register(page, code, name);
  await expect(page.getByText('Pendamping belum ditentukan. Pelatih akan segera memilihkan.')).toBeVisible();
  await page.goto(`/learn/${TASK_LESSON}`);
  await page.locator('#tugas').getByLabel('Ceritakan apa yang sudah Anda kerjakan').fill('Sudah saya pisahkan.');
  await page.locator('#tugas').getByRole('button', { name: 'Kirim ke pendamping' }).click();
  await expect(page.locator('#task-sent')).toContainText('Anda belum punya pendamping');
  await expect(page.locator('#task-sent')).not.toContainText('Pendamping akan memeriksanya');

  await trainer.goto('/trainer');
  const box = trainer.locator('#without-mentor');
  await expect(box.getByRole('heading')).toHaveText(/^Peserta tanpa pendamping \(\d+\)$/);
  const item = box.locator('li', { hasText: name });
  await expect(item).toContainText(cohortName);
  const button = item.getByRole('button', { name: /^Tugaskan ke .+ \(\d+ peserta\)$/ });
  const mentorName = (await button.textContent())!.trim().match(/^Tugaskan ke (.+) \(\d+ peserta\)$/)![1];
  await button.click();
  await expect(trainer.getByRole('status')).toHaveText(`${name} sekarang didampingi ${mentorName}.`);
  await expect(trainer.locator('#without-mentor li', { hasText: name })).toHaveCount(0);
  expect(await trainer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await trainerContext.close();

  await page.goto('/learn');
  await expect(page.locator('#mentor-name')).toContainText(mentorName);
});
