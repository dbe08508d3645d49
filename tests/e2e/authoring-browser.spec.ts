import { createClient } from '@libsql/client';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, loginAs, test } from './fixtures';
import { registerLearner, saveModule } from './offline-helpers';

/**
 * Issue 19, done-when: trainer A creates a module with two lessons in the browser on a 360 px
 * phone, trainer B publishes them, a learner takes them (online; offline through "Simpan untuk
 * offline"; without JavaScript), an answered quiz item is edited and republished, and the item
 * analysis shows both versions. One serial story against the shared e2e server.
 */
test.describe.configure({ mode: 'serial' });
// Many full page loads per step (every editor button posts the form) on a shared, busy machine.
test.setTimeout(240_000);

const TRAINER_A = { phone: '081100000001', password: DEMO_PASSWORD.trainer };
const TRAINER_B = { phone: '081100000098', password: DEMO_PASSWORD.trainer, name: 'Pak Joko (Pelatih)' };
const MODULE = `foto-${Date.now().toString(36)}`;
const LESSONS = [
  { slug: '01-cahaya', title: 'Foto dengan cahaya jendela', tip: 'Cahaya pagi lembut' },
  { slug: '02-latar', title: 'Latar polos untuk produk', tip: 'Kain putih murah' },
];
const ITEMS = [
  { q: 'Di mana tempat terbaik memotret kerupuk di siang hari?', right: 'Dekat jendela yang terang', wrong: ['Di bawah lampu kuning', 'Di kamar yang gelap'] },
  { q: 'Latar seperti apa yang membuat produk mudah dilihat?', right: 'Kain polos berwarna terang', wrong: ['Tumpukan barang lain', 'Taplak bermotif ramai'] },
  {
    q: 'Berapa foto yang sebaiknya dikirim untuk satu produk?',
    right: 'Dua atau tiga dari sisi berbeda',
    wrong: ['Satu foto buram saja', 'Dua puluh foto yang sama'],
  },
];

test.beforeAll(async () => {
  // Only one demo trainer: a second one, with the same password hash.
  const client = createClient({ url: process.env.E2E_DATABASE_URL! });
  await client.execute({
    sql: "INSERT OR IGNORE INTO users (id, phone, name, role, password_hash, locale, created_at) SELECT 'e2e-trainer-b', '+6281100000098', ?, 'trainer', password_hash, 'id', created_at FROM users WHERE id = 'demo-trainer'",
    args: [TRAINER_B.name],
  });
  client.close();
});

async function fillLesson(page: Page, lesson: (typeof LESSONS)[number]) {
  await page.getByLabel('Ringkasan (satu kalimat)').fill(`${lesson.title}: cara mudah dengan HP supaya pembeli percaya.`);
  await page.getByLabel('Lama belajar (menit)').fill('5');
  await page.getByLabel('Tujuan belajar').fill('Memotret produk dengan terang\nMemilih latar yang rapi');
  for (let i = 0; i < ITEMS.length; i++) {
    if ((await page.locator(`#item-${i}`).count()) === 0) {
      await page.getByRole('button', { name: 'Tambah soal' }).click();
      await page.waitForLoadState('load');
    }
    const item = page.locator(`#item-${i}`);
    await expect(item).toBeVisible();
    await item.getByLabel('Pertanyaan').fill(ITEMS[i].q);
    await item.getByLabel('Pilihan 1').fill(ITEMS[i].right);
    await item.getByLabel('Pilihan 2').fill(ITEMS[i].wrong[0]);
    await item.getByLabel('Pilihan 3').fill(ITEMS[i].wrong[1]);
    await item.getByRole('radio', { name: 'Jawaban benar' }).first().check();
    await item.getByLabel('Penjelasan (muncul setelah menjawab)').fill(`Jawaban yang tepat: ${ITEMS[i].right}.`);
  }
  await page.getByLabel('Judul tugas').fill('Foto satu produk');
  await page.getByLabel('Petunjuk tugas').fill('Foto satu produk Anda dengan cahaya jendela, lalu kirim fotonya.');
  await page.getByLabel('Yang diperiksa pendamping').fill('Foto terang\nLatar polos');
  await page
    .getByLabel('Isi pelajaran (Markdown)')
    .fill(`## ${lesson.title}\n\nAmbil foto di dekat jendela pada pagi hari.\n\n<Tip judul="Tips">\n${lesson.tip} dan mudah.\n</Tip>\n`);
  await page.getByRole('button', { name: 'Simpan draf' }).last().click();
  await expect(page.locator('#editor-notice')).toContainText('Tersimpan');
}

test('trainer A writes a module with two lessons on a phone; trainer B publishes them', async ({ page }) => {
  expect(page.viewportSize()?.width).toBe(360);
  await loginAs(page, TRAINER_A.phone, TRAINER_A.password);
  await page.goto('/trainer/konten');
  await page.getByLabel('Kode modul').fill(MODULE);
  await page.getByLabel('Judul modul').fill('Foto produk');
  await page.getByLabel('Judul dalam bahasa Inggris').fill('Product photos');
  await page.getByLabel('Ringkasan modul').fill('Memotret dagangan supaya laku di WhatsApp.');
  await page.getByRole('checkbox', { name: 'Cakap Digital' }).check();
  await page.getByRole('button', { name: 'Buat modul' }).click();
  await expect(page).toHaveURL(new RegExp(`/trainer/konten/${MODULE}`));
  for (const lesson of LESSONS) {
    await page.goto(`/trainer/konten/${MODULE}`);
    await page.getByLabel('Kode pelajaran').fill(lesson.slug);
    await page.getByLabel('Judul pelajaran').fill(lesson.title);
    await page.getByRole('button', { name: 'Buat pelajaran' }).click();
    await expect(page).toHaveURL(new RegExp(`/trainer/konten/${MODULE}/${lesson.slug}$`));
    await fillLesson(page, lesson);
    await page.getByRole('button', { name: 'Ajukan tinjauan' }).click();
    await expect(page.locator('#lesson-status')).toHaveText('Siap ditinjau');
  }
  // Nothing overflows the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.context().clearCookies();
  await loginAs(page, TRAINER_B.phone, TRAINER_B.password);
  for (const lesson of LESSONS) {
    await page.goto(`/trainer/konten/${MODULE}/${lesson.slug}`);
    await page.getByLabel(/Catatan perubahan/).fill('Terbit pertama');
    await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await expect(page.locator('#lesson-status')).toHaveText('Terbit');
    await expect(page.locator('#history')).toContainText('Terbit pertama');
  }
});

test('a learner takes them online, offline and without JavaScript', async ({ page, browser }) => {
  const learner = await registerLearner(page, 'Bu Uji Foto');
  expect(learner.id).toBeTruthy();
  await page.goto(`/learn/${MODULE}/${LESSONS[0].slug}`);
  await expect(page.locator('h1')).toHaveText(LESSONS[0].title);
  await expect(page.locator('.lesson-body')).toContainText(LESSONS[0].tip);
  const quiz = page.locator('#kuis');
  for (const item of ITEMS) await quiz.getByRole('radio', { name: item.right }).check();
  await quiz.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.locator('#quiz-score')).toBeVisible();

  // Offline: the module saved on the phone opens without a connection.
  await saveModule(page, MODULE);
  await page.context().setOffline(true);
  await page.goto(`/learn/${MODULE}/${LESSONS[1].slug}`);
  await expect(page.locator('h1')).toHaveText(LESSONS[1].title);
  await expect(page.locator('.lesson-body')).toContainText(LESSONS[1].tip);
  await page.context().setOffline(false);

  // Without JavaScript: the same lesson, answered with a plain form post.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, baseURL: process.env.E2E_BASE_URL });
  const bare = await context.newPage();
  await loginAs(bare, learner.phone, 'sandi-uji-123');
  await bare.goto(`/learn/${MODULE}/${LESSONS[1].slug}`);
  await expect(bare.locator('.lesson-body')).toContainText(LESSONS[1].tip);
  for (const item of ITEMS) await bare.locator('#kuis').getByRole('radio', { name: item.right }).check();
  await bare.locator('#kuis').getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(bare.locator('#quiz-score')).toBeVisible();
  await context.close();
});

test('an answered item edited and republished: the item analysis shows both versions', async ({ page }) => {
  await loginAs(page, TRAINER_A.phone, TRAINER_A.password);
  await page.goto(`/trainer/konten/${MODULE}/${LESSONS[0].slug}`);
  const item = page.locator('#item-0');
  await item.getByLabel('Pertanyaan').fill('Di mana tempat paling terang untuk memotret kerupuk?');
  await item.getByLabel('Pilihan 1').fill('Di teras pada pagi hari');
  await page.getByRole('button', { name: 'Simpan draf' }).last().click();
  await expect(page.locator('#editor-notice')).toContainText('Tersimpan');
  await page.getByLabel(/Catatan perubahan/).fill('Soal 1 diganti');
  await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
  await expect(page.locator('#history')).toContainText('Soal 1 diganti');
  await page.goto('/trainer/reports/soal');
  // New items are named after their lesson (ids are unique across the course).
  const first = `${MODULE}-${LESSONS[0].slug}-1`;
  await expect(page.locator(`#soal-${first}`)).toContainText('versi lama');
  await expect(page.locator(`#soal-${first}-v2`)).toContainText('Di mana tempat paling terang');
});
