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

const MIN_TARGET = 44;

interface Control {
  what: string;
  height: number;
  width: number;
  labelled: boolean;
}

/**
 * Every visible link, button, input, select, textarea and summary in <main>, with its tap-target
 * size. Two WCAG target-size rules are applied: a link inside a sentence (inline, with text around
 * it) is exempt, and a checkbox or radio counts with the label that wraps it (tapping the label
 * ticks the box).
 */
async function controlsIn(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const out: Array<{ what: string; height: number; width: number; labelled: boolean }> = [];
    const main = document.querySelector('main');
    if (!main) return out;
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
    for (const el of Array.from(main.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || rect.width === 0 || rect.height === 0) continue;
      if (el.tagName === 'A' && style.display === 'inline') {
        const block = el.parentElement;
        const around = (block?.textContent ?? '').replace(el.textContent ?? '', '').trim();
        if (around.length > 0) continue; // a link in a sentence: WCAG's inline exception
      }
      let target: HTMLElement = el;
      const type = (el as HTMLInputElement).type;
      if (el.tagName === 'INPUT' && (type === 'checkbox' || type === 'radio')) target = el.closest('label') ?? el;
      const box = target.getBoundingClientRect();
      const field = el as HTMLInputElement;
      const labelled =
        !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) ||
        (field.labels?.length ?? 0) > 0 ||
        !!el.getAttribute('aria-label') ||
        !!el.getAttribute('aria-labelledby');
      const name = (el.getAttribute('aria-label') || el.textContent || (el as HTMLInputElement).name || '').trim().slice(0, 40);
      out.push({ what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}"`, height: box.height, width: box.width, labelled });
    }
    return out;
  });
}

/** Layout sanity at 360 px: no horizontal scroll, tap targets ≥ 44 px (design goal 48), labelled inputs. */
export async function expectSane(page: Page, labels: Array<string | RegExp> = []): Promise<void> {
  const path = new URL(page.url()).pathname;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${path}: horizontal scroll`).toBeLessThanOrEqual(360);

  const controls = await controlsIn(page);
  expect(controls.length, `${path}: controls found in <main>`).toBeGreaterThan(0);
  const small = controls.filter((c) => c.height < MIN_TARGET).map((c) => `${c.what}: ${c.height.toFixed(1)} px`);
  expect(small, `${path}: tap targets under ${MIN_TARGET} px tall`).toEqual([]);
  const narrow = controls.filter((c) => c.width < MIN_TARGET).map((c) => `${c.what}: ${c.width.toFixed(1)} px`);
  expect(narrow, `${path}: tap targets under ${MIN_TARGET} px wide`).toEqual([]);
  const unlabelled = controls.filter((c) => !c.labelled).map((c) => c.what);
  expect(unlabelled, `${path}: inputs without a label`).toEqual([]);
  for (const label of labels) await expect(page.getByLabel(label, { exact: true }), `${path}: label "${label}"`).toBeVisible();

  // The header (outside <main>) has tap targets too: language switch, logout, role links.
  const header = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('header a, header button'))
      .map((el) => ({ what: (el.getAttribute('aria-label') || el.textContent || '').trim(), height: el.getBoundingClientRect().height }))
      .filter((c) => c.height < 44),
  );
  expect(header, `${path}: header tap targets under 44 px`).toEqual([]);
}
