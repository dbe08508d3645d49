import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { parse as parseYaml } from 'yaml';
import { test, expect, loginAs, uniquePhone } from './fixtures';
import { freshContext } from './foundation-helpers';
import { pseudonymOf } from '../../src/lib/reports/pseudonym';

/**
 * Issue 9 (UU PDP): a learner downloads their data and deletes their account; they can no longer
 * log in, and the cohort report still counts their anonymous results. A FRESH learner (join code
 * SDA-2026, a phone no other test uses) at 360×740: registers, answers a quiz, downloads the JSON,
 * deletes the account. The trainer's research CSV for the cohort still has the learner's rows
 * under the same pseudonymous id, with no name, phone or business left anywhere.
 */

const ROOT = join(import.meta.dirname, '../..');
const FIRST_LESSON = 'pemasaran-whatsapp/01-profil-whatsapp-business';
const TRAINER = { phone: '081100000001', password: 'pelatih-demo' };
const quizOf = (id: string): Array<{ id: string }> =>
  parseYaml(readFileSync(join(ROOT, 'content', `${id}.mdx`), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]).quiz;

test('a learner downloads their data and deletes the account; no login after, the cohort report still counts the anonymous results', async ({
  page,
  browser,
  baseURL,
}) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const me = { name: `Bu Privasi ${suffix}`, phone: uniquePhone(), business: `Rempeyek Privasi ${suffix}`, password: `sandi-privasi-${suffix}` };

  // Register with the demo cohort's code.
  await page.goto('/register?kode=SDA-2026');
  await expect(page.getByLabel('Kode kelas')).toHaveValue('SDA-2026');
  await page.getByLabel('Nama lengkap').fill(me.name);
  await page.getByLabel('Nomor HP (WhatsApp)').fill(me.phone);
  await page.getByLabel('Nama usaha (boleh dikosongkan)').fill(me.business);
  await page.getByLabel('Buat kata sandi (minimal 8)').fill(me.password);
  await page.getByLabel('Ulangi kata sandi').fill(me.password);
  await page.getByRole('checkbox', { name: /Saya setuju Melek menyimpan/ }).check();
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/learn');

  // Some learning to count: the first lesson's quiz, answered.
  await page.goto(`/learn/${FIRST_LESSON}`);
  const form = page.locator('#kuis form');
  for (const item of quizOf(FIRST_LESSON)) await form.locator(`input[type="radio"][name="q:${item.id}"]`).first().check();
  await form.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page).toHaveURL(/[?&]percobaan=/);

  // Who the learner is in the database and in the report (pseudonymous id of the research CSV).
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  const user = (await db.execute({ sql: 'SELECT id FROM users WHERE phone = ?', args: [`+62${me.phone.slice(1)}`] })).rows[0];
  expect(user, 'the new account is in the database').toBeDefined();
  const userId = String(user.id);

  const trainer = await freshContext(browser);
  const trainerPage = await trainer.newPage();
  await loginAs(trainerPage, TRAINER.phone, TRAINER.password);
  await expect.poll(() => new URL(trainerPage.url()).pathname).toBe('/trainer');
  const csv = async () => {
    const response = await trainer.request.get(`${baseURL}/trainer/reports.csv?kelas=demo-cohort-1`);
    expect(response.status()).toBe(200);
    return response.text();
  };
  const before = await csv();
  const secret = String((await db.execute("SELECT value FROM settings WHERE key = 'pseudonym_secret'")).rows[0]?.value ?? process.env.PSEUDONYM_SECRET ?? '');
  expect(secret, 'the report has made its pseudonym secret').not.toBe('');
  const pseudonym = pseudonymOf(secret, userId);
  // The learner's rows, without the export's own timestamp (rows made by the system are dated when exported).
  const rowsOf = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.includes(pseudonym))
      .map((line) => line.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d/g, '<date>').trim());
  expect(rowsOf(before).length, 'the learner is in the cohort report before deleting').toBeGreaterThan(0);

  // Download: everything about the learner, as JSON.
  await page.goto('/learn/akun');
  await expect(page.getByRole('heading', { name: 'Akun dan data saya' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh data saya (JSON)' }).click()]);
  expect(download.suggestedFilename()).toBe('melek-data-saya.json');
  const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(data.profile.name).toBe(me.name);
  expect(JSON.stringify(data)).toContain(me.business);
  expect(data.progressEvents.length).toBeGreaterThan(0);
  expect(data.quizAttempts.length).toBeGreaterThan(0);
  expect(JSON.stringify(data)).not.toMatch(/argon2|password|secret_?hash/i);

  // Delete: the word, the password, the button.
  await page.getByLabel(/Ketik HAPUS/).fill('HAPUS');
  await page.getByLabel('Kata sandi').fill(me.password);
  await page.getByRole('button', { name: 'Hapus akun saya' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
  await expect(page.getByText('Akun Anda sudah dihapus')).toBeVisible();

  // No way back in: the old session is gone and the password no longer works.
  await page.goto('/learn');
  await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
  await loginAs(page, me.phone, me.password);
  await expect(page.getByText('Nomor HP atau kata sandi salah')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/login');

  // The cohort report still counts the anonymous results: same pseudonymous rows, nothing personal.
  const after = await csv();
  expect(rowsOf(after), 'the learner’s anonymous rows are still in the cohort report').toEqual(rowsOf(before));
  for (const personal of [me.name, me.business, me.phone, `62${me.phone.slice(1)}`]) expect(after).not.toContain(personal);
  await trainerPage.goto('/trainer/reports?kelas=demo-cohort-1');
  await expect(trainerPage.locator('#learner-count')).toBeVisible();
  await expect(trainerPage.locator('main')).not.toContainText(me.name);

  // And in the database: the person is gone, the learning rows remain under the same opaque id.
  const row = (await db.execute({ sql: 'SELECT name, phone, business_name, password_hash, deleted_at FROM users WHERE id = ?', args: [userId] })).rows[0];
  expect(row.phone).toBeNull();
  expect(row.business_name).toBeNull();
  expect(row.password_hash).toBeNull();
  expect(row.deleted_at).not.toBeNull();
  expect(String(row.name)).not.toContain(suffix);
  const count = async (table: string) => Number((await db.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE user_id = ?`, args: [userId] })).rows[0].n);
  expect(await count('progress_events')).toBe(data.progressEvents.length);
  expect(await count('quiz_attempts')).toBe(data.quizAttempts.length);
  expect(await count('sessions')).toBe(0);
  db.close();
  await trainer.close();
});
