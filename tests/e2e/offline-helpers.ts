import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import type { BrowserContext, Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { expect, uniquePhone } from './fixtures';

/** Shared by the offline-*.spec.ts files (issue 7). */
const ROOT = resolve(import.meta.dirname, '../..');

const handedOut = new Set<string>();
function freshPhone(): string {
  for (;;) {
    const phone = uniquePhone();
    if (!handedOut.has(phone)) {
      handedOut.add(phone);
      return phone;
    }
  }
}

/** Registers a new learner with the demo cohort's join code; ends on /learn; returns id and phone. */
export async function registerLearner(page: Page, name: string): Promise<{ id: string; phone: string }> {
  const phone = freshPhone();
  await page.goto('/register');
  await page.getByLabel('Kode kelas').fill('SDA-2026');
  await page.getByLabel('Nama lengkap').fill(name);
  await page.getByLabel('Nomor HP (WhatsApp)').fill(phone);
  await page.getByLabel('Buat kata sandi (minimal 8)').fill('sandi-uji-123');
  await page.getByLabel('Ulangi kata sandi').fill('sandi-uji-123');
  await page.getByRole('checkbox', { name: /Saya setuju Melek menyimpan/ }).check();
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/learn');
  const id = await page.locator('meta[name="melek-user"]').getAttribute('content');
  expect(id).toBeTruthy();
  return { id: id!, phone };
}

/**
 * Waits until the service worker is installed (its app shell precached) and active, and controls
 * the page (a page loaded before it was active is reloaded once, as a phone would on next visit).
 */
export async function workerReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated')), { timeout: 30_000 })
    .toBe(true);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
}

/** Opens a module page and saves it for offline; returns the size shown before saving. */
export async function saveModule(page: Page, moduleId: string): Promise<string> {
  await page.goto(`/learn/${moduleId}`);
  await workerReady(page);
  const size = (await page.locator('#save-size').textContent()) ?? '';
  await page.getByRole('button', { name: /Simpan untuk offline/ }).click();
  await expect(page.locator('[data-saved-text]')).toHaveText(/Tersimpan di HP · \d/, { timeout: 30_000 });
  return size;
}

/** Everything in the device's progress queue (IndexedDB melek-offline/queue), raw. */
export function queueEntries(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('melek-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('queue')) return resolve([]);
          const request = db.transaction('queue').objectStore('queue').getAll();
          request.onsuccess = () => {
            resolve(request.result);
            db.close();
          };
        };
      }),
  );
}

/** Puts raw values into the device queue (to test corrupted and foreign entries). */
export function putQueueEntries(page: Page, values: unknown[]): Promise<void> {
  return page.evaluate(
    (items) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('melek-offline');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('queue', 'readwrite');
          for (const item of items) tx.objectStore('queue').put(item);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    values,
  );
}

/** Names of the saved-module caches on the device. */
export function moduleCaches(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('melek-m:')));
}

/** A query against the e2e server's database (read-only use). */
export async function dbRows<T = Record<string, unknown>>(sql: string, args: Array<string | number> = []): Promise<T[]> {
  const client = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    return (await client.execute({ sql, args })).rows as unknown as T[];
  } finally {
    client.close();
  }
}

export interface LessonData {
  title: string;
  quiz: Array<{ id: string; options: Array<{ id: string; text: string | number; correct?: boolean }> }>;
}
/** A lesson's frontmatter from its .mdx file. */
export function lessonData(id: string): LessonData {
  const text = readFileSync(join(ROOT, 'content', `${id}.mdx`), 'utf8');
  return parseYaml(text.match(/^---\n([\s\S]*?)\n---/)![1]);
}

/** Picks the right answer for every quiz item on the page. */
export async function answerQuiz(page: Page, lessonId: string): Promise<Record<string, string>> {
  const data = lessonData(lessonId);
  const answers: Record<string, string> = {};
  for (const item of data.quiz) {
    const right = item.options.find((o) => o.correct)!.id;
    answers[item.id] = right;
    await page.locator(`#kuis input[type="radio"][name="q:${item.id}"][value="${right}"]`).check();
  }
  return answers;
}

export async function offline(context: BrowserContext, value: boolean): Promise<void> {
  await context.setOffline(value);
}
