/**
 * What an H5P package may contain, as pure functions over zip entries and parsed JSON. import.ts
 * drives them while reading the zip with yauzl; nothing here touches the disk or the database.
 *
 * The rules follow H5P core's own validator (h5p-php-library, H5PValidator): the file-extension
 * allow-list (libraries may add js and css), "h5p.json" with title, mainLibrary and
 * preloadedDependencies, "content/content.json", one folder "Machine.Name-major.minor" with a
 * library.json per dependency, every preloaded JS/CSS file present. On top of that: no path that
 * could leave the extraction folder, no links or device files, and caps on entries, extracted
 * bytes (counted while inflating, not the sizes the zip claims) and compression ratio.
 */

import { z } from 'astro/zod';
import { PLAYER_CORE_API } from './player-version';
export { DEFAULT_LIMITS, RATIO_FLOOR_BYTES, h5pLimits, parseLimit, type H5pLimits } from './limits';
import { RATIO_FLOOR_BYTES, type H5pLimits } from './limits';

/** Every way a package is refused. Each names the file or field at fault; i18n turns it into a sentence. */
export type H5pProblem =
  | { code: 'empty' }
  | { code: 'tooLarge'; max: number }
  | { code: 'notZip' }
  | { code: 'zipCorrupt'; detail: string }
  | { code: 'tooManyEntries'; count: number; max: number }
  | { code: 'unsafePath'; path: string; reason: UnsafePathReason }
  | { code: 'link'; path: string }
  | { code: 'specialFile'; path: string }
  | { code: 'extension'; path: string; inLibrary: boolean }
  | { code: 'duplicate'; path: string }
  | { code: 'encrypted'; path: string }
  | { code: 'ratio'; path: string; ratio: number; max: number }
  | { code: 'tooBig'; max: number }
  | { code: 'sizeMismatch'; path: string }
  | { code: 'missingFile'; path: string }
  | { code: 'badJson'; path: string }
  | { code: 'missingField'; path: string; field: string }
  | { code: 'mainNotPreloaded'; library: string }
  | { code: 'missingLibrary'; library: string; folder: string }
  | { code: 'libraryMismatch'; folder: string; field: string }
  | { code: 'missingPreloaded'; library: string; path: string }
  | { code: 'badFolder'; path: string }
  | { code: 'badLanguageFile'; path: string }
  | { code: 'coreApi'; library: string; required: string; supported: string }
  | { code: 'idInvalid'; id: string }
  | { code: 'idTaken'; id: string; title: string };

export type UnsafePathReason = 'parent' | 'absolute' | 'backslash' | 'empty' | 'chars' | 'long';

/** Thrown inside the import pipeline; caught at its edge and turned into `{ ok: false, problem }`. */
export class H5pPackageError extends Error {
  constructor(readonly problem: H5pProblem) {
    super(`H5P package refused: ${problem.code}`);
  }
}

export function refuse(problem: H5pProblem): never {
  throw new H5pPackageError(problem);
}

// ------------------------------------------------------------------------------- entry names

/** H5P core's content allow-list (H5PCore::$defaultContentWhitelist). */
export const CONTENT_EXTENSIONS = new Set(
  'json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf doc docx xls xlsx ppt pptx odt ods odp xml csv diff patch md textile vtt webvtt'.split(
    ' ',
  ),
);
/** What library folders may add (H5PCore::$defaultLibraryWhitelistExtras). */
export const LIBRARY_EXTRA_EXTENSIONS = new Set(['js', 'css']);

/** A library folder: "H5P.TrueFalse-1.6". */
export const LIBRARY_FOLDER = /^([A-Za-z0-9_.-]{1,255})-(\d{1,5})\.(\d{1,5})$/;

export type EntryName =
  | { kind: 'dir'; path: string }
  | { kind: 'file'; path: string }
  /** Hidden or system entries (".DS_Store", "__MACOSX/…"): H5P core skips them, so do we. */
  | { kind: 'skip'; path: string };

/**
 * Checks one entry name as stored in the zip (backslashes kept, see yauzl's strictFileNames).
 * Anything that could point outside the extraction folder is refused, not repaired.
 */
export function checkEntryName(name: string): EntryName | { kind: 'unsafe'; reason: UnsafePathReason } {
  if (name.length === 0) return { kind: 'unsafe', reason: 'empty' };
  if (name.includes('\\')) return { kind: 'unsafe', reason: 'backslash' };
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { kind: 'unsafe', reason: 'absolute' };
  const isDir = name.endsWith('/');
  const segments = (isDir ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return { kind: 'unsafe', reason: 'parent' };
  if (segments.some((s) => s === '' || s === '.')) return { kind: 'unsafe', reason: 'empty' };
  // Control characters, and characters that are special in URLs or on other file systems.
  if (segments.some((s) => /[\u0000-\u001f\u007f:*?"<>|#%]/.test(s))) return { kind: 'unsafe', reason: 'chars' };
  if (Buffer.byteLength(name) > 1024 || segments.some((s) => Buffer.byteLength(s) > 255)) return { kind: 'unsafe', reason: 'long' };
  const path = segments.join('/');
  if (segments.some((s) => s.startsWith('.') || s.startsWith('_'))) return { kind: 'skip', path };
  return isDir ? { kind: 'dir', path } : { kind: 'file', path };
}

/** S_IFMT bits of the Unix mode kept in the high 16 bits of "external file attributes". */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/**
 * What the entry is, by its Unix mode (zips made on Windows carry no mode: 0 means a plain entry).
 * A symlink entry holds a target path as data; extracting it as a link would open the folder.
 */
export function entryFileType(externalFileAttributes: number): 'plain' | 'link' | 'special' {
  const mode = (externalFileAttributes >>> 16) & 0xffff;
  const type = mode & S_IFMT;
  if (type === 0 || type === S_IFREG || type === S_IFDIR) return 'plain';
  if (type === S_IFLNK) return 'link';
  return 'special';
}

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Is this file allowed where it is? js/css only inside a library folder, never in content/ or at the root. */
export function allowedFile(path: string): boolean {
  const ext = extensionOf(path);
  if (CONTENT_EXTENSIONS.has(ext)) return true;
  const top = path.split('/')[0];
  return LIBRARY_EXTRA_EXTENSIONS.has(ext) && path.includes('/') && LIBRARY_FOLDER.test(top) && top !== 'content';
}

/**
 * The checks on one file entry before a single byte of it is inflated: name, type, extension,
 * duplicates, declared ratio, and the declared size against what is left of the byte budget.
 * (The declared sizes are only a first filter; the bytes are counted again while inflating.)
 */
export function checkFileEntry(
  entry: { path: string; externalFileAttributes: number; compressedSize: number; uncompressedSize: number; encrypted: boolean },
  state: { files: Set<string>; dirs: Set<string>; declaredBytes: number },
  limits: H5pLimits,
): H5pProblem | undefined {
  const type = entryFileType(entry.externalFileAttributes);
  if (type === 'link') return { code: 'link', path: entry.path };
  if (type === 'special') return { code: 'specialFile', path: entry.path };
  if (!allowedFile(entry.path)) return { code: 'extension', path: entry.path, inLibrary: LIBRARY_FOLDER.test(entry.path.split('/')[0]) };
  if (state.files.has(entry.path) || state.dirs.has(entry.path)) return { code: 'duplicate', path: entry.path };
  // A file whose path is also used as a folder ("a" and "a/b"), in either order.
  const parents = entry.path
    .split('/')
    .slice(0, -1)
    .map((_, i, all) => all.slice(0, i + 1).join('/'));
  if (parents.some((p) => state.files.has(p))) return { code: 'duplicate', path: entry.path };
  if (entry.encrypted) return { code: 'encrypted', path: entry.path };
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
    return { code: 'ratio', path: entry.path, ratio: Math.round(ratio), max: limits.maxRatio };
  }
  if (state.declaredBytes + entry.uncompressedSize > limits.maxBytes) return { code: 'tooBig', max: limits.maxBytes };
  return undefined;
}

/**
 * Counts the bytes actually inflated, for the whole package and for one entry, and says stop as
 * soon as a cap is passed (the caller destroys the stream: a zip bomb is never inflated in full).
 */
export class InflateBudget {
  total = 0;
  constructor(private readonly limits: H5pLimits) {}

  /** Starts an entry; `add` then takes each chunk's length and returns a problem to stop at. */
  entry(path: string, compressedSize: number) {
    let inEntry = 0;
    return {
      add: (bytes: number): H5pProblem | undefined => {
        inEntry += bytes;
        this.total += bytes;
        if (this.total > this.limits.maxBytes) return { code: 'tooBig', max: this.limits.maxBytes };
        if (inEntry > RATIO_FLOOR_BYTES && inEntry / Math.max(compressedSize, 1) > this.limits.maxRatio) {
          return { code: 'ratio', path, ratio: Math.round(inEntry / Math.max(compressedSize, 1)), max: this.limits.maxRatio };
        }
        return undefined;
      },
      get bytes() {
        return inEntry;
      },
    };
  }
}

// ------------------------------------------------------------------------------- structure

export interface LibraryRef {
  machineName: string;
  majorVersion: number;
  minorVersion: number;
}

export interface LibraryJson extends LibraryRef {
  title: string;
  preloadedJs: string[];
  preloadedCss: string[];
  preloadedDependencies: LibraryRef[];
}

export interface PackageInfo {
  title: string;
  mainLibrary: string;
  /** "H5P.TrueFalse 1.6" style, for the trainer's list. */
  mainLibraryVersion: string;
  /** Every library the player loads (the preloaded closure), in load order is not needed here. */
  libraries: Array<LibraryJson & { folder: string }>;
}

const MACHINE_NAME = /^[A-Za-z0-9_.-]{1,255}$/;

export const folderOf = (ref: LibraryRef) => `${ref.machineName}-${ref.majorVersion}.${ref.minorVersion}`;

// ------------------------------------------------------------------------------- schemas
//
// The JSON files of a package, as zod schemas following H5P core's validator (H5PValidator:
// $h5pRequired/$h5pOptional, $libraryRequired/$libraryOptional) and the JSON schemas Lumi's
// validator (h5p-nodejs-library) checks with. Unknown extra fields are allowed, as there.

/** Versions are numbers in library.json and often strings ("1") in h5p.json: 0…99999. */
const version = z.union([
  z.number().int().min(0).max(99_999),
  z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number),
]);
const libraryRef = z.object({ machineName: z.string().regex(MACHINE_NAME), majorVersion: version, minorVersion: version });
const libraryRefs = z.array(libraryRef).max(500);
/**
 * A preloaded file: letters, digits, _ - . space and slashes, ending in .js or .css (the
 * characters of H5P core's pattern, written without its nested repetition, which can take
 * exponential time on a long bad path). Where the path leads is checked by checkEntryName.
 */
const preloadedFile = (ext: 'js' | 'css') =>
  z.object({
    path: z
      .string()
      .max(255)
      .regex(new RegExp(`^[a-z_\\-\\s0-9./]+\\.${ext}$`, 'i')),
  });
const embedTypes = z
  .array(z.enum(['div', 'iframe']))
  .min(1)
  .max(2);
const zeroOrOne = z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1'), z.boolean()]);

/** h5p.json (H5P core's $h5pRequired and $h5pOptional; language and embedTypes checked when given). */
export const h5pJsonSchema = z
  .object({
    title: z.string().trim().min(1).max(255),
    mainLibrary: z.string().regex(MACHINE_NAME),
    preloadedDependencies: libraryRefs.min(1),
    language: z
      .string()
      .regex(/^[-a-zA-Z]{1,10}$/)
      .optional(),
    embedTypes: embedTypes.optional(),
    dynamicDependencies: libraryRefs.optional(),
    editorDependencies: libraryRefs.optional(),
    w: z.union([z.number(), z.string().regex(/^\d{1,4}$/)]).optional(),
    h: z.union([z.number(), z.string().regex(/^\d{1,4}$/)]).optional(),
    license: z.string().max(40).optional(),
    authors: z.array(z.object({ name: z.string().max(255), role: z.string().max(40) }).passthrough()).optional(),
  })
  .passthrough();

/** library.json (H5P core's $libraryRequired and $libraryOptional). */
export const libraryJsonSchema = z
  .object({
    title: z.string().min(1).max(255),
    machineName: z.string().regex(MACHINE_NAME),
    majorVersion: version,
    minorVersion: version,
    patchVersion: version,
    runnable: zeroOrOne,
    coreApi: z.object({ majorVersion: version, minorVersion: version }).optional(),
    author: z.string().max(255).optional(),
    license: z.string().max(255).optional(),
    description: z.string().optional(),
    preloadedJs: z.array(preloadedFile('js')).optional(),
    preloadedCss: z.array(preloadedFile('css')).optional(),
    dropLibraryCss: z.array(z.object({ machineName: z.string().regex(MACHINE_NAME) })).optional(),
    preloadedDependencies: libraryRefs.optional(),
    dynamicDependencies: libraryRefs.optional(),
    editorDependencies: libraryRefs.optional(),
    w: z.union([z.number().int().min(0).max(9999), z.string().regex(/^\d{1,4}$/)]).optional(),
    h: z.union([z.number().int().min(0).max(9999), z.string().regex(/^\d{1,4}$/)]).optional(),
    embedTypes: embedTypes.optional(),
    fullscreen: zeroOrOne.optional(),
  })
  .passthrough();

/** A language file's name inside a library: language/<code>.json, the code as H5P core allows ("de", "nb", "pt-br", "zh-hans"). */
export const LANGUAGE_FILE = /^language\/((?:-?[a-z]+){1,7})\.json$/i;
/** A JSON object (not an array, not null): what h5p.json, library.json and content.json must be. */
const jsonObject = z.record(z.unknown());
const isObject = (v: unknown): v is Record<string, unknown> => jsonObject.safeParse(v).success;
/** A language file's content: a JSON object (H5P core refuses any other JSON). */
export const languageFileSchema = jsonObject;

/** The first problem zod found, as "field[0].name", for the message "isian … tidak ada atau salah". */
function firstField(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : String(part)), '') || '(root)';
}

/** Parses a JSON file's text; a package with broken JSON is refused naming the file. */
export function parseJsonFile(text: string, path: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return refuse({ code: 'badJson', path });
  }
}

export function parseH5pJson(value: unknown): { title: string; mainLibrary: string; preloaded: LibraryRef[] } {
  const path = 'h5p.json';
  if (!isObject(value)) return refuse({ code: 'badJson', path });
  const parsed = h5pJsonSchema.safeParse(value);
  if (!parsed.success) return refuse({ code: 'missingField', path, field: firstField(parsed.error) });
  const { title, mainLibrary, preloadedDependencies } = parsed.data;
  if (!preloadedDependencies.some((d) => d.machineName === mainLibrary)) return refuse({ code: 'mainNotPreloaded', library: mainLibrary });
  return { title: title.slice(0, 200), mainLibrary, preloaded: preloadedDependencies };
}

export function parseLibraryJson(value: unknown, folder: string): LibraryJson {
  const path = `${folder}/library.json`;
  if (!isObject(value)) return refuse({ code: 'badJson', path });
  const match = folder.match(LIBRARY_FOLDER)!;
  // Its identity first (so a library in the wrong folder says so), then the whole schema.
  const identity = libraryRef.safeParse(value);
  if (!identity.success) return refuse({ code: 'missingField', path, field: firstField(identity.error) });
  if (identity.data.machineName !== match[1]) return refuse({ code: 'libraryMismatch', folder, field: 'machineName' });
  if (identity.data.majorVersion !== Number(match[2]) || identity.data.minorVersion !== Number(match[3])) {
    return refuse({ code: 'libraryMismatch', folder, field: 'majorVersion/minorVersion' });
  }
  const parsed = libraryJsonSchema.safeParse(value);
  if (!parsed.success) return refuse({ code: 'missingField', path, field: firstField(parsed.error) });
  const library = parsed.data;
  if (library.coreApi) {
    const { majorVersion, minorVersion } = library.coreApi;
    const supported = PLAYER_CORE_API;
    if (majorVersion > supported.majorVersion || (majorVersion === supported.majorVersion && minorVersion > supported.minorVersion)) {
      return refuse({
        code: 'coreApi',
        library: `${library.machineName} ${library.majorVersion}.${library.minorVersion}`,
        required: `${majorVersion}.${minorVersion}`,
        supported: `${supported.majorVersion}.${supported.minorVersion}`,
      });
    }
  }
  return {
    machineName: library.machineName,
    majorVersion: library.majorVersion,
    minorVersion: library.minorVersion,
    title: library.title,
    preloadedJs: (library.preloadedJs ?? []).map((f) => f.path),
    preloadedCss: (library.preloadedCss ?? []).map((f) => f.path),
    preloadedDependencies: library.preloadedDependencies ?? [],
  };
}

/**
 * The top level of a package: h5p.json, content/, and library folders named exactly
 * "<machineName>-<major>.<minor>", nothing else (loose files at the top level, such as the
 * "H5P_CONTENT_HERE.txt" some editors add, are not kept: see import.ts). Every library folder
 * has a library.json that passes the schema, and every language file is language/<code>.json
 * holding a JSON object.
 */
export function validateTopLevel(files: ReadonlySet<string>, readText: (path: string) => string): void {
  const folders = new Set<string>();
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash === -1) continue;
    folders.add(file.slice(0, slash));
  }
  for (const folder of [...folders].sort()) {
    if (folder === 'content') continue;
    if (!LIBRARY_FOLDER.test(folder)) refuse({ code: 'badFolder', path: `${folder}/` });
    if (!files.has(`${folder}/library.json`)) refuse({ code: 'missingFile', path: `${folder}/library.json` });
    parseLibraryJson(parseJsonFile(readText(`${folder}/library.json`), `${folder}/library.json`), folder);
  }
  for (const file of [...files].sort()) {
    const [folder, ...rest] = file.split('/');
    const inner = rest.join('/');
    if (folder === 'content' || !inner.startsWith('language/')) continue;
    if (!LANGUAGE_FILE.test(inner)) refuse({ code: 'badLanguageFile', path: file });
    let value: unknown;
    try {
      const text = readText(file);
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      refuse({ code: 'badLanguageFile', path: file });
    }
    if (!languageFileSchema.safeParse(value).success) refuse({ code: 'badLanguageFile', path: file });
  }
}

/**
 * The whole package's structure, given the files that were extracted and a reader for small
 * JSON files among them. Checks the top level (validateTopLevel), then walks the preloaded
 * dependencies transitively (that is what the player loads) and checks every preloaded file.
 */
export function validateStructure(files: ReadonlySet<string>, readText: (path: string) => string): PackageInfo {
  if (!files.has('h5p.json')) refuse({ code: 'missingFile', path: 'h5p.json' });
  const h5p = parseH5pJson(parseJsonFile(readText('h5p.json'), 'h5p.json'));
  if (!files.has('content/content.json')) refuse({ code: 'missingFile', path: 'content/content.json' });
  const content = parseJsonFile(readText('content/content.json'), 'content/content.json');
  if (!isObject(content)) refuse({ code: 'badJson', path: 'content/content.json' });

  const libraries = new Map<string, LibraryJson & { folder: string }>();
  const queue: Array<LibraryRef & { from: string }> = h5p.preloaded.map((d) => ({ ...d, from: 'h5p.json' }));
  while (queue.length > 0) {
    const ref = queue.shift()!;
    const folder = folderOf(ref);
    if (libraries.has(folder)) continue;
    const label = `${ref.machineName} ${ref.majorVersion}.${ref.minorVersion}`;
    if (!LIBRARY_FOLDER.test(folder) || !files.has(`${folder}/library.json`)) refuse({ code: 'missingLibrary', library: label, folder });
    const library = parseLibraryJson(parseJsonFile(readText(`${folder}/library.json`), `${folder}/library.json`), folder);
    for (const [list, ext] of [
      [library.preloadedJs, 'js'],
      [library.preloadedCss, 'css'],
    ] as const) {
      for (const file of list) {
        const name = checkEntryName(`${folder}/${file}`);
        if (name.kind === 'unsafe') refuse({ code: 'unsafePath', path: `${folder}/${file}`, reason: name.reason });
        if (name.kind !== 'file' || extensionOf(name.path) !== ext || !files.has(name.path)) {
          refuse({ code: 'missingPreloaded', library: label, path: `${folder}/${file}` });
        }
      }
    }
    libraries.set(folder, { ...library, folder });
    if (libraries.size > 500) refuse({ code: 'missingField', path: `${folder}/library.json`, field: 'preloadedDependencies' });
    queue.push(...library.preloadedDependencies.map((d) => ({ ...d, from: folder })));
  }
  // Libraries nobody preloads (editor widgets, dynamic dependencies) must be valid too.
  validateTopLevel(files, readText);
  const main = [...libraries.values()].find((l) => l.machineName === h5p.mainLibrary)!;
  return {
    title: h5p.title,
    mainLibrary: h5p.mainLibrary,
    mainLibraryVersion: `${main.machineName} ${main.majorVersion}.${main.minorVersion}`,
    libraries: [...libraries.values()],
  };
}

// ------------------------------------------------------------------------------- download size

/**
 * The files the player fetches from the package: h5p.json, everything under content/, and for
 * each preloaded library its library.json, preloaded JS and CSS, and what that CSS points to
 * (images, and of each @font-face only the first format Chrome can use: what a phone downloads).
 * Editor files, language files, semantics.json, icons and unused font formats are not counted.
 */
export function downloadFiles(info: PackageInfo, files: ReadonlySet<string>, readText: (path: string) => string): Set<string> {
  const out = new Set<string>(['h5p.json']);
  for (const file of files) if (file.startsWith('content/')) out.add(file);
  for (const library of info.libraries) {
    out.add(`${library.folder}/library.json`);
    for (const js of library.preloadedJs) out.add(`${library.folder}/${js}`);
    for (const css of library.preloadedCss) {
      const cssPath = `${library.folder}/${css}`;
      out.add(cssPath);
      for (const ref of cssReferences(readText(cssPath))) {
        const resolved = resolveRelative(cssPath, ref);
        if (resolved && files.has(resolved)) out.add(resolved);
      }
    }
  }
  return out;
}

/**
 * Files the server sends compressed (the middleware compresses text of 1 KB and more, see
 * src/lib/server/compression.ts): the download estimate counts their gzip size.
 */
export const COMPRESSED_EXTENSIONS = new Set(['json', 'js', 'css', 'svg', 'txt', 'xml', 'csv', 'md', 'textile', 'diff', 'patch', 'vtt', 'webvtt']);
export const COMPRESS_MIN_BYTES = 1024;

const USABLE_FONT = /\.(woff2|woff|ttf|otf)$/i;

/** url(...) targets of a stylesheet, with @font-face src lists reduced to the first usable format. */
export function cssReferences(css: string): string[] {
  const refs: string[] = [];
  const urlsIn = (text: string) =>
    [...text.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2].trim()).filter((u) => !/^(data:|https?:|\/\/|#)/i.test(u));
  const withoutFaces = css.replace(/@font-face\s*\{([^}]*)\}/g, (_, body: string) => {
    const candidates = urlsIn(body).map((u) => u.split(/[?#]/)[0]);
    const usable = candidates.find((u) => USABLE_FONT.test(u));
    if (usable) refs.push(usable);
    return '';
  });
  refs.push(...urlsIn(withoutFaces).map((u) => u.split(/[?#]/)[0]));
  return refs;
}

function resolveRelative(from: string, ref: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(ref);
  } catch {
    return undefined;
  }
  const parts = from.split('/').slice(0, -1);
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

// ------------------------------------------------------------------------------- ids

/** A content id is also a URL segment and part of a folder name. */
export const CONTENT_ID = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
/**
 * The same rule for an <input pattern>: browsers compile patterns with the `v` flag, where a bare
 * `-` inside a class is an error (the browser then checks nothing), so the hyphen is an alternative.
 */
export const CONTENT_ID_PATTERN = '[a-z0-9](?:(?:[a-z0-9]|-){0,58}[a-z0-9])?';

/** "Pesan mana yang penipuan?" → "pesan-mana-yang-penipuan". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return slug || 'aktivitas';
}
