/**
 * `npm run h5p:import -- <file.h5p> [--id <id>] [--replace]`
 *
 * Validates and imports an H5P package into DATA_DIR/h5p/ and the database (migrations are
 * applied first, so it works on a fresh DATA_DIR). Exit code 0: imported, replaced, or already
 * there (recognised by its SHA-256). Exit code 1: refused, with one Indonesian sentence naming
 * the exact problem; nothing is left on disk or in the database.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { openDatabase } from '@db/client';
import { applyMigrations } from '@db/migrate';
import { t } from '../i18n';
import { importH5pFile } from '../lib/server/h5p/import';

const d = t('id');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
let file: string | undefined;
let id: string | undefined;
let replace = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--id') {
    id = args[++i];
    if (id === undefined) fail(d.h5pCliUsage);
  } else if (arg.startsWith('--id=')) id = arg.slice('--id='.length);
  else if (arg === '--replace') replace = true;
  else if (arg.startsWith('-') || file !== undefined) fail(d.h5pCliUsage);
  else file = arg;
}
if (!file) fail(d.h5pCliUsage);

const path = resolve(file);
const info = await stat(path).catch(() => undefined);
if (!info?.isFile()) fail(d.h5pCliNoFile(file));

const database = openDatabase();
try {
  await applyMigrations(database);
  const result = await importH5pFile(path, { id, replace, database });
  if (!result.ok) {
    const hint = result.problem.code === 'idTaken' ? ' (Tambahkan --replace untuk menggantinya.)' : '';
    fail(d.h5pCliRefused(basename(path), d.h5pProblem(result.problem) + hint));
  }
  const { content, status } = result;
  if (status === 'duplicate') console.log(d.h5pCliDuplicate(content.title, content.id));
  else {
    if (status === 'replaced') console.log(d.h5pCliReplaced(content.title, content.id));
    console.log(d.h5pCliImported(content.title, content.id, content.sizeBytes, content.folder));
  }
} finally {
  database.$client.close();
}
