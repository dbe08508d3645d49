/**
 * `npm run content:import -- <file.json> [--ke-content]` (issue 19, item 8)
 *
 * Imports a module file exported from /trainer/konten/<module>/ekspor. Without a flag it goes into
 * the database (migrations applied first) as a browser module whose lessons are drafts. With
 * `--ke-content` it is written into content/ as index.md and one .mdx per lesson, for
 * `npm run content:check` and the build: a module proven in the field becomes built-in. Exit
 * code 1 with one Indonesian sentence when the file is refused; nothing is written then.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { db } from '@db/client';
import { applyMigrations } from '@db/migrate';
import { t } from '../i18n';
import { moduleFiles } from '../lib/authoring/module-mdx';
import { importModuleFile, readModuleFile } from '../lib/server/authoring/modules';

const d = t('id');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const toContent = args.includes('--ke-content');
const path = args.find((a) => !a.startsWith('--'));
if (!path) fail('Pakai: npm run content:import -- <file.json> [--ke-content]');
let text: string;
try {
  text = readFileSync(resolve(path), 'utf8');
} catch {
  fail(`File ${path} tidak bisa dibaca.`);
}
const read = readModuleFile(text, d.autImportNotJson);
if (!read.ok) fail(d.autImportBad(read.reason));
const { file } = read;
const contentDir = resolve(process.cwd(), 'content');
const builtinIds = readdirSync(contentDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

if (toContent) {
  if (builtinIds.includes(file.module.id)) fail(d.autImportBad(`folder content/${file.module.id} sudah ada.`));
  for (const out of moduleFiles(file)) {
    const target = join(contentDir, out.path);
    mkdirSync(dirname(target), { recursive: true });
    if (existsSync(target)) fail(d.autImportBad(`content/${out.path} sudah ada.`));
    writeFileSync(target, out.text, { flag: 'wx' });
  }
  console.log(`Modul "${file.module.title}" ditulis ke content/${file.module.id}/ (${file.lessons.length} pelajaran). Jalankan npm run content:check.`);
} else {
  const database = db();
  await applyMigrations(database);
  const builtin = builtinIds.map((id) => ({ id }));
  const result = await importModuleFile(file, builtin, null, Date.now(), d.autModuleTaken);
  database.$client.close();
  if (!result.ok) fail(d.autImportBad(result.reason));
  console.log(d.autImported(result.module.title, result.lessons));
}
