import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { test, expect } from './fixtures';
import { answerQuiz, dbRows, lessonData, queueEntries, registerLearner, saveModule } from './offline-helpers';

/**
 * Issue 16 item 4, "Quizzes and tests that remember", at 360×740 with JavaScript on: the home's
 * main button offers the module's pre-test before lesson 1, "Lewati tes awal" is remembered; a
 * quiz answered twice shows, when the lesson is opened again, the last result with the options in
 * the learner's own order and the score that counts (first answers), and "Coba lagi" opens the
 * form; once lesson 1 is finished the home and the pre-test page say why the pre-test closed. A
 * second learner takes the pre-test from the main button and sees the result when reopening it.
 * A third opens an answered lesson from the phone's saved copy with no connection: the result is
 * there, and "Coba lagi" gives a form whose answers wait on the phone until the server has them.
 */
test.use({ viewport: { width: 360, height: 740 } });

const ROOT = resolve(import.meta.dirname, '../..');
const MODULE = 'pemasaran-whatsapp';
const LESSON_1 = `${MODULE}/01-profil-whatsapp-business`;
const LESSON_2 = `${MODULE}/02-katalog-produk`;
const PRE = `/learn/${MODULE}/tes-awal`;
type Item = { id: string; options: Array<{ id: string; correct?: boolean }> };
const prePost = (
  parseYaml(readFileSync(join(ROOT, 'content', MODULE, 'index.md'), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]) as { prePost: Array<{ a: Item; b: Item }> }
).prePost;
const right = (item: Item) => item.options.find((o) => o.correct)!.id;
const wrong = (item: Item) => item.options.find((o) => !o.correct)!.id;

async function expectFits(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${page.url()}: horizontal scroll`).toBeLessThanOrEqual(360);
}

async function answer(page: Page, scope: string, items: Item[], choice: (item: Item, index: number) => string, button: string): Promise<void> {
  const form = page.locator(scope);
  for (const [index, item] of items.entries()) await form.locator(`input[type="radio"][name="q:${item.id}"][value="${choice(item, index)}"]`).check();
  await form.getByRole('button', { name: button }).click();
}

test('pre-test offered and skipped from the home; a reopened quiz shows the last result and the counted score; the closed pre-test says why', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await registerLearner(page, `Bu Ingat ${Math.random().toString(36).slice(2, 7)}`);

  // The main button: the first module's pre-test, with a way to skip it.
  const card = page.locator('#continue-card');
  await expect(card.locator('#continue-link')).toHaveText('Kerjakan tes awal');
  await expect(card.locator('#continue-link')).toHaveAttribute('href', PRE);
  await expect(card).toContainText('Boleh dilewati');
  await expectFits(page);
  const skip = card.getByRole('button', { name: 'Lewati tes awal' });
  await skip.scrollIntoViewIfNeeded();
  await expect(skip).toBeInViewport();
  await skip.click();
  await expect(page).toHaveURL(new RegExp(`/learn/${LESSON_1}$`));

  // Remembered: the main button now opens lesson 1.
  await page.goto('/learn');
  await expect(card.locator('#continue-link')).toHaveText('Buka pelajaran');
  await expect(card.locator('#continue-link')).toHaveAttribute('href', `/learn/${LESSON_1}`);
  await expect(card.getByRole('button', { name: 'Lewati tes awal' })).toHaveCount(0);

  // The quiz twice: first with the first item wrong (this counts), then all right.
  const quiz = lessonData(LESSON_1).quiz;
  const max = quiz.length;
  await page.goto(`/learn/${LESSON_1}`);
  await answer(page, '#kuis form', quiz, (item, i) => (i === 0 ? wrong(item) : right(item)), 'Kirim jawaban');
  await expect(page).toHaveURL(/[?&]percobaan=[0-9a-f-]{36}/);
  await expect(page.locator('#quiz-counting')).toHaveText(`Nilai yang dihitung: ${max - 1} dari ${max} (jawaban pertama)`);
  await page.locator('#coba-lagi > summary').click();
  await expect(page.locator('#coba-lagi form')).toBeVisible();
  await answer(page, '#coba-lagi form', quiz, right, 'Kirim jawaban');
  await expect(page.locator('#quiz-score')).toContainText(`Nilai Anda: ${max} dari ${max} benar`);

  // Reopened later: the last result, not an empty form.
  await page.goto('/learn');
  await page.goto(`/learn/${LESSON_1}`);
  await expect(page.locator('#quiz-last')).toHaveText('Ini hasil terakhir Anda di kuis ini.');
  await expect(page.locator('#quiz-score')).toContainText(`Nilai Anda: ${max} dari ${max} benar`);
  await expect(page.locator('#quiz-counting')).toHaveText(`Nilai yang dihitung: ${max - 1} dari ${max} (jawaban pertama)`);
  await expect(page.locator('#kuis li.item.right')).toHaveCount(max);
  await expect(page.locator('#coba-lagi form')).toBeHidden();
  for (const item of quiz) {
    const result = page.locator(`#kuis li.item[data-item="${item.id}"]`);
    await expect(result.locator('.chosen')).toHaveAttribute('data-option', right(item));
    // The options as this learner saw them: the same order as in their form.
    const shown = await result.locator('ul.options > li').evaluateAll((els) => els.map((el) => el.getAttribute('data-option')));
    const form = await page.locator(`#coba-lagi input[name="q:${item.id}"]`).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
    expect(shown).toEqual(form);
    expect([...shown].sort()).toEqual(item.options.map((o) => o.id).sort());
  }
  await expectFits(page);
  // "Coba lagi" opens the form for practice.
  await page.locator('#coba-lagi > summary').click();
  await expect(page.locator('#coba-lagi form')).toBeVisible();
  await expect(page.locator('#coba-lagi')).toContainText('Nilai yang dihitung tidak berubah');
  await expectFits(page);

  // Lesson 1 is finished (the quiz finishes it): the pre-test has closed, and the home says why.
  await page.goto('/learn');
  await expect(page.locator('#pretest-closed')).toContainText(
    'Tes awal Pemasaran lewat WhatsApp sudah ditutup karena Anda sudah menyelesaikan pelajaran di modul ini. Tes awal mengukur kemampuan sebelum belajar.',
  );
  await expect(card.locator('#continue-link')).toHaveAttribute('href', `/learn/${LESSON_2}`);
  await expectFits(page);
  await page.goto(PRE);
  await expect(page.locator('#test-closed')).toContainText('Tes awal sudah ditutup karena Anda sudah menyelesaikan pelajaran di modul ini.');
  await expect(page.locator('#tes')).toHaveCount(0);
  await expect(page.locator('#next-step')).toHaveAttribute('href', `/learn/${LESSON_2}`);
  await expectFits(page);
});

test('the pre-test taken from the main button shows its result and counted score when reopened', async ({ page }) => {
  test.setTimeout(90_000);
  await registerLearner(page, `Pak Tes Awal ${Math.random().toString(36).slice(2, 7)}`);
  await page.locator('#continue-link').click();
  await expect(page).toHaveURL(new RegExp(`${PRE}$`));
  // The page has its own way to skip, on screen (not pushed off it).
  await page.locator('#skip-pretest').scrollIntoViewIfNeeded();
  await expect(page.locator('#skip-pretest')).toBeInViewport();
  await expect(page.locator('#skip-pretest')).toHaveText('Lewati, langsung ke pelajaran 1');
  // Forms A and B are given per learner: the page shows which one.
  const formA = prePost.map((p) => p.a);
  const items = (await page.locator(`#tes input[name="q:${formA[0].id}"]`).count()) > 0 ? formA : prePost.map((p) => p.b);
  await answer(page, '#tes form', items, (item, i) => (i === 0 ? right(item) : wrong(item)), 'Kirim jawaban tes');
  await expect(page.locator('#test-score')).toContainText(`Nilai Anda: 1 dari ${items.length} benar`);

  await page.goto('/learn');
  await expect(page.locator('#continue-link')).toHaveAttribute('href', `/learn/${LESSON_1}`);
  await page.goto(PRE);
  await expect(page.locator('#test-score')).toContainText(`Nilai Anda: 1 dari ${items.length} benar`);
  await expect(page.locator('#test-counting')).toHaveText(`Nilai yang dihitung: 1 dari ${items.length} (jawaban pertama; tes ini hanya sekali)`);
  await expect(page.locator('#tes form')).toHaveCount(0);
  await expect(page.locator('#tes li.item.right')).toHaveCount(1);
  await expect(page.locator('#next-step')).toHaveText('Mulai pelajaran 1');
  await expectFits(page);
});

test('offline, the saved copy of an answered lesson shows the result, and "Coba lagi" queues a practice attempt', async ({ page, context }) => {
  test.setTimeout(150_000);
  const OFF_MODULE = 'keamanan-data';
  const OFF_LESSON = `${OFF_MODULE}/01-kode-otp-rahasia`;
  const learner = await registerLearner(page, `Bu Simpan ${Math.random().toString(36).slice(2, 7)}`);
  const quiz = lessonData(OFF_LESSON).quiz as Item[];
  await page.goto(`/learn/${OFF_LESSON}`);
  await answer(page, '#kuis form', quiz, wrong, 'Kirim jawaban');
  await expect(page).toHaveURL(/[?&]percobaan=/);
  // Saved after answering: the saved lesson knows the result.
  await saveModule(page, OFF_MODULE);

  await context.setOffline(true);
  await page.goto(`/learn/${OFF_LESSON}`);
  await expect(page.locator('#offline-copy')).toBeVisible();
  await expect(page.locator('#quiz-last')).toBeVisible();
  await expect(page.locator('#quiz-counting')).toHaveText(`Nilai yang dihitung: 0 dari ${quiz.length} (jawaban pertama)`);
  await page.locator('#coba-lagi > summary').click();
  const answers = await answerQuiz(page, OFF_LESSON);
  await page.locator('#coba-lagi').getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.locator('#kuis [data-offline-note]')).toContainText('Tersimpan di HP');
  // What was kept stays on screen, ticked and locked, in the opened "Coba lagi".
  await expect(page.locator('#coba-lagi')).toHaveAttribute('open', '');
  await expect(page.locator(`#coba-lagi input[name="q:${quiz[0].id}"][value="${answers[quiz[0].id]}"]`)).toBeChecked();
  await expect(page.locator(`#coba-lagi input[name="q:${quiz[0].id}"]`).first()).toBeDisabled();
  expect((await queueEntries(page)).filter((e) => e.type === 'quiz_submitted')).toHaveLength(1);
  await expectFits(page);

  await context.setOffline(false);
  await expect.poll(async () => (await queueEntries(page)).length, { timeout: 30_000 }).toBe(0);
  const attempts = await dbRows<{ score: number }>("SELECT score FROM quiz_attempts WHERE user_id = ? AND kind = 'lesson' ORDER BY at", [learner.id]);
  expect(attempts.map((a) => a.score)).toEqual([0, quiz.length]);
  // Online again: the last result, and the counted score is still the first answers.
  await page.goto(`/learn/${OFF_LESSON}`);
  await expect(page.locator('#quiz-score')).toContainText(`Nilai Anda: ${quiz.length} dari ${quiz.length} benar`);
  await expect(page.locator('#quiz-counting')).toHaveText(`Nilai yang dihitung: 0 dari ${quiz.length} (jawaban pertama)`);
});
