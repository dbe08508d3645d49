import type { Page } from '@playwright/test';
import { test, expect, loginAs } from './fixtures';
import { LEARNERS, LEARNER_PASSWORD, MENTOR_DEWI, TRAINER, expectPath } from './foundation-helpers';

/**
 * Layout sanity at 360 px (issue 2: readable at 360 px, 48 px tap targets, labelled inputs):
 * no horizontal scroll, every visible control in <main> at least 44 px tall (WCAG 2.5.5 size;
 * the design goal is 48), every input labelled.
 */

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

async function expectSane(page: Page, labels: string[] = []): Promise<void> {
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

test.describe('layout at 360 px', () => {
  test('/login', async ({ page }) => {
    await page.goto('/login');
    await expectSane(page, ['Nomor HP (WhatsApp) Contoh: 0812 3456 7890', 'Kata sandi']);
    // With an error shown, too.
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectSane(page);
  });

  test('/register, also with every error shown', async ({ page }) => {
    await page.goto('/register');
    const labels = [
      'Kode kelas',
      'Nama lengkap',
      'Nama usaha (boleh dikosongkan)',
      'Kecamatan (boleh dikosongkan)',
      'Buat kata sandi (minimal 8)',
      'Ulangi kata sandi',
    ];
    await expectSane(page, labels);
    await expect(page.getByLabel('Nomor HP (WhatsApp)')).toBeVisible();
    await expect(page.getByLabel('Jenis usaha (boleh dikosongkan)')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Saya setuju Melek menyimpan/ })).toBeVisible();
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectSane(page, labels);
  });

  test('/learn', async ({ page }) => {
    await loginAs(page, LEARNERS[0].phone, LEARNER_PASSWORD);
    await expectPath(page, '/learn');
    await expectSane(page);
  });

  test('/mentor and the invite page', async ({ page }) => {
    await loginAs(page, MENTOR_DEWI.phone, MENTOR_DEWI.password);
    await expectPath(page, '/mentor');
    await expectSane(page);
    // Making a link only adds an invite row; Bu Sari's password stays as it is.
    await page.getByRole('button', { name: 'Buat tautan masuk: Bu Sari' }).click();
    await expectPath(page, '/mentor/invite');
    await expect(page.locator('#invite-link')).toHaveValue(/\/invite\//);
    await expectSane(page, ['Atau salin tautan ini:']);
  });

  test('/trainer with every form opened', async ({ page }) => {
    await loginAs(page, TRAINER.phone, TRAINER.password);
    await expectPath(page, '/trainer');
    await expectSane(page);
    for (const summary of await page.locator('main summary').all()) await summary.click();
    await expect(page.locator('#cohort-form')).toBeVisible();
    await expectSane(page, ['Peran', 'Kelas', 'Nama kelas', 'Tanggal mulai (boleh dikosongkan)']);
  });

  test('English pages fit too (longer words)', async ({ page }) => {
    await page.goto('/bahasa/en?next=/register');
    await expectPath(page, '/register');
    await expectSane(page);
    await page.goto('/login');
    await page.getByLabel('Phone number (WhatsApp)').fill(TRAINER.phone);
    await page.getByLabel('Password').fill(TRAINER.password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expectPath(page, '/trainer');
    await expectSane(page);
  });
});
