import type { Page } from '@playwright/test';
import { test, expect, loginAs } from './fixtures';
import { COHORT, TRAINER, expectPath, expectSane, freshContext, freshPhone, shown, uniqueName, waDigitsOf } from './foundation-helpers';

/**
 * Issue 2 "Done when": a learner registers with SDA-2026 and sees their cohort; bad registrations
 * get the right Indonesian message and keep what was typed; an invite link sets a password once and
 * is refused the second time. Every account here is new (fresh phone), never a demo account.
 */

interface Registration {
  joinCode: string;
  name: string;
  phone: string;
  businessName: string;
  businessType: string;
  kecamatan: string;
  password: string;
  passwordRepeat: string;
  consent: boolean;
}

function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    joinCode: COHORT.joinCode,
    name: uniqueName('Bu Uji Daftar'),
    phone: freshPhone(),
    businessName: 'Keripik Tempe Uji',
    businessType: 'keripik',
    kecamatan: 'Buduran',
    password: 'sandi-uji-123',
    passwordRepeat: 'sandi-uji-123',
    consent: true,
    ...overrides,
  };
}

const field = {
  joinCode: 'Kode kelas',
  name: 'Nama lengkap',
  phone: 'Nomor HP (WhatsApp)',
  businessName: 'Nama usaha (boleh dikosongkan)',
  businessType: 'Jenis usaha (boleh dikosongkan)',
  kecamatan: 'Kecamatan (boleh dikosongkan)',
  password: 'Buat kata sandi (minimal 8)',
  passwordRepeat: 'Ulangi kata sandi',
} as const;

async function fillRegistration(page: Page, r: Registration): Promise<void> {
  for (const key of Object.keys(field) as Array<keyof typeof field>) {
    await page.getByLabel(field[key]).fill(r[key]);
  }
  await page.getByRole('checkbox', { name: /Saya setuju Melek menyimpan/ }).setChecked(r.consent);
}

/** Submits the register form and returns the status of the POST. */
async function submitRegistration(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/register'),
    page.getByRole('button', { name: 'Daftar', exact: true }).click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return response.status();
}

/** After a refused registration: the typed values are back, the passwords are not. */
async function expectKept(page: Page, r: Registration): Promise<void> {
  await expect(page.getByLabel(field.joinCode)).toHaveValue(r.joinCode);
  await expect(page.getByLabel(field.name)).toHaveValue(r.name);
  await expect(page.getByLabel(field.phone)).toHaveValue(r.phone);
  await expect(page.getByLabel(field.businessName)).toHaveValue(r.businessName);
  await expect(page.getByLabel(field.businessType)).toHaveValue(r.businessType);
  await expect(page.getByLabel(field.kecamatan)).toHaveValue(r.kecamatan);
  await expect(page.getByLabel(field.password)).toHaveValue('');
  await expect(page.getByLabel(field.passwordRepeat)).toHaveValue('');
}

test.describe('register with a join code', () => {
  test('a new learner registers with SDA-2026 and sees the cohort on /learn', async ({ page }) => {
    const r = registration();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Daftar dengan kode kelas' }).click();
    await expectPath(page, '/register');
    await expect(page.getByRole('heading', { level: 1, name: 'Daftar ke kelas' })).toBeVisible();
    await fillRegistration(page, r);
    expect(await submitRegistration(page)).toBe(303);
    await expectPath(page, '/learn');
    await expect(page.getByRole('heading', { level: 1, name: `Halo, ${r.name}!` })).toBeVisible();
    await expect(page.locator('#cohort-name')).toContainText(COHORT.name);
    // The demo cohort has mentors: the least-loaded one is assigned on joining (issue 16).
    await expect(page.locator('#mentor-name')).toContainText(/Mbak|Mas|Bu|Pak/);

    // The new account logs in again later with its phone in another format.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expectPath(page, '/login');
    await loginAs(page, `+62 ${r.phone.slice(1)}`, r.password);
    await expectPath(page, '/learn');
    await expect(page.locator('#cohort-name')).toContainText(COHORT.name);
  });

  test('the join code from ?kode= is filled in and accepted in lower case', async ({ page }) => {
    await page.goto('/register?kode=SDA-2026');
    await expect(page.getByLabel(field.joinCode)).toHaveValue('SDA-2026');
    const r = registration({ joinCode: 'sda-2026' });
    await fillRegistration(page, r);
    expect(await submitRegistration(page)).toBe(303);
    await expectPath(page, '/learn');
    await expect(page.locator('#cohort-name')).toContainText(COHORT.name);
  });

  test('an unknown join code is refused with its message; the form keeps the typed values', async ({ page }) => {
    const r = registration({ joinCode: 'ZZZ-0000' });
    await page.goto('/register');
    await fillRegistration(page, r);
    expect(await submitRegistration(page)).toBe(400);
    await expectPath(page, '/register');
    await expect(page.getByRole('alert')).toHaveText(
      'Ada isian yang belum benar. Periksa tulisan merah di bawah. Demi keamanan, kata sandi tidak dikirim kembali ke layar: ketik ulang kedua kolom kata sandi.',
    );
    await expect(page.getByText('Kode kelas tidak ditemukan. Periksa lagi ke pendamping atau pelatih Anda.')).toBeVisible();
    await expect(page.getByLabel(field.joinCode)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(field.joinCode)).toHaveAccessibleDescription(/Kode kelas tidak ditemukan/);
    await expectKept(page, r);
    // Nothing was created: the same phone can register right after with the right code.
    await page.getByLabel(field.joinCode).fill(COHORT.joinCode);
    await page.getByLabel(field.password).fill(r.password);
    await page.getByLabel(field.passwordRepeat).fill(r.password);
    await page.getByRole('checkbox', { name: /Saya setuju/ }).check();
    expect(await submitRegistration(page)).toBe(303);
    await expectPath(page, '/learn');
  });

  test('without consent it is refused with its message; after ticking it the same phone registers', async ({ page }) => {
    const r = registration({ consent: false });
    await page.goto('/register');
    await fillRegistration(page, r);
    expect(await submitRegistration(page)).toBe(400);
    await expectPath(page, '/register');
    await expect(page.getByText('Centang persetujuan data dulu supaya kami boleh menyimpan data Anda.')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Saya setuju/ })).toHaveAttribute('aria-invalid', 'true');
    await expectKept(page, r);
    // No half-created account was left behind.
    await page.getByLabel(field.password).fill(r.password);
    await page.getByLabel(field.passwordRepeat).fill(r.password);
    await page.getByRole('checkbox', { name: /Saya setuju/ }).check();
    expect(await submitRegistration(page)).toBe(303);
    await expectPath(page, '/learn');
    await expect(page.getByRole('heading', { level: 1, name: `Halo, ${r.name}!` })).toBeVisible();
  });

  test('a phone number that is already registered is refused without confirming the account (400)', async ({ page }) => {
    const r = registration({ phone: '0811 0000 0013' });
    await page.goto('/register');
    await fillRegistration(page, r);
    expect(await submitRegistration(page)).toBe(400);
    await expectPath(page, '/register');
    await expect(
      page.getByText('Pendaftaran dengan nomor ini belum bisa. Kalau nomor ini sudah terdaftar, masuk atau minta pendamping membuat tautan baru.'),
    ).toBeVisible();
    await expect(page.getByLabel(field.phone)).toHaveAttribute('aria-invalid', 'true');
    await expectKept(page, r);
  });

  test('mismatched passwords and a short password are refused with their messages', async ({ page }) => {
    const r = registration({ password: 'pendek', passwordRepeat: 'lain-lain-lain' });
    await page.goto('/register');
    await fillRegistration(page, r);
    expect(await submitRegistration(page)).toBe(400);
    await expect(page.getByText('Kata sandi minimal 8 huruf atau angka.')).toBeVisible();
    await expectKept(page, r);
    const r2 = registration({ passwordRepeat: 'bukan-sama-123' });
    await fillRegistration(page, r2);
    expect(await submitRegistration(page)).toBe(400);
    await expect(page.getByText('Kedua kata sandi tidak sama. Ketik ulang.')).toBeVisible();
    await expectKept(page, r2);
  });
});

test.describe('a new cohort', () => {
  test('trainer creates a cohort with a WhatsApp group; a learner joins with its code and sees the group link', async ({ page, browser }) => {
    const code = `UJI-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const cohortName = uniqueName('Kelas Uji Candi');
    const group = 'https://chat.whatsapp.com/UjiGrupMelek123';
    await loginAs(page, TRAINER.phone, TRAINER.password);
    await expectPath(page, '/trainer');
    await page.locator('summary', { hasText: 'Buat kelas baru' }).click();
    const form = page.locator('#cohort-form');
    await form.getByLabel('Nama kelas').fill(cohortName);
    await form.getByLabel('Kecamatan', { exact: true }).fill('Candi');
    await form.getByLabel(/^Kode kelas/).fill(code);
    await form.getByLabel('Tautan grup WhatsApp (boleh dikosongkan)').fill(group);
    await form.getByRole('button', { name: 'Buat kelas' }).click();
    await expect(page.getByRole('status')).toHaveText(`Kelas "${cohortName}" sudah dibuat.`);
    const row = page.locator('#cohorts tbody tr').filter({ hasText: code });
    await expect(row.locator('td')).toHaveText([new RegExp(cohortName), code, '0', '0']);

    // The same code twice is refused, and the form keeps what was typed.
    const again = page.locator('#cohort-form');
    if (!(await again.isVisible())) await page.locator('summary', { hasText: 'Buat kelas baru' }).click();
    await again.getByLabel('Nama kelas').fill('Kelas Kembar');
    await again.getByLabel('Kecamatan', { exact: true }).fill('Candi');
    await again.getByLabel(/^Kode kelas/).fill(code.toLowerCase());
    await again.getByRole('button', { name: 'Buat kelas' }).click();
    await expect(page.getByText('Kode kelas ini sudah dipakai kelas lain. Pilih kode lain.')).toBeVisible();
    await expect(page.locator('#cohort-form').getByLabel('Nama kelas')).toHaveValue('Kelas Kembar');
    await expect(page.locator('#cohorts tbody tr').filter({ hasText: 'Kelas Kembar' })).toHaveCount(0);

    const learner = await freshContext(browser);
    const learnerPage = await learner.newPage();
    const r = registration({ joinCode: code });
    await learnerPage.goto(`/register?kode=${code}`);
    await fillRegistration(learnerPage, r);
    expect(await submitRegistration(learnerPage)).toBe(303);
    await expectPath(learnerPage, '/learn');
    await expect(learnerPage.locator('#cohort-name')).toContainText(cohortName);
    await expect(learnerPage.getByRole('link', { name: 'Buka grup WhatsApp kelas' })).toHaveAttribute('href', group);
    await expectSane(learnerPage);
    await learner.close();

    await page.goto('/trainer');
    await expect(page.locator('#cohorts tbody tr').filter({ hasText: code }).locator('td')).toHaveText([new RegExp(cohortName), code, '1', '0']);
  });
});

test.describe('invite link', () => {
  test('trainer creates a learner, makes a login link, the link sets a password once and is refused the second time', async ({ page, browser }) => {
    const name = uniqueName('Pak Uji Undangan');
    const phone = freshPhone();
    const newPassword = 'sandi-undangan-1';

    // 1. The trainer creates the account in the demo cohort through the form on /trainer.
    await loginAs(page, TRAINER.phone, TRAINER.password);
    await expectPath(page, '/trainer');
    await page.locator('summary', { hasText: 'Buat akun' }).click();
    const form = page.locator('#account-form');
    await expect(form).toBeVisible();
    await form.getByLabel('Peran').selectOption({ label: 'Peserta (pelaku UMKM)' });
    await form.getByLabel('Nama lengkap').fill(name);
    await form.getByLabel('Nomor HP (WhatsApp)').fill(phone);
    await form.getByLabel('Nama usaha (boleh dikosongkan)').fill('Sambal Bu Uji');
    await form.getByLabel('Kelas', { exact: true }).selectOption({ label: COHORT.name });
    await form.getByRole('button', { name: 'Buat akun' }).click();
    await expect(page.getByRole('status')).toContainText(`Akun ${name} sudah dibuat.`);
    const row = page.locator('#all-learners > li').filter({ hasText: name });
    await expect(row).toContainText(shown(phone));
    await expect(row).toContainText(COHORT.name);
    await expect(row).toContainText('belum pernah masuk');

    // Without a password the account cannot log in yet; the page says what to do without confirming the account.
    const early = await freshContext(browser);
    const earlyPage = await early.newPage();
    await loginAs(earlyPage, phone, 'apa-saja-123');
    await expect(earlyPage.getByRole('alert')).toHaveText(
      'Nomor HP atau kata sandi salah. Coba lagi. Belum punya kata sandi atau lupa? Minta pendamping membuat tautan baru.',
    );
    await early.close();

    // 2. "Buat tautan masuk" gives the link and a WhatsApp button with the link prefilled.
    await row.getByRole('button', { name: `Buat tautan masuk: ${name}` }).click();
    await expectPath(page, '/mentor/invite');
    await expect(page.getByRole('status')).toContainText(`Tautan untuk ${name} sudah dibuat.`);
    const link = await page.locator('#invite-link').inputValue();
    expect(link).toMatch(new RegExp(`^${process.env.E2E_BASE_URL}/invite/[^/?#]{20,}$`));
    await expect(page.getByLabel('Atau salin tautan ini:')).toHaveValue(link);
    const wa = page.getByRole('link', { name: 'Kirim tautan lewat WhatsApp' });
    const href = (await wa.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^https://wa\\.me/${waDigitsOf(phone)}\\?text=`));
    const text = new URL(href).searchParams.get('text') ?? '';
    expect(text).toContain(link);
    expect(text).toContain(`Halo ${name}`);
    expect(href).toContain(encodeURIComponent(link));

    // 3. On the learner's phone (a new browser, no cookies) the link sets the password and logs in.
    const learner = await freshContext(browser);
    const learnerPage = await learner.newPage();
    const first = await learnerPage.goto(link);
    expect(first?.status()).toBe(200);
    await expect(learnerPage.getByRole('heading', { level: 1, name: 'Buat kata sandi' })).toBeVisible();
    await expect(learnerPage.getByText(`Halo, ${name}! Buat kata sandi untuk masuk ke Melek.`)).toBeVisible();
    // A mismatch is refused without using up the link.
    await learnerPage.getByLabel('Buat kata sandi (minimal 8)').fill(newPassword);
    await learnerPage.getByLabel('Ulangi kata sandi').fill('tidak-sama-99');
    await learnerPage.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await expect(learnerPage.getByText('Kedua kata sandi tidak sama. Ketik ulang.')).toBeVisible();
    await learnerPage.getByLabel('Buat kata sandi (minimal 8)').fill(newPassword);
    await learnerPage.getByLabel('Ulangi kata sandi').fill(newPassword);
    await learnerPage.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await expectPath(learnerPage, '/learn');
    await expect(learnerPage.getByRole('heading', { level: 1, name: `Halo, ${name}!` })).toBeVisible();
    await expect(learnerPage.locator('#cohort-name')).toContainText(COHORT.name);

    // 4. The second time the link is refused, whoever opens it.
    for (const p of [learnerPage, page]) {
      const again = await p.goto(link);
      expect(again?.status()).toBe(404);
      await expect(p.getByRole('alert')).toContainText('Tautan ini tidak berlaku');
      await expect(p.getByLabel('Buat kata sandi (minimal 8)')).toHaveCount(0);
    }
    await learner.close();

    // 5. The new password logs in on yet another device.
    const later = await freshContext(browser);
    const laterPage = await later.newPage();
    await loginAs(laterPage, phone, newPassword);
    await expectPath(laterPage, '/learn');
    await expect(laterPage.getByRole('heading', { level: 1, name: `Halo, ${name}!` })).toBeVisible();
    await later.close();

    // The trainer's list no longer says "never logged in".
    await page.goto('/trainer');
    await expect(page.locator('#all-learners > li').filter({ hasText: name })).not.toContainText('belum pernah masuk');
  });

  test('a forgotten password: a fresh link replaces it, the old password stops working, and logout works from the link page', async ({ page, browser }) => {
    // A learner of our own (never a demo account), registered with the join code.
    const r = registration();
    await page.goto('/register');
    await fillRegistration(page, r);
    expect(await submitRegistration(page)).toBe(303);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expectPath(page, '/login');

    await loginAs(page, TRAINER.phone, TRAINER.password);
    await expectPath(page, '/trainer');
    await page.getByRole('button', { name: `Buat tautan masuk: ${r.name}` }).click();
    await expectPath(page, '/mentor/invite');
    const link = await page.locator('#invite-link').inputValue();
    // The page with the link has forms of its own (logout): they must still be accepted.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expectPath(page, '/login');
    await page.goto('/trainer');
    await expectPath(page, '/login');

    const phone = await freshContext(browser);
    const phonePage = await phone.newPage();
    await phonePage.goto(link);
    await phonePage.getByLabel('Buat kata sandi (minimal 8)').fill('sandi-baru-456');
    await phonePage.getByLabel('Ulangi kata sandi').fill('sandi-baru-456');
    await phonePage.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await expectPath(phonePage, '/learn');
    await phone.close();

    await loginAs(page, r.phone, r.password);
    await expect(page.getByRole('alert')).toHaveText(
      'Nomor HP atau kata sandi salah. Coba lagi. Belum punya kata sandi atau lupa? Minta pendamping membuat tautan baru.',
    );
    await loginAs(page, r.phone, 'sandi-baru-456');
    await expectPath(page, '/learn');
    await expect(page.getByRole('heading', { level: 1, name: `Halo, ${r.name}!` })).toBeVisible();
  });

  test('an unknown invite link is refused with the Indonesian message', async ({ page }) => {
    const response = await page.goto('/invite/bukan-tautan-yang-benar');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('alert')).toHaveText(
      'Tautan ini tidak berlaku. Mungkin sudah dipakai atau sudah lebih dari 7 hari. Minta tautan baru ke pendamping Anda.',
    );
    await expect(page.getByRole('link', { name: 'Masuk' })).toHaveAttribute('href', '/login');
  });
});
