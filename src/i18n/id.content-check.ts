/**
 * Every sentence the content check (`npm run content:check`) and the scaffolds (`npm run new:lesson`,
 * `new:module`) say to a trainer, in plain Indonesian. The check speaks only Indonesian — its readers
 * are the trainers in Sidoarjo — so this dictionary has no English twin and is not spread into the
 * interface dictionary (id.ts). A message says what is wrong and what to do; the file and line are
 * added by the formatter. Code names of fields (`summary`, `correct: true`) stay in backticks because
 * that is what the trainer types.
 */
import { MAX_IMAGE_BYTES, MAX_PAGE_KB, MIN_QUIZ_ITEMS_PER_LESSON } from '../lib/content-check/limits';
import type { YamlPath } from '../lib/content-check/types';
import { MAX_LESSON_MINUTES } from '../lib/learning/schema';
import { PILLARS } from '../lib/learning/types';

const pillarList = PILLARS.join(', ');

/** What each frontmatter field means, and how to write it. */
const FIELDS: Record<string, { label: string; example: string }> = {
  module: { label: 'nama folder modul', example: 'module: pemasaran-whatsapp' },
  order: { label: 'nomor urut', example: 'order: 3' },
  title: { label: 'judul', example: 'title: "Katalog Produk"' },
  titleEn: { label: 'judul dalam bahasa Inggris', example: 'titleEn: "WhatsApp marketing"' },
  summary: { label: 'ringkasan satu kalimat', example: 'summary: "Katalog itu etalase di HP Anda."' },
  minutes: { label: 'perkiraan lama belajar dalam menit', example: 'minutes: 8' },
  pillars: { label: 'pilar literasi digital', example: 'pillars: [cakap, aman]' },
  objectives: { label: 'tujuan belajar', example: 'objectives:` lalu di bawahnya `- Membuat katalog 5 produk.' },
  quiz: { label: 'soal kuis', example: 'quiz:` lalu soal-soalnya (contoh di content/README.md)' },
  task: { label: 'tugas praktik', example: 'task:` lalu isinya (contoh di content/README.md)' },
  draft: { label: 'tanda draf', example: 'draft: true' },
  prePost: { label: 'soal pre/post', example: 'prePost: []' },
  id: { label: 'kode unik', example: 'id: katalog-produk-1' },
  question: { label: 'pertanyaan', example: 'question: "Apa untungnya memakai katalog?"' },
  options: { label: 'pilihan jawaban', example: 'options:` lalu `- text: …` untuk setiap pilihan' },
  text: { label: 'teks pilihan', example: 'text: "Lebih hemat kuota."' },
  correct: { label: 'tanda jawaban benar', example: 'correct: true' },
  explanation: { label: 'penjelasan jawaban', example: 'explanation: "Karena pembeli memilih sendiri fotonya."' },
  pillar: { label: 'pilar', example: 'pillar: cakap' },
  instructions: { label: 'petunjuk tugas', example: 'instructions: "Buat katalog berisi 5 produk."' },
  mentorChecks: { label: 'hal yang diperiksa pendamping', example: 'mentorChecks:` lalu `- Katalog berisi 5 produk.' },
  pre: { label: 'soal sebelum modul', example: 'pre:` lalu soalnya' },
  post: { label: 'soal sesudah modul', example: 'post:` lalu soalnya' },
};

const label = (key: string) => FIELDS[key]?.label;
const code = (s: string | number) => `\`${s}\``;
const quote = (s: string, max = 60) => `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;

/** "Soal kuis ke-2, pilihan ke-3: " — where in the frontmatter a problem is. */
export function where(path: YamlPath): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const next = path[i + 1];
    const n = typeof next === 'number' ? next + 1 : undefined;
    if (segment === 'quiz' && n) parts.push(`soal kuis ke-${n}`);
    else if (segment === 'options' && n) parts.push(`pilihan ke-${n}`);
    else if (segment === 'objectives' && n) parts.push(`tujuan ke-${n}`);
    else if (segment === 'mentorChecks' && n) parts.push(`pemeriksaan pendamping ke-${n}`);
    else if (segment === 'pillars' && n) parts.push(`pilar ke-${n}`);
    else if (segment === 'prePost' && n) parts.push(`pasangan soal tes awal/akhir ke-${n}`);
    else if (segment === 'task') parts.push('tugas praktik');
    else if (segment === 'a') parts.push('soal bentuk A');
    else if (segment === 'b') parts.push('soal bentuk B');
    if (n) i++;
  }
  if (!parts.length) return '';
  const text = parts.join(', ');
  return `${text[0].toUpperCase()}${text.slice(1)}: `;
}

/** Capitalizes the first letter after an optional "where" prefix. */
const sentence = (prefix: string, rest: string) => (prefix ? `${prefix}${rest}` : `${rest[0].toUpperCase()}${rest.slice(1)}`);

const described = (key: string) => (label(key) ? `kolom ${code(key)} (${label(key)})` : `kolom ${code(key)}`);

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

export const m = {
  // --- frontmatter as a whole
  noFrontmatter: () =>
    'Pelajaran ini tidak punya frontmatter (bagian data di antara dua baris `---` di paling atas berkas). ' +
    'Tambahkan frontmatter di baris pertama; salin contohnya dari content/README.md, atau buat berkas baru dengan `npm run new:lesson`.',
  noModuleFrontmatter: () =>
    'index.md modul ini tidak punya frontmatter (bagian data di antara dua baris `---` di paling atas). ' +
    'Tambahkan frontmatter; contohnya ada di content/README.md, atau buat modul dengan `npm run new:module`.',
  unclosedFrontmatter: () => 'Frontmatter dibuka dengan `---` tetapi tidak ditutup. Tambahkan satu baris `---` di akhir bagian data, sebelum isi pelajaran.',
  emptyFrontmatter: () => 'Frontmatter kosong. Isi kolom-kolomnya; contohnya ada di content/README.md.',
  notAMap: () => 'Frontmatter harus berupa daftar kolom `nama: isi`, satu kolom per baris (misalnya `title: "Katalog Produk"`). Periksa penulisannya.',

  yaml(codeName: string): string {
    const hint: Record<string, string> = {
      BLOCK_AS_IMPLICIT_KEY:
        'ada tanda titik dua (:) di tengah isi kolom, atau isi kolom berlanjut ke baris berikutnya. Beri tanda kutip di seluruh isinya, misalnya `summary: "Caranya: mudah sekali"`.',
      MULTILINE_IMPLICIT_KEY: 'isi kolom berlanjut ke baris berikutnya tanpa tanda kutip. Tulis isinya dalam satu baris di dalam tanda kutip "…".',
      TAB_AS_INDENT: 'ada tombol Tab untuk menjorok. Ganti dengan spasi (2 spasi per tingkat).',
      DUPLICATE_KEY: 'kolom yang sama ditulis dua kali. Hapus salah satunya.',
      MISSING_CHAR:
        'ada tanda yang kurang: tanda kutip yang belum ditutup, atau tanda minus (-) di depan isi daftar. Periksa baris ini dan jarak spasi di awalnya.',
      BAD_INDENT: 'jarak spasi di awal baris tidak pas, atau kurung siku [ ] belum ditutup. Samakan jaraknya dengan baris di atasnya (pakai spasi, bukan Tab).',
      BAD_SCALAR_START: 'isi kolom diawali tanda khusus (seperti @, `, %, *, &, !, |, >). Beri tanda kutip di seluruh isinya, misalnya `title: "@tokosaya"`.',
      BAD_ALIAS: 'isi kolom diawali tanda bintang (*) yang punya arti khusus. Beri tanda kutip di seluruh isinya, misalnya `title: "*Promo*"`.',
      UNEXPECTED_TOKEN: 'ada tanda yang tidak pada tempatnya. Periksa tanda kutip, titik dua, dan jarak spasi di awal baris.',
      BAD_DQ_ESCAPE: "ada garis miring terbalik (\\) di dalam tanda kutip. Hapus, atau pakai tanda kutip tunggal '…'.",
      UNEXPECTED_FLOW_MAP_END: 'ada kurung kurawal } yang tidak berpasangan. Beri tanda kutip di seluruh isi kolom.',
    };
    return `Penulisan frontmatter rusak di sini: ${hint[codeName] ?? 'periksa tanda kutip, titik dua, dan jarak spasi di awal baris (pakai spasi, bukan Tab).'}`;
  },

  // --- fields (translated schema problems)
  unknownField: (at: YamlPath, key: string, suggestion: string | undefined, known: string[]) =>
    sentence(
      where(at),
      suggestion
        ? `kolom ${code(key)} tidak dikenal — mungkin maksudnya ${code(suggestion)}? Perbaiki nama kolomnya.`
        : `kolom ${code(key)} tidak dikenal. Hapus, atau pakai salah satu kolom ini: ${known.map(code).join(', ')}.`,
    ),
  missingField: (at: YamlPath, key: string) =>
    sentence(where(at), `${described(key)} belum ada. Tambahkan, misalnya \`${FIELDS[key]?.example ?? `${key}: …`}\`.`),
  emptyField: (at: YamlPath, key: string) => sentence(where(at), `${described(key)} masih kosong. Isi, misalnya \`${FIELDS[key]?.example ?? `${key}: …`}\`.`),
  wrongType(at: YamlPath, key: string, expected: string, received: string): string {
    const fix: Record<string, string> = {
      number: `harus berupa angka, tanpa tanda kutip, misalnya \`${FIELDS[key]?.example ?? `${key}: 3`}\``,
      string: `harus berupa tulisan. Beri tanda kutip di seluruh isinya, misalnya \`${key}: "…"\``,
      boolean: key === 'correct' ? 'harus ditulis persis `correct: true` (tanpa tanda kutip)' : `harus \`true\` atau \`false\` (tanpa tanda kutip)`,
      array: `harus berupa daftar: tiap isi di baris sendiri diawali tanda minus (\`- …\`), atau ${key === 'pillars' ? '`pillars: [cakap, aman]`' : 'dalam kurung siku `[…, …]`'}`,
      object:
        key === 'task'
          ? 'harus berisi kolom-kolom tugas (id, title, instructions, mentorChecks, pillar) di baris-baris di bawahnya, masing-masing menjorok 2 spasi'
          : 'harus berisi kolom-kolom di baris-baris di bawahnya, masing-masing menjorok 2 spasi',
    };
    const got = received === 'string' ? ' (sekarang berisi tulisan)' : received === 'number' ? ' (sekarang berisi angka)' : '';
    return sentence(where(at), `${described(key)} ${fix[expected] ?? `isinya salah jenis (${expected})`}${got}.`);
  },
  tooShort: (at: YamlPath, key: string, min: number, kind: string, actual?: number) =>
    sentence(
      where(at),
      kind === 'array'
        ? `${described(key)} perlu paling sedikit ${min} isi. Tambahkan baris \`- …\` di bawahnya.`
        : kind === 'number'
          ? `${described(key)} paling kecil ${min}.`
          : `${described(key)} terlalu pendek${actual !== undefined ? ` (${actual} huruf)` : ''}: paling sedikit ${min} huruf. Tulis lebih lengkap.`,
    ),
  tooLong: (at: YamlPath, key: string, max: number, kind: string, actual?: number) =>
    sentence(
      where(at),
      key === 'minutes'
        ? `${described(key)} paling banyak ${max}: satu pelajaran paling lama ${max} menit. Kalau isinya lebih panjang, pecah menjadi dua pelajaran.`
        : kind === 'array'
          ? `${described(key)} paling banyak ${max} isi${actual !== undefined ? ` (sekarang ${actual})` : ''}. Hapus yang kurang penting.`
          : kind === 'number'
            ? `${described(key)} paling besar ${max}.`
            : `${described(key)} terlalu panjang${actual !== undefined ? ` (${actual} huruf)` : ''}: paling banyak ${max} huruf. Persingkat.`,
    ),
  notInteger: (at: YamlPath, key: string) => sentence(where(at), `${described(key)} harus angka bulat, tanpa koma, misalnya \`${key}: 3\`.`),
  badPillar: (at: YamlPath, value: unknown, suggestion: string | undefined) =>
    sentence(
      where(at),
      `pilar ${code(String(value))} tidak dikenal.${suggestion ? ` Mungkin maksudnya ${code(suggestion)}?` : ''} Pilih salah satu: ${pillarList}.`,
    ),
  badId: (at: YamlPath, key: string, value: unknown, suggestion: string) =>
    sentence(
      where(at),
      `${described(key)} ${code(String(value))} hanya boleh berisi huruf kecil, angka, dan tanda minus (tanpa spasi). Misalnya ${code(suggestion)}.`,
    ),
  optionText: (at: YamlPath) => sentence(where(at), 'pilihan ini perlu `text:` berisi tulisan jawabannya, misalnya `- text: "Lebih hemat kuota."`.'),
  fieldInvalid: (at: YamlPath, key: string, detail: string) =>
    sentence(where(at), `isi ${described(key)} tidak sesuai aturan (${detail}). Bandingkan dengan contoh di content/README.md.`),

  // --- quiz
  noCorrect: (at: YamlPath) =>
    sentence(where(at), 'pilihan jawaban yang benar belum ditandai. Tambahkan `correct: true` di bawah satu pilihan (sejajar dengan `text:`).'),
  answerOnQuestion: (at: YamlPath, value: string, optionNumber: number, optionLine: number) =>
    sentence(
      where(at),
      `jawaban benar ditulis di soal (${code(`correct: ${value}`)}), padahal tandanya harus di bawah pilihan itu. ` +
        `Hapus baris ini, lalu tambahkan \`correct: true\` di bawah pilihan ke-${optionNumber} (baris ${optionLine}).`,
    ),
  answerNotAmongOptions: (at: YamlPath, value: string) =>
    sentence(
      where(at),
      `jawaban benar ${quote(value)} tidak ada di antara pilihan soal ini. Tambahkan jawaban itu sebagai pilihan, ` +
        'beri `correct: true` di bawahnya, lalu hapus baris ini.',
    ),
  manyCorrect: (at: YamlPath, count: number, lines: number[]) =>
    sentence(
      where(at),
      `ada ${count} pilihan yang ditandai benar (baris ${lines.join(' dan ')}). Satu soal hanya boleh punya satu jawaban benar: ` +
        'hapus `correct: true` dari pilihan yang lain.',
    ),
  tooFewOptions: (at: YamlPath, count: number) =>
    sentence(
      where(at),
      `soal ini baru punya ${count} pilihan; paling sedikit 3. Tambahkan pilihan salah yang masuk akal, supaya menebak tidak cukup untuk menjawab.`,
    ),
  longestTooOften: (at: YamlPath, count: number, total: number) =>
    sentence(
      where(at),
      `jawaban benar soal ini adalah pilihan yang paling panjang, dan di modul ini begitu di ${count} dari ${total} soal (${Math.round((100 * count) / total)} %; paling banyak 40 %). Peserta yang selalu memilih jawaban terpanjang bisa lulus tanpa membaca. Buat satu pilihan salah sama rinci dengan jawaban benar, atau persingkat jawaban benar.`,
    ),
  muchLonger: (at: YamlPath, right: number, other: number) =>
    sentence(
      where(at),
      `jawaban benar (${right} huruf) jauh lebih panjang dari pilihan salah terpanjang (${other} huruf), jadi mudah ditebak. Persingkat jawaban benar atau buat pilihan salah yang sama rinci.`,
    ),
  repeatsLessonItem: (at: YamlPath, lessonItem: string, where2: string) =>
    sentence(
      where(at),
      `soal tes awal/akhir ini hampir sama dengan soal kuis pelajaran \`${lessonItem}\` (${where2}). Peserta sudah melihat jawabannya di pelajaran, jadi kenaikan nilai hanya mengukur ingatan. Tulis soal baru yang menguji tujuan yang sama lewat kejadian lain.`,
    ),
  duplicateOptionId: (at: YamlPath, id: string, otherLine: number) =>
    sentence(
      where(at),
      `dua pilihan memakai id yang sama (\`${id}\`, juga di baris ${otherLine}). Setiap pilihan butuh id sendiri, misalnya \`${id}-2\`. Jangan mengganti id pilihan yang sudah terbit: jawaban peserta disimpan dengan id itu.`,
    ),
  duplicateOption: (at: YamlPath, text: string) => sentence(where(at), `ada dua pilihan yang sama persis: ${quote(text)}. Ganti salah satunya.`),
  tooFewQuiz: (count: number) =>
    `Pelajaran ini baru punya ${count} soal kuis; paling sedikit ${MIN_QUIZ_ITEMS_PER_LESSON}. Tambahkan soal di bagian \`quiz:\` (contohnya di content/README.md).`,
  noTask: () =>
    'Pelajaran ini belum punya tugas praktik. Tambahkan bagian `task:` (id, title, instructions, mentorChecks, pillar); contohnya di content/README.md.',
  noTaskKit: () =>
    'Tugas praktik ini belum punya panduan pemeriksa (`kit:`). Tambahkan `kit:` di dalam `task:` dengan `goodExample` (seperti apa kiriman yang baik) dan, kalau tugas butuh bahan, `materialsTitle` dan `materials` (misalnya lima contoh pesan pelanggan); contohnya di content/README.md.',
  pillarNotInLesson: (at: YamlPath, pillar: string, pillars: string[]) =>
    sentence(
      where(at),
      `pilarnya ${code(pillar)}, tetapi pilar itu tidak ada di \`pillars\` pelajaran (${pillars.join(', ') || 'kosong'}). Tambahkan ${code(pillar)} ke \`pillars\`, atau ganti pilar soal/tugas ini.`,
    ),
  duplicateQuizId: (id: string, other: string) =>
    `Kode soal ${code(id)} sudah dipakai di ${other}. Setiap soal perlu kode yang berbeda di seluruh materi: ganti, misalnya dengan menambah angka di belakangnya.`,
  duplicateTaskId: (id: string, other: string) =>
    `Kode tugas ${code(id)} sudah dipakai di ${other}. Setiap tugas perlu kode yang berbeda di seluruh materi, karena kiriman peserta dicatat dengan kode ini.`,

  // --- file, folder, order
  moduleMismatch: (value: string, folder: string) =>
    `Kolom \`module\` berisi ${code(value)}, padahal pelajaran ini ada di folder ${code(folder)}. Samakan: \`module: ${folder}\`.`,
  orderMismatch: (order: number, prefix: number, file: string) =>
    `Kolom \`order\` berisi ${order}, padahal nama berkasnya ${code(file)} diawali ${String(prefix).padStart(2, '0')}. Samakan: \`order: ${prefix}\` (atau ganti nama berkasnya).`,
  unknownModule: (folder: string, known: string[]) =>
    `Folder ${code(folder)} belum punya \`index.md\`, jadi modulnya tidak dikenal dan pelajaran ini tidak akan tampil. ` +
    `Buat modulnya dengan \`npm run new:module -- ${folder} "Judul modul"\`${known.length ? `, atau pindahkan pelajaran ke folder modul yang ada (${known.join(', ')})` : ''}.`,
  duplicateOrder: (order: number, other: string) =>
    `Nomor urut ${order} juga dipakai oleh ${other}. Dua pelajaran dalam satu modul tidak boleh bernomor sama: ganti nomor salah satunya (nama berkas dan \`order\`).`,
  duplicateModuleOrder: (order: number, other: string) =>
    `Nomor urut modul ${order} juga dipakai oleh ${other}. Ganti \`order\` salah satu modul supaya urutannya jelas.`,
  lessonNameNotLoaded: (name: string) =>
    `Berkas ${code(name)} tidak akan tampil sebagai pelajaran: nama berkas pelajaran harus diawali dua angka dan tanda minus, dan berakhiran .mdx, misalnya \`07-nama-pelajaran.mdx\`. Ganti nama berkasnya.`,
  lessonMdNotMdx: (name: string) => `Berkas ${code(name)} tidak akan tampil: pelajaran harus berakhiran \`.mdx\`, bukan \`.md\`. Ganti nama berkasnya.`,
  lessonNameCase: (name: string, suggestion: string) =>
    `Nama berkas ${code(name)} menjadi alamat halaman, jadi sebaiknya huruf kecil, angka, dan tanda minus saja. Misalnya ${code(suggestion)}.`,
  strayFile: (name: string) =>
    `Berkas ${code(name)} ada di tempat yang tidak dibaca aplikasi. Pelajaran disimpan di \`content/<modul>/NN-judul.mdx\`, modul di \`content/<modul>/index.md\`.`,
  badModuleFolder: (folder: string, suggestion: string) =>
    `Nama folder modul ${code(folder)} menjadi alamat halaman, jadi sebaiknya huruf kecil, angka, dan tanda minus saja. Misalnya ${code(suggestion)}.`,
  moduleNoLessons: () => 'Modul ini belum punya pelajaran. Buat dengan `npm run new:lesson -- <modul> "Judul pelajaran"`.',
  moduleOnlyDrafts: () =>
    'Semua pelajaran di modul ini masih draf, jadi peserta akan melihat modul kosong. Terbitkan paling sedikit satu pelajaran (`draft: false`).',
  moduleMinutes: (declared: number, sum: number) =>
    `Kolom \`minutes\` modul berisi ${declared}, padahal jumlah menit pelajarannya ${sum}. Samakan supaya peserta tahu waktu yang dibutuhkan.`,
  modulePillars: (missing: string[]) =>
    `Pelajaran di modul ini memakai pilar ${missing.map(code).join(', ')}, tetapi pilar itu tidak ada di \`pillars\` modul. Tambahkan.`,
  pillarThin: (pillar: string, quiz: number, tasks: number) =>
    `Pilar ${code(pillar)} baru punya ${quiz} soal kuis dan ${tasks} tugas di seluruh materi. Nilai pilar peserta akan “belum cukup data” ` +
    'sampai ada paling sedikit 5 soal dan 1 tugas berpilar ini. Tambahkan soal atau tugas dengan pilar ini.',

  // --- guidance text from the scaffold
  guidance: (excerpt: string) =>
    `Masih berisi teks panduan: ${quote(excerpt)}. Ganti setiap teks yang diawali \`TULIS:\` dengan tulisan Anda sendiri (atau hapus baris panduannya). Selama masih ada, berkas ini tidak boleh terbit.`,
  guidanceAgain: (excerpt: string) => `Teks panduan juga masih ada di sini: ${quote(excerpt)}. Ganti dengan tulisan Anda sendiri.`,
  trailingComment: (key: string) =>
    `Tulisan setelah tanda # di kolom ${code(key)} dianggap catatan dan tidak akan tampil. Kalau tanda # itu bagian dari isi, beri tanda kutip di seluruh isinya: \`${key}: "…#…"\`.`,

  // --- MDX body
  mdxUnclosedTag: (name: string) =>
    `Tag ${code(`<${name}>`)} dibuka di sini tetapi tidak ditutup. Tambahkan ${code(`</${name}>`)} setelah isinya (atau tulis ${code(`<${name} />`)} kalau tidak ada isinya).`,
  mdxMismatchedTag: (closing: string, opening: string, openLine: number) =>
    `Penutup ${code(`</${closing}>`)} tidak cocok dengan pembukanya ${code(`<${opening}>`)} (baris ${openLine}). Samakan nama pembuka dan penutupnya; kalau ada beberapa tag, tutup yang terakhir dibuka lebih dulu.`,
  mdxLazyTag: (name: string) =>
    `Penutup ${code(`</${name}>`)} berada di baris yang sama dengan teks. Letakkan ${code(`</${name}>`)} di barisnya sendiri, dengan baris kosong di atasnya.`,
  mdxClosingWithoutOpening: () => 'Ada tag penutup (`</…>`) tanpa pembukanya. Hapus, atau tambahkan tag pembukanya.',
  mdxUnclosedQuote: () => 'Tanda kutip pada isi tag belum ditutup, misalnya `judul="Tips`. Tambahkan tanda kutip penutup.',
  mdxUnclosedBrace: () => 'Ada kurung kurawal `{` yang belum ditutup. Di pelajaran, `{ }` punya arti khusus: kalau maksudnya tanda kurung biasa, pakai `( )`.',
  mdxBadExpression: () =>
    'Isi di dalam kurung kurawal `{ }` tidak bisa dibaca. Di pelajaran, `{ }` punya arti khusus: pakai tanda kurung biasa `( )`, atau tulis catatan sebagai `{/* catatan */}`.',
  mdxHtmlComment: () => 'Catatan HTML `<!-- … -->` tidak bisa dipakai di pelajaran. Tulis catatan sebagai `{/* catatan */}`, atau hapus.',
  mdxLessThan: () =>
    'Tanda `<` di sini dianggap awal tag komponen. Kalau maksudnya “kurang dari”, tulis dengan kata-kata atau beri spasi sesudahnya (`< 5000`).',
  mdxAutolink: () => 'Alamat di dalam `< >` tidak bisa dipakai di pelajaran. Tulis tautan sebagai `[teks tautan](https://…)`.',
  mdxAttributeValue: () => 'Isi atribut tag harus diberi tanda kutip, misalnya `<Tip judul="Hemat kuota">`.',
  mdxImportExport: () => 'Baris `import`/`export` tidak bisa dibaca. Komponen pelajaran (Tip, Awas, …) sudah tersedia tanpa `import`: hapus baris ini.',
  mdxOther: () =>
    'Isi pelajaran tidak bisa dibaca mulai dari sini. Periksa tag komponen (`<Nama>` … `</Nama>`), tanda kutip di dalam tag, dan tanda `{ }` atau `< >` di sekitar baris ini.',
  mdxUnfinishedTag: () => 'Tag di baris ini belum selesai ditulis. Lengkapi sampai tanda `>`, misalnya `<Tip>` atau `<Tip judul="…">`.',
  importNotNeeded: () => 'Baris `import`/`export` tidak diperlukan: komponen pelajaran sudah tersedia. Hapus baris ini.',
  unknownComponent: (name: string, suggestion: string | undefined, known: string[]) =>
    `Komponen ${code(`<${name}>`)} tidak dikenal${suggestion ? ` — mungkin maksudnya ${code(`<${suggestion}>`)}?` : '.'} Komponen yang tersedia: ${known.join(', ')}.`,
  lowercaseComponent: (name: string, component: string) =>
    `Tag ${code(`<${name}>`)} ditulis dengan huruf kecil. Nama komponen diawali huruf besar: ${code(`<${component}>`)}.`,
  forbiddenTag: (name: string) =>
    `Tag ${code(`<${name}>`)} tidak boleh dipakai di pelajaran (halaman pelajaran tidak memuat kode dari luar). Hapus; untuk H5P, lihat bagian H5P di README utama.`,
  unknownProp: (component: string, prop: string, suggestion: string | undefined, allowed: string[]) =>
    `Atribut ${code(prop)} tidak dipakai oleh ${code(`<${component}>`)}${suggestion ? ` — mungkin maksudnya ${code(suggestion)}?` : '.'}${allowed.length ? ` Atribut yang tersedia: ${allowed.join(', ')}.` : ` Komponen ini tidak punya atribut.`}`,
  missingProp: (component: string, prop: string) => `${code(`<${component}>`)} perlu atribut ${code(prop)}, misalnya ${code(`<${component} ${prop}="…">`)}.`,
  pesanOutsideChat: () => '`<Pesan>` hanya dipakai di dalam `<ChatWA>`. Bungkus pesan-pesannya dengan `<ChatWA judul="…">` … `</ChatWA>`.',
  chatOnlyPesan: (name: string) => `Isi \`<ChatWA>\` hanya \`<Pesan>\`. Pindahkan ${name} ke luar \`<ChatWA>\`, atau jadikan isi sebuah \`<Pesan>\`.`,
  expression: (text: string) =>
    `Tulisan ${code(`{${text.length > 30 ? `${text.slice(0, 29)}…` : text}}`)} akan membuat halaman gagal tampil: di pelajaran, kurung kurawal \`{ }\` punya arti khusus. Pakai tanda kurung biasa \`( )\`.`,

  // --- links and images
  linkMissingLesson: (url: string, suggestion: string | undefined) =>
    `Tautan ${code(url)} menuju pelajaran yang tidak ada.${suggestion ? ` Mungkin maksudnya ${code(suggestion)}?` : ''} Alamat pelajaran ditulis \`/learn/<folder-modul>/<nama-berkas-tanpa-.mdx>\`.`,
  linkModuleOnly: (url: string, first: string | undefined) =>
    `Tautan ${code(url)} menuju halaman modul, padahal halaman itu tidak ada.${first ? ` Tautkan ke pelajarannya, misalnya ${code(first)}, atau ke \`/learn\`.` : ' Tautkan ke pelajarannya, atau ke `/learn`.'}`,
  linkRelative: (url: string, suggestion: string | undefined) =>
    `Tautan ${code(url)} tidak akan berfungsi di aplikasi. Tulis alamat lengkap pelajaran${suggestion ? `: ${code(suggestion)}` : ', misalnya `/learn/pemasaran-whatsapp/02-katalog-produk`'}.`,
  linkToDraft: (url: string) =>
    `Tautan ${code(url)} menuju pelajaran yang masih draf: peserta belum bisa membukanya. Terbitkan pelajaran itu dulu, atau hapus tautannya.`,
  imageMissing: (src: string, suggestion: string | undefined, folder: string) =>
    `Gambar ${code(src)} tidak ditemukan.${suggestion ? ` Mungkin maksudnya ${code(suggestion)}? (huruf besar/kecil berpengaruh)` : ''} Simpan gambarnya di folder ${code(folder)} dengan nama persis sama, atau perbaiki namanya di sini.`,
  imageTooBig: (src: string, size: number) =>
    `Gambar ${code(src)} berukuran ${formatBytes(size)}, padahal batasnya ${formatBytes(MAX_IMAGE_BYTES)} (peserta membayar kuota per MB). ` +
    'Perkecil: potong bagian yang tidak perlu, ubah lebarnya jadi paling besar 720 piksel, dan simpan sebagai JPG/WebP kualitas sedang (misalnya di squoosh.app).',
  imageRemote: (src: string) =>
    `Gambar ${code(src)} diambil dari internet: ukurannya tidak bisa diperiksa dan bisa hilang sewaktu-waktu. Unduh gambarnya, perkecil (≤ 30 KB), dan simpan di folder modul.`,
  imageNoAlt: (src: string) =>
    `Gambar ${code(src)} belum punya keterangan. Tulis keterangan singkat di dalam kurung siku, misalnya \`![Foto kerupuk di atas piring](${src})\`, untuk peserta yang memakai pembaca layar atau gambarnya belum termuat.`,
  imageTagRelative: (src: string) =>
    `Gambar \`<img src="${src}">\` tidak akan tampil: alamat seperti itu tidak dikenal di halaman pelajaran. Tulis sebagai gambar biasa: \`![keterangan](${src})\`.`,
  imageFormat: (src: string) => `Berkas ${code(src)} bukan gambar yang bisa ditampilkan. Pakai JPG, PNG, WebP, GIF, AVIF, atau SVG.`,

  // --- budgets
  readingTooLong: (estimate: number) =>
    `Perkiraan waktu belajar pelajaran ini ${estimate} menit (membaca + kuis); batasnya ${MAX_LESSON_MINUTES} menit. Persingkat tulisannya, atau pecah menjadi dua pelajaran.`,
  readingFar: (estimate: number, declared: number) =>
    `Kolom \`minutes\` berisi ${declared}, padahal perkiraan waktu membaca + kuis sekitar ${estimate} menit. Sesuaikan \`minutes\` supaya peserta tahu waktu yang dibutuhkan.`,
  checkedMissing: () =>
    `Tulis kapan fakta pelajaran ini terakhir diperiksa, misalnya \`checkedOn: 2026-11-27\` (tahun-bulan-tanggal). Pemeriksaan akan mengingatkan setelah setahun.`,
  checkedOld: (day: string, days: number, key: string | undefined, facts: string[]) =>
    `Fakta pelajaran ini terakhir diperiksa ${day}, ${days} hari lalu. Periksa lagi angka, biaya, aturan, dan nama menu${key ? ` (kode ${key} di docs/curriculum-sources.md)` : ''}, lalu perbarui \`checkedOn\`.` +
    (facts.length ? ` Yang perlu diperiksa: ${facts.map((f) => `«${f}»`).join('; ')}.` : ''),
  recapMissing: (lines: number) =>
    `Pelajaran ini belum punya ringkasan. Tutup pelajaran dengan <Ingat> berisi ${lines} baris daftar (diawali "- "): hal yang perlu diingat peserta besok pagi.`,
  recapLines: (found: number, lines: number) => `<Ingat> berisi ${found} baris daftar; tulis tepat ${lines} baris pendek (diawali "- ") supaya mudah diingat.`,
  recapNotLast: () => `<Ingat> sebaiknya bagian paling akhir pelajaran. Pindahkan ke bawah, setelah semua isi.`,
  pageTooHeavy: (kb: number) =>
    `Halaman pelajaran ini diperkirakan ± ${kb} KB; batasnya ${MAX_PAGE_KB} KB supaya cepat terbuka di HP dengan sinyal lemah. Persingkat tulisannya, atau pecah menjadi dua pelajaran.`,

  // --- safety net
  unexpected: (detail: string) =>
    `Pemeriksa tidak bisa membaca berkas ini (${detail}). Periksa penulisannya dibandingkan contoh di content/README.md; kalau tetap gagal, kirim berkas ini ke tim teknis.`,
  unreadable: (detail: string) => `Berkas ini tidak bisa dibuka (${detail}). Periksa apakah berkasnya rusak atau sedang dipakai aplikasi lain.`,
  readmeNoExamples: () => 'Panduan ini tidak punya contoh ```mdx yang bisa diperiksa. Contoh pelajaran dan komponen ditulis di dalam blok ```mdx.',
};

/** What `npm run new:lesson` and `npm run new:module` say. */
export const s = {
  lessonUsage: (modules: string[]) =>
    `Cara memakai: npm run new:lesson -- <modul> "Judul pelajaran"\nMisalnya:    npm run new:lesson -- ${modules[0] ?? 'pemasaran-whatsapp'} "Membalas ulasan pembeli"` +
    (modules.length ? `\nModul yang ada: ${modules.join(', ')}` : ''),
  moduleUsage: () =>
    'Cara memakai: npm run new:module -- <nama-folder> "Judul modul"\nMisalnya:    npm run new:module -- jualan-marketplace "Jualan di Marketplace"',
  unknownModule: (module: string, suggestion: string | undefined, modules: string[]) =>
    `Modul \`${module}\` tidak ada.${suggestion ? ` Mungkin maksudnya \`${suggestion}\`?` : ''} Modul yang ada: ${modules.join(', ') || '(belum ada)'}. ` +
    'Untuk modul baru, buat dulu dengan npm run new:module.',
  emptyTitle: (kind: 'pelajaran' | 'modul') => `Judul ${kind} masih kosong. Tulis judulnya di dalam tanda kutip, misalnya "Membalas ulasan pembeli".`,
  shortTitle: (kind: 'pelajaran' | 'modul') => `Judul ${kind} terlalu pendek: paling sedikit 3 huruf.`,
  titleHasGuidance: () => 'Judul tidak boleh berisi "TULIS:". Tulis judul yang sebenarnya.',
  titleNoLetters: () => 'Judul perlu memuat huruf atau angka, karena dipakai juga untuk nama berkas.',
  lessonExists: (file: string) => `Pelajaran dengan judul ini sudah ada: ${file}. Pakai judul lain, atau ubah berkas yang sudah ada.`,
  fileExists: (file: string) => `Berkas ${file} sudah ada. Tidak ada yang ditimpa; pakai judul lain.`,
  tooManyLessons: () => 'Modul ini sudah punya 99 pelajaran. Buat modul baru untuk pelajaran berikutnya.',
  badSlug: (slug: string, suggestion: string) =>
    `Nama folder modul \`${slug}\` tidak bisa dipakai: hanya huruf kecil, angka, dan tanda minus (paling panjang 40 huruf), karena menjadi alamat halaman.` +
    (suggestion ? ` Misalnya \`${suggestion}\`.` : ''),
  moduleExists: (slug: string) =>
    `Folder modul \`${slug}\` sudah ada. Pakai nama lain, atau tambah pelajaran ke modul itu dengan npm run new:lesson -- ${slug} "Judul".`,
  noContentFolder: (folder: string) => `Folder \`${folder}\` tidak ditemukan. Jalankan perintah ini dari folder proyek.`,
  lessonCreated: (file: string, url: string) =>
    [
      `✓ Pelajaran baru dibuat (masih draf): ${file}`,
      '',
      'Langkah berikutnya:',
      `1. Buka berkasnya dan ganti setiap teks yang diawali "TULIS:" dengan tulisan Anda sendiri.`,
      '2. Periksa: npm run content:check (teks panduan yang tersisa akan disebut satu per satu).',
      `3. Lihat pratinjau: npm run dev, masuk sebagai pelatih, lalu buka ${url} (ada tanda "DRAF").`,
      '4. Kalau sudah siap terbit, ubah `draft: true` menjadi `draft: false`.',
      'Panduan lengkap: content/README.md',
    ].join('\n'),
  moduleCreated: (file: string, slug: string) =>
    [
      `✓ Modul baru dibuat: ${file}`,
      '',
      'Langkah berikutnya:',
      '1. Ganti setiap teks yang diawali "TULIS:" di index.md dengan tulisan Anda sendiri.',
      `2. Buat pelajaran pertamanya: npm run new:lesson -- ${slug} "Judul pelajaran"`,
      '3. Periksa: npm run content:check',
      'Panduan lengkap: content/README.md',
    ].join('\n'),
  crashed: (detail: string) => `Perintah berhenti karena kesalahan tak terduga: ${detail}.`,
  writeFailed: (file: string, detail: string) => `Berkas ${file} tidak bisa dibuat (${detail}). Periksa izin folder, lalu coba lagi.`,
};
