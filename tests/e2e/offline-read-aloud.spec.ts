import { test, expect } from './fixtures';
import { registerLearner } from './offline-helpers';

/**
 * "Dengarkan" (issue 7): shown only when the phone has an Indonesian voice; reads the lesson one
 * block at a time with the block highlighted; pauses and continues; stops. The browser's speech
 * engine is replaced by a recorder (headless Chromium has no voices).
 */
test.use({ viewport: { width: 360, height: 740 } });

const LESSON = '/learn/keamanan-data/01-kode-otp-rahasia';

/** Runs in the page before its scripts (addInitScript): a speech engine that only records. */
function fakeSpeech({ voices }: { voices: Array<{ lang: string; name: string }> }) {
  const spoken: string[] = [];
  let current: SpeechSynthesisUtterance | undefined;
  // The test ends each utterance itself: window.endUtterance() is the engine finishing a block.
  Object.assign(window, {
    spoken,
    endUtterance() {
      const u = current;
      current = undefined;
      u?.onend?.(new Event('end') as SpeechSynthesisEvent);
    },
  });
  const synth = {
    getVoices: () => voices,
    speak(u: SpeechSynthesisUtterance) {
      current = u;
      spoken.push(`${u.lang}|${u.text}`);
    },
    cancel() {
      current = undefined;
    },
    pause() {},
    resume() {},
    addEventListener() {},
    get speaking() {
      return !!current;
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
    text: string;
    lang = '';
    voice: unknown = null;
    rate = 1;
    onend: ((e: Event) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  };
}

test('with an Indonesian voice: read block by block, highlighted, pause and continue, stop', async ({ page }) => {
  await page.addInitScript(fakeSpeech, {
    voices: [
      { lang: 'en-US', name: 'English' },
      { lang: 'id-ID', name: 'Bahasa Indonesia' },
    ],
  });
  await registerLearner(page, 'Bu Dengar');
  const scriptsBefore: string[] = [];
  page.on('request', (r) => scriptsBefore.push(r.url()));
  await page.goto(LESSON);
  const button = page.locator('#dengarkan');
  await expect(button).toBeVisible();
  await expect(button).toHaveText('Dengarkan');
  // The player itself is loaded only when tapped.
  expect(scriptsBefore.some((u) => u.includes('read-aloud'))).toBe(false);

  const spokenCount = () => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length);
  const endUtterance = () => page.evaluate(() => (window as unknown as { endUtterance(): void }).endUtterance());
  await button.click();
  await expect(button).toHaveText('Jeda');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  // First the title, highlighted; then the lesson's first block.
  await expect(page.locator('main h1')).toHaveClass(/reading/);
  await endUtterance();
  await expect(page.locator('.lesson-body .reading')).toHaveCount(1);
  await expect(page.locator('main h1')).not.toHaveClass(/reading/);
  const reading = await page.locator('.lesson-body .reading').textContent();

  // Pause: nothing more is said; continue: the same block again, then on.
  await button.click();
  await expect(button).toHaveText('Lanjutkan');
  const before = await spokenCount();
  await endUtterance();
  await page.waitForTimeout(200);
  expect(await spokenCount()).toBe(before);
  await expect(page.locator('.lesson-body .reading')).toHaveText(reading!);
  await button.click();
  await expect(button).toHaveText('Jeda');
  await expect.poll(spokenCount).toBe(before + 1);
  await endUtterance();
  await expect.poll(spokenCount).toBe(before + 2);
  const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
  expect(spoken.every((s) => s.startsWith('id-ID|'))).toBe(true);
  await page.getByRole('button', { name: 'Berhenti' }).click();
  await expect(button).toHaveText('Dengarkan');
  await expect(page.locator('.reading')).toHaveCount(0);
});

test('without an Indonesian voice the button stays hidden', async ({ page }) => {
  await page.addInitScript(fakeSpeech, { voices: [{ lang: 'en-US', name: 'English' }] });
  await registerLearner(page, 'Bu Tanpa Suara');
  await page.goto(LESSON);
  await expect(page.locator('h1')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.locator('#dengarkan')).toBeHidden();
});
