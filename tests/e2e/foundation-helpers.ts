import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, uniquePhone } from './fixtures';

/** The demo data of db/seed.ts, as the foundation end-to-end tests rely on it (read-only!). */
export const COHORT = { name: 'Sidoarjo Kota – Angkatan 1', joinCode: 'SDA-2026', kecamatan: 'Sidoarjo' };
export const TRAINER = { phone: '081100000001', password: 'pelatih-demo', name: 'Bu Ratna (Pelatih)' };
export const MENTOR_DEWI = { phone: '081100000002', password: 'mentor-demo', name: 'Mbak Dewi', wa: '6281100000002' };
export const MENTOR_ARIF = { phone: '081100000003', password: 'mentor-demo', name: 'Mas Arif', wa: '6281100000003' };
export const LEARNER_PASSWORD = 'belajar-demo';
export const LEARNERS = [
  { phone: '081100000011', name: 'Bu Sari', mentor: MENTOR_DEWI },
  { phone: '081100000012', name: 'Pak Hadi', mentor: MENTOR_DEWI },
  { phone: '081100000013', name: 'Bu Lilik', mentor: MENTOR_DEWI },
  { phone: '081100000014', name: 'Mbak Nur', mentor: MENTOR_ARIF },
  { phone: '081100000015', name: 'Bu Yanti', mentor: MENTOR_ARIF },
  { phone: '081100000016', name: 'Pak Slamet', mentor: MENTOR_ARIF },
] as const;

/** 0812-3456-7890 style, as the app shows numbers. */
export const shown = (national: string) => national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
/** E.164 digits without the plus, as wa.me wants them. */
export const waDigitsOf = (national: string) => `62${national.slice(1)}`;

const handedOut = new Set<string>();
/** uniquePhone(), but never the same number twice in this worker (two calls in one millisecond may collide). */
export function freshPhone(): string {
  for (;;) {
    const phone = uniquePhone();
    if (!handedOut.has(phone)) {
      handedOut.add(phone);
      return phone;
    }
  }
}

export const uniqueName = (prefix: string) => `${prefix} ${Math.random().toString(36).slice(2, 8)}`;

/** A second, cookie-free browser at the same phone size (for "another device" steps). */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    baseURL: process.env.E2E_BASE_URL,
  });
}

/** Fills and submits the login form on the page as it is (keeps any ?next= in the URL). */
export async function submitLogin(page: Page, phone: string, password: string): Promise<void> {
  await page.getByLabel('Nomor HP (WhatsApp)').fill(phone);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/** The path of the page, without origin. */
export const pathOf = (page: Page) => new URL(page.url()).pathname;

export async function expectPath(page: Page, path: string): Promise<void> {
  await expect.poll(() => pathOf(page)).toBe(path);
}
