/**
 * What `npm run new:lesson` and `npm run new:module` share: any error ends the command with an
 * Indonesian message and exit code 1, and the content folder must exist.
 */
import { relative } from 'node:path';
import { s } from '../lib/content-check/messages';
import { isDir, parseArgs } from '../lib/content-check/content-folder';

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The content folder (`--folder=`, default content/) and the other arguments. */
export function startScaffold(): { folder: string; positional: string[] } {
  process.on('uncaughtException', (error) => fail(s.crashed(String(error?.message ?? error).split('\n')[0])));
  const { folder, positional } = parseArgs(process.argv.slice(2));
  if (!isDir(folder)) fail(s.noContentFolder(relative(process.cwd(), folder) || folder));
  return { folder, positional };
}
