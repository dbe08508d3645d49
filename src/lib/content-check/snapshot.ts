import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { componentCatalog } from './components';
import type { ContentSnapshot, SourceFile } from './types';

/**
 * The one part of the content check that reads the disk: a snapshot of a content folder, the
 * files under public/ and the MDX components, for `checkContent`. Unreadable files are recorded,
 * not thrown.
 */
const toPosix = (p: string) => p.split(sep).join('/');

function walk(dir: string, visit: (path: string) => void) {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else if (entry.isFile()) visit(path);
  }
}

export function loadSnapshot(folder: string, repoRoot: string, cwd = process.cwd()): ContentSnapshot {
  const absolute = resolve(cwd, folder);
  const shown = relative(cwd, absolute);
  const root = toPosix(shown && !shown.startsWith('..') ? shown : absolute);
  const files: SourceFile[] = [];
  walk(absolute, (path) => {
    const display = `${root}/${toPosix(relative(absolute, path))}`;
    try {
      const size = statSync(path).size;
      const text = /\.mdx?$/i.test(path) ? readFileSync(path, 'utf8') : undefined;
      files.push({ path: display, text, size });
    } catch (error) {
      files.push({ path: display, size: 0, error: String((error as NodeJS.ErrnoException)?.code ?? error) });
    }
  });

  const publicFiles = new Map<string, number>();
  const publicDir = join(repoRoot, 'public');
  walk(publicDir, (path) => {
    try {
      publicFiles.set(`/${toPosix(relative(publicDir, path))}`, statSync(path).size);
    } catch {
      /* a file that vanished while walking */
    }
  });

  const componentsDir = join(repoRoot, 'src/components/mdx');
  const indexFile = join(componentsDir, 'index.ts');
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  const components = existsSync(indexFile) ? componentCatalog(read(indexFile) ?? '', (file) => read(resolve(componentsDir, file))) : [];
  const factSources = read(join(repoRoot, 'docs/curriculum-sources.md'));
  return { root, files, publicFiles, components, now: Date.now(), factSources };
}
