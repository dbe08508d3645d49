import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEMO_PASSWORD, expect, loginAs, test, uniquePhone } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const LESSON = 'pemasaran-whatsapp/01-profil-whatsapp-business';
const DAY = 24 * 3600_000;
const quizOf = (lessonId: string): Array<{ id: string; options: Array<{ id: string; correct?: boolean }> }> =>
  parseYaml(readFileSync(join(ROOT, 'content', `${lessonId}.mdx`), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]).quiz;

/**
 * Issue 17, items 10 and 11 in a real Chromium at 360 × 740 with JavaScript off: a new learner
 * whose phone sends (through the offline queue's endpoint) a lesson finished nine days ago gets
 * "Ulang singkat" on her home, one tap on an option answers it and shows the feedback; Mbak Dewi
 * sees the mentor kit above the review form of a task Pak Hadi has just sent. Nothing reaches past
 * the screen's edge.
 */
test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

/** Visible elements reaching outside the viewport horizontally. */
async function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.skip, dialog:not([open]), [hidden], details:not([open]) > :not(summary)')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    return out.slice(0, 6);
  });
}

test('a learner answers "Ulang singkat" with one tap, without JavaScript, at 360 px', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Kode kelas').fill('SDA-2026');
  await page.getByLabel('Nama lengkap').fill('Bu Ulang');
  await page.getByLabel('Nomor HP (WhatsApp)').fill(uniquePhone());
  await page.getByLabel('Buat kata sandi (minimal 8)').fill('sandi-uji-123');
  await page.getByLabel('Ulangi kata sandi').fill('sandi-uji-123');
  await page.getByRole('checkbox', { name: /Saya setuju Melek menyimpan/ }).check();
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/learn');
  await expect(page.locator('#review-card')).toHaveCount(0);
  // A lesson finished on the phone nine days ago (first answers: all wrong), sent now.
  const at = Date.now() - 9 * DAY;
  const answers = Object.fromEntries(quizOf(LESSON).map((q) => [q.id, q.options.find((o) => !o.correct)!.id]));
  const sent = await page.request.post('/api/progress', {
    headers: { origin: new URL(page.url()).origin },
    data: {
      events: [
        { id: crypto.randomUUID(), type: 'viewed', lessonId: LESSON, at },
        { id: crypto.randomUUID(), type: 'quiz_submitted', lessonId: LESSON, at: at + 60_000, data: { answers } },
      ],
    },
  });
  expect(sent.ok()).toBe(true);
  await page.goto('/learn');
  const card = page.locator('#review-card');
  await expect(card).toBeVisible();
  await card.getByRole('link', { name: 'Mulai ulang singkat' }).click();
  await expect(page).toHaveURL(/\/learn\/ulang$/);
  const question = await page.locator('#review-question').textContent();
  expect(question?.length).toBeGreaterThan(5);
  expect(await tooWide(page)).toEqual([]);
  const options = page.locator('#review-form button[name="option"]');
  expect(await options.count()).toBeGreaterThanOrEqual(2);
  for (const box of await options.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
  await options.first().click();
  await expect(page).toHaveURL(/\/learn\/ulang\?hasil=/);
  await expect(page.locator('#review-verdict')).toHaveText(/Benar!|Belum tepat/);
  await expect(page.locator('#review-feedback')).toContainText(question!.trim());
  await expect(page.locator('#review-next, #review-done').first()).toBeVisible();
  expect(await tooWide(page)).toEqual([]);
});

test('the mentor kit sits above the review form on a phone', async ({ page }) => {
  await loginAs(page, '081100000012', DEMO_PASSWORD.learner);
  await page.goto('/learn/pemasaran-whatsapp/03-foto-produk#tugas');
  // Sent once (a retry of this test finds it already waiting for review).
  const text = page.locator('#task-text');
  if (await text.count()) {
    await text.fill('Tiga foto bandeng presto dari atas, samping, dan dekat, di dekat jendela.');
    await page.locator('#tugas form button[type="submit"]').click();
    await expect(page.locator('#task-status')).toBeVisible();
  }
  await page.context().clearCookies();
  await loginAs(page, '081100000002', DEMO_PASSWORD.mentor);
  await page.goto('/mentor/learners/demo-learner-2');
  const kit = page.locator('aside.kit').first();
  await expect(kit).toBeVisible();
  await expect(kit).toContainText('Contoh kiriman yang baik');
  await expect(kit).toContainText('3 – sesuai');
  const form = page.locator('form.review').first();
  const [kitBox, formBox] = [await kit.boundingBox(), await form.boundingBox()];
  expect(kitBox!.y + kitBox!.height).toBeLessThanOrEqual(formBox!.y + 1);
  expect(await tooWide(page)).toEqual([]);
});
