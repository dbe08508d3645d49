import { test, expect } from './fixtures';
import { answerQuiz, dbRows, lessonData, moduleCaches, queueEntries, registerLearner, saveModule, workerReady } from './offline-helpers';

/**
 * Issue 7 "Done when", at 360×740: a fresh learner saves a module, goes offline, opens two saved
 * lessons, answers a quiz and taps "Selesai"; a page that was not saved shows the saved modules;
 * then, with a second tab open, the phone goes online: both tabs (and the service worker) try to
 * sync at once, and the server has each event exactly once.
 */
test.use({ viewport: { width: 360, height: 740 } });

const MODULE = 'keamanan-data';
const LESSON_1 = `${MODULE}/01-kode-otp-rahasia`;
const LESSON_2 = `${MODULE}/02-file-apk-berbahaya`;

test('save a module, study it offline, and every answer reaches the server exactly once', async ({ page, context }) => {
  const learner = await registerLearner(page, 'Bu Offline');
  const size = await saveModule(page, MODULE);
  expect(size).toMatch(/^± \d+ KB$/);
  expect(await moduleCaches(page)).toHaveLength(1);
  // Saving downloads the lessons but is not the learner opening them: nothing recorded.
  expect(await dbRows('SELECT id FROM progress_events WHERE user_id = ?', [learner.id])).toEqual([]);

  await context.setOffline(true);
  await page.goto(`/learn/${LESSON_1}`);
  await expect(page.locator('h1')).toHaveText(lessonData(LESSON_1).title);
  await expect(page.locator('#offline-copy')).toBeVisible();
  const answers = await answerQuiz(page, LESSON_1);
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.locator('#kuis [data-offline-note]')).toContainText('Tersimpan di HP — akan dikirim saat online.');
  await expect(page.locator('#kuis [data-offline-note]')).toContainText('Jawaban akan dinilai saat HP online.');
  // Still the saved copy: no grade, no right answers on the page.
  await expect(page.locator('#quiz-score')).toHaveCount(0);

  await page.goto(`/learn/${LESSON_2}`);
  await expect(page.locator('h1')).toHaveText(lessonData(LESSON_2).title);
  await page.getByRole('button', { name: 'Selesai', exact: true }).click();
  await expect(page.locator('#selesai [data-offline-note]')).toHaveText(/Tersimpan di HP/);

  // A lesson of a module that was not saved: the saved modules are offered instead.
  await page.goto('/learn/pemasaran-whatsapp/01-profil-whatsapp-business');
  await expect(page.locator('h1')).toHaveText('Modul tersimpan di HP');
  await expect(page.locator('[data-not-saved]')).toBeVisible();
  await expect(page.locator('#saved-modules li')).toHaveCount(1);
  await expect(page.locator('#queue-status')).toHaveText(/4 catatan tersimpan di HP/);

  const queued = await queueEntries(page);
  const types = queued.map((e) => `${e.type} ${e.lessonId}`).sort();
  expect(types).toEqual([`completed ${LESSON_2}`, `quiz_submitted ${LESSON_1}`, `viewed ${LESSON_1}`, `viewed ${LESSON_2}`]);
  const quizId = queued.find((e) => e.type === 'quiz_submitted')!.id as string;
  expect(queued.every((e) => e.userId === learner.id)).toBe(true);
  expect(await dbRows('SELECT id FROM progress_events WHERE user_id = ?', [learner.id])).toEqual([]);

  // A second tab on a saved lesson, then the connection returns for both at once.
  const second = await context.newPage();
  await second.goto(`/learn/${LESSON_1}`);
  await expect(second.locator('#kuis [data-offline-note]')).toContainText('Tersimpan di HP');
  await page.goto(`/learn/${LESSON_2}`);
  await context.setOffline(false);

  await expect.poll(async () => (await queueEntries(page)).length, { timeout: 20_000 }).toBe(0);
  const rows = await dbRows<{ id: string; type: string; lesson_id: string }>(
    "SELECT id, type, lesson_id FROM progress_events WHERE user_id = ? AND type <> 'viewed' ORDER BY type",
    [learner.id],
  );
  expect(rows.map((r) => `${r.type} ${r.lesson_id}`)).toEqual([`completed ${LESSON_2}`, `quiz_submitted ${LESSON_1}`]);
  expect(rows.find((r) => r.type === 'quiz_submitted')!.id).toBe(quizId);
  const attempts = await dbRows<{ id: string; score: number; max_score: number; answers: string }>(
    'SELECT id, score, max_score, answers FROM quiz_attempts WHERE user_id = ?',
    [learner.id],
  );
  expect(attempts).toHaveLength(1);
  expect(attempts[0].id).toBe(quizId);
  expect(attempts[0].score).toBe(attempts[0].max_score);
  expect(JSON.parse(attempts[0].answers)).toEqual(answers);
  // The two offline visits: one "viewed" each from the queue (the saved copies were opened offline).
  const views = await dbRows<{ lesson_id: string; n: number }>(
    "SELECT lesson_id, count(*) AS n FROM progress_events WHERE user_id = ? AND type = 'viewed' AND received_at - at > 0 GROUP BY lesson_id ORDER BY lesson_id",
    [learner.id],
  );
  expect(views.map((v) => v.lesson_id)).toEqual([LESSON_1, LESSON_2]);

  // The lesson pages say it went through; the graded attempt opens from the link.
  await expect(second.locator('#kuis [data-offline-note]')).toContainText('Jawaban terkirim dan sudah dinilai.');
  await second.getByRole('link', { name: 'Lihat nilai' }).click();
  await expect(second.locator('#quiz-score')).toContainText(`${attempts[0].score} dari ${attempts[0].max_score}`);
  await page.goto(`/learn/${MODULE}`);
  await expect(page.locator('#module-lessons li').nth(0)).toContainText('selesai');
  await expect(page.locator('#module-lessons li').nth(1)).toContainText('selesai');
});

test('a saved lesson opened online is the live page, and the saved copy follows it', async ({ page, context }) => {
  await registerLearner(page, 'Bu Segar');
  await saveModule(page, MODULE);
  await page.goto(`/learn/${LESSON_1}`);
  await expect(page.locator('#offline-copy')).toBeHidden();
  await page.getByRole('button', { name: 'Selesai', exact: true }).click();
  await expect(page.locator('#selesai')).toContainText('Hebat! Pelajaran ini selesai.');
  await page.goto(`/learn/${LESSON_1}`);
  await workerReady(page);
  // The service worker refreshed the saved copy from that online visit: offline it shows "done" too.
  await context.setOffline(true);
  await expect
    .poll(async () => {
      await page.goto(`/learn/${LESSON_1}`);
      return page.locator('#selesai').textContent();
    })
    .toContain('Pelajaran ini sudah selesai.');
  await expect(page.locator('#offline-copy')).toBeVisible();
  await context.setOffline(false);
});
