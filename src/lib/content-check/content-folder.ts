import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Disk helpers for `npm run new:lesson` and `npm run new:module`: the content folder (default
 * content/, or `--folder=…`), its module folders, and the texts they need for ids and orders.
 */
export function parseArgs(argv: string[], cwd = process.cwd()): { folder: string; positional: string[] } {
  const folderArg = argv.find((a) => a.startsWith('--folder='));
  return {
    folder: resolve(cwd, folderArg ? folderArg.slice('--folder='.length) : 'content'),
    positional: argv.filter((a) => !a.startsWith('--folder=')),
  };
}

export const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** Module folders (those with an index.md), sorted. */
export function moduleFolders(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && existsSync(join(folder, e.name, 'index.md')))
    .map((e) => e.name)
    .sort();
}

/** Texts of every module index.md and lesson .mdx (unreadable files are content:check's business). */
export function contentTexts(folder: string): { modules: string[]; lessons: string[] } {
  const modules: string[] = [];
  const lessons: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    for (const file of readdirSync(join(folder, entry.name))) {
      try {
        if (file === 'index.md') modules.push(readFileSync(join(folder, entry.name, file), 'utf8'));
        else if (file.endsWith('.mdx')) lessons.push(readFileSync(join(folder, entry.name, file), 'utf8'));
      } catch {
        /* skipped */
      }
    }
  }
  return { modules, lessons };
}
