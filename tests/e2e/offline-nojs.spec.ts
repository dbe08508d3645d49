import { test, expect } from './fixtures';
import { answerQuiz, registerLearner } from './offline-helpers';

/**
 * Progressive enhancement and data saver (issue 7): with JavaScript off a lesson is still read,
 * answered and finished with plain form posts; the module page shows the size and says saving
 * needs JavaScript; HTML, scripts and the service worker travel compressed; hashed assets are
 * cached for a year; nothing is fetched from another site.
 */
test.use({ viewport: { width: 360, height: 740 } });

const MODULE = 'aplikasi-keuangan';
const LESSON = `${MODULE}/01-pisahkan-uang-usaha`;

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a lesson works with plain forms, and the module page explains saving', async ({ page }) => {
    await registerLearner(page, 'Bu Tanpa JS');
    await page.goto(`/learn/${MODULE}`);
    await expect(page.locator('#save-size')).toHaveText(/^± \d+ KB$/);
    await expect(page.getByText('Menyimpan untuk offline butuh JavaScript.')).toBeVisible();
    await expect(page.getByRole('button', { name: /Simpan untuk offline/ })).toBeHidden();
    await page.locator('#module-lessons a').first().click();
    await expect(page).toHaveURL(new RegExp(`/learn/${LESSON}$`));
    await expect(page.locator('#dengarkan')).toBeHidden();
    await expect(page.locator('#offline-copy')).toBeHidden();
    await answerQuiz(page, LESSON);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await expect(page).toHaveURL(/[?&]percobaan=[0-9a-f-]{36}/);
    await expect(page.locator('#quiz-score')).toBeVisible();
    await expect(page.locator('#selesai')).toContainText('Pelajaran ini sudah selesai.');
    await page.locator('#module-link').click();
    await expect(page.locator('#module-lessons li').first()).toContainText('selesai');
  });
});

test('HTML, scripts and the service worker are compressed; hashed assets are immutable; no other sites', async ({ page, request }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await registerLearner(page, 'Bu Hemat');
  await page.goto(`/learn/${LESSON}`);
  await page.goto(`/learn/${MODULE}`);
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);

  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const lesson = await request.get(`/learn/${LESSON}`, { headers: { cookie, 'accept-encoding': 'br, gzip' } });
  expect(lesson.headers()['content-encoding']).toBe('br');
  expect(lesson.headers()['cache-control']).toBe('private, no-store');
  const html = await lesson.text();
  const gzipOnly = await request.get(`/learn/${LESSON}`, { headers: { cookie, 'accept-encoding': 'gzip' } });
  expect(gzipOnly.headers()['content-encoding']).toBe('gzip');

  // Module scripts only, never render-blocking, never inline (CSP script-src 'self').
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toMatch(/type="module" src="\/_astro\/[^"]+\.js"/);
  const asset = await request.get(scripts[0].match(/src="([^"]+)"/)![1], { headers: { 'accept-encoding': 'br' } });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  const sw = await request.get('/sw.js', { headers: { 'accept-encoding': 'br, gzip' } });
  expect(sw.headers()['content-encoding']).toBe('br');
  expect(sw.headers()['vary']).toBe('Accept-Encoding');
  const plain = await request.get('/sw.js', { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect((await plain.text()).length).toBeGreaterThan(Number(sw.headers()['content-length']));
  const manifest = await request.get('/manifest.webmanifest');
  expect((await manifest.json()).short_name).toBe('Melek');
  expect((await request.get('/icons/icon-192.png')).headers()['content-type']).toBe('image/png');
});
