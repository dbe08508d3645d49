import { test as base, expect, type Page } from '@playwright/test';

/** The server URL is known only after global setup has started it, so it is read here. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
});
export { expect };

export const DEMO_PASSWORD = { trainer: 'pelatih-demo', mentor: 'mentor-demo', learner: 'belajar-demo' };

export async function loginAs(page: Page, phone: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Nomor HP (WhatsApp)').fill(phone);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

let phoneCounter = 0;
/** A phone number no other test uses: time, worker and a per-worker counter (tests run in parallel against one server). */
export function uniquePhone(): string {
  const worker = Number(process.env.TEST_WORKER_INDEX ?? 0) % 10;
  phoneCounter = (phoneCounter + 1) % 100;
  return `0857${String(Date.now()).slice(-5)}${worker}${String(phoneCounter).padStart(2, '0')}`;
}
