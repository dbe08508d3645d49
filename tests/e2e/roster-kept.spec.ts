import { expect, loginAs, test } from './fixtures';
import { TRAINER, freshPhone } from './foundation-helpers';
import { dbRows } from './offline-helpers';

/**
 * Issue 16, item 6: after "Periksa dulu" the checked upload stays on the server under a token, and
 * "Impor n baris yang siap" is the main button: the trainer does not pick the CSV again. At
 * 360×740 with JavaScript off (the import is plain forms).
 */
test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

test('check a CSV, then import its ready rows with one tap; an expired or foreign token is a clear 410 and imports nothing', async ({ page }) => {
  const stamp = Date.now().toString(36).slice(-5);
  const good = [freshPhone(), freshPhone(), freshPhone()];
  const csv = [
    'nama;no hp;nama usaha',
    `Bu Simpan A ${stamp};${good[0]};Kerupuk`,
    `Bu Simpan B ${stamp};${good[1]};Bandeng`,
    `Pak Simpan C ${stamp};${good[2]};Tas`,
    `Tanpa Nomor ${stamp};;Batik`,
  ].join('\n');
  await loginAs(page, TRAINER.phone, TRAINER.password);
  await page.goto('/trainer');
  const cohort = (await page.locator('a.cohort-link').first().getAttribute('href'))!;
  await page.goto(`${cohort}/import`);
  await page.locator('#import-file').setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Periksa dulu' }).click();
  await expect(page.locator('#report-summary')).toBeVisible();

  const ready = page.locator('#import-ready');
  const button = ready.getByRole('button', { name: 'Impor 3 baris yang siap' });
  await expect(button).toBeVisible();
  // It is the main button: the first one on the page, full width.
  expect((await button.boundingBox())!.width).toBeGreaterThan(280);
  const token = await ready.locator('input[name="upload"]').inputValue();
  expect(token).toMatch(/^[a-z2-7]{32}$/);
  expect(await dbRows('SELECT id FROM users WHERE phone LIKE ?', [`%${good[0].slice(1)}`])).toEqual([]);

  await button.click();
  await expect(page.locator('#report-summary')).toContainText('3');
  await expect(page.locator('#imported li')).toHaveCount(3);
  for (const phone of good) expect(await dbRows('SELECT id FROM users WHERE phone LIKE ?', [`%${phone.slice(1)}`])).toHaveLength(1);
  expect(await dbRows('SELECT id FROM roster_uploads WHERE id = ?', [token])).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The same token again (a reload, a second tap): refused in plain words, nothing imported twice.
  const again = await page.request.post(`${cohort}/import`, { form: { upload: token }, headers: { origin: new URL(page.url()).origin } });
  expect(again.status()).toBe(410);
  expect(await again.text()).toContain('Berkas yang diperiksa sudah tidak tersimpan');
  const forged = await page.request.post(`${cohort}/import`, { form: { upload: 'bukan-token' }, headers: { origin: new URL(page.url()).origin } });
  expect(forged.status()).toBe(410);
  for (const phone of good) expect(await dbRows('SELECT id FROM users WHERE phone LIKE ?', [`%${phone.slice(1)}`])).toHaveLength(1);
});
