import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { H5pLimits, H5pProblem } from '../../src/lib/server/h5p/validate';
import { deflatedZeros, rawZip, type RawEntry } from './zip';

/** The real packages in ../shared (read from there, never copied into the repository). */
export const FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures/h5p');
export const TRUE_FALSE = resolve(FIXTURES, 'true-false.h5p');
export const GREETING_CARD = resolve(FIXTURES, 'greeting-card.h5p');

const MB = 1024 * 1024;
/** The caps every H5P test runs with (also given to the test server and the CLI as H5P_* env). */
export const TEST_LIMITS: H5pLimits = { maxEntries: 5000, maxBytes: 5 * MB, maxRatio: 100, maxUpload: 3 * MB };
export const TEST_LIMITS_ENV = { H5P_MAX_ENTRIES: '5000', H5P_MAX_BYTES: '5MB', H5P_MAX_RATIO: '100', H5P_MAX_UPLOAD: '3MB' };

export const LIB = 'Melek.TestQuiz-1.0';

/** A small valid package: one library with a JS and a CSS file, a content.json and an image. */
export function validFiles(title = 'Kuis uji'): Record<string, Buffer> {
  const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2));
  return {
    'h5p.json': json({
      title,
      language: 'id',
      mainLibrary: 'Melek.TestQuiz',
      preloadedDependencies: [{ machineName: 'Melek.TestQuiz', majorVersion: '1', minorVersion: '0' }],
    }),
    'content/content.json': json({ question: 'Apakah ini uji?' }),
    'content/images/titik.png': Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    [`${LIB}/library.json`]: json({
      title: 'Test quiz',
      machineName: 'Melek.TestQuiz',
      majorVersion: 1,
      minorVersion: 0,
      patchVersion: 0,
      runnable: 1,
      preloadedJs: [{ path: 'quiz.js' }],
      preloadedCss: [{ path: 'quiz.css' }],
    }),
    [`${LIB}/quiz.js`]: Buffer.from(
      'var Melek = window.Melek = window.Melek || {}; Melek.TestQuiz = function () { this.attach = function ($c) { $c.get(0).textContent = "uji"; }; };\n',
    ),
    [`${LIB}/quiz.css`]: Buffer.from('.uji { color: green; }\n'),
  };
}

export function packageZip(files: Record<string, Buffer | string | undefined>, extra: RawEntry[] = []): Buffer {
  return rawZip([
    ...Object.entries(files)
      .filter((e): e is [string, Buffer | string] => e[1] !== undefined)
      .map(([name, data]) => ({ name, data: Buffer.isBuffer(data) ? data : Buffer.from(data) })),
    ...extra,
  ]);
}

export interface BadCase {
  name: string;
  build: () => Promise<Buffer>;
  problem: (zip: Buffer) => H5pProblem;
}

const lib = (files: Record<string, Buffer | string | undefined>) => ({ ...validFiles(), ...files });

let bomb: Promise<Buffer> | undefined;
/** ~1 MB of deflate that inflates to 1 GiB of zeros (made once per test file). */
export const bombData = () => (bomb ??= deflatedZeros(1024 * MB));

/**
 * Every bad package of issue 6, with the exact problem it must be refused for (the message is
 * d.h5pProblem(problem), so CLI, page and importer are held to the same sentence).
 */
export const BAD_CASES: BadCase[] = [
  { name: 'not a zip', build: async () => Buffer.from('Ini bukan zip, hanya teks biasa.\n'.repeat(20)), problem: () => ({ code: 'notZip' }) },
  { name: 'empty file', build: async () => Buffer.alloc(0), problem: () => ({ code: 'empty' }) },
  {
    name: 'h5p.json broken JSON',
    build: async () => packageZip(lib({ 'h5p.json': '{"title": "Rusak", "mainLibrary": ' })),
    problem: () => ({ code: 'badJson', path: 'h5p.json' }),
  },
  {
    name: 'h5p.json without mainLibrary',
    build: async () =>
      packageZip(
        lib({
          'h5p.json': JSON.stringify({ title: 'Tanpa main', preloadedDependencies: [{ machineName: 'Melek.TestQuiz', majorVersion: 1, minorVersion: 0 }] }),
        }),
      ),
    problem: () => ({ code: 'missingField', path: 'h5p.json', field: 'mainLibrary' }),
  },
  {
    name: 'missing content/content.json',
    build: async () => packageZip(lib({ 'content/content.json': undefined })),
    problem: () => ({ code: 'missingFile', path: 'content/content.json' }),
  },
  {
    name: 'preloaded library missing',
    build: async () => packageZip(lib({ [`${LIB}/library.json`]: undefined, [`${LIB}/quiz.js`]: undefined, [`${LIB}/quiz.css`]: undefined })),
    problem: () => ({ code: 'missingLibrary', library: 'Melek.TestQuiz 1.0', folder: LIB }),
  },
  {
    name: 'preloaded library with broken library.json',
    build: async () => packageZip(lib({ [`${LIB}/library.json`]: '{ "title": "Test", ' })),
    problem: () => ({ code: 'badJson', path: `${LIB}/library.json` }),
  },
  {
    name: 'missing preloaded JS file',
    build: async () => packageZip(lib({ [`${LIB}/quiz.js`]: undefined })),
    problem: () => ({ code: 'missingPreloaded', library: 'Melek.TestQuiz 1.0', path: `${LIB}/quiz.js` }),
  },
  {
    name: '.php file',
    build: async () => packageZip(lib({ 'content/shell.php': '<?php system($_GET["c"]); ?>' })),
    problem: () => ({ code: 'extension', path: 'content/shell.php', inLibrary: false }),
  },
  {
    name: '.exe file',
    build: async () => packageZip(lib({ [`${LIB}/setup.exe`]: Buffer.from('MZ\x90\x00') })),
    problem: () => ({ code: 'extension', path: `${LIB}/setup.exe`, inLibrary: true }),
  },
  {
    name: '.html file',
    build: async () => packageZip(lib({ 'content/index.html': '<script>alert(document.cookie)</script>' })),
    problem: () => ({ code: 'extension', path: 'content/index.html', inLibrary: false }),
  },
  {
    name: '.sh file',
    build: async () => packageZip(lib({ 'install.sh': '#!/bin/sh\nrm -rf /\n' })),
    problem: () => ({ code: 'extension', path: 'install.sh', inLibrary: false }),
  },
  {
    name: '../../evil.js entry',
    build: async () => packageZip(validFiles(), [{ name: '../../evil.js', data: Buffer.from('alert(1)') }]),
    problem: () => ({ code: 'unsafePath', path: '../../evil.js', reason: 'parent' }),
  },
  {
    name: '/etc/x entry',
    build: async () => packageZip(validFiles(), [{ name: '/etc/x', data: Buffer.from('x') }]),
    problem: () => ({ code: 'unsafePath', path: '/etc/x', reason: 'absolute' }),
  },
  {
    name: 'backslash entry',
    build: async () => packageZip(validFiles(), [{ name: 'content\\..\\..\\evil.json', data: Buffer.from('{}') }]),
    problem: () => ({ code: 'unsafePath', path: 'content\\..\\..\\evil.json', reason: 'backslash' }),
  },
  {
    name: 'symlink entry',
    build: async () => packageZip(validFiles(), [{ name: 'content/images/link.png', data: Buffer.from('/etc/passwd'), method: 0, mode: 0o120777 }]),
    problem: () => ({ code: 'link', path: 'content/images/link.png' }),
  },
  {
    name: '20,000 tiny entries',
    build: async () => {
      const files = validFiles();
      const filler: RawEntry[] = [];
      for (let i = filler.length + Object.keys(files).length; i < 20_000; i++) filler.push({ name: `content/t/${i}.txt`, data: Buffer.from('x'), method: 0 });
      return packageZip(files, filler);
    },
    problem: () => ({ code: 'tooManyEntries', count: 20_000, max: 5000 }),
  },
  {
    name: 'zip bomb (1 MB inflating to 1 GiB)',
    build: async () => packageZip(validFiles(), [{ name: 'content/bom.txt', deflated: await bombData(), realSize: 1024 * MB }]),
    problem: () => ({ code: 'ratio', path: 'content/bom.txt', ratio: 0, max: 100 }),
  },
  {
    name: 'zip bomb with a lying size (says 1 KB, inflates to 1 GiB)',
    build: async () => packageZip(validFiles(), [{ name: 'content/bom.txt', deflated: await bombData(), declaredSize: 1024 }]),
    problem: () => ({ code: 'sizeMismatch', path: 'content/bom.txt' }),
  },
  {
    name: 'more bytes than H5P_MAX_BYTES once extracted',
    build: async () => {
      // Six 1 MiB files that compress ~40:1 (under the ratio cap): only the byte cap stops them.
      const piece = () => {
        const b = Buffer.alloc(MB);
        for (let i = 0; i < MB; i += 1024) randomBytes(24).copy(b, i);
        return b;
      };
      return packageZip(
        validFiles(),
        Array.from({ length: 6 }, (_, i) => ({ name: `content/data-${i}.txt`, data: piece() })),
      );
    },
    problem: () => ({ code: 'tooBig', max: 5 * MB }),
  },
  {
    name: 'upload over H5P_MAX_UPLOAD',
    build: async () => Buffer.concat([packageZip(validFiles()), randomBytes(3 * MB)]),
    problem: () => ({ code: 'tooLarge', max: 3 * MB }),
  },
  // A few more ways to break a package.
  {
    name: 'same file twice',
    build: async () => packageZip(validFiles(), [{ name: 'content/content.json', data: Buffer.from('{"lagi":1}') }]),
    problem: () => ({ code: 'duplicate', path: 'content/content.json' }),
  },
  {
    name: 'encrypted entry',
    build: async () => packageZip(validFiles(), [{ name: 'content/rahasia.txt', data: Buffer.from('xxxxxxxxxxxxxxxx'), method: 0, declaredSize: 4, flags: 1 }]),
    problem: () => ({ code: 'encrypted', path: 'content/rahasia.txt' }),
  },
  {
    name: 'mainLibrary not among preloadedDependencies',
    build: async () =>
      packageZip(
        lib({
          'h5p.json': JSON.stringify({
            title: 'X',
            mainLibrary: 'H5P.Other',
            preloadedDependencies: [{ machineName: 'Melek.TestQuiz', majorVersion: 1, minorVersion: 0 }],
          }),
        }),
      ),
    problem: () => ({ code: 'mainNotPreloaded', library: 'H5P.Other' }),
  },
  {
    name: 'library.json that does not match its folder',
    build: async () =>
      packageZip(lib({ [`${LIB}/library.json`]: JSON.stringify({ title: 'T', machineName: 'Melek.Other', majorVersion: 1, minorVersion: 0 }) })),
    problem: () => ({ code: 'libraryMismatch', folder: LIB, field: 'machineName' }),
  },
];

/** The ratio of the bomb depends on zlib's output size: filled in from the built zip. */
export async function expectedProblem(c: BadCase, zip: Buffer): Promise<H5pProblem> {
  const problem = c.problem(zip);
  if (problem.code === 'ratio') return { ...problem, ratio: Math.round((1024 * MB) / (await bombData()).length) };
  return problem;
}

/** Fixed ids of the progress events the evil package tries to post with the learner's session. */
export const EVIL_EVENT_IDS = ['e0e0e0e0-0000-4000-8000-000000000001', 'e0e0e0e0-0000-4000-8000-000000000002'];

/**
 * A package whose script attacks from inside the player: it tries to read the app's cookies and
 * the lesson page's DOM, to call the progress API and read the learner's data export with the
 * session, and to slip forged results past the lesson page (another content id, a score above
 * max, malformed messages); then it reports a single honest result. It tells the test what it
 * saw with a `{ type: 'evil-report' }` message. Valid by every import rule: a sandbox must hold
 * even when a package is accepted.
 */
export function evilPackage(lessonId: string): Buffer {
  const probe = `
var Evil = window.Evil = window.Evil || {};
Evil.Probe = function (params, contentId) {
  H5P.EventDispatcher.call(this);
  this.attach = function ($container) {
    var el = $container.get(0);
    el.innerHTML = '<p id="probe">Probe</p><button type="button" id="probe-go">Jawab</button>';
    var id = String(contentId);
    var nonce = 'n' + Math.random().toString(36).slice(2);
    var report = { contentId: id, nonce: nonce, framed: window.parent !== window };
    function attempt(name, fn) { try { report[name] = String(fn()); } catch (e) { report[name] = 'ERR:' + e.name; } }
    attempt('origin', function () { return window.origin; });
    attempt('cookie', function () { return document.cookie; });
    attempt('parentCookie', function () { return window.parent.document.cookie; });
    attempt('parentBody', function () { return window.parent.document.body.innerHTML.slice(0, 50); });
    attempt('topLocation', function () { return window.top.location.href; });
    var event = function (eid) {
      return { id: eid, type: 'h5p_result', lessonId: ${JSON.stringify(lessonId)}, at: Date.now(), data: { contentId: id, score: 99, maxScore: 99, verb: 'answered' } };
    };
    var catchName = function (e) { return 'ERR:' + e.name; };
    Promise.all([
      fetch('/api/progress', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events: [event(${JSON.stringify(EVIL_EVENT_IDS[0])})] }) })
        .then(function (r) { return 'status:' + r.status; }, catchName),
      fetch('/api/progress', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ events: [event(${JSON.stringify(EVIL_EVENT_IDS[1])})] }) })
        .then(function (r) { return 'type:' + r.type; }, catchName),
      fetch('/learn/akun/data.json', { credentials: 'include' })
        .then(function (r) { return r.text().then(function (t) { return 'status:' + r.status + ':' + t.slice(0, 60); }); }, catchName),
    ]).then(function (api) {
      report.api = api;
      window.parent.postMessage({ type: 'evil-report', report: report }, '*');
    });
    var statement = function (raw, max) {
      return { verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: 'evil' }, result: { score: { raw: raw, max: max }, response: nonce } };
    };
    var post = function (message) { window.parent.postMessage(message, '*'); };
    document.getElementById('probe-go').addEventListener('click', function () {
      post({ type: 'melek-h5p', v: 1, kind: 'xapi', contentId: 'bukan-ini', statement: statement(1, 1) });
      post({ type: 'melek-h5p', v: 1, kind: 'xapi', contentId: id, statement: statement(5, 1) });
      post({ type: 'melek-h5p', v: 1, kind: 'xapi', contentId: id, statement: statement(-1, 1) });
      post({ type: 'melek-h5p', v: 1, kind: 'xapi', contentId: id, statement: { verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, result: { score: { raw: '1', max: 1 } } } });
      post({ type: 'melek-h5p', v: 1, kind: 'xapi', contentId: id });
      post({ type: 'melek-h5p', kind: 'xapi', contentId: id, statement: statement(1, 1) });
      post('hello');
      post(null);
      post({ type: 'melek-h5p', v: 1, kind: 'height', contentId: id, height: 1e9 });
      // The one honest result, through H5P's own xAPI path.
      setTimeout(function () { post({ type: 'melek-h5p', v: 1, kind: 'xapi', contentId: id, statement: statement(1, 1) }); }, 300);
    });
  };
};
`;
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  return packageZip({
    'h5p.json': json({
      title: 'Paket jahat',
      mainLibrary: 'Evil.Probe',
      preloadedDependencies: [{ machineName: 'Evil.Probe', majorVersion: 1, minorVersion: 0 }],
    }),
    'content/content.json': json({}),
    'Evil.Probe-1.0/library.json': json({
      title: 'Evil probe',
      machineName: 'Evil.Probe',
      majorVersion: 1,
      minorVersion: 0,
      patchVersion: 0,
      runnable: 1,
      preloadedJs: [{ path: 'probe.js' }],
    }),
    'Evil.Probe-1.0/probe.js': probe,
  });
}

/** Every file of a real .h5p (folders left out), to build bad packages from a good one. */
export async function packageFiles(path: string): Promise<Record<string, Buffer>> {
  const { readFileSync } = await import('node:fs');
  const yauzl = (await import('yauzl')).default;
  const zip = await yauzl.fromBufferPromise(readFileSync(path), { lazyEntries: true });
  const files: Record<string, Buffer> = {};
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    files[entry.fileName] = Buffer.concat(chunks);
  }
  zip.close();
  return files;
}

const edit = (json: Buffer, change: (value: Record<string, unknown>) => void) => {
  const value = JSON.parse(json.toString('utf8')) as Record<string, unknown>;
  change(value);
  return Buffer.from(JSON.stringify(value));
};

/**
 * Issue 15: packages that H5P core's validator (and Lumi's) refuse, each made from the real
 * true-false.h5p with one thing broken, and the problem it must be refused for.
 */
export const TRUE_FALSE_BAD_CASES: Array<{ name: string; change: (files: Record<string, Buffer | undefined>) => void; problem: H5pProblem }> = [
  {
    name: 'a preloaded library.json without title',
    change: (f) => (f['H5P.Question-1.4/library.json'] = edit(f['H5P.Question-1.4/library.json']!, (v) => delete v.title)),
    problem: { code: 'missingField', path: 'H5P.Question-1.4/library.json', field: 'title' },
  },
  {
    name: 'a library.json without patchVersion',
    change: (f) => (f['Tether-1.0/library.json'] = edit(f['Tether-1.0/library.json']!, (v) => delete v.patchVersion)),
    problem: { code: 'missingField', path: 'Tether-1.0/library.json', field: 'patchVersion' },
  },
  {
    name: 'an editor library (not preloaded) with runnable 2',
    change: (f) => (f['H5PEditor.ShowWhen-1.0/library.json'] = edit(f['H5PEditor.ShowWhen-1.0/library.json']!, (v) => (v.runnable = 2))),
    problem: { code: 'missingField', path: 'H5PEditor.ShowWhen-1.0/library.json', field: 'runnable' },
  },
  {
    name: 'a preloadedJs entry that is not a .js path',
    change: (f) => (f['H5P.Transition-1.0/library.json'] = edit(f['H5P.Transition-1.0/library.json']!, (v) => (v.preloadedJs = [{ path: 'transition.json' }]))),
    problem: { code: 'missingField', path: 'H5P.Transition-1.0/library.json', field: 'preloadedJs[0].path' },
  },
  {
    name: 'a preloadedJs file that does not exist',
    change: (f) => (f['H5P.Transition-1.0/transition.js'] = undefined),
    problem: { code: 'missingPreloaded', library: 'H5P.Transition 1.0', path: 'H5P.Transition-1.0/transition.js' },
  },
  {
    name: 'a library folder named without its minor version',
    change: (f) => {
      for (const key of Object.keys(f).filter((k) => k.startsWith('H5PEditor.ShowWhen-1.0/'))) {
        f[key.replace('H5PEditor.ShowWhen-1.0/', 'H5PEditor.ShowWhen-1/')] = f[key];
        f[key] = undefined;
      }
    },
    problem: { code: 'badFolder', path: 'H5PEditor.ShowWhen-1/' },
  },
  {
    name: 'another folder at the top level',
    change: (f) => (f['tambahan/catatan.txt'] = Buffer.from('bukan library')),
    problem: { code: 'badFolder', path: 'tambahan/' },
  },
  {
    name: 'a library folder without library.json',
    change: (f) => (f['H5P.Extra-1.0/extra.css'] = Buffer.from('.x{}')),
    problem: { code: 'missingFile', path: 'H5P.Extra-1.0/library.json' },
  },
  {
    name: 'a language file with an invalid code',
    change: (f) => (f['H5P.TrueFalse-1.6/language/de_DE.json'] = Buffer.from('{"semantics":[]}')),
    problem: { code: 'badLanguageFile', path: 'H5P.TrueFalse-1.6/language/de_DE.json' },
  },
  {
    name: 'a language file with broken JSON',
    change: (f) => (f['H5P.TrueFalse-1.6/language/de.json'] = Buffer.from('{"semantics": [')),
    problem: { code: 'badLanguageFile', path: 'H5P.TrueFalse-1.6/language/de.json' },
  },
  {
    name: 'a library that needs a newer H5P core than the player has',
    change: (f) =>
      (f['H5P.TrueFalse-1.6/library.json'] = edit(f['H5P.TrueFalse-1.6/library.json']!, (v) => (v.coreApi = { majorVersion: 1, minorVersion: 99 }))),
    problem: { code: 'coreApi', library: 'H5P.TrueFalse 1.6', required: '1.99', supported: '1.24' },
  },
  {
    name: 'h5p.json with an unknown embed type',
    change: (f) => (f['h5p.json'] = edit(f['h5p.json']!, (v) => (v.embedTypes = ['popup']))),
    problem: { code: 'missingField', path: 'h5p.json', field: 'embedTypes[0]' },
  },
  {
    name: 'h5p.json with a language that is no code',
    change: (f) => (f['h5p.json'] = edit(f['h5p.json']!, (v) => (v.language = 'Bahasa Indonesia'))),
    problem: { code: 'missingField', path: 'h5p.json', field: 'language' },
  },
];
