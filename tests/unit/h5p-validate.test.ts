/**
 * The pure rules of an H5P package (src/lib/server/h5p/validate.ts): caps from the environment,
 * entry names, file types, extensions, the inflate counter, the structure of h5p.json and the
 * libraries, the on-demand download set, ids, and which activities a lesson embeds.
 */
import { describe, expect, it } from 'vitest';
import {
  allowedFile,
  checkEntryName,
  checkFileEntry,
  CONTENT_ID,
  cssReferences,
  DEFAULT_LIMITS,
  downloadFiles,
  entryFileType,
  H5pPackageError,
  h5pLimits,
  InflateBudget,
  parseLimit,
  RATIO_FLOOR_BYTES,
  slugify,
  validateStructure,
  type H5pProblem,
} from '../../src/lib/server/h5p/validate';
import { h5pIdsInMdx } from '../../src/lib/server/h5p/embeds';
import { id as dictionary } from '../../src/i18n/id';
import { en } from '../../src/i18n/en';
import { LIB, validFiles } from '../helpers/h5p-packages';

const MB = 1024 * 1024;

function problemOf(fn: () => unknown): H5pProblem | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof H5pPackageError) return error.problem;
    throw error;
  }
}

describe('caps from the environment', () => {
  it('has the documented defaults', () => {
    expect(h5pLimits({})).toEqual({ maxEntries: 5000, maxBytes: 100 * MB, maxRatio: 100, maxUpload: 50 * MB });
    expect(DEFAULT_LIMITS).toEqual(h5pLimits({}));
  });
  it('reads plain numbers and KB/MB/GB, ignores nonsense', () => {
    expect(h5pLimits({ H5P_MAX_ENTRIES: '20', H5P_MAX_BYTES: '5MB', H5P_MAX_RATIO: '50', H5P_MAX_UPLOAD: '512 kb' })).toEqual({
      maxEntries: 20,
      maxBytes: 5 * MB,
      maxRatio: 50,
      maxUpload: 512 * 1024,
    });
    for (const bad of ['-1', '0', 'banyak', '1.5MB', '']) expect(parseLimit(bad, 7)).toBe(7);
    expect(parseLimit('1g', 7)).toBe(1024 * MB);
  });
});

describe('entry names', () => {
  it('accepts ordinary files and folders', () => {
    expect(checkEntryName('h5p.json')).toEqual({ kind: 'file', path: 'h5p.json' });
    expect(checkEntryName('content/images/foto bu sari.jpg')).toEqual({ kind: 'file', path: 'content/images/foto bu sari.jpg' });
    expect(checkEntryName('H5P.TrueFalse-1.6/')).toEqual({ kind: 'dir', path: 'H5P.TrueFalse-1.6' });
  });
  it('skips hidden and system entries as H5P core does', () => {
    expect(checkEntryName('__MACOSX/content/._x.json').kind).toBe('skip');
    expect(checkEntryName('.DS_Store').kind).toBe('skip');
    expect(checkEntryName('content/.htaccess').kind).toBe('skip');
  });
  it.each([
    ['../../evil.js', 'parent'],
    ['content/../../evil.js', 'parent'],
    ['a/../b.json', 'parent'],
    ['/etc/x', 'absolute'],
    ['C:/Windows/x.txt', 'absolute'],
    ['c:x.txt', 'absolute'],
    ['content\\..\\evil.js', 'backslash'],
    ['content//x.json', 'empty'],
    ['./h5p.json', 'empty'],
    ['', 'empty'],
    ['content/a\u0000.json', 'chars'],
    ['content/a%2e%2e.json', 'chars'],
    ['content/a?b.json', 'chars'],
    ['content/a#b.json', 'chars'],
    ['content/a:b.json', 'chars'],
    [`content/${'a'.repeat(256)}.json`, 'long'],
  ])('refuses %j (%s) before looking at anything else', (name, reason) => {
    expect(checkEntryName(name)).toEqual({ kind: 'unsafe', reason });
  });
  it('a hidden segment does not hide a path that climbs out', () => {
    expect(checkEntryName('../.evil.js')).toEqual({ kind: 'unsafe', reason: 'parent' });
  });
});

describe('entry types from the Unix mode', () => {
  const attr = (mode: number) => (mode << 16) >>> 0;
  it('plain files, folders and mode-less (Windows) entries are plain', () => {
    expect(entryFileType(attr(0o100644))).toBe('plain');
    expect(entryFileType(attr(0o040755) | 0x10)).toBe('plain');
    expect(entryFileType(0)).toBe('plain');
    expect(entryFileType(0x20)).toBe('plain'); // DOS "archive" bit only
  });
  it('symlinks and device files are not', () => {
    expect(entryFileType(attr(0o120777))).toBe('link');
    expect(entryFileType(attr(0o020644))).toBe('special'); // character device
    expect(entryFileType(attr(0o010644))).toBe('special'); // fifo
    expect(entryFileType(attr(0o140755))).toBe('special'); // socket
  });
});

describe('extensions', () => {
  it("follows H5P core's allow-list; js and css only inside a library folder", () => {
    for (const ok of [
      'h5p.json',
      'content/a.png',
      'content/v.webm',
      'content/s.vtt',
      'H5P_CONTENT_HERE.txt',
      `${LIB}/x.js`,
      `${LIB}/styles/x.css`,
      `${LIB}/fonts/f.woff2`,
    ]) {
      expect(allowedFile(ok), ok).toBe(true);
    }
    for (const bad of [
      'content/x.php',
      'content/x.exe',
      'content/x.html',
      'x.sh',
      'content/x.js',
      'x.js',
      'content/x.css',
      'content/x.svgz',
      `${LIB}/LICENSE`,
      'content/x.JSON.php',
      `${LIB}/x.htm`,
    ]) {
      expect(allowedFile(bad), bad).toBe(false);
    }
    expect(allowedFile('content/X.PNG')).toBe(true);
  });
});

describe('file entry checks before inflating', () => {
  const state = () => ({ files: new Set<string>(), dirs: new Set<string>(), declaredBytes: 0 });
  const entry = (over: Partial<Parameters<typeof checkFileEntry>[0]> = {}) => ({
    path: 'content/a.json',
    externalFileAttributes: (0o100644 << 16) >>> 0,
    compressedSize: 100,
    uncompressedSize: 200,
    encrypted: false,
    ...over,
  });
  it('passes an ordinary entry', () => {
    expect(checkFileEntry(entry(), state(), DEFAULT_LIMITS)).toBeUndefined();
  });
  it('refuses duplicates and a file that is also a folder', () => {
    const s = state();
    s.files.add('content/a.json');
    expect(checkFileEntry(entry(), s, DEFAULT_LIMITS)).toEqual({ code: 'duplicate', path: 'content/a.json' });
    const t = state();
    t.files.add('content');
    expect(checkFileEntry(entry(), t, DEFAULT_LIMITS)).toEqual({ code: 'duplicate', path: 'content/a.json' });
  });
  it('refuses a declared ratio over the cap once the entry is bigger than the floor', () => {
    expect(checkFileEntry(entry({ uncompressedSize: 1000 * MB, compressedSize: MB }), state(), DEFAULT_LIMITS)).toEqual({
      code: 'ratio',
      path: 'content/a.json',
      ratio: 1000,
      max: 100,
    });
    // Small but very compressible (a blank SVG, repetitive JSON) is fine.
    expect(checkFileEntry(entry({ uncompressedSize: RATIO_FLOOR_BYTES, compressedSize: 10 }), state(), DEFAULT_LIMITS)).toBeUndefined();
  });
  it('refuses when the declared sizes already pass the byte cap', () => {
    const s = state();
    s.declaredBytes = 99 * MB;
    expect(checkFileEntry(entry({ uncompressedSize: 2 * MB, compressedSize: MB }), s, DEFAULT_LIMITS)).toEqual({ code: 'tooBig', max: 100 * MB });
  });
});

describe('the inflate counter (bytes actually inflated)', () => {
  it('stops at the byte cap, counting the whole package', () => {
    const budget = new InflateBudget({ ...DEFAULT_LIMITS, maxBytes: 3 * MB });
    const a = budget.entry('content/a.txt', 2 * MB);
    expect(a.add(2 * MB)).toBeUndefined();
    const b = budget.entry('content/b.txt', 2 * MB);
    expect(b.add(MB)).toBeUndefined();
    expect(b.add(1)).toEqual({ code: 'tooBig', max: 3 * MB });
    expect(budget.total).toBe(3 * MB + 1);
  });
  it('stops an entry whose real ratio passes the cap, whatever its header said', () => {
    const budget = new InflateBudget(DEFAULT_LIMITS);
    const bomb = budget.entry('content/bom.txt', 10 * 1024);
    let problem: H5pProblem | undefined;
    let chunks = 0;
    while (!problem && chunks < 10_000) {
      problem = bomb.add(64 * 1024);
      chunks++;
    }
    expect(problem).toMatchObject({ code: 'ratio', path: 'content/bom.txt', max: 100 });
    // Stopped at the floor (1 MiB + one chunk), not after a gigabyte.
    expect(bomb.bytes).toBeLessThanOrEqual(RATIO_FLOOR_BYTES + 64 * 1024);
  });
});

describe('package structure', () => {
  const reader = (files: Record<string, Buffer | string>) => (path: string) => {
    const v = files[path];
    if (v === undefined) throw new Error(`read of missing ${path}`);
    return String(v);
  };
  const check = (files: Record<string, Buffer | string>) => () => validateStructure(new Set(Object.keys(files)), reader(files));

  it('reads title, main library and the preloaded closure', () => {
    const info = check(validFiles('Kuis "uji"'))();
    expect(info.title).toBe('Kuis "uji"');
    expect(info.mainLibrary).toBe('Melek.TestQuiz');
    expect(info.mainLibraryVersion).toBe('Melek.TestQuiz 1.0');
    expect(info.libraries.map((l) => l.folder)).toEqual([LIB]);
  });
  it('follows dependencies of dependencies', () => {
    const files: Record<string, string | Buffer> = {
      ...validFiles(),
      [`${LIB}/library.json`]: JSON.stringify({
        title: 'T',
        machineName: 'Melek.TestQuiz',
        majorVersion: 1,
        minorVersion: 0,
        patchVersion: 0,
        runnable: 0,
        preloadedDependencies: [{ machineName: 'H5P.Helper', majorVersion: 2, minorVersion: 3 }],
      }),
    };
    expect(problemOf(check(files))).toEqual({ code: 'missingLibrary', library: 'H5P.Helper 2.3', folder: 'H5P.Helper-2.3' });
    files['H5P.Helper-2.3/library.json'] = JSON.stringify({
      title: 'Helper',
      machineName: 'H5P.Helper',
      majorVersion: 2,
      minorVersion: 3,
      patchVersion: 0,
      runnable: 0,
      preloadedJs: [{ path: 'h.js' }],
    });
    expect(problemOf(check(files))).toEqual({ code: 'missingPreloaded', library: 'H5P.Helper 2.3', path: 'H5P.Helper-2.3/h.js' });
    files['H5P.Helper-2.3/h.js'] = '1';
    expect(
      check(files)()
        .libraries.map((l) => l.folder)
        .sort(),
    ).toEqual(['H5P.Helper-2.3', LIB]);
  });
  it('survives dependency cycles', () => {
    const files: Record<string, string | Buffer> = {
      ...validFiles(),
      [`${LIB}/library.json`]: JSON.stringify({
        title: 'T',
        machineName: 'Melek.TestQuiz',
        majorVersion: 1,
        minorVersion: 0,
        patchVersion: 0,
        runnable: 0,
        preloadedDependencies: [{ machineName: 'Melek.TestQuiz', majorVersion: 1, minorVersion: 0 }],
      }),
    };
    expect(check(files)().libraries).toHaveLength(1);
  });
  it.each<[string, Record<string, string | undefined>, H5pProblem]>([
    ['no h5p.json', { 'h5p.json': undefined }, { code: 'missingFile', path: 'h5p.json' }],
    ['h5p.json is an array', { 'h5p.json': '[]' }, { code: 'badJson', path: 'h5p.json' }],
    [
      'no title',
      {
        'h5p.json': JSON.stringify({
          mainLibrary: 'Melek.TestQuiz',
          preloadedDependencies: [{ machineName: 'Melek.TestQuiz', majorVersion: 1, minorVersion: 0 }],
        }),
      },
      { code: 'missingField', path: 'h5p.json', field: 'title' },
    ],
    [
      'empty preloadedDependencies',
      { 'h5p.json': JSON.stringify({ title: 'x', mainLibrary: 'Melek.TestQuiz', preloadedDependencies: [] }) },
      { code: 'missingField', path: 'h5p.json', field: 'preloadedDependencies' },
    ],
    [
      'a version that is no number',
      {
        'h5p.json': JSON.stringify({
          title: 'x',
          mainLibrary: 'Melek.TestQuiz',
          preloadedDependencies: [{ machineName: 'Melek.TestQuiz', majorVersion: 'satu', minorVersion: 0 }],
        }),
      },
      { code: 'missingField', path: 'h5p.json', field: 'preloadedDependencies[0].majorVersion' },
    ],
    [
      'a machine name with a slash',
      {
        'h5p.json': JSON.stringify({
          title: 'x',
          mainLibrary: 'Melek.TestQuiz',
          preloadedDependencies: [{ machineName: '../x', majorVersion: 1, minorVersion: 0 }],
        }),
      },
      { code: 'missingField', path: 'h5p.json', field: 'preloadedDependencies[0].machineName' },
    ],
    ['content.json not an object', { 'content/content.json': '"teks"' }, { code: 'badJson', path: 'content/content.json' }],
    [
      'library.json version not the folder',
      {
        [`${LIB}/library.json`]: JSON.stringify({ title: 'T', machineName: 'Melek.TestQuiz', majorVersion: 2, minorVersion: 0, patchVersion: 0, runnable: 0 }),
      },
      { code: 'libraryMismatch', folder: LIB, field: 'majorVersion/minorVersion' },
    ],
    [
      'library.json without title',
      { [`${LIB}/library.json`]: JSON.stringify({ machineName: 'Melek.TestQuiz', majorVersion: 1, minorVersion: 0 }) },
      { code: 'missingField', path: `${LIB}/library.json`, field: 'title' },
    ],
    [
      'preloadedJs not a list',
      {
        [`${LIB}/library.json`]: JSON.stringify({
          title: 'T',
          machineName: 'Melek.TestQuiz',
          majorVersion: 1,
          minorVersion: 0,
          patchVersion: 0,
          runnable: 0,
          preloadedJs: 'quiz.js',
        }),
      },
      { code: 'missingField', path: `${LIB}/library.json`, field: 'preloadedJs' },
    ],
    [
      'a preloaded path that climbs out',
      {
        [`${LIB}/library.json`]: JSON.stringify({
          title: 'T',
          machineName: 'Melek.TestQuiz',
          majorVersion: 1,
          minorVersion: 0,
          patchVersion: 0,
          runnable: 0,
          preloadedJs: [{ path: '../evil.js' }],
        }),
      },
      { code: 'unsafePath', path: `${LIB}/../evil.js`, reason: 'parent' },
    ],
    [
      'a preloaded JS that is CSS',
      {
        [`${LIB}/library.json`]: JSON.stringify({
          title: 'T',
          machineName: 'Melek.TestQuiz',
          majorVersion: 1,
          minorVersion: 0,
          patchVersion: 0,
          runnable: 0,
          preloadedJs: [{ path: 'quiz.css' }],
        }),
      },
      { code: 'missingField', path: `${LIB}/library.json`, field: 'preloadedJs[0].path' },
    ],
  ])('%s', (_, change, problem) => {
    const files: Record<string, string | Buffer> = { ...validFiles() };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete files[k];
      else files[k] = v;
    }
    expect(problemOf(check(files))).toEqual(problem);
  });
  it('accepts a byte-order mark before JSON', () => {
    const files = { ...validFiles(), 'content/content.json': '\ufeff{"a":1}' };
    expect(problemOf(check(files))).toBeUndefined();
  });
});

describe('what a learner downloads', () => {
  it('takes the first font format Chrome can use, and images the CSS points to', () => {
    const css = `@font-face{font-family:'A';src:url('f.eot?v=1');src:url('f.eot?#iefix') format('embedded-opentype'),url("f.woff2?v=1") format('woff2'),url(f.woff) format('woff')}
      .x{background:url(../img/bg.png)} .y{background:url(data:image/png;base64,AAAA)} .z{background:url(https://cdn.example/x.png)}`;
    expect(cssReferences(css)).toEqual(['f.woff2', '../img/bg.png']);
    expect(
      cssReferences(
        `@font-face{src:url('../fonts/h5p.eot?105');src:url('../fonts/h5p.eot?105#iefix') format('embedded-opentype'),url('../fonts/h5p.ttf?105') format('truetype'),url('../fonts/h5p.woff?105') format('woff')}`,
      ),
    ).toEqual(['../fonts/h5p.ttf']);
  });
  it('counts h5p.json, content/, and preloaded files with what their CSS uses; not editor or language files', () => {
    const files: Record<string, string | Buffer> = {
      ...validFiles(),
      [`${LIB}/quiz.css`]: `@font-face{src:url(fonts/q.woff2) format('woff2'),url(fonts/q.ttf)} .a{background:url("img/a.png")}`,
      [`${LIB}/fonts/q.woff2`]: 'w',
      [`${LIB}/fonts/q.ttf`]: 't',
      [`${LIB}/img/a.png`]: 'p',
      [`${LIB}/semantics.json`]: '[]',
      [`${LIB}/language/id.json`]: '{}',
      [`${LIB}/icon.svg`]: '<svg/>',
    };
    const set = new Set(Object.keys(files));
    const read = (p: string) => String(files[p]);
    const info = validateStructure(set, read);
    expect([...downloadFiles(info, set, read)].sort()).toEqual(
      [
        'content/content.json',
        'content/images/titik.png',
        'h5p.json',
        `${LIB}/fonts/q.woff2`,
        `${LIB}/img/a.png`,
        `${LIB}/library.json`,
        `${LIB}/quiz.css`,
        `${LIB}/quiz.js`,
      ].sort(),
    );
  });
});

describe('ids', () => {
  it('slugs titles into ids', () => {
    expect(slugify('Pesan mana yang penipuan?')).toBe('pesan-mana-yang-penipuan');
    expect(slugify('Café Über 2')).toBe('cafe-uber-2');
    expect(slugify('???')).toBe('aktivitas');
    expect(slugify('a'.repeat(80))).toHaveLength(50);
    for (const t of ['Pesan mana yang penipuan?', 'x', '---a---', 'ÅÄÖ']) expect(CONTENT_ID.test(slugify(t))).toBe(true);
  });
  it('content ids are lowercase slugs that can be a URL segment and part of a folder name', () => {
    for (const ok of ['pesan-penipuan', 'a', 'x1', 'tf-2']) expect(CONTENT_ID.test(ok), ok).toBe(true);
    for (const bad of ['', '-a', 'a-', 'A', 'a_b', 'a/b', '..', 'a b', 'a'.repeat(61)]) expect(CONTENT_ID.test(bad), bad).toBe(false);
  });
});

describe('which activities a lesson embeds', () => {
  it('finds every <H5P id> in the MDX body', () => {
    const body = `Teks\n<H5P id="pesan-penipuan" />\n\n<H5P  id='kedua'/>\n<H5P id={"ketiga"} />\n<H5PX id="bukan" />\n<H5P id="pesan-penipuan" />`;
    expect(h5pIdsInMdx(body)).toEqual(['pesan-penipuan', 'kedua', 'ketiga']);
    expect(h5pIdsInMdx('tanpa aktivitas')).toEqual([]);
  });
});

describe('messages', () => {
  it('every problem has a sentence in both languages naming the file or field', () => {
    const problems: H5pProblem[] = [
      { code: 'empty' },
      { code: 'tooLarge', max: 50 * MB },
      { code: 'notZip' },
      { code: 'zipCorrupt', detail: 'unexpected EOF' },
      { code: 'tooManyEntries', count: 20000, max: 5000 },
      ...(['parent', 'absolute', 'backslash', 'empty', 'chars', 'long'] as const).map((reason) => ({ code: 'unsafePath' as const, path: '../x', reason })),
      { code: 'link', path: 'content/l.png' },
      { code: 'specialFile', path: 'content/f' },
      { code: 'extension', path: 'content/x.php', inLibrary: false },
      { code: 'duplicate', path: 'content/a.json' },
      { code: 'encrypted', path: 'content/a.json' },
      { code: 'ratio', path: 'content/b.txt', ratio: 1000, max: 100 },
      { code: 'tooBig', max: 100 * MB },
      { code: 'sizeMismatch', path: 'content/b.txt' },
      { code: 'missingFile', path: 'h5p.json' },
      { code: 'badJson', path: 'h5p.json' },
      { code: 'missingField', path: 'h5p.json', field: 'mainLibrary' },
      { code: 'mainNotPreloaded', library: 'H5P.X' },
      { code: 'missingLibrary', library: 'H5P.X 1.0', folder: 'H5P.X-1.0' },
      { code: 'libraryMismatch', folder: 'H5P.X-1.0', field: 'machineName' },
      { code: 'missingPreloaded', library: 'H5P.X 1.0', path: 'H5P.X-1.0/x.js' },
      { code: 'idInvalid', id: 'A B' },
      { code: 'idTaken', id: 'x', title: 'Judul' },
    ];
    for (const p of problems) {
      for (const d of [dictionary, en]) {
        const text = d.h5pProblem(p);
        expect(text, p.code).toMatch(/\S/);
        for (const value of ['path', 'field', 'library', 'id'] as const) if (value in p) expect(text).toContain((p as Record<string, string>)[value]);
      }
    }
    expect(dictionary.h5pProblem({ code: 'tooLarge', max: 50 * MB })).toBe('Berkas terlalu besar: lebih dari 50 MB (batas H5P_MAX_UPLOAD).');
    expect(dictionary.h5pSize(640 * 1024)).toBe('640 KB');
    expect(dictionary.h5pSize(1.25 * MB)).toBe('1,3 MB');
  });
});
