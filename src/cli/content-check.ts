/**
 * `npm run content:check [folder]` — checks every module and lesson (default: content/) and prints,
 * per problem, `file:line — what is wrong and what to do` in plain Indonesian.
 * Exit code 1 when there is an error; warnings (⚠) do not fail. Never prints a stack trace.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkContent } from '../lib/content-check/check';
import { formatReport } from '../lib/content-check/format';
import { loadSnapshot } from '../lib/content-check/snapshot';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

process.on('uncaughtException', (error) =>
  fail(`Pemeriksaan berhenti karena kesalahan tak terduga: ${String(error?.message ?? error).split('\n')[0]}. Kirim pesan ini ke tim teknis.`),
);
process.on('unhandledRejection', (error) =>
  fail(`Pemeriksaan berhenti karena kesalahan tak terduga: ${String((error as Error)?.message ?? error).split('\n')[0]}. Kirim pesan ini ke tim teknis.`),
);

const folder = process.argv[2] ?? 'content';
const absolute = resolve(process.cwd(), folder);
if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
  fail(`Folder \`${folder}\` tidak ditemukan. Jalankan dari folder proyek: npm run content:check (atau sebutkan foldernya: npm run content:check -- content).`);
}

const snapshot = loadSnapshot(folder, REPO_ROOT);
const result = await checkContent(snapshot);
console.log(formatReport(result, snapshot.root));
process.exit(result.problems.some((p) => p.severity === 'error') ? 1 : 0);
