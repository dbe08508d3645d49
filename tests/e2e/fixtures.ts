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

/** A phone number no other test uses (tests run in parallel against one server). */
export function uniquePhone(): string {
  return `0857${String(Date.now()).slice(-6)}${Math.floor(Math.random() * 90 + 10)}`;
}
