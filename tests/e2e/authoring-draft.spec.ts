import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseYaml, splitFrontmatter } from '../../src/lib/content-check/frontmatter';
import { DEMO_PASSWORD, expect, loginAs, test } from './fixtures';
import { freshContext } from './foundation-helpers';

/**
 * Drafts (issue 8): lessons with `draft: true` are hidden from learners and from their counts,
 * and shown to trainers at the same URL with a "DRAF" banner. The e2e server is built from the
 * repository's content/, so this reads the same files to know what to expect; the draft-only
 * steps run for every draft found there (the unit tests cover drafts with buildCourse too).
 * Learners only look at /learn and at draft URLs here, which record no progress.
 */
const CONTENT = resolve(import.meta.dirname, '../../content');
const LEARNER = { phone: '081100000011', password: DEMO_PASSWORD.learner };
const TRAINER = { phone: '081100000001', password: DEMO_PASSWORD.trainer };

interface Lesson {
  url: string;
  title: string;
  draft: boolean;
}

function frontmatter(path: string): Record<string, unknown> {
  const split = splitFrontmatter(readFileSync(path, 'utf8'));
  return split.kind === 'ok' ? ((parseYaml(split.yaml, 2).data as Record<string, unknown>) ?? {}) : {};
}

const modules = readdirSync(CONTENT, { withFileTypes: true })
  .filter((e) => e.isDirectory() && readdirSync(join(CONTENT, e.name)).includes('index.md'))
  .map((e) => ({
    title: String(frontmatter(join(CONTENT, e.name, 'index.md')).title),
    lessons: readdirSync(join(CONTENT, e.name))
      .filter((f) => /^\d\d-.+\.mdx$/.test(f))
      .sort()
      .map((f): Lesson => {
        const data = frontmatter(join(CONTENT, e.name, f));
        return { url: `/learn/${e.name}/${f.replace(/\.mdx$/, '')}`, title: String(data.title), draft: data.draft === true };
      }),
  }));
const drafts = modules.flatMap((m) => m.lessons.filter((l) => l.draft));

test('a learner’s module counts and lesson lists leave drafts out', async ({ page }) => {
  await loginAs(page, LEARNER.phone, LEARNER.password);
  await expect(page).toHaveURL(/\/learn$/);
  for (const module of modules) {
    const published = module.lessons.filter((l) => !l.draft);
    const card = page.locator('section.module', { has: page.getByRole('heading', { name: module.title, exact: true }) });
    await expect(card.getByText(new RegExp(`^\\d+ dari ${published.length} pelajaran selesai$`))).toBeVisible();
    await expect(card.locator('ol.lessons > li')).toHaveCount(published.length);
    for (const draft of module.lessons.filter((l) => l.draft)) await expect(card.getByRole('link', { name: draft.title, exact: true })).toHaveCount(0);
  }
});

test('drafts: 404 for learners, "DRAF" for trainers; published lessons carry no banner', async ({ page: trainer, browser }) => {
  test.info().annotations.push({
    type: 'drafts in content/',
    description: drafts.length ? drafts.map((d) => d.url).join(', ') : 'none (draft steps had nothing to check)',
  });
  await loginAs(trainer, TRAINER.phone, TRAINER.password);
  await expect(trainer).toHaveURL(/\/trainer$/);
  for (const module of modules) {
    const first = module.lessons.find((l) => !l.draft);
    if (!first) continue;
    await trainer.goto(first.url);
    await expect(trainer.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
    await expect(trainer.locator('#draft-banner')).toHaveCount(0);
    // The trainer's "Pelajaran 1 dari N" counts drafts too: the trainer previews them.
    await expect(trainer.locator('#lesson-position')).toHaveText(`Pelajaran 1 dari ${module.lessons.length}`);
  }
  for (const draft of drafts) {
    await trainer.goto(draft.url);
    await expect(trainer.locator('#draft-banner')).toContainText('DRAF');
    await expect(trainer.getByRole('heading', { level: 1, name: draft.title })).toBeVisible();
  }

  const context = await freshContext(browser);
  const learner = await context.newPage();
  await loginAs(learner, LEARNER.phone, LEARNER.password);
  await expect(learner).toHaveURL(/\/learn$/);
  for (const draft of drafts) {
    const response = await learner.goto(draft.url);
    expect(response?.status(), draft.url).toBe(404);
    await expect(learner.getByText(draft.title, { exact: true })).toHaveCount(0);
  }
  await context.close();
});
