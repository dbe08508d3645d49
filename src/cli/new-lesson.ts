/**
 * `npm run new:lesson -- <module> "<judul>"` — creates content/<module>/NN-<slug>.mdx, numbered
 * after the module's last lesson, as a draft whose every field holds "TULIS: …" guidance.
 * Bad input gets an Indonesian message and exit code 1; nothing is overwritten.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { s } from '../lib/content-check/messages';
import { lessonScaffold, usedIds } from '../lib/content-check/scaffold';
import { contentTexts, isDir, moduleFolders } from '../lib/content-check/content-folder';
import { fail, startScaffold } from './scaffold-start';

const { folder, positional } = startScaffold();
const modules = moduleFolders(folder);
const [module = ''] = positional;
if (!module) fail(s.lessonUsage(modules));

const texts = contentTexts(folder);
const result = lessonScaffold({
  module,
  title: positional.slice(1).join(' '),
  modules,
  existingFiles: isDir(join(folder, module)) ? readdirSync(join(folder, module)) : [],
  usedIds: usedIds([...texts.lessons, ...texts.modules]),
});
if (!result.ok) fail(result.message);

const path = join(folder, module, result.fileName);
const shown = relative(process.cwd(), path);
try {
  writeFileSync(path, result.text, { flag: 'wx' });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'EEXIST' ? s.fileExists(shown) : s.writeFailed(shown, String(code ?? error)));
}
console.log(s.lessonCreated(shown, `/learn/${module}/${result.slug}`));
