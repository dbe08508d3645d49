import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createClient } from '@libsql/client';
import { test, expect, loginAs, uniquePhone } from './fixtures';

/**
 * Issue 10 "Done when", at 360×740 with JavaScript off (the pages ship none of their own): two
 * freshly registered learners (join code SDA-2026) make their profiles visible to the cohort; one
 * finds the other in the directory and logs a shared-delivery partnership; the other confirms it
 * on their jaringan page; the trainer's network view shows the line between them, and the
 * evaluation CSV counts it once more with source "peer". The server is shared with other tests
 * running in parallel: every name is unique to this run and counts are compared before/after.
 */
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

const TRAINER = { phone: '081100000001', password: 'pelatih-demo' };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
    baseURL: process.env.E2E_BASE_URL,
    locale: 'id-ID',
  });
  return { context, page: await context.newPage() };
}

async function registerLearner(page: Page, name: string, phone: string, business: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Kode kelas').fill('SDA-2026');
  await page.getByLabel('Nama lengkap').fill(name);
  await page.getByLabel('Nomor HP (WhatsApp)').fill(phone);
  await page.getByLabel('Nama usaha (boleh dikosongkan)').fill(business);
  await page.getByLabel('Buat kata sandi (minimal 8)').fill('sandi-uji-123');
  await page.getByLabel('Ulangi kata sandi').fill('sandi-uji-123');
  await page.getByRole('checkbox', { name: /Saya setuju Melek menyimpan/ }).check();
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/learn');
}

/** From the learner home to a saved profile, visible to the cohort, offering shared delivery. */
async function makeProfileVisibleToCohort(page: Page, business: string, category: string): Promise<void> {
  await page.goto('/learn');
  await page.locator('#network-link').click();
  await expect(page.locator('#own-profile-status')).toHaveText('Anda belum punya profil usaha, jadi penjual lain belum bisa menemukan Anda.');
  await page.locator('#edit-profile').click();
  await expect(page.getByLabel('Nama usaha')).toHaveValue(business); // from registration
  await page.getByLabel('Jenis usaha').selectOption({ label: category });
  await page.getByLabel('Kecamatan').selectOption('Sidoarjo');
  await page.getByLabel('Cerita singkat usaha Anda').fill('Produk rumahan, pesan lewat WhatsApp.');
  await page.getByLabel('Tautan katalog WhatsApp').fill('wa.me/c/6281234567890');
  await page.locator('#profile-form fieldset').nth(0).getByLabel('Antar bersama (kirim barang bareng)').check();
  await page.locator('#profile-form fieldset').nth(1).getByLabel('Pemasok bahan atau barang').check();
  await page.getByLabel('Teman sekelas saya').check();
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByRole('status')).toHaveText('Profil usaha tersimpan.');
  await expect(page.locator('#profile-status')).toHaveText('Profil Anda saat ini terlihat oleh teman sekelas.');
  await expect(page.locator('.preview .seller h3')).toHaveText(business);
}

async function peerRows(page: Page): Promise<number> {
  const response = await page.request.get('/trainer/reports.csv?kelas=demo-cohort-1');
  if (response.status() === 404) return -1;
  expect(response.status()).toBe(200);
  const csv = await response.text();
  return csv.split(/\r?\n/).filter((line) => /,partnership,shared_delivery,current,1,peer,/.test(line)).length;
}

test('two learners find each other, log a shared delivery, confirm it; the trainer sees the line and the CSV counts it as "peer"', async ({ browser }) => {
  const bizA = `Kerupuk Uji A ${RUN}`;
  const bizB = `Bandeng Uji B ${RUN}`;
  const phoneA = uniquePhone();
  const phoneB = uniquePhone();
  const a = await newPage(browser);
  const b = await newPage(browser);
  const trainer = await newPage(browser);

  await registerLearner(a.page, 'Bu Ani Uji', phoneA, bizA);
  await registerLearner(b.page, 'Pak Budi Uji', phoneB, bizB);
  await makeProfileVisibleToCohort(a.page, bizA, 'Makanan & minuman');
  await makeProfileVisibleToCohort(b.page, bizB, 'Pertanian & perikanan');

  // A finds B in the directory (by name: other tests share the demo cohort).
  await a.page.goto('/learn/jaringan');
  await a.page.locator('.filters summary').click();
  await a.page.getByLabel('Nama usaha').fill(`Bandeng Uji B ${RUN}`);
  await a.page.getByRole('button', { name: 'Tampilkan' }).click();
  const card = a.page.locator('#directory .seller', { hasText: bizB });
  await expect(card).toHaveCount(1);
  await expect(card.locator('.meta')).toHaveText('Pertanian & perikanan · Sidoarjo');
  await expect(card.getByRole('link', { name: 'Lihat katalog (wa.me)' })).toHaveAttribute('href', 'https://wa.me/c/6281234567890');
  // B did not tick "show phone": no number, no chat link.
  await expect(card.getByRole('link', { name: /Hubungi .* lewat WhatsApp/ })).toHaveCount(0);
  await card.getByRole('link', { name: `Catat kerja sama dengan ${bizB}` }).click();

  // A logs a shared-delivery partnership with B (B is preselected; the date defaults to today).
  await expect(a.page.locator('#partnerId option:checked')).toHaveText(`${bizB} · Sidoarjo`);
  await a.page.getByLabel('Antar bersama (kirim barang bareng)').check();
  await a.page.getByRole('button', { name: 'Catat dan minta konfirmasi' }).click();
  await expect(a.page.locator('#partner-ok')).toHaveText('Kerja sama tercatat. Sekarang menunggu konfirmasi mitra Anda.');
  const mine = a.page.locator('#peer-partnerships li', { hasText: bizB });
  await expect(mine).toContainText('Antar bersama');
  await expect(mine).toContainText('menunggu konfirmasi mitra');

  // The trainer's CSV before B answers (a pending partnership is not peer-confirmed).
  await loginAs(trainer.page, TRAINER.phone, TRAINER.password);
  const before = await peerRows(trainer.page);

  // B sees the request on the learner home and on the jaringan page, and confirms it.
  await b.page.goto('/learn');
  await expect(b.page.locator('#network-requests')).toHaveText('1 permintaan kerja sama menunggu jawaban Anda');
  await b.page.locator('#network-requests a').click();
  const request = b.page.locator('#requests li', { hasText: bizA });
  await expect(request).toContainText('Antar bersama, mulai');
  await request.getByRole('button', { name: 'Ya, benar (konfirmasi)' }).click();
  await expect(b.page.locator('#request-ok')).toHaveText('Terima kasih, kerja sama sudah dikonfirmasi.');
  await expect(b.page.locator('#requests')).toHaveCount(0);

  // A's list now says confirmed.
  await a.page.goto('/learn/kerja-sama');
  await expect(a.page.locator('#peer-partnerships li', { hasText: bizB })).toContainText('dikonfirmasi mitra');

  // The trainer's network view of the demo cohort draws the line between them.
  await trainer.page.goto('/trainer/jaringan?kelas=demo-cohort-1');
  await expect(trainer.page.locator('#network-map svg')).toBeVisible();
  const line = trainer.page.locator('#network-map svg line.edge title', { hasText: bizA });
  await expect(line).toHaveCount(1);
  await expect(line).toHaveText(new RegExp(`${bizA}|${bizB}`));
  expect(await line.textContent()).toContain(bizB);
  expect(await line.textContent()).toContain('Antar bersama');
  await trainer.page.locator('#network-map details summary').click();
  await expect(trainer.page.locator('#edge-list li', { hasText: bizA })).toContainText(bizB);
  await expect(trainer.page.locator('#network-map svg text.label', { hasText: 'Kerupuk Uji A' })).toHaveCount(1);
  // No horizontal scrolling at 360 px.
  expect(await trainer.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The evaluation records: a collaboration row confirmed by the peer; the CSV counts one more "peer" shared delivery.
  const client = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const rows = await client.execute({
      sql: `SELECT c.status, c.source, c.type FROM collaborations c JOIN users a ON a.id = c.user_id JOIN users b ON b.id = c.partner_user_id WHERE a.phone = ? AND b.phone = ?`,
      args: [`+62${phoneA.slice(1)}`, `+62${phoneB.slice(1)}`],
    });
    expect(rows.rows.map((r) => ({ status: r.status, source: r.source, type: r.type }))).toEqual([
      { status: 'confirmed', source: 'peer', type: 'shared_delivery' },
    ]);
  } finally {
    client.close();
  }
  const after = await peerRows(trainer.page);
  if (before >= 0) expect(after).toBe(before + 1);

  await Promise.all([a.context.close(), b.context.close(), trainer.context.close()]);
});
