import { test, expect, loginAs } from './fixtures';
import { LEARNERS, LEARNER_PASSWORD, MENTOR_DEWI, TRAINER, expectPath, expectSane } from './foundation-helpers';

/**
 * Layout sanity at 360 px (issue 2: readable at 360 px, 48 px tap targets, labelled inputs):
 * no horizontal scroll, every visible control in <main> at least 44 px tall (WCAG 2.5.5 size;
 * the design goal is 48), every input labelled.
 */

test.describe('layout at 360 px', () => {
  test('/login', async ({ page }) => {
    await page.goto('/login');
    await expectSane(page, [/^Nomor HP \(WhatsApp\)/, 'Kata sandi']);
    // With an error shown, too.
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectSane(page);
  });

  test('/ (landing)', async ({ page }) => {
    await page.goto('/');
    await expectSane(page);
  });

  test('/register, also with every error shown', async ({ page }) => {
    await page.goto('/register');
    const labels = [
      'Kode kelas',
      'Nama lengkap',
      'Nama usaha (boleh dikosongkan)',
      'Kecamatan (boleh dikosongkan)',
      'Buat kata sandi (minimal 8)',
      'Ulangi kata sandi',
    ];
    await expectSane(page, labels);
    await expect(page.getByLabel('Nomor HP (WhatsApp)')).toBeVisible();
    await expect(page.getByLabel('Jenis usaha (boleh dikosongkan)')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Saya setuju Melek menyimpan/ })).toBeVisible();
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectSane(page, labels);
  });

  test('/learn', async ({ page }) => {
    await loginAs(page, LEARNERS[0].phone, LEARNER_PASSWORD);
    await expectPath(page, '/learn');
    await expectSane(page);
  });

  test('/mentor', async ({ page }) => {
    await loginAs(page, MENTOR_DEWI.phone, MENTOR_DEWI.password);
    await expectPath(page, '/mentor');
    await expectSane(page);
    for (const summary of await page.locator('main summary').all()) await summary.click();
    await expectSane(page);
  });

  test('the page with a login link, the invite page and its refusal', async ({ page }) => {
    await loginAs(page, TRAINER.phone, TRAINER.password);
    await expectPath(page, '/trainer');
    // Making a link only adds an invite row; Bu Sari's password stays as it is until it is used.
    await page.getByRole('button', { name: 'Buat tautan masuk: Bu Sari' }).click();
    await expectPath(page, '/mentor/invite');
    await expect(page.locator('#invite-link')).toHaveValue(/\/invite\//);
    await expectSane(page, ['Atau salin tautan ini:']);
    // The invite page itself and its refusal (a made-up token) fit as well.
    const link = await page.locator('#invite-link').inputValue();
    const other = await page
      .context()
      .browser()!
      .newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const invitePage = await other.newPage();
    await invitePage.goto(link);
    await expectSane(invitePage, ['Buat kata sandi (minimal 8)', 'Ulangi kata sandi']);
    await invitePage.goto(new URL('/invite/abcdefghijklmnopqrstuvwxyz234567', link).toString());
    await expect(invitePage.getByRole('alert')).toContainText('Tautan ini tidak berlaku');
    await expectSane(invitePage);
    await other.close();
  });

  test('/trainer with every form opened', async ({ page }) => {
    await loginAs(page, TRAINER.phone, TRAINER.password);
    await expectPath(page, '/trainer');
    await expectSane(page);
    for (const summary of await page.locator('main summary').all()) await summary.click();
    await expect(page.locator('#cohort-form')).toBeVisible();
    await expectSane(page, ['Peran', 'Kelas', 'Nama kelas', 'Tanggal mulai (boleh dikosongkan)']);
  });

  test('English pages fit too (longer words)', async ({ page }) => {
    await page.goto('/bahasa/en?next=/register');
    await expectPath(page, '/register');
    await expectSane(page);
    await page.goto('/login');
    await page.getByLabel('Phone number (WhatsApp)').fill(TRAINER.phone);
    await page.getByLabel('Password').fill(TRAINER.password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expectPath(page, '/trainer');
    await expectSane(page);
  });
});
