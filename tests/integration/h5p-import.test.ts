/**
 * Importing H5P packages in-process against a real migrated libSQL temp file and a temp DATA_DIR:
 * the two real fixtures from ../shared (rows, files on disk, on-demand sizes), duplicates, ids,
 * replacing, deleting, concurrent imports, the demo activity, and every bad package of issue 6
 * refused with its exact message and nothing left on disk or in the database.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { h5pContents } from '../../db/schema';
import { BAD_CASES, expectedProblem, GREETING_CARD, packageZip, TEST_LIMITS, TRUE_FALSE, validFiles } from '../helpers/h5p-packages';
import type * as ImportModule from '../../src/lib/server/h5p/import';
import { id as dictionary } from '../../src/i18n/id';

let database: Database;
let dataDir: string;
let h5p: typeof ImportModule;
const sizes: Record<string, number> = {};

beforeAll(async () => {
  ({ db: database, dir: dataDir } = await useTempDatabase({ seed: true }));
  h5p = await import('../../src/lib/server/h5p/import');
});

afterAll(() => {
  // For the closing note: what a learner downloads for each fixture (package files only).
  console.log(`on-demand package bytes: ${JSON.stringify(sizes)}`);
});

const root = () => join(dataDir, 'h5p');
const onDisk = () => (existsSync(root()) ? readdirSync(root()).sort() : []);
const rows = async () => (await database.select({ n: count() }).from(h5pContents))[0].n;
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describe('the real packages in ../shared/fixtures/h5p', () => {
  it('imports true-false.h5p: row, folder, every file, the download size', async () => {
    const result = await h5p.importH5pFile(TRUE_FALSE, { limits: TEST_LIMITS, importedBy: 'demo-trainer' });
    expect(result).toMatchObject({ ok: true, status: 'imported' });
    if (!result.ok) return;
    const { content } = result;
    expect(content).toMatchObject({ id: 'hello-world', title: 'Hello World', mainLibrary: 'H5P.TrueFalse 1.6', importedBy: 'demo-trainer' });
    expect(content.folder).toMatch(/^hello-world-[0-9a-f]{12}$/);
    expect(content.packageHash).toHaveLength(64);
    const folder = join(root(), content.folder);
    const files = walk(folder);
    // 133 entries minus 26 folders, minus the loose top-level H5P_CONTENT_HERE.txt (not kept, issue 15).
    expect(files).toHaveLength(106);
    expect(files.some((f) => f.endsWith('/H5P_CONTENT_HERE.txt'))).toBe(false);
    expect(readFileSync(join(folder, 'h5p.json'), 'utf8')).toContain('"mainLibrary":"H5P.TrueFalse"');
    for (const f of files) expect(statSync(f).mode & 0o777).toBe(0o644);
    // The player loads h5p.json, content/, library.json + preloaded JS/CSS of 8 libraries, and
    // one font per @font-face (woff2 of FontAwesome, ttf of H5P.FontIcons): not the 32 language
    // files, semantics.json, the editor libraries or unused font formats.
    // Text files count as the server sends them (gzip), fonts and images as they are.
    expect(content.sizeBytes).toBeGreaterThan(100_000);
    expect(content.sizeBytes).toBeLessThan(200_000);
    sizes['true-false.h5p'] = content.sizeBytes;
    const [row] = await database.select().from(h5pContents).where(eq(h5pContents.id, 'hello-world'));
    expect(row).toEqual(content);
  });

  it('imports greeting-card.h5p (one library, an image)', async () => {
    const result = await h5p.importH5pFile(GREETING_CARD, { limits: TEST_LIMITS });
    expect(result).toMatchObject({
      ok: true,
      status: 'imported',
      content: { id: 'greeting-card-1', title: 'Greeting card 1', mainLibrary: 'H5P.GreetingCard1 1.0' },
    });
    if (!result.ok) return;
    const folder = join(root(), result.content.folder);
    expect(statSync(join(folder, 'content/earth.jpg')).size).toBe(32233);
    // h5p.json 213 + content.json 109 + earth.jpg 32233 + library.json 379 + css 358, and the
    // 1253-byte JS as gzip sends it (text under 1 KB goes uncompressed); not semantics.json,
    // README.md or the two language files.
    const { gzipSync } = await import('node:zlib');
    const js = gzipSync(readFileSync(join(folder, 'H5P.GreetingCard1-1.0/greetingcard.js')), { level: 6 }).length;
    expect(result.content.sizeBytes).toBe(213 + 109 + 32233 + 379 + 358 + js);
    sizes['greeting-card.h5p'] = result.content.sizeBytes;
  });

  it('recognises the same package by its hash: no second row, no second folder', async () => {
    const before = onDisk();
    const again = await h5p.importH5pFile(TRUE_FALSE, { limits: TEST_LIMITS });
    expect(again).toMatchObject({ ok: true, status: 'duplicate', content: { id: 'hello-world' } });
    const withOtherId = await h5p.importH5pFile(TRUE_FALSE, { id: 'lain', limits: TEST_LIMITS });
    expect(withOtherId).toMatchObject({ ok: true, status: 'duplicate', content: { id: 'hello-world' } });
    expect(onDisk()).toEqual(before);
    expect(await rows()).toBe(2);
  });

  it('two imports of one new package at the same time make one row and one folder', async () => {
    const zip = packageZip(validFiles('Serentak'));
    const results = await Promise.all([1, 2, 3].map(() => h5p.importH5pBuffer(zip, { limits: TEST_LIMITS })));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.content.id : '')));
    expect(ids).toEqual(new Set(['serentak']));
    expect(onDisk().filter((f) => f.startsWith('serentak'))).toHaveLength(1);
    expect(onDisk().filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });
});

describe('ids', () => {
  it('makes a free id from the title (-2, -3 …)', async () => {
    const a = await h5p.importH5pBuffer(packageZip({ ...validFiles('Kuis uji'), 'content/content.json': '{"a":1}' }), { limits: TEST_LIMITS });
    const b = await h5p.importH5pBuffer(packageZip({ ...validFiles('Kuis uji'), 'content/content.json': '{"a":2}' }), { limits: TEST_LIMITS });
    expect([a.ok && a.content.id, b.ok && b.content.id]).toEqual(['kuis-uji', 'kuis-uji-2']);
  });
  it('takes an explicit id, refuses a bad one or one that is taken (nothing kept)', async () => {
    const before = onDisk();
    const zip = packageZip({ ...validFiles('Lain'), 'content/content.json': '{"b":1}' });
    expect(await h5p.importH5pBuffer(zip, { id: 'Bukan Slug', limits: TEST_LIMITS })).toEqual({ ok: false, problem: { code: 'idInvalid', id: 'Bukan Slug' } });
    expect(await h5p.importH5pBuffer(zip, { id: 'hello-world', limits: TEST_LIMITS })).toEqual({
      ok: false,
      problem: { code: 'idTaken', id: 'hello-world', title: 'Hello World' },
    });
    expect(onDisk()).toEqual(before);
    const ok = await h5p.importH5pBuffer(zip, { id: 'aktivitas-saya', limits: TEST_LIMITS });
    expect(ok).toMatchObject({ ok: true, status: 'imported', content: { id: 'aktivitas-saya', title: 'Lain' } });
  });
  it('replaces a content in place with --replace: same id, new folder, old folder gone', async () => {
    const old = (await h5p.h5pContentById('aktivitas-saya'))!;
    const zip = packageZip({ ...validFiles('Versi baru'), 'content/content.json': '{"b":2}' });
    const result = await h5p.importH5pBuffer(zip, { id: 'aktivitas-saya', replace: true, limits: TEST_LIMITS });
    expect(result).toMatchObject({ ok: true, status: 'replaced', content: { id: 'aktivitas-saya', title: 'Versi baru' } });
    if (!result.ok) return;
    expect(result.content.folder).not.toBe(old.folder);
    expect(existsSync(join(root(), old.folder))).toBe(false);
    expect(existsSync(join(root(), result.content.folder, 'h5p.json'))).toBe(true);
    expect((await h5p.h5pContentById('aktivitas-saya'))!.title).toBe('Versi baru');
  });
  it('deletes row and folder', async () => {
    const row = (await h5p.h5pContentById('kuis-uji-2'))!;
    expect(await h5p.deleteH5pContent('kuis-uji-2')).toMatchObject({ id: 'kuis-uji-2' });
    expect(existsSync(join(root(), row.folder))).toBe(false);
    expect(await h5p.h5pContentById('kuis-uji-2')).toBeUndefined();
    expect(await h5p.deleteH5pContent('kuis-uji-2')).toBeUndefined();
  });
});

describe('the demo activity', () => {
  it('imports as pesan-penipuan, and a second time is a duplicate', async () => {
    const { importDemoH5p } = await import('../../src/lib/server/h5p/demo');
    const first = await importDemoH5p(database, 'demo-trainer');
    expect(first).toMatchObject({
      ok: true,
      status: 'imported',
      content: { id: 'pesan-penipuan', title: 'Pesan mana yang penipuan?', mainLibrary: 'Melek.ScamSpotter 1.0' },
    });
    expect(await importDemoH5p(database)).toMatchObject({ ok: true, status: 'duplicate' });
    if (first.ok) sizes['demo pesan-penipuan'] = first.content.sizeBytes;
  });
});

describe('bad packages: refused with the exact problem, nothing left behind', () => {
  it.each(BAD_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const zip = await c.build();
    const problem = await expectedProblem(c, zip);
    const before = { disk: onDisk(), rows: await rows() };
    const started = Date.now();
    const result = await h5p.importH5pBuffer(zip, { limits: TEST_LIMITS });
    expect(result).toEqual({ ok: false, problem });
    expect(dictionary.h5pProblem(problem)).toMatch(/\S/);
    expect(onDisk()).toEqual(before.disk);
    expect(await rows()).toBe(before.rows);
    // A bomb is stopped early, never inflated to its gigabyte.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a bad package from a file on disk: the same (0 bytes and too large before reading)', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'melek-h5p-file-'));
    writeFileSync(join(dir, 'kosong.h5p'), '');
    expect(await h5p.importH5pFile(join(dir, 'kosong.h5p'), { limits: TEST_LIMITS })).toEqual({ ok: false, problem: { code: 'empty' } });
    writeFileSync(join(dir, 'besar.h5p'), Buffer.alloc(TEST_LIMITS.maxUpload + 1));
    expect(await h5p.importH5pFile(join(dir, 'besar.h5p'), { limits: TEST_LIMITS })).toEqual({
      ok: false,
      problem: { code: 'tooLarge', max: TEST_LIMITS.maxUpload },
    });
  });

  it('sweeps temp folders and orphaned package folders left by a crash (once they are an hour old)', async () => {
    const { mkdirSync, utimesSync } = await import('node:fs');
    const stale = join(root(), '.tmp-crashed');
    const orphan = join(root(), 'yatim-0123456789ab');
    const fresh = join(root(), '.tmp-running-now');
    for (const dir of [stale, orphan, fresh]) mkdirSync(join(dir, 'content'), { recursive: true });
    // Two hours before the filesystem's "now" (which the sweep reads), whatever this process's clock says.
    const old = new Date(statSync(fresh).mtimeMs - 2 * 3600_000);
    utimesSync(stale, old, old);
    utimesSync(orphan, old, old);
    await h5p.importH5pBuffer(packageZip({ ...validFiles('Penyapu'), 'content/content.json': '{"c":1}' }), { limits: TEST_LIMITS });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    const { rmSync } = await import('node:fs');
    rmSync(fresh, { recursive: true });
  });

  it("a process whose clock runs a year ahead of the files' sweeps nothing young (a shared DATA_DIR, a wrong clock)", async () => {
    const { mkdirSync, rmSync } = await import('node:fs');
    const fresh = join(root(), '.tmp-other-machine');
    mkdirSync(join(fresh, 'content'), { recursive: true });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 400 * 24 * 3600_000 });
    try {
      await h5p.importH5pBuffer(packageZip({ ...validFiles('Jam Salah'), 'content/content.json': '{"c":2}' }), { limits: TEST_LIMITS });
    } finally {
      vi.useRealTimers();
    }
    expect(existsSync(fresh)).toBe(true);
    rmSync(fresh, { recursive: true });
  });
});
