import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '../../src/lib/content-check/check';
import { componentsFromIndex, propsFromAstro } from '../../src/lib/content-check/components';
import { closest, editDistance } from '../../src/lib/content-check/distance';
import { formatProblem, formatReport } from '../../src/lib/content-check/format';
import { parseYaml, splitFrontmatter } from '../../src/lib/content-check/frontmatter';
import { lessonScaffold, moduleScaffold, usedIds } from '../../src/lib/content-check/scaffold';
import { loadSnapshot } from '../../src/lib/content-check/snapshot';
import type { ComponentInfo, ContentSnapshot, Problem } from '../../src/lib/content-check/types';
import { buildCourse, findLesson } from '../../src/lib/learning/curriculum';
import { lessonSchema } from '../../src/lib/learning/schema';
import type { LessonMeta, ModuleMeta } from '../../src/lib/learning/types';

/**
 * `npm run content:check` (issue 8): every bad case of the issue, from the committed fixture
 * folder tests/fixtures/content-bad/ (one bad case per lesson; the 2 MB image is written into a
 * temporary copy), each message naming the file, the line and what to do; the real content/
 * passing; the new:lesson scaffold failing until its guidance is replaced; drafts hidden from
 * learners' counts.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const FIXTURE = join(ROOT, 'tests/fixtures/content-bad');

const errors = (result: CheckResult) => result.problems.filter((p) => p.severity === 'error');
const warnings = (result: CheckResult) => result.problems.filter((p) => p.severity === 'warning');
/** 1-based line of the first line containing `needle` (so tests do not hard-code line numbers). */
const lineOf = (text: string, needle: string, from = 1) => {
  const index = text.split('\n').findIndex((line, i) => i + 1 >= from && line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
};
/** English words the parsers use; a trainer must never see them. */
const ENGLISH = /\b(Expected|Unexpected|Required|Invalid|received|undefined|Error|TypeError|at line)\b/;

let components: ComponentInfo[];
let publicFiles: Map<string, number>;
beforeAll(() => {
  const real = loadSnapshot('content', ROOT, ROOT);
  components = real.components;
  publicFiles = real.publicFiles;
});

/** A snapshot from in-memory files under "content/" (text files; numbers are sizes of binary files). */
function snapshot(files: Record<string, string | number>): ContentSnapshot {
  return {
    root: 'content',
    files: Object.entries(files).map(([path, value]) =>
      typeof value === 'number' ? { path: `content/${path}`, size: value } : { path: `content/${path}`, text: value, size: Buffer.byteLength(value) },
    ),
    publicFiles,
    components,
  };
}

const MODULE = `---
title: Toko Contoh
titleEn: Example shop
summary: "Modul contoh untuk tes pemeriksa isi pelajaran."
order: 1
pillars: [cakap, etika, budaya, aman]
minutes: 4
---

Modul contoh.
`;

interface LessonOptions {
  module?: string;
  order?: number;
  prefix?: string;
  frontmatter?: (yaml: string) => string;
  body?: string;
  /** Every lesson ends with a three-line <Ingat> (recap.ts); false leaves it out. */
  recap?: boolean;
}

/** Today, so the lesson's facts are fresh whatever the clock says (the suite also runs a year ahead). */
const TODAY = new Date().toISOString().slice(0, 10);
const RECAP = '\n<Ingat>\n\n- Isi profil.\n- Tulis jam buka.\n- Periksa dari HP lain.\n\n</Ingat>\n';

/** A valid lesson whose frontmatter or body a test changes in one place. */
function lesson(options: LessonOptions = {}): string {
  const prefix = options.prefix ?? 'contoh';
  const quiz = [1, 2, 3]
    .map(
      (n) => `  - id: ${prefix}-${n}
    question: "Pembeli sering bertanya jam buka toko. Cara paling praktis supaya mereka tahu sendiri?"
    pillar: cakap
    options:
      - id: membalas-satu-per
        text: Membalas satu per satu setiap kali ditanya.
      - id: mengisi-jam-buka
        text: Mengisi jam buka di profil WhatsApp Business.
        correct: true
      - id: mengganti-nama-whatsapp
        text: Mengganti nama WhatsApp dengan alamat dan jam buka toko.
    explanation: Profil bisnis bisa dibaca pembeli kapan saja tanpa menunggu balasan Anda.`,
    )
    .join('\n');
  const yaml = `module: ${options.module ?? 'toko'}
order: ${options.order ?? 1}
title: Profil Toko
summary: "Profil yang lengkap membuat pembeli percaya."
minutes: 2
checkedOn: ${TODAY}
pillars: [cakap]
objectives:
  - Mengisi profil WhatsApp Business dengan lengkap.
quiz:
${quiz}
task:
  id: ${prefix}-tugas
  title: Lengkapi profil toko
  instructions: "Isi alamat dan jam buka di profil WhatsApp Business, lalu kirim tangkapan layarnya ke pendamping."
  mentorChecks:
    - Profil berisi alamat dan jam buka.
  pillar: cakap
  kit:
    goodExample: "Tangkapan layar profil dengan alamat Jl. Raya Candi dan jam buka 07.00–17.00."
draft: false`;
  const body =
    options.body ??
    `
## Profil toko

Profil yang lengkap membuat pembeli percaya. Isi alamat dan jam buka supaya pembeli tidak perlu bertanya.

<Tip judul="Hemat waktu">
Pembeli bisa membaca profil kapan saja.
</Tip>
`;
  return `---\n${options.frontmatter ? options.frontmatter(yaml) : yaml}\n---\n${body}${options.recap === false ? '' : RECAP}`;
}

async function checkLesson(text: string, extra: Record<string, string | number> = {}) {
  const result = await checkContent(snapshot({ 'toko/index.md': MODULE, 'toko/01-profil-toko.mdx': text, ...extra }));
  const forLesson = (p: Problem) => p.file === 'content/toko/01-profil-toko.mdx';
  return { result, errors: errors(result).filter(forLesson), warnings: warnings(result).filter(forLesson) };
}

function expectReadable(problems: Problem[]) {
  for (const p of problems) {
    expect(p.message, p.message).not.toMatch(ENGLISH);
    expect(p.message.length).toBeLessThan(600);
  }
}

describe('the bad cases of issue 8 (tests/fixtures/content-bad)', () => {
  let dir: string;
  let result: CheckResult;
  const text = (file: string) => readFileSync(join(FIXTURE, file), 'utf8');
  const find = (file: string, code: string) => result.problems.filter((p) => p.file.endsWith(file) && p.code === code);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'melek-content-bad-'));
    cpSync(FIXTURE, dir, { recursive: true });
    // 2 MB of (fake) photo: written here so the repository only holds small files.
    writeFileSync(join(dir, 'toko/foto-besar.jpg'), Buffer.alloc(2 * 1024 * 1024, 0xff));
    result = await checkContent(loadSnapshot(dir, ROOT));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a lesson with no frontmatter', () => {
    const [p] = find('toko/01-tanpa-frontmatter.mdx', 'no-frontmatter');
    expect(p).toMatchObject({ severity: 'error', line: 1 });
    expect(p.message).toMatch(/tidak punya frontmatter/);
    expect(p.message).toMatch(/Tambahkan frontmatter di baris pertama/);
    expect(p.message).toMatch(/npm run new:lesson/);
  });

  it('a misspelled field: names the field, suggests the right one, and does not also call it missing', () => {
    const [p] = find('toko/02-salah-ketik.mdx', 'unknown-field');
    expect(p.line).toBe(lineOf(text('toko/02-salah-ketik.mdx'), 'sumary:'));
    expect(p.message).toBe('Kolom `sumary` tidak dikenal — mungkin maksudnya `summary`? Perbaiki nama kolomnya.');
    expect(find('toko/02-salah-ketik.mdx', 'missing-field')).toEqual([]);
  });

  it('a quiz whose correct option is not among its options (no option marked correct)', () => {
    const [p] = find('toko/03-jawaban-bukan-pilihan.mdx', 'quiz-answer-not-option');
    const source = text('toko/03-jawaban-bukan-pilihan.mdx');
    expect(p.line).toBe(lineOf(source, '    correct: Mengisi jam buka'));
    expect(p.message).toMatch(/^Soal kuis ke-2: jawaban benar “Mengisi jam buka di profil WhatsApp Business\.” tidak ada di antara pilihan soal ini\./);
    expect(p.message).toMatch(/Tambahkan jawaban itu sebagai pilihan, beri `correct: true` di bawahnya/);
    // The same mistake is not explained a second time as "unknown field `correct`".
    expect(find('toko/03-jawaban-bukan-pilihan.mdx', 'unknown-field')).toEqual([]);
  });

  it('two correct options: points at the second one and names both lines', () => {
    const [p] = find('toko/04-dua-jawaban.mdx', 'quiz-many-correct');
    const source = text('toko/04-dua-jawaban.mdx');
    const first = lineOf(source, 'correct: true');
    const second = lineOf(source, 'correct: true', first + 1);
    expect(p.line).toBe(second);
    expect(p.message).toBe(
      `Soal kuis ke-1: ada 2 pilihan yang ditandai benar (baris ${first} dan ${second}). Satu soal hanya boleh punya satu jawaban benar: hapus \`correct: true\` dari pilihan yang lain.`,
    );
  });

  it('a missing image', () => {
    const [p] = find('toko/05-gambar-hilang.mdx', 'image-missing');
    expect(p.line).toBe(lineOf(text('toko/05-gambar-hilang.mdx'), '![Kerupuk'));
    expect(p.message).toMatch(/^Gambar `\.\/foto-kerupuk\.webp` tidak ditemukan\./);
    expect(p.message).toMatch(/Simpan gambarnya di folder `.*toko\/` dengan nama persis sama, atau perbaiki namanya di sini\./);
  });

  it('a 2 MB image: says its size, the limit and how to shrink it', () => {
    const [p] = find('toko/06-gambar-besar.mdx', 'image-too-big');
    expect(p.line).toBe(lineOf(text('toko/06-gambar-besar.mdx'), '![Kerupuk'));
    expect(p.message).toMatch(/^Gambar `\.\/foto-besar\.jpg` berukuran 2,0 MB, padahal batasnya 30 KB/);
    expect(p.message).toMatch(/Perkecil: .*720 piksel/);
  });

  it('a duplicate order number: both lessons, each naming the other', () => {
    const a = find('toko/07-urutan-ganda.mdx', 'duplicate-order');
    const b = find('toko/07-urutan-kembar.mdx', 'duplicate-order');
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0].line).toBe(lineOf(text('toko/07-urutan-ganda.mdx'), 'order:'));
    expect(a[0].message).toMatch(/^Nomor urut 7 juga dipakai oleh 07-urutan-kembar\.mdx\./);
    expect(a[0].message).toMatch(/ganti nomor salah satunya/);
    expect(b[0].message).toMatch(/07-urutan-ganda\.mdx/);
  });

  it('an unknown module (a folder without index.md)', () => {
    const [p] = find('tanpa-modul/01-pelajaran-yatim.mdx', 'unknown-module');
    expect(p.line).toBe(lineOf(text('tanpa-modul/01-pelajaran-yatim.mdx'), 'module:'));
    expect(p.message).toMatch(/^Folder `tanpa-modul` belum punya `index\.md`/);
    expect(p.message).toMatch(/npm run new:module -- tanpa-modul "Judul modul"/);
    expect(p.message).toMatch(/pindahkan pelajaran ke folder modul yang ada \(toko\)/);
  });

  it('a broken MDX tag: the line of the tag that is never closed', () => {
    const [p] = find('toko/08-tag-rusak.mdx', 'mdx-unclosed-tag');
    expect(p.line).toBe(lineOf(text('toko/08-tag-rusak.mdx'), '<Tip judul="Lupa ditutup">'));
    expect(p.message).toBe('Tag `<Tip>` dibuka di sini tetapi tidak ditutup. Tambahkan `</Tip>` setelah isinya (atau tulis `<Tip />` kalau tidak ada isinya).');
  });

  it('reports exactly the planted errors, all readable, each with a line', () => {
    const planted = errors(result).map((p) => `${p.file.slice(dir.length + 1)} ${p.code}`);
    expect(planted.sort()).toEqual(
      [
        'tanpa-modul/01-pelajaran-yatim.mdx unknown-module',
        'toko/01-tanpa-frontmatter.mdx no-frontmatter',
        'toko/02-salah-ketik.mdx unknown-field',
        'toko/03-jawaban-bukan-pilihan.mdx quiz-answer-not-option',
        'toko/04-dua-jawaban.mdx quiz-many-correct',
        'toko/05-gambar-hilang.mdx image-missing',
        'toko/06-gambar-besar.mdx image-too-big',
        'toko/07-urutan-ganda.mdx duplicate-order',
        'toko/07-urutan-kembar.mdx duplicate-order',
        'toko/08-tag-rusak.mdx mdx-unclosed-tag',
      ].sort(),
    );
    for (const p of errors(result)) expect(p.line).toBeGreaterThan(0);
    expectReadable(result.problems);
  });

  it('the CLI prints "file:line — Baris N: …" per problem, exits 1, and never a stack trace', () => {
    const run = spawnSync(process.execPath, [TSX, 'src/cli/content-check.ts', dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const source = text('toko/02-salah-ketik.mdx');
    const line = lineOf(source, 'sumary:');
    expect(run.stdout).toContain(`✗ ${dir}/toko/02-salah-ketik.mdx:${line} — Baris ${line}: Kolom \`sumary\` tidak dikenal — mungkin maksudnya \`summary\`?`);
    expect(run.stdout).toMatch(/✗ 10 kesalahan harus diperbaiki/);
    expect(run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.stdout).not.toMatch(ENGLISH);
  }, 60_000);

  it('the CLI refuses a folder that does not exist, in Indonesian', () => {
    const run = spawnSync(process.execPath, [TSX, 'src/cli/content-check.ts', 'tidak-ada-folder'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Folder `tidak-ada-folder` tidak ditemukan\./);
  });
});

describe('the real content/', () => {
  it('passes with no errors, README examples included', async () => {
    const result = await checkContent(loadSnapshot('content', ROOT, ROOT));
    expect(errors(result).map(formatProblem)).toEqual([]);
    expect(result.modules).toBeGreaterThanOrEqual(3);
    expect(result.lessons).toBeGreaterThanOrEqual(15);
    // content/README.md: the full lesson, the module, and one snippet per component at least.
    expect(result.examples).toBeGreaterThanOrEqual(9);
  });

  it('the README examples really are checked: a broken example fails at its README line', async () => {
    const readme = readFileSync(join(ROOT, 'content/README.md'), 'utf8');
    const broken = readme.replace('<Tip judul="Hemat kuota">', '<Tips judul="Hemat kuota">').replace('</Awas>', '');
    const real = loadSnapshot('content', ROOT, ROOT);
    const files = real.files.map((f) => (f.path === 'content/README.md' ? { ...f, text: broken } : f));
    const result = await checkContent({ ...real, files });
    const found = errors(result).filter((p) => p.file === 'content/README.md');
    expect(found.map((p) => p.line)).toEqual([lineOf(broken, '<Tips judul="Hemat kuota">') + 2, lineOf(broken, '<Awas>')]);
    expect(found[0].message).toMatch(/Penutup `<\/Tip>` tidak cocok dengan pembukanya `<Tips>`/);
    expect(found[1].message).toMatch(/Tag `<Awas>` dibuka di sini tetapi tidak ditutup/);
  });
});

describe('frontmatter messages', () => {
  it('a valid lesson has no problems (comments and literal expressions are fine)', async () => {
    const { errors: e, warnings: w } = await checkLesson(
      lesson({ body: '\n{/* catatan untuk penulis */}\n\nHarga < 5000 dan kurung {"{"} boleh.\n\n<Tip>Isi.</Tip>\n' }),
    );
    expect(e).toEqual([]);
    expect(w).toEqual([]);
  });

  it('translates schema problems to Indonesian, on the line of the key', async () => {
    const text = lesson({
      frontmatter: (y) =>
        y
          .replace('order: 1', 'order: satu')
          .replace('title: Profil Toko', 'judul: Profil Toko')
          .replace('minutes: 2', 'minutes: 12')
          .replace('pillars: [cakap]', 'pillars: [cakep]')
          .replace('  - id: contoh-2', '  - id: Contoh 2')
          .replace('    question: "Pembeli', '    questoin: "Pembeli')
          .replace('        correct: true', '        correct: "true"'),
    });
    const { errors: e } = await checkLesson(text);
    const at = (needle: string) => e.filter((p) => p.line === lineOf(text, needle)).map((p) => p.message);
    expect(at('order: satu')).toEqual(['Kolom `order` (nomor urut) harus berupa angka, tanpa tanda kutip, misalnya `order: 3` (sekarang berisi tulisan).']);
    expect(at('judul:')).toEqual(['Kolom `judul` tidak dikenal — mungkin maksudnya `title`? Perbaiki nama kolomnya.']);
    expect(at('minutes: 12')[0]).toMatch(/paling banyak 10: satu pelajaran paling lama 10 menit/);
    expect(at('pillars: [cakep]')).toEqual([
      'Pilar ke-1: pilar `cakep` tidak dikenal. Mungkin maksudnya `cakap`? Pilih salah satu: cakap, etika, budaya, aman.',
    ]);
    expect(at('id: Contoh 2')[0]).toMatch(
      /^Soal kuis ke-2: kolom `id` \(kode unik\) `Contoh 2` hanya boleh berisi huruf kecil, angka, dan tanda minus \(tanpa spasi\)\. Misalnya `contoh-2`\./,
    );
    expect(at('questoin:')).toEqual(['Soal kuis ke-1: kolom `questoin` tidak dikenal — mungkin maksudnya `question`? Perbaiki nama kolomnya.']);
    expect(at('correct: "true"')[0]).toMatch(/harus ditulis persis `correct: true` \(tanpa tanda kutip\)/);
    expect(e.some((p) => p.code === 'missing-field')).toBe(false);
    expectReadable(e);
  });

  it('a missing field says what it is and how to add it', async () => {
    const { errors: e } = await checkLesson(lesson({ frontmatter: (y) => y.replace(/^summary:.*\n/m, '') }));
    expect(e.map((p) => [p.line, p.message])).toEqual([
      [1, 'Kolom `summary` (ringkasan satu kalimat) belum ada. Tambahkan, misalnya `summary: "Katalog itu etalase di HP Anda."`.'],
    ]);
  });

  it('an empty field, too short and too long texts', async () => {
    const text = lesson({
      frontmatter: (y) =>
        y
          .replace('title: Profil Toko', 'title:')
          .replace(/^summary:.*$/m, `summary: "${'a'.repeat(230)}"`)
          .replace('    explanation: Profil', '    explanation: Oke\n    x_explanation: Profil'),
    });
    const { errors: e } = await checkLesson(text);
    expect(e.find((p) => p.line === lineOf(text, 'title:'))?.message).toMatch(/^Kolom `title` \(judul\) masih kosong\./);
    expect(e.find((p) => p.line === lineOf(text, 'summary:'))?.message).toMatch(/terlalu panjang \(230 huruf\): paling banyak 200 huruf\. Persingkat\./);
    expect(e.find((p) => p.line === lineOf(text, 'explanation: Oke'))?.message).toMatch(
      /^Soal kuis ke-1: kolom `explanation` \(penjelasan jawaban\) terlalu pendek \(3 huruf\): paling sedikit 5 huruf\./,
    );
  });

  it('the right answer written on the question, matching one of its options', async () => {
    const text = lesson({
      frontmatter: (y) =>
        y
          .replace('        correct: true\n', '')
          .replace('    explanation: Profil', '    correct: Mengisi jam buka di profil WhatsApp Business.\n    explanation: Profil'),
    });
    const { errors: e } = await checkLesson(text);
    expect(e).toHaveLength(1);
    expect(e[0].line).toBe(lineOf(text, '    correct: Mengisi'));
    expect(e[0].message).toMatch(/^Soal kuis ke-1: jawaban benar ditulis di soal \(`correct: Mengisi/);
    expect(e[0].message).toContain(`tambahkan \`correct: true\` di bawah pilihan ke-2 (baris ${lineOf(text, 'text: Mengisi jam buka') - 1}).`);
  });

  it('an option without an id, or two options of one item with the same id: an error on the line, in Indonesian', async () => {
    const missing = lesson({ frontmatter: (y) => y.replace('      - id: membalas-satu-per\n        text: Membalas', '      - text: Membalas') });
    const m1 = await checkLesson(missing);
    expect(m1.errors.length).toBeGreaterThan(0);
    expectReadable(m1.errors);
    expect(m1.errors[0].message).toMatch(/id/);
    expect(m1.errors[0].line).toBe(lineOf(missing, '- text: Membalas'));
    const twice = lesson({ frontmatter: (y) => y.replace('      - id: mengisi-jam-buka', '      - id: membalas-satu-per') });
    const m2 = await checkLesson(twice);
    expect(m2.errors.length).toBeGreaterThan(0);
    expectReadable(m2.errors);
    expect(m2.errors[0].message).toMatch(/id yang sama/);
    const digits = lesson({ frontmatter: (y) => y.replace('      - id: mengisi-jam-buka', '      - id: 2') });
    const m3 = await checkLesson(digits);
    expect(m3.errors.length).toBeGreaterThan(0);
    expectReadable(m3.errors);
  });

  it('no option marked correct', async () => {
    const text = lesson({ frontmatter: (y) => y.replace('        correct: true\n', '') });
    const { errors: e } = await checkLesson(text);
    expect(e.map((p) => [p.line, p.message])).toEqual([
      [
        lineOf(text, 'options:'),
        'Soal kuis ke-1: pilihan jawaban yang benar belum ditandai. Tambahkan `correct: true` di bawah satu pilihan (sejajar dengan `text:`).',
      ],
    ]);
  });

  it('every lesson has ≥ 3 quiz items, a task and a pillar', async () => {
    const text = lesson({
      frontmatter: (y) =>
        y
          .replace(/ {2}- id: contoh-3[\s\S]*?(?=task:)/, '')
          .replace(/task:[\s\S]*?(?=draft:)/, '')
          .replace('pillars: [cakap]\n', ''),
    });
    const { errors: e } = await checkLesson(text);
    const messages = e.map((p) => p.message);
    expect(messages).toContain('Pelajaran ini baru punya 2 soal kuis; paling sedikit 3. Tambahkan soal di bagian `quiz:` (contohnya di content/README.md).');
    expect(messages.some((m) => m.startsWith('Pelajaran ini belum punya tugas praktik. Tambahkan bagian `task:`'))).toBe(true);
    expect(messages.some((m) => m.startsWith('Kolom `pillars` (pilar literasi digital) belum ada.'))).toBe(true);
  });

  it('a quiz item or task in a pillar the lesson does not name is a warning', async () => {
    const text = lesson({ frontmatter: (y) => y.replace('  pillar: cakap\n  kit:', '  pillar: aman\n  kit:') });
    const { errors: e, warnings: w } = await checkLesson(text);
    expect(e).toEqual([]);
    expect(w.map((p) => p.message)).toEqual([
      'Tugas praktik: pilarnya `aman`, tetapi pilar itu tidak ada di `pillars` pelajaran (cakap). Tambahkan `aman` ke `pillars`, atau ganti pilar soal/tugas ini.',
    ]);
  });

  it('a task without a mentor kit is a warning on the task line, never an error; materials need a title', async () => {
    const without = lesson({ frontmatter: (y) => y.replace(/ {2}kit:\n {4}goodExample: .*\n/, '') });
    expect(without).not.toContain('kit:');
    const { errors: e, warnings: w } = await checkLesson(without);
    expect(e).toEqual([]);
    expect(w.map((p) => p.code)).toEqual(['task-kit-missing']);
    expect(w[0].line).toBe(without.split('\n').indexOf('task:') + 1);
    expect(w[0].message).toMatch(/belum punya panduan pemeriksa \(`kit:`\)/);
    expect(w[0].message).toMatch(/goodExample/);
    expectReadable(w);

    const materials =
      '    materialsTitle: Lima pesan pelanggan\n    materials:\n      - "Bu, harga kerupuk 500 gram berapa?"\n      - "Ongkir ke Porong berapa?"\n';
    const withMaterials = lesson({ frontmatter: (y) => y.replace(/( {4}goodExample: .*\n)/, `$1${materials}`) });
    const ok = await checkLesson(withMaterials);
    expect(ok.errors).toEqual([]);
    expect(ok.warnings).toEqual([]);

    const untitled = lesson({
      frontmatter: (y) => y.replace(/( {4}goodExample: .*\n)/, `$1${materials.replace('    materialsTitle: Lima pesan pelanggan\n', '')}`),
    });
    const bad = await checkLesson(untitled);
    expect(bad.errors.length).toBe(1);
    expect(bad.errors[0].message).toMatch(/materialsTitle/);
  });

  it('broken YAML: the line and a plain fix, never the parser’s words', async () => {
    const cases: Array<[string, (y: string) => string, string, RegExp]> = [
      ['colon', (y) => y.replace(/^summary:.*$/m, 'summary: Caranya: mudah sekali'), 'summary:', /titik dua.*tanda kutip/],
      ['tab', (y) => y.replace('minutes: 2', '\tminutes: 2'), 'minutes: 2', /Tab/],
      ['quote', (y) => y.replace('title: Profil Toko', 'title: "Profil Toko'), 'title:', /tanda kutip yang belum ditutup/],
      ['duplicate', (y) => y.replace('minutes: 2', 'minutes: 2\nminutes: 3'), 'minutes: 3', /ditulis dua kali/],
      ['alias', (y) => y.replace('title: Profil Toko', 'title: *Promo*'), 'title:', /tanda bintang/],
      ['reserved', (y) => y.replace('title: Profil Toko', 'title: @tokosaya'), 'title:', /tanda khusus/],
    ];
    for (const [name, change, needle, fix] of cases) {
      const text = lesson({ frontmatter: change });
      const { errors: e } = await checkLesson(text);
      expect(e.length, name).toBeGreaterThan(0);
      expect(e[0].code, name).toBe('yaml');
      expect(e[0].line, name).toBe(lineOf(text, needle));
      expect(e[0].message, name).toMatch(fix);
      expectReadable(e);
    }
  });

  it('text after # in a plain value is a warning (it is silently dropped)', async () => {
    const text = lesson({ frontmatter: (y) => y.replace('title: Profil Toko', 'title: Profil Toko #UMKM') });
    const { warnings: w } = await checkLesson(text);
    expect(w.map((p) => [p.line, p.code])).toEqual([[lineOf(text, 'title:'), 'yaml-comment']]);
  });

  it('never crashes, whatever the file holds', async () => {
    const weird = [
      '',
      '---',
      '---\n---\n',
      '---\n- a\n- b\n---\n',
      '---\njust text\n---\n',
      '\u0000\u0001\u0002binary',
      '---\na: &a [1]\nb: *a\n---\n',
      `---\n${'x: '.repeat(200)}\n---\n`,
      '---\nquiz: 5\ntask: []\nobjectives: {}\n---\n',
      '---\nquiz:\n  - 1\n  - options: 3\n  - options: [1, null, {correct: yes}]\n---\n<',
      '---\ntitle: a\n---\n{',
      '---\ntitle: a\n---\n<Tip',
    ];
    for (const text of weird) {
      const result = await checkContent(snapshot({ 'toko/index.md': MODULE, 'toko/01-profil-toko.mdx': text, 'toko/02-x.mdx': text.slice(0, 5) }));
      const e = errors(result).filter((p) => p.file.startsWith('content/toko/0'));
      expect(e.length, JSON.stringify(text)).toBeGreaterThan(0);
      for (const p of e) expect(p.line, JSON.stringify(text)).toBeGreaterThan(0);
      expect(
        e.some((p) => p.code === 'unexpected'),
        JSON.stringify(text),
      ).toBe(false);
      expectReadable(result.problems);
    }
  });

  it('an unexpected exception while checking a file becomes one readable problem for that file', async () => {
    const snap = snapshot({ 'toko/index.md': MODULE, 'toko/01-profil-toko.mdx': lesson() });
    const broken = new Proxy([] as ComponentInfo[], {
      get(target, key) {
        if (key === 'map') throw new TypeError('boom');
        return Reflect.get(target, key);
      },
    });
    const result = await checkContent({ ...snap, components: broken });
    const found = errors(result).filter((p) => p.code === 'unexpected');
    expect(found.map((p) => [p.file, p.line])).toEqual([['content/toko/01-profil-toko.mdx', 1]]);
    expect(found[0].message).toBe(
      'Pemeriksa tidak bisa membaca berkas ini (boom). Periksa penulisannya dibandingkan contoh di content/README.md; kalau tetap gagal, kirim berkas ini ke tim teknis.',
    );
  });

  it('an unreadable file is one readable problem', async () => {
    const snap = snapshot({ 'toko/index.md': MODULE });
    snap.files.push({ path: 'content/toko/01-rusak.mdx', size: 0, error: 'EACCES' });
    const result = await checkContent(snap);
    expect(errors(result).map((p) => [p.file, p.line, p.code])).toEqual([['content/toko/01-rusak.mdx', 1, 'unreadable']]);
  });
});

describe('files, folders, ids', () => {
  it('module and order must match the folder and the file name', async () => {
    const text = lesson({ module: 'toko-lain', order: 3 });
    const { errors: e } = await checkLesson(text);
    expect(e.map((p) => [p.line, p.message])).toEqual([
      [lineOf(text, 'module:'), 'Kolom `module` berisi `toko-lain`, padahal pelajaran ini ada di folder `toko`. Samakan: `module: toko`.'],
      [
        lineOf(text, 'order:'),
        'Kolom `order` berisi 3, padahal nama berkasnya `01-profil-toko.mdx` diawali 01. Samakan: `order: 1` (atau ganti nama berkasnya).',
      ],
    ]);
  });

  it('duplicate quiz and task ids across all content, each naming the other place', async () => {
    const second = lesson({ order: 2 });
    const result = await checkContent(snapshot({ 'toko/index.md': MODULE, 'toko/01-profil-toko.mdx': lesson(), 'toko/02-profil-lagi.mdx': second }));
    const e = errors(result);
    expect(e.filter((p) => p.code === 'duplicate-quiz-id')).toHaveLength(6);
    const task = e.filter((p) => p.code === 'duplicate-task-id');
    expect(task).toHaveLength(2);
    expect(task[0].message).toMatch(/^Kode tugas `contoh-tugas` sudah dipakai di content\/toko\/02-profil-lagi\.mdx baris \d+\./);
  });

  it('files the app would not load are pointed out', async () => {
    const result = await checkContent(
      snapshot({
        'toko/index.md': MODULE,
        'toko/01-profil-toko.mdx': lesson(),
        'toko/tiga.mdx': lesson(),
        'toko/02-dua.md': lesson(),
        'lepas.mdx': 'x',
        'toko/lama/01-a.mdx': 'x',
      }),
    );
    const codes = warnings(result).map((p) => `${p.file} ${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'content/toko/tiga.mdx lesson-name',
        'content/toko/02-dua.md lesson-md',
        'content/lepas.mdx stray-file',
        'content/toko/lama/01-a.mdx stray-file',
      ]),
    );
  });

  it('modules: duplicate order, empty module, only drafts', async () => {
    const other = MODULE.replace('Toko Contoh', 'Toko Lain');
    const result = await checkContent(
      snapshot({
        'toko/index.md': MODULE,
        'lain/index.md': other,
        'lain/01-profil-toko.mdx': lesson({ module: 'lain', frontmatter: (y) => y.replace('draft: false', 'draft: true') }),
      }),
    );
    expect(errors(result).filter((p) => p.code === 'duplicate-module-order')).toHaveLength(2);
    expect(warnings(result).map((p) => `${p.file} ${p.code}`)).toEqual(
      expect.arrayContaining(['content/toko/index.md module-empty', 'content/lain/index.md module-drafts-only']),
    );
  });

  it('module pre/post items: exactly one correct option, with the module’s own wording', async () => {
    const module = MODULE.replace(
      'minutes: 4\n',
      `minutes: 4
prePost:
  - pillar: cakap
    a:
      id: toko-a-1
      question: "Bu Tini di Buduran sering ditanya kapan tokonya buka. Apa yang paling praktis?"
      options:
        - id: balas-satu-satu
          text: Membalas satu per satu.
        - id: jam-di-profil
          text: Menulis jam buka di profil.
        - id: status-pagi
          text: Memasang status tiap pagi.
      explanation: Profil bisa dibaca kapan saja.
    b:
      id: toko-b-1
      question: "Toko Pak Eko tutup tiap Jumat. Bagaimana pembeli tahu?"
      options:
        - id: jam-di-profil
          text: Hari libur ditulis di profil.
          correct: true
        - id: matikan-hp
          text: Mematikan HP hari Jumat.
        - id: umumkan-rt
          text: Mengumumkan di grup RT.
      explanation: Profil bisa dibaca kapan saja.
`,
    );
    const result = await checkContent(snapshot({ 'toko/index.md': module, 'toko/01-profil-toko.mdx': lesson() }));
    expect(errors(result).map((p) => [p.file, p.line, p.message])).toEqual([
      [
        'content/toko/index.md',
        lineOf(module, '      options:'),
        'Pasangan soal tes awal/akhir ke-1, soal bentuk A: pilihan jawaban yang benar belum ditandai. Tambahkan `correct: true` di bawah satu pilihan (sejajar dengan `text:`).',
      ],
    ]);
  });

  it('item quality (issue 14): a biased key, a much longer right answer, a copied form item, too few options, a duplicate option: exit 1 with file and line', async () => {
    // Six lessons whose right answer is always the longest option (6 of 6 items in the module … plus the form items).
    const biased = (n: number) =>
      lesson({
        order: n,
        prefix: `bias-${n}`,
        frontmatter: (y) =>
          y
            .replaceAll('text: Mengganti nama WhatsApp dengan alamat dan jam buka toko.', 'text: Ganti nama.')
            .replaceAll('text: Membalas satu per satu setiap kali ditanya.', 'text: Membalas saja.'),
      });
    const files: Record<string, string> = { 'toko/index.md': MODULE };
    for (let n = 1; n <= 3; n++) files[`toko/0${n}-profil-${n}.mdx`] = biased(n);
    const result = await checkContent(snapshot(files));
    const e = errors(result);
    expectReadable(e);
    const longest = e.filter((p) => p.code === 'quiz-longest-too-often');
    expect(longest.length).toBe(9);
    expect(longest[0].message).toMatch(/paling panjang.*9 dari 9 soal \(100 %; paling banyak 40 %\)/);
    expect(longest[0].line).toBe(lineOf(files['toko/01-profil-1.mdx'], '    options:'));
    const much = e.filter((p) => p.code === 'quiz-much-longer');
    expect(much.length).toBe(9);
    expect(much[0].message).toMatch(/jauh lebih panjang/);

    // A form item that copies a lesson-quiz item; a form item with two options; a duplicated option.
    const module = MODULE.replace(
      'minutes: 4\n',
      `minutes: 4
prePost:
  - pillar: cakap
    a:
      id: toko-a-1
      question: "Pembeli sering bertanya jam buka toko. Cara paling praktis supaya mereka tahu sendiri?"
      options:
        - id: membalas
          text: Membalas satu per satu setiap kali ditanya.
        - id: jam-di-profil
          text: Mengisi jam buka di profil WhatsApp Business.
          correct: true
        - id: ganti-nama
          text: Mengganti nama WhatsApp dengan alamat dan jam buka toko.
      explanation: Profil bisa dibaca kapan saja.
    b:
      id: toko-b-1
      question: "Toko Pak Eko tutup tiap Jumat. Bagaimana pembeli tahu?"
      options:
        - id: jam-di-profil
          text: Hari libur ditulis di profil.
          correct: true
        - id: matikan-hp
          text: Mematikan HP hari Jumat.
      explanation: Profil bisa dibaca kapan saja.
`,
    );
    const lessonWithDuplicate = lesson({
      frontmatter: (y) => y.replace('text: Mengganti nama WhatsApp dengan alamat dan jam buka toko.', 'text: Membalas satu per satu setiap kali ditanya.'),
    });
    const second = await checkContent(snapshot({ 'toko/index.md': module, 'toko/01-profil-toko.mdx': lessonWithDuplicate }));
    const e2 = errors(second);
    expectReadable(e2);
    const copied = e2.find((p) => p.code === 'form-repeats-lesson-item')!;
    expect(copied).toMatchObject({ file: 'content/toko/index.md', line: lineOf(module, '      options:') });
    expect(copied.message).toMatch(
      /^Pasangan soal tes awal\/akhir ke-1, soal bentuk A: soal tes awal\/akhir ini hampir sama dengan soal kuis pelajaran `contoh-1` \(content\/toko\/01-profil-toko\.mdx baris \d+\)/,
    );
    const few = e2.find((p) => p.code === 'quiz-too-few-options')!;
    expect(few.message).toMatch(/^Pasangan soal tes awal\/akhir ke-1, soal bentuk B: soal ini baru punya 2 pilihan; paling sedikit 3\./);
    expect(e2.some((p) => p.code === 'quiz-duplicate-option' && p.file === 'content/toko/01-profil-toko.mdx')).toBe(true);

    // The CLI on such a folder: exit 1, each problem as file:line.
    const dir = mkdtempSync(join(tmpdir(), 'melek-bias-'));
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const cli = spawnSync(process.execPath, [TSX, join(ROOT, 'src/cli/content-check.ts'), dir], { cwd: ROOT, encoding: 'utf8' });
      expect(cli.status).toBe(1);
      expect(cli.stdout).toMatch(/01-profil-1\.mdx:\d+ — Baris \d+: Soal kuis ke-1: jawaban benar soal ini adalah pilihan yang paling panjang/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lesson body', () => {
  const withBody = (body: string) => lesson({ body: `\n## Judul\n\nKalimat pembuka yang biasa.\n\n${body}\n` });

  it.each([
    [
      '<Tips judul="a">\nIsi.\n</Tips>',
      'unknown-component',
      /^Komponen `<Tips>` tidak dikenal — mungkin maksudnya `<Tip>`\? Komponen yang tersedia: Tip, Awas, Langkah, ChatWA, Pesan, Istilah, Contoh/,
    ],
    ['<tip>\nIsi.\n</tip>', 'component-case', /^Tag `<tip>` ditulis dengan huruf kecil\. Nama komponen diawali huruf besar: `<Tip>`\./],
    ['<ChatWA>\n  <Pesan dari="A">Halo</Pesan>\n</ChatWA>', 'missing-prop', /^`<ChatWA>` perlu atribut `judul`, misalnya `<ChatWA judul="…">`\./],
    ['<script>alert(1)</script>', 'forbidden-tag', /tidak boleh dipakai di pelajaran/],
    ['Halo {nama}, apa kabar?', 'mdx-expression-name', /kurung kurawal `\{ \}` punya arti khusus\. Pakai tanda kurung biasa `\( \)`/],
    ['<!-- catatan -->', 'mdx-comment', /Tulis catatan sebagai `\{\/\* catatan \*\/\}`/],
    ['Harga <5000 saja.', 'mdx-less-than', /kurang dari/],
    ['<Tip judul="a">\n<Awas>\nIsi.\n</Tip>\n</Awas>', 'mdx-mismatched-tag', /Penutup `<\/Tip>` tidak cocok dengan pembukanya `<Awas>`/],
    ['<Tip judul="Hemat>\nIsi.\n</Tip>', 'mdx-quote', /Tanda kutip pada isi tag belum ditutup/],
    ['<img src="./foto.png" alt="Foto" />', 'image-img-relative', /Tulis sebagai gambar biasa: `!\[keterangan\]\(\.\/foto\.png\)`/],
    ['[Katalog](/learn/toko/02-katalogg)', 'link-missing', /menuju pelajaran yang tidak ada/],
    ['[Katalog](/learn/toko)', 'link-module', /Tautkan ke pelajarannya, misalnya `\/learn\/toko\/01-profil-toko`/],
    ['[Katalog](./01-profil-toko.mdx)', 'link-relative', /Tulis alamat lengkap pelajaran: `\/learn\/toko\/01-profil-toko`/],
  ])('%s → %s', async (body, code, message) => {
    const text = withBody(body);
    const { errors: e } = await checkLesson(text);
    const found = e.filter((p) => p.code === code);
    expect(found, JSON.stringify(e)).toHaveLength(1);
    expect(found[0].message).toMatch(message);
    expect(found[0].line).toBe(lineOf(text, body.split('\n')[code === 'mdx-mismatched-tag' ? 3 : 0].slice(0, 6)));
    expectReadable(e);
  });

  it.each([
    ['<Tip title="Hemat">\nIsi.\n</Tip>', 'unknown-prop', /^Atribut `title` tidak dipakai oleh `<Tip>` — mungkin maksudnya `judul`\?/],
    ['<Pesan dari="A">Halo</Pesan>', 'pesan-outside-chat', /hanya dipakai di dalam `<ChatWA>`/],
    ['<ChatWA judul="A">\n\nTeks biasa.\n\n</ChatWA>', 'chat-only-pesan', /Isi `<ChatWA>` hanya `<Pesan>`/],
    ['![Foto](https://contoh.id/foto.jpg)', 'image-remote', /diambil dari internet/],
    ['![](/favicon.svg)', 'image-alt', /belum punya keterangan/],
    ['import X from "./x"\n\nIsi.', 'mdx-import', /tidak diperlukan/],
  ])('%s → warning %s', async (body, code, message) => {
    const { errors: e, warnings: w } = await checkLesson(withBody(body));
    expect(e).toEqual([]);
    const found = w.filter((p) => p.code === code);
    expect(found, JSON.stringify(w)).toHaveLength(1);
    expect(found[0].message).toMatch(message);
  });

  it('images beside the lesson and in public/ are found; their size is checked', async () => {
    const body = '![Foto kecil](./kecil.webp)\n\n![Foto besar](./besar.jpg)\n\n![Ikon](/favicon.svg)\n\n![Salah huruf](./Kecil.webp)';
    const text = withBody(body);
    const { errors: e } = await checkLesson(text, { 'toko/kecil.webp': 20_000, 'toko/besar.jpg': 45_000 });
    expect(e.map((p) => [p.line, p.code])).toEqual([
      [lineOf(text, './besar.jpg'), 'image-too-big'],
      [lineOf(text, './Kecil.webp'), 'image-missing'],
    ]);
    expect(e[0].message).toMatch(/berukuran 44 KB, padahal batasnya 30 KB/);
    expect(e[1].message).toMatch(/Mungkin maksudnya `\.\/kecil\.webp`\? \(huruf besar\/kecil berpengaruh\)/);
  });

  it('a link from a published lesson to a draft is a warning; to a published lesson it is fine', async () => {
    const draft = lesson({ order: 2, prefix: 'draf', frontmatter: (y) => y.replace('draft: false', 'draft: true') });
    const { errors: e, warnings: w } = await checkLesson(withBody('[Draf](/learn/toko/02-draf) dan [ini](/learn/toko/01-profil-toko#tugas).'), {
      'toko/02-draf.mdx': draft,
    });
    expect(e).toEqual([]);
    expect(w.map((p) => p.code)).toEqual(['link-draft']);
  });

  it('reading time: over 10 minutes is an error, far from `minutes` a warning', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');
    const long = await checkLesson(withBody(words(1300)));
    expect(long.errors.map((p) => p.message)).toEqual([
      'Perkiraan waktu belajar pelajaran ini 13 menit (membaca + kuis); batasnya 10 menit. Persingkat tulisannya, atau pecah menjadi dua pelajaran.',
    ]);
    const text = withBody(words(680));
    const far = await checkLesson(text);
    expect(far.errors).toEqual([]);
    expect(far.warnings.map((p) => [p.line, p.message])).toEqual([
      [
        lineOf(text, 'minutes:'),
        'Kolom `minutes` berisi 2, padahal perkiraan waktu membaca + kuis sekitar 7 menit. Sesuaikan `minutes` supaya peserta tahu waktu yang dibutuhkan.',
      ],
    ]);
  });

  it('a page heavier than 14 KB gzip (estimated like the "± N KB" learners see) is a warning', async () => {
    const heavy = await checkLesson(withBody(`<Contoh judul="Tabel">\n\n${'| a | b |\n'.repeat(3000)}\n</Contoh>`));
    expect(heavy.warnings.map((p) => p.code)).toContain('page-too-heavy');
    expect(heavy.warnings.find((p) => p.code === 'page-too-heavy')?.message).toMatch(/^Halaman pelajaran ini diperkirakan ± \d+ KB; batasnya 14 KB/);
  });
});

describe('components are read from src/components/mdx', () => {
  it('names from index.ts and attributes from each Props', () => {
    const index = readFileSync(join(ROOT, 'src/components/mdx/index.ts'), 'utf8');
    expect([...componentsFromIndex(index).keys()]).toEqual(
      expect.arrayContaining(['Tip', 'Awas', 'Langkah', 'ChatWA', 'Pesan', 'Istilah', 'Contoh', 'LayarHP', 'Ingat']),
    );
    expect(propsFromAstro(readFileSync(join(ROOT, 'src/components/mdx/ChatWA.astro'), 'utf8'))).toEqual(
      expect.arrayContaining([
        { name: 'judul', required: true },
        { name: 'penipuan', required: false },
      ]),
    );
    expect(propsFromAstro('---\ninterface Props extends HTMLAttributes<"div"> { a: string }\n---\n<div />')).toBeUndefined();
    expect(propsFromAstro('---\ntype Props = { a?: string; b: () => void; c: Record<string, number> }\n---\n')).toEqual([
      { name: 'a', required: false },
      { name: 'b', required: true },
      { name: 'c', required: true },
    ]);
  });

  it('did-you-mean uses edit distance and Indonesian aliases', () => {
    expect(editDistance('sumary', 'summary')).toBe(1);
    expect(closest('sumary', ['title', 'summary'])).toBe('summary');
    expect(closest('ringkasan', ['title', 'summary'], { ringkasan: 'summary' })).toBe('summary');
    expect(closest('zzzzzz', ['title', 'summary'])).toBeUndefined();
  });
});

describe('new:lesson and new:module', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'melek-scaffold-'));
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const modules = () => readdirSync(dir).filter((f) => !f.includes('.'));
  const ids = () => {
    const texts = modules().flatMap((m) =>
      readdirSync(join(dir, m))
        .filter((f) => /\.mdx?$/.test(f))
        .map((f) => readFileSync(join(dir, m, f), 'utf8')),
    );
    return usedIds(texts);
  };
  /** What a trainer does: every "TULIS: …" becomes real text and the "# TULIS" notes go. */
  const fillIn = (text: string) => {
    let n = 0;
    return text.replace(/^\s*# TULIS:.*\n/gm, '').replace(/TULIS: [^"<\n]*/g, () => `Tulisan pelatih yang sebenarnya, bagian ${++n}.`);
  };

  it('a new lesson is numbered after the last one, fails content:check with the guidance error, and passes once filled in', async () => {
    const existing = readdirSync(join(dir, 'pemasaran-whatsapp'));
    const result = lessonScaffold({
      module: 'pemasaran-whatsapp',
      title: '  Membalas Ulasan Pembeli ',
      modules: modules(),
      existingFiles: existing,
      usedIds: ids(),
    });
    if (!result.ok) throw new Error(result.message);
    const last = Math.max(...existing.filter((f) => /^\d\d-/.test(f)).map((f) => Number(f.slice(0, 2))));
    expect(result.fileName).toBe(`${String(last + 1).padStart(2, '0')}-membalas-ulasan-pembeli.mdx`);
    expect(result.text).toMatch(/^draft: true$/m);
    expect(result.text).toMatch(/^title: "Membalas Ulasan Pembeli"$/m);

    const file = join(dir, 'pemasaran-whatsapp', result.fileName);
    writeFileSync(file, result.text);
    const before = await checkContent(loadSnapshot(dir, ROOT));
    const mine = errors(before).filter((p) => p.file.endsWith(result.fileName));
    expect(mine.length).toBeGreaterThan(10);
    expect(new Set(mine.map((p) => p.code))).toEqual(new Set(['guidance']));
    expect(mine[0].message).toMatch(/^Masih berisi teks panduan: “TULIS: .*”\. Ganti setiap teks yang diawali `TULIS:` dengan tulisan Anda sendiri/);
    expect(mine[0].line).toBe(lineOf(result.text, 'TULIS:'));
    expect(errors(before).filter((p) => !p.file.endsWith(result.fileName))).toEqual([]);

    writeFileSync(file, fillIn(result.text));
    const after = await checkContent(loadSnapshot(dir, ROOT));
    expect(errors(after).map(formatProblem)).toEqual([]);
  });

  it('a new module fails with the guidance error and passes once filled in (with a lesson)', async () => {
    const orders = [1, 2, 3];
    const result = moduleScaffold({ slug: 'jualan-marketplace', title: 'Jualan di Marketplace', modules: modules(), orders });
    if (!result.ok) throw new Error(result.message);
    expect(result.text).toMatch(/^order: 4$/m);
    const folder = join(dir, 'jualan-marketplace');
    mkdirSync(folder);
    writeFileSync(join(folder, 'index.md'), result.text);
    const lessonResult = lessonScaffold({
      module: 'jualan-marketplace',
      title: 'Foto produk untuk marketplace',
      modules: modules(),
      existingFiles: [],
      usedIds: ids(),
    });
    if (!lessonResult.ok) throw new Error(lessonResult.message);
    expect(lessonResult.fileName).toBe('01-foto-produk-untuk-marketplace.mdx');
    writeFileSync(join(folder, lessonResult.fileName), fillIn(lessonResult.text).replace('draft: true', 'draft: false'));

    const before = await checkContent(loadSnapshot(dir, ROOT));
    expect(new Set(errors(before).map((p) => `${p.file.slice(dir.length + 1)} ${p.code}`))).toEqual(new Set(['jualan-marketplace/index.md guidance']));
    writeFileSync(join(folder, 'index.md'), fillIn(result.text).replace('minutes: 30', 'minutes: 7'));
    const after = await checkContent(loadSnapshot(dir, ROOT));
    expect(errors(after).map(formatProblem)).toEqual([]);
  });

  it('refuses bad input with an Indonesian message', () => {
    const base = {
      modules: ['pemasaran-whatsapp', 'keamanan-data'],
      existingFiles: ['01-profil-whatsapp-business.mdx', 'index.md'],
      usedIds: new Set<string>(),
    };
    const refuse = (input: Partial<Parameters<typeof lessonScaffold>[0]>) => {
      const r = lessonScaffold({ ...base, module: 'pemasaran-whatsapp', title: 'Judul yang baik', ...input });
      return r.ok ? 'ok' : r.message;
    };
    expect(refuse({ module: 'pemasaran-whatsap' })).toMatch(/^Modul `pemasaran-whatsap` tidak ada\. Mungkin maksudnya `pemasaran-whatsapp`\?/);
    expect(refuse({ title: '   ' })).toMatch(/^Judul pelajaran masih kosong\./);
    expect(refuse({ title: 'ab' })).toMatch(/terlalu pendek/);
    expect(refuse({ title: 'Profil WhatsApp Business' })).toMatch(
      /^Pelajaran dengan judul ini sudah ada: content\/pemasaran-whatsapp\/01-profil-whatsapp-business\.mdx\./,
    );
    expect(refuse({ title: '🙂🙂🙂' })).toMatch(/huruf atau angka/);
    expect(refuse({ existingFiles: ['99-akhir.mdx'] })).toMatch(/99 pelajaran/);
    const taken = lessonScaffold({
      ...base,
      module: 'pemasaran-whatsapp',
      title: 'Judul yang baik',
      usedIds: new Set(['judul-yang-baik-1', 'judul-yang-baik-tugas']),
    });
    expect(taken.ok && taken.text).toMatch(
      /id: judul-yang-baik-2\n[\s\S]*id: judul-yang-baik-3\n[\s\S]*id: judul-yang-baik-4\n[\s\S]*id: judul-yang-baik-tugas-2\n/,
    );

    const mod = (slug: string, title = 'Judul modul') => {
      const r = moduleScaffold({ slug, title, modules: ['keamanan-data'], orders: [1] });
      return r.ok ? 'ok' : r.message;
    };
    expect(mod('Jualan Online')).toMatch(/^Nama folder modul `Jualan Online` tidak bisa dipakai: .* Misalnya `jualan-online`\./);
    expect(mod('keamanan-data')).toMatch(/^Folder modul `keamanan-data` sudah ada\./);
    expect(mod('jualan', ' ')).toMatch(/^Judul modul masih kosong\./);
    expect(mod('jualan')).toBe('ok');
  });

  it('the CLIs create the file, and refuse with exit code 1 and no stack trace', () => {
    const run = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, [TSX, `src/cli/${script}.ts`, ...args, `--folder=${dir}`], { cwd: ROOT, encoding: 'utf8' });
    // Numbered after the module's last lesson, however many it has today.
    const next =
      Math.max(
        ...readdirSync(join(dir, 'keamanan-data'))
          .filter((f) => /^\d\d-/.test(f))
          .map((f) => Number(f.slice(0, 2))),
      ) + 1;
    const name = `${String(next).padStart(2, '0')}-kata-sandi-yang-kuat.mdx`;
    const created = run('new-lesson', 'keamanan-data', 'Kata sandi yang kuat');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain(`keamanan-data/${name}`);
    expect(readFileSync(join(dir, 'keamanan-data', name), 'utf8')).toMatch(new RegExp(`^order: ${next}$`, 'm'));

    const again = run('new-lesson', 'keamanan-data', 'Kata sandi yang kuat');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^Pelajaran dengan judul ini sudah ada/);
    const unknown = run('new-lesson', 'keamanan', 'Judul');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^Modul `keamanan` tidak ada\./);
    const usage = run('new-lesson');
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/^Cara memakai: npm run new:lesson -- <modul> "Judul pelajaran"/);

    const module = run('new-module', 'belanja-online', 'Belanja Online yang Aman');
    expect(module.status, module.stderr).toBe(0);
    expect(readFileSync(join(dir, 'belanja-online/index.md'), 'utf8')).toMatch(/^title: "Belanja Online yang Aman"$/m);
    const badModule = run('new-module', 'Belanja Online', 'X y z');
    expect(badModule.status).toBe(1);
    expect(badModule.stderr).toMatch(/^Nama folder modul `Belanja Online` tidak bisa dipakai/);
    for (const r of [again, unknown, usage, badModule]) expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, 120_000);
});

describe('drafts: hidden from learners and their counts, shown to trainers', () => {
  const moduleMeta: ModuleMeta = {
    id: 'toko',
    title: 'Toko',
    titleEn: 'Shop',
    summary: 'Modul toko contoh.',
    order: 1,
    pillars: ['cakap'],
    minutes: 10,
    prePost: [],
  };
  const meta = (file: string, text: string): LessonMeta => {
    // The frontmatter as Astro reads it, through the very same schema.
    const data = lessonSchema.parse(loadYaml(text));
    const slug = file.replace(/\.mdx$/, '');
    return { ...data, id: `toko/${slug}`, module: 'toko', slug };
  };

  it('buildCourse leaves drafts out unless includeDrafts', () => {
    const lessons = [
      meta('01-profil-toko.mdx', lesson()),
      meta('02-draf.mdx', lesson({ order: 2, prefix: 'draf', frontmatter: (y) => y.replace('draft: false', 'draft: true') })),
      meta('03-lagi.mdx', lesson({ order: 3, prefix: 'lagi' })),
    ];
    const learner = buildCourse([moduleMeta], lessons);
    const trainer = buildCourse([moduleMeta], lessons, { includeDrafts: true });
    expect(learner[0].lessons.map((l) => l.slug)).toEqual(['01-profil-toko', '03-lagi']);
    expect(trainer[0].lessons.map((l) => l.slug)).toEqual(['01-profil-toko', '02-draf', '03-lagi']);
    // The draft's URL is unknown to learners (the lesson page answers 404), known to trainers.
    expect(findLesson(learner, 'toko', '02-draf')).toBeUndefined();
    expect(findLesson(trainer, 'toko', '02-draf')).toMatchObject({ position: 2, total: 3 });
    // "Pelajaran 2 dari 2": the learner's position and total skip the draft.
    expect(findLesson(learner, 'toko', '03-lagi')).toMatchObject({ position: 2, total: 2 });
    expect(findLesson(learner, 'toko', '01-profil-toko')?.next?.slug).toBe('03-lagi');
  });

  it('a scaffold from new:lesson is a draft', () => {
    const result = lessonScaffold({ module: 'toko', title: 'Pelajaran baru', modules: ['toko'], existingFiles: [], usedIds: new Set() });
    expect(result.ok && meta('01-pelajaran-baru.mdx', result.text).draft).toBe(true);
  });
});

describe('report format', () => {
  it('file:line — Baris N: message, then a summary', () => {
    const problem: Problem = {
      file: 'content/a/01-b.mdx',
      line: 12,
      severity: 'error',
      code: 'quiz-no-correct',
      message: 'Pilihan jawaban yang benar belum ditandai.',
    };
    expect(formatProblem(problem)).toBe('✗ content/a/01-b.mdx:12 — Baris 12: Pilihan jawaban yang benar belum ditandai.');
    expect(formatProblem({ ...problem, line: 0, severity: 'warning' })).toBe('⚠ content/a/01-b.mdx — Pilihan jawaban yang benar belum ditandai.');
    expect(formatReport({ problems: [], modules: 3, lessons: 17, examples: 10 }, 'content')).toBe(
      'Diperiksa: 17 pelajaran dan 3 modul di content/, ditambah 10 contoh di README.md.\n✓ Tidak ada kesalahan.',
    );
  });
});

function loadYaml(text: string): unknown {
  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') throw new Error('no frontmatter');
  return parseYaml(split.yaml, 2).data;
}
