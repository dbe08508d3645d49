/**
 * `npm run new:module -- <slug> "<judul>"` — creates content/<slug>/index.md, ordered after the
 * last module, with "TULIS: …" guidance in every field the trainer writes.
 * Bad input gets an Indonesian message and exit code 1; nothing is overwritten.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYaml, splitFrontmatter } from '../lib/content-check/frontmatter';
import { s } from '../lib/content-check/messages';
import { moduleScaffold } from '../lib/content-check/scaffold';
import { contentTexts } from '../lib/content-check/content-folder';
import { fail, startScaffold } from './scaffold-start';

const { folder, positional } = startScaffold();
const [slug = ''] = positional;
if (!slug) fail(s.moduleUsage());

const orders = contentTexts(folder).modules.map((text) => {
  const split = splitFrontmatter(text);
  const data = split.kind === 'ok' ? (parseYaml(split.yaml, 2).data as { order?: unknown } | undefined) : undefined;
  return typeof data?.order === 'number' ? data.order : 0;
});
// Any existing folder counts as taken, even one without index.md yet.
const taken = existsSync(join(folder, slug)) ? [slug] : [];
const result = moduleScaffold({ slug, title: positional.slice(1).join(' '), modules: taken, orders });
if (!result.ok) fail(result.message);

const dir = join(folder, slug);
const path = join(dir, result.fileName);
const shown = relative(process.cwd(), path);
try {
  mkdirSync(dir);
  writeFileSync(path, result.text, { flag: 'wx' });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'EEXIST' ? s.moduleExists(slug) : s.writeFailed(shown, String(code ?? error)));
}
console.log(s.moduleCreated(shown, slug));
