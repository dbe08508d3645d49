import { closest } from './distance';
import { GUIDANCE_MARKER as T, s } from './messages';
import { parseYaml, splitFrontmatter } from './frontmatter';
import { slugify } from './schema-issues';

/**
 * The files `npm run new:lesson` and `npm run new:module` write: every required field filled,
 * with "TULIS: …" guidance where the trainer's own words go. The guidance passes the schema but
 * `content:check` refuses it, so a scaffold cannot be published by accident.
 */
export type ScaffoldResult = { ok: true; fileName: string; text: string; slug: string } | { ok: false; message: string };

const q = (text: string) => JSON.stringify(text);

function checkTitle(title: string, kind: 'pelajaran' | 'modul'): string | undefined {
  const clean = title.trim();
  if (!clean) return s.emptyTitle(kind);
  if (clean.length < 3) return s.shortTitle(kind);
  if (clean.includes(T)) return s.titleHasGuidance();
  if (!slugify(clean)) return s.titleNoLetters();
  return undefined;
}

export interface LessonScaffoldInput {
  module: string;
  title: string;
  /** Module folders that have an index.md. */
  modules: string[];
  /** File names already in the module folder. */
  existingFiles: string[];
  /** Quiz and task ids already used anywhere in the content. */
  usedIds: Set<string>;
}

export function lessonScaffold({ module, title, modules, existingFiles, usedIds }: LessonScaffoldInput): ScaffoldResult {
  if (!module?.trim()) return { ok: false, message: s.lessonUsage(modules) };
  if (!modules.includes(module)) return { ok: false, message: s.unknownModule(module, closest(module, modules), modules) };
  const titleProblem = checkTitle(title ?? '', 'pelajaran');
  if (titleProblem) return { ok: false, message: titleProblem };
  const cleanTitle = title.trim().replace(/\s+/g, ' ');
  const slug = slugify(cleanTitle, 40);
  const lessons = existingFiles.filter((f) => /^\d\d-.+\.mdx$/.test(f));
  const same = lessons.find((f) => f.replace(/^\d\d-/, '').replace(/\.mdx$/, '') === slug);
  if (same) return { ok: false, message: s.lessonExists(`content/${module}/${same}`) };
  const order = Math.max(0, ...lessons.map((f) => Number(f.slice(0, 2)))) + 1;
  if (order > 99) return { ok: false, message: s.tooManyLessons() };
  const fileName = `${String(order).padStart(2, '0')}-${slug}.mdx`;
  if (existingFiles.includes(fileName)) return { ok: false, message: s.fileExists(`content/${module}/${fileName}`) };

  const base = slugify(slug, 30);
  const quizIds: string[] = [];
  for (let n = 1; quizIds.length < 3; n++) if (!usedIds.has(`${base}-${n}`)) quizIds.push(`${base}-${n}`);
  let taskId = `${base}-tugas`;
  for (let n = 2; usedIds.has(taskId); n++) taskId = `${base}-tugas-${n}`;

  const quizItem = (id: string, number: number, correctAt: number) => {
    const options = [0, 1, 2].map((i) =>
      i === correctAt
        ? ['      - id: pilihan-benar', `        text: ${q(`${T} pilihan yang benar (hanya satu pilihan yang punya correct: true).`)}`, '        correct: true']
        : [`      - id: pilihan-salah-${i + 1}`, `        text: ${q(`${T} pilihan salah ke-${i + 1} yang masuk akal, sama rinci dengan yang benar.`)}`],
    );
    return [
      `  - id: ${id}`,
      `    question: ${q(`${T} pertanyaan ${number}, sebaiknya kejadian sehari-hari di usaha peserta.`)}`,
      '    pillar: cakap',
      '    options:',
      ...options.flat(),
      `    explanation: ${q(`${T} kenapa jawaban itu benar, dalam satu atau dua kalimat.`)}`,
    ].join('\n');
  };

  const text = `---
module: ${module}
order: ${order}
title: ${q(cleanTitle)}
summary: ${q(`${T} satu kalimat yang membuat peserta ingin membaca pelajaran ini (paling panjang 200 huruf).`)}
# ${T} ganti angka minutes dengan perkiraan menit membaca + mengerjakan kuis (paling lama 10), lalu hapus baris ini.
minutes: 7
# ${T} pilih pilar pelajaran: cakap, etika, budaya, aman (boleh lebih dari satu, misalnya [cakap, aman]), lalu hapus baris ini.
pillars: [cakap]
objectives:
  - ${q(`${T} apa yang bisa dilakukan peserta setelah belajar, misalnya “Membuat katalog berisi 5 produk.”`)}
  - ${q(`${T} tujuan kedua (hapus baris ini kalau cukup satu).`)}
# Kuis: paling sedikit 3 soal. Pindahkan "correct: true" ke pilihan yang benar; jangan selalu di urutan yang sama.
quiz:
${quizItem(quizIds[0], 1, 1)}
${quizItem(quizIds[1], 2, 0)}
${quizItem(quizIds[2], 3, 2)}
task:
  id: ${taskId}
  title: ${q(`${T} judul tugas praktik yang pendek`)}
  instructions: ${q(`${T} apa yang dikerjakan peserta di HP-nya, dan apa yang dikirim ke pendamping sebagai bukti.`)}
  mentorChecks:
    - ${q(`${T} hal pertama yang diperiksa pendamping.`)}
    - ${q(`${T} hal kedua yang diperiksa pendamping.`)}
  pillar: cakap
draft: true
---

## ${T} judul bagian pertama

${T} dua atau tiga kalimat pendek. Pakai kata sehari-hari dan contoh usaha di Sidoarjo.

<Tip judul=${q(`${T} judul tips`)}>
${T} satu saran praktis. Hapus kotak yang tidak Anda perlukan.
</Tip>

<Langkah judul=${q(`${T} judul langkah`)}>

1. ${T} langkah pertama.
2. ${T} langkah kedua.
3. ${T} langkah ketiga.

</Langkah>

<ChatWA judul=${q(`${T} nama kontak, misalnya Bu Sari · Kerupuk Udang`)}>
  <Pesan dari=${q(`${T} nama pembeli`)} jam="09.12">${T} pesan dari pembeli.</Pesan>
  <Pesan saya jam="09.13" centang="dibaca">${T} balasan penjual yang baik.</Pesan>
</ChatWA>

<Contoh judul=${q(`${T} judul contoh`)}>
${T} contoh yang dikerjakan, misalnya hitungan untung atau pesan yang baik.
</Contoh>

${T} kalimat yang memakai istilah asing, misalnya <Istilah kata=${q(`${T} istilah`)}>${T} arti singkatnya</Istilah>.

<Awas>
${T} hal yang berbahaya atau harus dihindari.
</Awas>

<Ingat>

- ${T} hal pertama yang perlu diingat.
- ${T} hal kedua.
- ${T} hal ketiga.

</Ingat>
`;
  return { ok: true, fileName, text, slug: fileName.replace(/\.mdx$/, '') };
}

export interface ModuleScaffoldInput {
  slug: string;
  title: string;
  /** Existing module folders. */
  modules: string[];
  /** `order` of the existing modules. */
  orders: number[];
}

export const MODULE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function moduleScaffold({ slug, title, modules, orders }: ModuleScaffoldInput): ScaffoldResult {
  if (!slug?.trim()) return { ok: false, message: s.moduleUsage() };
  if (!MODULE_SLUG.test(slug) || slug.length > 40) return { ok: false, message: s.badSlug(slug, slugify(slug, 40)) };
  if (modules.includes(slug)) return { ok: false, message: s.moduleExists(slug) };
  const titleProblem = checkTitle(title ?? '', 'modul');
  if (titleProblem) return { ok: false, message: titleProblem };
  const order = Math.max(0, ...orders) + 1;
  const text = `---
title: ${q(title.trim().replace(/\s+/g, ' '))}
titleEn: ${q(`${T} judul modul dalam bahasa Inggris`)}
summary: ${q(`${T} satu atau dua kalimat: apa yang didapat peserta dari modul ini.`)}
order: ${order}
# ${T} pilih pilar modul: cakap, etika, budaya, aman (semua pilar yang dipakai pelajarannya), lalu hapus baris ini.
pillars: [cakap]
# ${T} ganti angka minutes dengan jumlah menit semua pelajaran di modul ini, lalu hapus baris ini.
minutes: 30
# Soal pre/post (sebelum dan sesudah modul) untuk mengukur kemajuan: contohnya di content/README.md.
prePost: []
---

${T} paragraf pembuka modul: untuk siapa modul ini, dan apa yang akan dipelajari.
`;
  return { ok: true, fileName: 'index.md', text, slug };
}

/** Quiz and task ids used in the given lesson and module texts (unparseable files are skipped). */
export function usedIds(texts: string[]): Set<string> {
  const ids = new Set<string>();
  const add = (item: unknown) => {
    if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') ids.add((item as { id: string }).id);
  };
  for (const text of texts) {
    const split = splitFrontmatter(text);
    if (split.kind !== 'ok') continue;
    const data = parseYaml(split.yaml, 2).data as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object') continue;
    if (Array.isArray(data.quiz)) data.quiz.forEach(add);
    add(data.task);
    if (Array.isArray(data.prePost))
      data.prePost.forEach((pair) => pair && typeof pair === 'object' && (add((pair as Record<string, unknown>).a), add((pair as Record<string, unknown>).b)));
  }
  return ids;
}
