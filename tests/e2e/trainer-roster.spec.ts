import type { Page } from '@playwright/test';
import { test, expect, loginAs } from './fixtures';
import { TRAINER, expectPath, freshPhone, uniqueName } from './foundation-helpers';

/**
 * Issue 4 "Done when" (trainer part), at 360×740: the trainer creates two mentors and a fresh
 * cohort, imports a CSV of 20 learners of which 2 are bad (the report shows 18 imported and the 2
 * refused rows with their reasons), then reassigns one imported learner to the other mentor with
 * the bulk form; the learner's history shows both mentors. Fresh mentors and a fresh cohort keep
 * the demo data (which other specs count on) as it is.
 */

/** Every visible control in <main> at least 44 px in both directions (links inside sentences excepted), no sideways scroll. */
async function expectPhoneSized(page: Page): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, 'horizontal scroll').toBeLessThanOrEqual(360);
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>('main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary'),
    )) {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || rect.width === 0) continue;
      if (el.tagName === 'A' && style.display === 'inline' && (el.parentElement?.textContent ?? '').replace(el.textContent ?? '', '').trim()) continue;
      const type = (el as HTMLInputElement).type;
      const box = (el.tagName === 'INPUT' && type === 'checkbox' ? (el.closest('label') ?? el) : el).getBoundingClientRect();
      if (box.height < 44 || box.width < 44)
        out.push(
          `${el.tagName} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30)}" ${box.width.toFixed(0)}×${box.height.toFixed(0)}`,
        );
    }
    return out;
  });
  expect(small, 'tap targets under 44 px').toEqual([]);
}

async function createMentor(page: Page, name: string): Promise<void> {
  await page.goto('/trainer');
  await page.locator('summary', { hasText: 'Buat akun' }).click();
  const form = page.locator('#account-form');
  await form.getByLabel('Peran').selectOption({ label: 'Pendamping' });
  await form.getByLabel('Nama lengkap').fill(name);
  await form.getByLabel('Nomor HP (WhatsApp)').fill(freshPhone());
  await form.getByRole('button', { name: 'Buat akun' }).click();
  await expect(page.getByRole('status')).toContainText(`Akun ${name} sudah dibuat.`);
  await expect(page.locator('#mentors > li').filter({ hasText: name })).toContainText('0 peserta');
}

test('trainer imports a CSV of 20 learners (2 bad rows reported) and reassigns one', async ({ page }) => {
  const stamp = String(Date.now()).slice(-6);
  const mentorA = uniqueName('Mbak Pendamping A');
  const mentorB = uniqueName('Mas Pendamping B');
  const cohortName = uniqueName('Kelas Impor');
  const joinCode = `IMP-${Date.now().toString(36).toUpperCase()}`.slice(0, 20);

  await loginAs(page, TRAINER.phone, TRAINER.password);
  await expectPath(page, '/trainer');

  // Two mentors of its own, so the demo mentors keep exactly their three learners.
  await createMentor(page, mentorA);
  await createMentor(page, mentorB);

  // A fresh cohort with a unique join code, opened from the cohorts table.
  await page.locator('summary', { hasText: 'Buat kelas baru' }).click();
  const cohortForm = page.locator('#cohort-form');
  await cohortForm.getByLabel('Nama kelas').fill(cohortName);
  await cohortForm.getByLabel('Kecamatan').fill('Candi');
  await cohortForm.getByLabel('Kode kelas').fill(joinCode);
  await cohortForm.getByRole('button', { name: 'Buat kelas' }).click();
  await expect(page.getByRole('status')).toContainText(`Kelas "${cohortName}" sudah dibuat.`);
  await page.locator('#cohorts').getByRole('link', { name: cohortName }).click();
  await expect(page.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();
  await expect(page.locator('#join-code')).toHaveText(joinCode);
  const share = new URL((await page.locator('#share-code').getAttribute('href')) ?? '');
  expect(share.origin + share.pathname).toBe('https://wa.me/');
  expect(share.searchParams.get('text')).toContain(`/register?kode=${joinCode}`);
  await expect(page.getByText('Belum ada peserta di kelas ini.')).toBeVisible();
  const cohortPath = new URL(page.url()).pathname;
  await expectPhoneSized(page);

  // The roster as Excel set to Indonesian saves it: BOM, semicolons, CRLF. Row 8 has a bad number,
  // row 15 repeats the number of row 3.
  const phone = (i: number) => `0858${stamp}${String(i).padStart(2, '0')}`;
  const lines = ['Nama;No HP;Nama Usaha;Jenis Usaha;Kecamatan'];
  for (let i = 1; i <= 20; i++) lines.push(`Peserta ${stamp}-${i};${phone(i)};Usaha ${i};kue basah;Candi`);
  lines[7] = `Peserta ${stamp}-7;0812-ABC;Usaha 7;kue basah;Candi`;
  lines[14] = `Peserta ${stamp}-14;${phone(2)};Usaha 14;kue basah;Candi`;
  await page.setInputFiles('#import-file', { name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n') });
  await page.getByLabel('Pendamping untuk semua peserta yang diimpor').selectOption({ label: mentorA });
  await page.getByRole('button', { name: 'Impor peserta' }).click();

  // The report: 18 in, 2 refused with row numbers and reasons.
  await expect(page.getByRole('heading', { level: 1, name: 'Hasil impor' })).toBeVisible();
  await expect(page.locator('#report-summary')).toHaveText('18 peserta diimpor, 2 baris ditolak.');
  await expect(page.getByText(`Semua peserta yang diimpor didampingi ${mentorA}.`)).toBeVisible();
  const refused = page.locator('#refused > li');
  await expect(refused).toHaveCount(2);
  await expect(refused.nth(0)).toContainText(`Baris 8: Peserta ${stamp}-7 · 0812-ABC`);
  await expect(refused.nth(0)).toContainText('Nomor HP tidak dikenali');
  await expect(refused.nth(1)).toContainText(`Baris 15: Peserta ${stamp}-14`);
  await expect(refused.nth(1)).toContainText('Nomor HP sama dengan baris 3 di file ini.');
  const imported = page.locator('#imported > li');
  await expect(imported).toHaveCount(18);
  await expect(imported.first()).toContainText(`Baris 2: Peserta ${stamp}-1`);
  await expect(imported.first().getByRole('button', { name: `Buat tautan masuk: Peserta ${stamp}-1` })).toBeVisible();
  await expectPhoneSized(page);

  // Back on the cohort page: 18 members, all with mentor A.
  await page.getByRole('link', { name: 'Kembali ke halaman kelas' }).click();
  await expectPath(page, cohortPath);
  await expect(page.getByRole('heading', { level: 2, name: 'Peserta (18)' })).toBeVisible();
  const rows = page.locator('#members tbody tr');
  await expect(rows).toHaveCount(18);
  await expect(rows.locator('td.mentor').filter({ hasText: mentorA })).toHaveCount(18);
  await expectPhoneSized(page);

  // Reassign one learner to mentor B with the bulk form (one box ticked).
  const learner = `Peserta ${stamp}-5`;
  const row = rows.filter({ hasText: learner });
  await expect(row.getByRole('link', { name: `Lihat kemajuan ${learner}` })).toHaveAttribute('href', /^\/mentor\/learners\/[a-z2-7]+$/);
  await row.getByRole('checkbox', { name: `Pilih ${learner}` }).check();
  await page.getByLabel('Pilih pendamping untuk peserta yang dicentang').selectOption({ label: `${mentorB} (0 peserta)` });
  await page.getByRole('button', { name: 'Tetapkan untuk yang dicentang' }).click();
  await expect(page.getByRole('status')).toHaveText(`1 peserta sekarang didampingi ${mentorB}.`);

  // The row now says mentor B, and its history shows both mentors.
  const after = page.locator('#members tbody tr').filter({ hasText: learner });
  await expect(after.locator('td.mentor')).toHaveText(mentorB);
  await after.locator('summary', { hasText: 'Riwayat (2)' }).click();
  const history = after.locator('td.history li');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(`${mentorB}: sejak`);
  await expect(history.nth(0)).toContainText('(sekarang)');
  await expect(history.nth(1)).toContainText(`${mentorA}:`);
  await expect(history.nth(1)).toContainText('s.d.');
  await expect(history.nth(1)).toContainText('ditetapkan oleh Bu Ratna (Pelatih)');
  // Everyone else stayed with mentor A.
  await expect(page.locator('#members td.mentor').filter({ hasText: mentorA })).toHaveCount(17);

  // The trainer home counts the mentors' learners.
  await page.goto('/trainer');
  await expect(page.locator('#mentors > li').filter({ hasText: mentorA })).toContainText('17 peserta');
  await expect(page.locator('#mentors > li').filter({ hasText: mentorB })).toContainText('1 peserta');
});

test('a refused import says why and keeps the pasted table; nothing is imported', async ({ page }) => {
  await loginAs(page, TRAINER.phone, TRAINER.password);
  await expectPath(page, '/trainer');
  await page.locator('#cohorts').getByRole('link').first().click();
  await expect(page.locator('#import-form')).toBeVisible();
  const before = await page.locator('#members tbody tr').count();
  await page.getByLabel('Atau tempel tabel di sini').fill('nama;kecamatan\nBu Tanpa Nomor;Candi');
  await page.getByRole('button', { name: 'Impor peserta' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Kolom wajib tidak ditemukan: no hp. Baris pertama harus berisi judul kolom, misalnya nama;no hp;nama usaha;jenis usaha;kecamatan. Tidak ada yang diimpor.',
  );
  await expect(page.getByLabel('Atau tempel tabel di sini')).toHaveValue('nama;kecamatan\nBu Tanpa Nomor;Candi');
  await expectPhoneSized(page);
  await page.goBack();
  await page.reload();
  expect(await page.locator('#members tbody tr').count()).toBe(before);
});

test('the cohort page and the import check fit a 360 px phone in English too', async ({ page }) => {
  await page.goto('/bahasa/en?next=/login');
  await page.getByLabel('Phone number (WhatsApp)').fill(TRAINER.phone);
  await page.getByLabel('Password').fill(TRAINER.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expectPath(page, '/trainer');
  await expect(page.getByRole('heading', { level: 2, name: 'Mentors' })).toBeVisible();
  await page.locator('#cohorts').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import learners from CSV' })).toBeVisible();
  for (const summary of await page.locator('main > details > summary').all()) await summary.click();
  await expectPhoneSized(page);
  await page.getByLabel('Or paste a table here').fill(`name\tphone\nBu English\t${freshPhone()}\nBu Salah\t0812\n`);
  await page.getByRole('button', { name: 'Check first (not saved)' }).click();
  await expect(page.locator('#report-summary')).toHaveText('1 row ready to import, 1 row would be refused. Nothing saved yet.');
  await expect(page.locator('#refused')).toContainText('Row 3: Bu Salah · 0812');
  await expectPhoneSized(page);
});
