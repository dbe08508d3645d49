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

export interface H5pLimits {
  /** Entries in the zip (files, folders, skipped ones). H5P_MAX_ENTRIES, default 5000. */
  maxEntries: number;
  /** Bytes once extracted, all files together. H5P_MAX_BYTES, default 100 MB. */
  maxBytes: number;
  /** Inflated ÷ compressed size of one entry. H5P_MAX_RATIO, default 100. */
  maxRatio: number;
  /** Size of the .h5p file itself. H5P_MAX_UPLOAD, default 50 MB. */
  maxUpload: number;
}

const MB = 1024 * 1024;
export const DEFAULT_LIMITS: H5pLimits = { maxEntries: 5000, maxBytes: 100 * MB, maxRatio: 100, maxUpload: 50 * MB };

/**
 * An entry smaller than this is never refused for its ratio alone: a few KB of repetitive JSON
 * or a blank SVG may compress 200:1 and harm nobody. Bigger entries must stay under maxRatio.
 */
export const RATIO_FLOOR_BYTES = 1 * MB;

/** "5000", "100MB", "50 mb", "512KB": a positive whole number of bytes (or items). */
export function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const match = value.trim().match(/^(\d+)\s*(k|kb|m|mb|g|gb)?$/i);
  if (!match) return fallback;
  const unit = (match[2] ?? '').toLowerCase()[0];
  const n = Number(match[1]) * (unit === 'k' ? 1024 : unit === 'm' ? MB : unit === 'g' ? 1024 * MB : 1);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** The caps from the environment (read on every import, so a test or an operator can change them). */
export function h5pLimits(env: Record<string, string | undefined> = process.env): H5pLimits {
  return {
    maxEntries: parseLimit(env.H5P_MAX_ENTRIES, DEFAULT_LIMITS.maxEntries),
    maxBytes: parseLimit(env.H5P_MAX_BYTES, DEFAULT_LIMITS.maxBytes),
    maxRatio: parseLimit(env.H5P_MAX_RATIO, DEFAULT_LIMITS.maxRatio),
    maxUpload: parseLimit(env.H5P_MAX_UPLOAD, DEFAULT_LIMITS.maxUpload),
  };
}

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
  'json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf doc docx xls xlsx ppt pptx odt ods odp xml csv diff patch md textile vtt webvtt'.split(' '),
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
  const parents = entry.path.split('/').slice(0, -1).map((_, i, all) => all.slice(0, i + 1).join('/'));
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Major/minor versions are numbers in library.json and often strings ("1") in h5p.json. */
function version(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100000) return value;
  if (typeof value === 'string' && /^\d{1,5}$/.test(value)) return Number(value);
  return undefined;
}

export const folderOf = (ref: LibraryRef) => `${ref.machineName}-${ref.majorVersion}.${ref.minorVersion}`;

function libraryRefs(value: unknown, path: string, field: string): LibraryRef[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) refuse({ code: 'missingField', path, field });
  return (value as unknown[]).map((item, i) => {
    const f = `${field}[${i}]`;
    if (!isObject(item)) return refuse({ code: 'missingField', path, field: f });
    const machineName = item.machineName;
    if (typeof machineName !== 'string' || !MACHINE_NAME.test(machineName)) return refuse({ code: 'missingField', path, field: `${f}.machineName` });
    const majorVersion = version(item.majorVersion);
    if (majorVersion === undefined) return refuse({ code: 'missingField', path, field: `${f}.majorVersion` });
    const minorVersion = version(item.minorVersion);
    if (minorVersion === undefined) return refuse({ code: 'missingField', path, field: `${f}.minorVersion` });
    return { machineName, majorVersion, minorVersion };
  });
}

function fileList(value: unknown, path: string, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return refuse({ code: 'missingField', path, field });
  return value.map((item, i) => {
    const p = isObject(item) ? item.path : undefined;
    if (typeof p !== 'string' || p.length === 0) return refuse({ code: 'missingField', path, field: `${field}[${i}].path` });
    return p;
  });
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
  const title = typeof value.title === 'string' ? value.title.trim() : '';
  if (!title) return refuse({ code: 'missingField', path, field: 'title' });
  const mainLibrary = value.mainLibrary;
  if (typeof mainLibrary !== 'string' || !MACHINE_NAME.test(mainLibrary)) return refuse({ code: 'missingField', path, field: 'mainLibrary' });
  if (!Array.isArray(value.preloadedDependencies) || value.preloadedDependencies.length === 0) {
    return refuse({ code: 'missingField', path, field: 'preloadedDependencies' });
  }
  const preloaded = libraryRefs(value.preloadedDependencies, path, 'preloadedDependencies');
  if (!preloaded.some((d) => d.machineName === mainLibrary)) return refuse({ code: 'mainNotPreloaded', library: mainLibrary });
  return { title: title.slice(0, 200), mainLibrary, preloaded };
}

export function parseLibraryJson(value: unknown, folder: string): LibraryJson {
  const path = `${folder}/library.json`;
  if (!isObject(value)) return refuse({ code: 'badJson', path });
  const match = folder.match(LIBRARY_FOLDER)!;
  const machineName = value.machineName;
  if (typeof machineName !== 'string' || !MACHINE_NAME.test(machineName)) return refuse({ code: 'missingField', path, field: 'machineName' });
  const majorVersion = version(value.majorVersion);
  if (majorVersion === undefined) return refuse({ code: 'missingField', path, field: 'majorVersion' });
  const minorVersion = version(value.minorVersion);
  if (minorVersion === undefined) return refuse({ code: 'missingField', path, field: 'minorVersion' });
  if (machineName !== match[1]) return refuse({ code: 'libraryMismatch', folder, field: 'machineName' });
  if (majorVersion !== Number(match[2]) || minorVersion !== Number(match[3])) return refuse({ code: 'libraryMismatch', folder, field: 'majorVersion/minorVersion' });
  const title = typeof value.title === 'string' ? value.title : '';
  if (!title) return refuse({ code: 'missingField', path, field: 'title' });
  return {
    machineName,
    majorVersion,
    minorVersion,
    title,
    preloadedJs: fileList(value.preloadedJs, path, 'preloadedJs'),
    preloadedCss: fileList(value.preloadedCss, path, 'preloadedCss'),
    preloadedDependencies: libraryRefs(value.preloadedDependencies, path, 'preloadedDependencies'),
  };
}

/**
 * The whole package's structure, given the files that were extracted and a reader for small
 * JSON files among them. Walks the preloaded dependencies transitively (that is what the player
 * loads) and checks every library.json and every preloaded file.
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
    for (const [list, ext] of [[library.preloadedJs, 'js'], [library.preloadedCss, 'css']] as const) {
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
