import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createClient } from '@libsql/client';
import { parse as parseYaml } from 'yaml';
import { test, expect, loginAs, uniquePhone } from './fixtures';

/**
 * Issue 5 "Done when", at 360×740 with JavaScript off (the pages ship none): a freshly registered
 * learner takes the shortest module end to end — self-assessment, pre-test, every lesson quiz
 * answered right (answers read from the module's .mdx frontmatter), every task sent, post-test —
 * the trainer approves the tasks on /mentor/learners/<id>, and the learner sees the level rise on
 * /learn/capaian, receives the certificate, and /verify/<code> confirms it in a fresh context
 * without a login.
 */
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

const ROOT = resolve(import.meta.dirname, '../..');
const TRAINER = { phone: '081100000001', password: 'pelatih-demo' };
const LEVELS = ['Pemula', 'Dasar', 'Berkembang', 'Cakap', 'Mahir'];

interface Item {
  id: string;
  options: Array<{ id: string; text: string | number; correct?: boolean }>;
}
interface LessonFm {
  title: string;
  quiz: Item[];
  task?: { id: string; title: string };
  draft?: boolean;
}
const frontmatter = <T>(path: string): T => parseYaml(readFileSync(path, 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]) as T;

/** The module with the fewest published lessons, its lessons in order and its pre/post items. */
function shortestModule() {
  const modules = readdirSync(join(ROOT, 'content'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const dir = join(ROOT, 'content', e.name);
      const index = frontmatter<{ title: string; prePost: Array<{ a: Item; b: Item }> }>(join(dir, 'index.md'));
      const lessons = readdirSync(dir)
        .filter((f) => /^\d\d-.*\.mdx$/.test(f))
        .sort()
        .map((f) => ({ id: `${e.name}/${f.replace(/\.mdx$/, '')}`, ...frontmatter<LessonFm>(join(dir, f)) }))
        .filter((l) => !l.draft);
      return { id: e.name, title: index.title, prePost: index.prePost, lessons };
    })
    .filter((m) => m.lessons.length > 0 && m.prePost.length > 0);
  return modules.sort((a, b) => a.lessons.length - b.lessons.length)[0];
}
const MODULE = shortestModule();
const right = (item: Item) => item.options.find((o) => o.correct)!.id;
const wrong = (item: Item) => item.options.find((o) => !o.correct)!.id;

async function registerLearner(page: Page, name: string, phone: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Kode kelas').fill('SDA-2026');
  await page.getByLabel('Nama lengkap').fill(name);
  await page.getByLabel('Nomor HP (WhatsApp)').fill(phone);
  await page.getByLabel('Nama usaha (boleh dikosongkan)').fill('Kerupuk Uji Capaian');
  await page.getByLabel('Buat kata sandi (minimal 8)').fill('sandi-uji-123');
  await page.getByLabel('Ulangi kata sandi').fill('sandi-uji-123');
  await page.getByRole('checkbox', { name: /Saya setuju Melek menyimpan/ }).check();
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/learn');
}

/** Picks an option for every item of the form at `scope` and submits it with `button`. */
async function answer(page: Page, scope: string, quiz: Item[], choice: (item: Item) => string, button: string): Promise<void> {
  const form = page.locator(scope);
  for (const item of quiz) await form.locator(`input[type="radio"][name="q:${item.id}"][value="${choice(item)}"]`).check();
  await form.getByRole('button', { name: button }).click();
}

/** The overall level and score as /learn/capaian shows them. */
async function capaian(page: Page): Promise<{ level: string; score: number }> {
  await page.goto('/learn/capaian');
  const level = (await page.locator('#overall-level').textContent())!.trim();
  const score = Number((await page.locator('#overall-score').textContent())!.match(/(\d+,\d\d)/)![1].replace(',', '.'));
  return { level, score };
}

/** Fits a 360 px phone: no horizontal scroll, buttons and choices at least 44 px tall (thumb-sized). */
async function expectFits(page: Page): Promise<void> {
  const path = new URL(page.url()).pathname;
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path}: horizontal scroll`).toBeLessThanOrEqual(360);
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('main *'))
      .filter((el) => el.getBoundingClientRect().right > 360.5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`),
  );
  expect(wide, `${path}: elements past 360 px`).toEqual([]);
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('main button, main .btn, main label.opt, main input:not([type=hidden]):not([type=radio]), main summary'))
      .map((el) => ({ what: `${el.tagName.toLowerCase()} "${(el.textContent || '').trim().slice(0, 30)}"`, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height < 44)
      .map(({ what, rect }) => `${what}: ${rect.height.toFixed(1)} px`),
  );
  expect(small, `${path}: controls under 44 px`).toEqual([]);
}

async function learnerIdOf(phone: string): Promise<string> {
  const client = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const result = await client.execute({ sql: 'SELECT id FROM users WHERE phone = ?', args: [`+62${phone.slice(1)}`] });
    return String(result.rows[0].id);
  } finally {
    client.close();
  }
}

/** The trainer (who may review any learner) approves every waiting task on the learner's page. */
async function approveAll(browser: Browser, learnerId: string, expected: number): Promise<void> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await loginAs(page, TRAINER.phone, TRAINER.password);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/trainer');
  await page.goto(`/mentor/learners/${learnerId}`);
  const forms = page.locator('form.review');
  await expect(forms).toHaveCount(expected);
  for (let left = expected; left > 0; left--) {
    const form = forms.first();
    await form.locator('input[name="decision"][value="approved"]').check();
    // An approval ticks every mentor check and gives a rubric level.
    for (const box of await form.locator('input[name="check"]').all()) await box.check();
    await form.locator('input[name="rubricLevel"][value="3"]').check();
    await form.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
    await expect(page).toHaveURL(/ok=review/);
    await expect(forms).toHaveCount(left - 1);
  }
  await context.close();
}

test('a learner completes the shortest module: the score rises, the certificate is issued and verified publicly', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const phone = uniquePhone();
  const name = `Bu Uji Capaian ${Math.random().toString(36).slice(2, 7)}`;
  await registerLearner(page, name, phone);

  // /learn: the capaian card at Pemula 1,00, the self-assessment prompt.
  const card = page.locator('#capaian-card');
  await expect(card).toContainText('Tingkat Pemula, skor 1,00 dari 5');
  await card.getByRole('link', { name: 'Isi penilaian diri awal' }).click();

  // The pre self-assessment: ten statements, "Setuju" (4) for each.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Penilaian diri (awal)');
  for (const group of await page.locator('#sa-form fieldset').all()) await group.getByLabel('4 · Setuju').check();
  await page.getByRole('button', { name: 'Simpan penilaian diri' }).click();
  await expect(page.locator('#sa-saved')).toBeVisible();

  const before = await capaian(page);
  expect(before).toEqual({ level: 'Pemula', score: 1 });
  await expectFits(page);
  await expect(page.locator('#perception')).toContainText('4,00');

  // The module's pre-test, all wrong, then lesson 1 from its result page.
  // Forms A and B are counterbalanced per learner: the page shows which one this learner starts with.
  const formA = MODULE.prePost.map((p) => p.a);
  const formB = MODULE.prePost.map((p) => p.b);
  await page.goto(`/learn/${MODULE.id}/tes-awal`);
  const startsWithA = (await page.locator(`#tes input[name="q:${formA[0].id}"]`).count()) > 0;
  const pre = startsWithA ? formA : formB;
  const post = startsWithA ? formB : formA;
  await expectFits(page);
  await answer(page, '#tes form', pre, wrong, 'Kirim jawaban tes');
  await expect(page.locator('#test-score')).toHaveText(`Nilai Anda: 0 dari ${pre.length} benar`);
  await page.getByRole('link', { name: 'Mulai pelajaran 1' }).click();

  // Every lesson: the quiz all right, the task sent.
  for (const [i, lesson] of MODULE.lessons.entries()) {
    await expect(page).toHaveURL(new RegExp(`/learn/${lesson.id}$`));
    await expect(page.locator('#lesson-position')).toHaveText(`Pelajaran ${i + 1} dari ${MODULE.lessons.length}`);
    if (lesson.quiz.length) {
      await answer(page, '#kuis form', lesson.quiz, right, 'Kirim jawaban');
      await expect(page.locator('#quiz-score')).toContainText(`Nilai Anda: ${lesson.quiz.length} dari ${lesson.quiz.length} benar`);
    } else {
      await page.getByRole('button', { name: 'Selesai', exact: true }).click();
    }
    if (lesson.task) {
      await page.locator('#tugas').getByLabel('Ceritakan apa yang sudah Anda kerjakan').fill(`Sudah saya kerjakan: ${lesson.task.title}.`);
      await page.locator('#tugas').getByRole('button', { name: 'Kirim ke pendamping' }).click();
      await expect(page.locator('#task-status')).toContainText('Menunggu pemeriksaan pendamping');
    }
    if (i < MODULE.lessons.length - 1) await page.goto(`/learn/${MODULE.lessons[i + 1].id}`);
  }

  // Under the last lesson: the post-test is open; the certificate waits for the mentor.
  const end = page.locator('#module-end');
  const tasks = MODULE.lessons.filter((l) => l.task).length;
  await expect(end).toContainText(`${tasks} tugas disetujui pendamping`);
  await end.getByRole('link', { name: 'Kerjakan tes akhir' }).click();
  await answer(page, '#tes form', post, right, 'Kirim jawaban tes');
  await expect(page.locator('#test-score')).toHaveText(`Nilai Anda: ${post.length} dari ${post.length} benar`);

  // The gain in plain words: pre 0, post all → g = 1 → 100 %, "tinggi".
  const middle = await capaian(page);
  expect(middle.score).toBeGreaterThan(before.score);
  await expect(page.locator(`#gain-${MODULE.id}`)).toContainText(`Tes awal 0 dari ${pre.length}, tes akhir ${post.length} dari ${post.length}`);
  await expect(page.locator(`#gain-${MODULE.id}`)).toContainText('100 % sudah Anda kuasai sekarang — kenaikan tinggi');
  await expect(page.locator('#certificates')).toHaveCount(0);
  await expectFits(page);

  // The trainer approves every task.
  await approveAll(browser, await learnerIdOf(phone), tasks);

  // The level rose, and the certificate was issued.
  const after = await capaian(page);
  expect(after.score).toBeGreaterThan(middle.score);
  // The overall level is the mean over all four pillars and the whole curriculum: one module may
  // or may not cross a level boundary as the curriculum grows (21 lessons now), so it never drops.
  expect(LEVELS.indexOf(after.level)).toBeGreaterThanOrEqual(LEVELS.indexOf(before.level));
  await expect(page.locator('#steps li')).toHaveCount(4);
  await page.goto('/learn');
  await expect(page.locator('#capaian-card')).toContainText(`Tingkat ${after.level}`);
  await page
    .locator('#capaian-card')
    .getByRole('link', { name: `Sertifikat ${MODULE.title}` })
    .click();
  await expect(page).toHaveURL(/\/sertifikat\/[A-Z2-9]{12}$/);
  const code = new URL(page.url()).pathname.split('/').pop()!;
  const certificate = page.locator('#certificate');
  await expect(certificate.locator('#certificate-name')).toHaveText(name);
  await expect(certificate.locator('#certificate-module')).toHaveText(MODULE.title);
  await expect(certificate.locator('#certificate-code')).toHaveText(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
  await expect(certificate.locator('.qr svg')).toBeVisible();
  await expectFits(page);
  const share = await page.getByRole('link', { name: 'Bagikan ke WhatsApp' }).getAttribute('href');
  expect(decodeURIComponent(share!.replace('https://wa.me/?text=', ''))).toContain(`/verify/${code}`);

  // A stranger scans the QR code: a fresh context, not logged in.
  const stranger = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, baseURL: process.env.E2E_BASE_URL });
  const verify = await stranger.newPage();
  const response = await verify.goto(`/verify/${code}`);
  expect(response!.status()).toBe(200);
  await expect(verify.locator('#verify-status')).toContainText('SAH');
  await expect(verify.locator('#verify-name')).toHaveText(name);
  await expect(verify.locator('#verify-module')).toHaveText(MODULE.title);
  await expect(verify.locator('main')).not.toContainText('Kerupuk Uji Capaian');
  await expectFits(verify);
  const unknown = await verify.goto('/verify/ABCDEFGHJKMN');
  expect(unknown!.status()).toBe(404);
  await expect(verify.getByRole('heading', { level: 1 })).toHaveText('Sertifikat tidak ditemukan');
  await stranger.close();
});

test('the self-assessment and business pages refuse bad input with messages and fit 360 px', async ({ page }) => {
  await registerLearner(page, `Pak Uji Isian ${Math.random().toString(36).slice(2, 7)}`, uniquePhone());

  // The self-assessment sent with nothing chosen: 400, a message by every statement, nothing kept.
  await page.goto('/learn/penilaian-diri');
  const [sent] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Simpan penilaian diri' }).click(),
  ]);
  expect(sent.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('Penilaian belum tersimpan');
  await expect(page.locator('#sa-form .error')).toHaveCount(10);
  await expect(page.locator('#sa-form .error').first()).toHaveText('Pilih salah satu jawaban untuk pernyataan ini.');
  await expectFits(page);

  // A partnership dated tomorrow: 400 with the message by the date; the typed name is kept.
  await page.goto('/learn/usaha');
  const partner = page.locator('#partner-form');
  await partner.getByLabel('Komunitas atau paguyuban').check();
  await partner.getByLabel(/^Nama mitra/).fill('Paguyuban UMKM Candi');
  const tomorrow = new Date(Date.now() + 7 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
  await partner.locator('input[name="startedOn"]').evaluate((el, v) => {
    (el as HTMLInputElement).removeAttribute('max');
    (el as HTMLInputElement).value = v;
  }, tomorrow);
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    partner.getByRole('button', { name: 'Simpan kerja sama' }).click(),
  ]);
  expect(refused.status()).toBe(400);
  await expect(page.locator('#err-startedOn')).toHaveText('Tanggal ini belum terjadi. Isi tanggal hari ini atau sebelumnya.');
  await expect(page.locator('#partner-form').getByLabel(/^Nama mitra/)).toHaveValue('Paguyuban UMKM Candi');
  await expectFits(page);

  // The start sales band, saved and shown.
  await page.locator('#sales-form').getByLabel('Rp1 juta – Rp3 juta').check();
  await page.locator('#sales-form').getByRole('button', { name: 'Simpan omzet' }).click();
  await expect(page.locator('#sales-start')).toContainText('Saat mulai: Rp1 juta – Rp3 juta');
  await expectFits(page);
});
