import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { desc, eq } from 'drizzle-orm';
import yauzl from 'yauzl';
import { dataDir as defaultDataDir, db, type Database } from '@db/client';
import { h5pContents } from '@db/schema';
import {
  checkEntryName,
  checkFileEntry,
  COMPRESS_MIN_BYTES,
  COMPRESSED_EXTENSIONS,
  extensionOf,
  CONTENT_ID,
  downloadFiles,
  entryFileType,
  H5pPackageError,
  h5pLimits,
  InflateBudget,
  LIBRARY_FOLDER,
  refuse,
  slugify,
  validateStructure,
  type H5pLimits,
  type H5pProblem,
} from './validate';

/**
 * Importing an .h5p package: everything is checked before anything is kept.
 *
 *   1. size of the file (0 bytes, over H5P_MAX_UPLOAD), its SHA-256: a package already imported
 *      is recognised and nothing is extracted again;
 *   2. the zip is read entry by entry with yauzl into a temp folder DATA_DIR/h5p/.tmp-<uuid>/,
 *      every name, type, extension and size checked first, the inflated bytes counted as they
 *      come (a zip bomb is stopped at the cap, never inflated in full);
 *   3. h5p.json, content/content.json, every preloaded library and file are validated, and the
 *      download size is measured: the files the player fetches, text gzipped as the server sends it;
 *   4. the folder is renamed (atomic on one file system) to DATA_DIR/h5p/<id>-<hash12>/ and the
 *      row inserted. The hash in the folder name makes every URL of a package immutable, so
 *      files are cached for a year and a replaced package never shows stale files.
 *
 * Any failure removes the temp folder (and a renamed folder whose row could not be written):
 * a refused package leaves no file and no row behind.
 */

export type H5pContent = typeof h5pContents.$inferSelect;

export type ImportResult = { ok: true; status: 'imported' | 'replaced' | 'duplicate'; content: H5pContent } | { ok: false; problem: H5pProblem };

export interface ImportOptions {
  /** The content id (URL segment, `<H5P id="…" />`); made from the title when absent. */
  id?: string;
  /** With an explicit id that is taken: replace that content (lessons keep embedding the same id). */
  replace?: boolean;
  importedBy?: string | null;
  limits?: H5pLimits;
  database?: Database;
  dataDir?: string;
  now?: number;
}

export const h5pRoot = (dir = defaultDataDir()) => join(dir, 'h5p');

/** Temp folders and orphaned package folders older than this are swept at the next import. */
const STALE_MS = 60 * 60_000;

export async function importH5pFile(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const limits = options.limits ?? h5pLimits();
  const info = await stat(path);
  if (info.size === 0) return { ok: false, problem: { code: 'empty' } };
  if (info.size > limits.maxUpload) return { ok: false, problem: { code: 'tooLarge', max: limits.maxUpload } };
  return importH5pBuffer(await readFile(path), { ...options, limits });
}

/**
 * Imports run one at a time in this process (they are rare trainer actions): two uploads of the
 * same new package cannot both extract, rename and insert. Another process (the CLI while the
 * server runs) is handled where the folder is placed.
 */
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export function importH5pBuffer(buffer: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  return exclusive(() => importNow(buffer, options));
}

async function importNow(buffer: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const limits = options.limits ?? h5pLimits();
  const database = options.database ?? db();
  const root = h5pRoot(options.dataDir);
  if (buffer.byteLength === 0) return { ok: false, problem: { code: 'empty' } };
  if (buffer.byteLength > limits.maxUpload) return { ok: false, problem: { code: 'tooLarge', max: limits.maxUpload } };
  if (options.id !== undefined && !CONTENT_ID.test(options.id)) return { ok: false, problem: { code: 'idInvalid', id: options.id.slice(0, 80) } };

  const packageHash = createHash('sha256').update(buffer).digest('hex');
  const existing = await byHash(database, packageHash);
  if (existing) return { ok: true, status: 'duplicate', content: existing };

  await mkdir(root, { recursive: true });
  const temp = join(root, `.tmp-${randomUUID()}`);
  await mkdir(temp);
  // Ages are read against the filesystem's own clock (the time stamp of the folder just made),
  // not this process's: a shared DATA_DIR on another machine, or a process whose clock is off,
  // must never make a running import look an hour old and sweep it away.
  const fsNow = (await stat(temp)).mtimeMs;
  await sweepStale(root, database, fsNow, temp).catch(() => {});
  let placed: string | undefined;
  try {
    const sizes = await extract(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), temp, limits);
    const files = new Set(sizes.keys());
    const cache = new Map<string, string>();
    const readText = (path: string) => {
      // Only h5p.json, content.json, library.json and preloaded CSS are read (all size-capped above).
      if (!cache.has(path)) cache.set(path, readFileSync(join(temp, path), 'utf8'));
      return cache.get(path)!;
    };
    const info = validateStructure(files, readText);
    // What a phone downloads: the files the player fetches, text ones as the server compresses them.
    const sizeBytes = [...downloadFiles(info, files, readText)].reduce((n, f) => {
      const size = sizes.get(f) ?? 0;
      if (size < COMPRESS_MIN_BYTES || !COMPRESSED_EXTENSIONS.has(extensionOf(f))) return n + size;
      return n + gzipSync(readFileSync(join(temp, f)), { level: 6 }).length;
    }, 0);

    // The id: explicit (maybe replacing), or from the title with -2, -3… when taken.
    let id = options.id;
    let replacing: H5pContent | undefined;
    if (id !== undefined) {
      const taken = await byId(database, id);
      if (taken && !options.replace) refuse({ code: 'idTaken', id, title: taken.title });
      replacing = taken;
    } else {
      const base = slugify(info.title);
      for (let n = 1; ; n++) {
        const candidate = n === 1 ? base : `${base}-${n}`;
        if (!(await byId(database, candidate))) {
          id = candidate;
          break;
        }
        if (n > 200) refuse({ code: 'idTaken', id: base, title: info.title });
      }
    }
    const folder = `${id}-${packageHash.slice(0, 12)}`;
    const target = join(root, folder);
    if (await exists(target)) {
      // A folder of this very package without a row: another process importing it right now
      // (its row follows in a moment), or a crash left it. Wait for the row; then take it over.
      const raced = await waitForRow(database, packageHash, target, fsNow);
      if (raced) return { ok: true, status: 'duplicate', content: raced };
      await rm(target, { recursive: true, force: true });
    }
    await rename(temp, target);
    placed = target;

    const row: H5pContent = {
      id: id!,
      title: info.title,
      mainLibrary: info.mainLibraryVersion,
      folder,
      sizeBytes,
      packageHash,
      importedBy: options.importedBy ?? null,
      importedAt: options.now ?? Date.now(),
    };
    try {
      if (replacing) await database.update(h5pContents).set(row).where(eq(h5pContents.id, row.id));
      else await database.insert(h5pContents).values(row);
    } catch (error) {
      const raced = await byHash(database, packageHash);
      if (raced) {
        await rm(target, { recursive: true, force: true });
        placed = undefined;
        return { ok: true, status: 'duplicate', content: raced };
      }
      throw error;
    }
    placed = undefined;
    if (replacing && replacing.folder !== folder) await rm(join(root, replacing.folder), { recursive: true, force: true }).catch(() => {});
    return { ok: true, status: replacing ? 'replaced' : 'imported', content: row };
  } catch (error) {
    if (placed) await rm(placed, { recursive: true, force: true }).catch(() => {});
    if (error instanceof H5pPackageError) return { ok: false, problem: error.problem };
    throw error;
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
  }
}

/** The row of a package whose folder exists, if it appears within a few seconds (an import in another process). */
async function waitForRow(database: Database, packageHash: string, folder: string, fsNow: number): Promise<H5pContent | undefined> {
  const info = await stat(folder).catch(() => undefined);
  const young = info !== undefined && fsNow - info.mtimeMs < STALE_MS;
  for (let i = 0; i < (young ? 50 : 1); i++) {
    const row = await byHash(database, packageHash);
    if (row) return row;
    if (young) await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function byHash(database: Database, packageHash: string) {
  const [row] = await database.select().from(h5pContents).where(eq(h5pContents.packageHash, packageHash)).limit(1);
  return row;
}

async function byId(database: Database, id: string) {
  const [row] = await database.select().from(h5pContents).where(eq(h5pContents.id, id)).limit(1);
  return row;
}

// ---------------------------------------------------------------------------- extraction

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) => {
      if (err || !zip) {
        const message = err?.message ?? '';
        reject(
          new H5pPackageError(
            /end of central directory record signature not found/i.test(message) ? { code: 'notZip' } : { code: 'zipCorrupt', detail: message.slice(0, 200) },
          ),
        );
      } else resolve(zip);
    });
  });
}

/** Extracts every allowed entry into `dir`; returns the extracted files with their real sizes. */
async function extract(buffer: Buffer, dir: string, limits: H5pLimits): Promise<Map<string, number>> {
  const zip = await openZip(buffer);
  try {
    if (zip.entryCount > limits.maxEntries) refuse({ code: 'tooManyEntries', count: zip.entryCount, max: limits.maxEntries });
    const sizes = new Map<string, number>();
    const dirs = new Set<string>();
    const state = { files: new Set<string>(), dirs, declaredBytes: 0 };
    const budget = new InflateBudget(limits);
    const iterator = zip.eachEntry();
    for (;;) {
      let next: IteratorResult<yauzl.Entry>;
      try {
        next = await iterator.next();
      } catch (error) {
        if (error instanceof H5pPackageError) throw error;
        return refuse({ code: 'zipCorrupt', detail: String((error as Error)?.message ?? error).slice(0, 200) });
      }
      if (next.done) break;
      const entry = next.value;
      // Names are decoded here (not by yauzl) with backslashes kept, so every unsafe name is refused, not "fixed".
      const raw = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const name = checkEntryName(raw);
      const shown = raw.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 300);
      if (name.kind === 'unsafe') refuse({ code: 'unsafePath', path: shown, reason: name.reason });
      const type = entryFileType(entry.externalFileAttributes);
      if (type === 'link') refuse({ code: 'link', path: name.path });
      if (type === 'special') refuse({ code: 'specialFile', path: name.path });
      if (name.kind === 'skip') continue;
      // The top level holds h5p.json, content/ and library folders "<machineName>-<major>.<minor>" only.
      const top = name.path.split('/')[0];
      if ((name.kind === 'dir' || name.path.includes('/')) && top !== 'content' && !LIBRARY_FOLDER.test(top)) refuse({ code: 'badFolder', path: `${top}/` });
      if (name.kind === 'dir') {
        if (state.files.has(name.path)) refuse({ code: 'duplicate', path: name.path });
        if (!dirs.has(name.path)) {
          await mkdir(join(dir, name.path), { recursive: true });
          dirs.add(name.path);
        }
        continue;
      }
      const problem = checkFileEntry(
        {
          path: name.path,
          externalFileAttributes: entry.externalFileAttributes,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          encrypted: entry.isEncrypted(),
        },
        state,
        limits,
      );
      if (problem) refuse(problem);
      // Loose files at the top level other than h5p.json (an editor's "H5P_CONTENT_HERE.txt") are
      // not kept, as H5P core does not keep them: the top level holds h5p.json, content/ and libraries.
      if (!name.path.includes('/') && name.path !== 'h5p.json') continue;
      if (!entry.canDecodeFileData()) refuse({ code: 'zipCorrupt', detail: `${name.path}: compression method ${entry.compressionMethod}` });
      state.declaredBytes += entry.uncompressedSize;
      const parent = dirname(name.path);
      if (parent !== '.' && !dirs.has(parent)) {
        await mkdir(join(dir, parent), { recursive: true });
        for (let p = parent; p !== '.'; p = dirname(p)) dirs.add(p);
      }
      const bytes = await inflate(zip, entry, join(dir, name.path), name.path, budget);
      state.files.add(name.path);
      sizes.set(name.path, bytes);
    }
    return sizes;
  } finally {
    zip.close();
  }
}

/** Inflates one entry to a new file (never overwriting: "wx"), counting and capping the bytes as they come. */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, target: string, path: string, budget: InflateBudget): Promise<number> {
  const counter = budget.entry(path, entry.compressedSize);
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    return refuse({ code: 'zipCorrupt', detail: `${path}: ${String((error as Error)?.message ?? error).slice(0, 200)}` });
  }
  const count = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const problem = counter.add(chunk.length);
      if (problem) callback(new H5pPackageError(problem));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(stream, count, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
  } catch (error) {
    if (error instanceof H5pPackageError) throw error;
    const message = String((error as Error)?.message ?? error);
    if (/too many bytes|not enough bytes/i.test(message)) refuse({ code: 'sizeMismatch', path });
    refuse({ code: 'zipCorrupt', detail: `${path}: ${message.slice(0, 200)}` });
  }
  return counter.bytes;
}

// ---------------------------------------------------------------------------- housekeeping

/**
 * Removes what a crash may have left: temp folders, and package folders with no row, once they
 * are an hour old (younger ones may belong to an import running right now).
 */
async function sweepStale(root: string, database: Database, fsNow: number, own: string): Promise<void> {
  const names = await readdir(root);
  if (names.length === 0) return;
  const known = new Set((await database.select({ folder: h5pContents.folder }).from(h5pContents)).map((r) => r.folder));
  const cutoff = fsNow - STALE_MS;
  for (const name of names) {
    if (known.has(name)) continue;
    const path = join(root, name);
    if (path === own) continue;
    const info = await stat(path).catch(() => undefined);
    if (info && info.mtimeMs < cutoff) await rm(path, { recursive: true, force: true }).catch(() => {});
  }
}

// ---------------------------------------------------------------------------- queries

export async function listH5pContents(database: Database = db()): Promise<H5pContent[]> {
  return database.select().from(h5pContents).orderBy(desc(h5pContents.importedAt));
}

export async function h5pContentById(id: string, database: Database = db()): Promise<H5pContent | undefined> {
  if (!CONTENT_ID.test(id)) return undefined;
  return byId(database, id);
}

/** Deletes the row, then the folder. Learners' results stay (they are history). */
export async function deleteH5pContent(id: string, options: { database?: Database; dataDir?: string } = {}): Promise<H5pContent | undefined> {
  const database = options.database ?? db();
  const row = await h5pContentById(id, database);
  if (!row) return undefined;
  await database.delete(h5pContents).where(eq(h5pContents.id, id));
  await rm(join(h5pRoot(options.dataDir), row.folder), { recursive: true, force: true }).catch(() => {});
  return row;
}
