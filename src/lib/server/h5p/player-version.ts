import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * Bumped with h5p-standalone or Melek's frame script: it is in every player URL (?v=), so
 * browsers and caches in between fetch the new files.
 */
export const PLAYER_VERSION = '3.8.2-2';

/** H5P core's icon fonts, served by /h5p/files/player/<name> (serve.ts). */
export const PLAYER_FONTS = ['h5p-core-30.woff2', 'h5p-theme.woff2'];

/** h5p-standalone's dist folder in node_modules. */
export function standaloneDist(): string {
  return dirname(createRequire(import.meta.url).resolve('h5p-standalone'));
}

/**
 * The H5P core API the bundled player (h5p-standalone 3.8's copy of H5P core's h5p.js) provides.
 * A library whose library.json asks for a newer `coreApi` would break in it, so such a package is
 * refused at import, as H5P core itself refuses it (H5PValidator, "requires a newer core").
 */
export const PLAYER_CORE_API = { majorVersion: 1, minorVersion: 24 } as const;
