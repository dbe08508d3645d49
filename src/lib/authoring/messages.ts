/**
 * Indonesian messages about a lesson body written in the browser (what is wrong, then what to do).
 * Problems the content check already explains reuse its messages (src/lib/content-check/messages.ts).
 */
const code = (text: string) => `\`${text}\``;

export const bm = {
  tooBig: (kb: number, maxKb: number) =>
    `Isi pelajaran terlalu panjang (± ${kb} KB; paling banyak ${maxKb} KB). Persingkat tulisannya, atau pecah menjadi dua pelajaran.`,
  importLine: () => 'Baris `import` tidak boleh ada di isi pelajaran. Komponen pelajaran (Tip, Awas, …) sudah tersedia: hapus baris ini.',
  exportLine: () => 'Baris `export` tidak boleh ada di isi pelajaran: isi pelajaran hanya tulisan, bukan kode. Hapus baris ini.',
  expression: (text: string) =>
    `Tulisan ${code(`{${text.length > 30 ? `${text.slice(0, 29)}…` : text}}`)} tidak boleh: kurung kurawal \`{ }\` berarti kode, dan kode tidak dijalankan di pelajaran. Pakai tanda kurung biasa \`( )\`, atau hapus.`,
  expressionProp: (component: string, prop: string) =>
    `Atribut ${code(prop)} pada ${code(`<${component}>`)} memakai kurung kurawal \`{ }\` (kode). Tulis isinya sebagai teks dalam tanda kutip, misalnya ${code(`${prop}="…"`)}.`,
  spreadProp: (component: string) =>
    `${code(`<${component} {...}>`)} tidak boleh: kurung kurawal \`{ }\` berarti kode. Tulis setiap atribut sebagai teks dalam tanda kutip, misalnya ${code(`<${component} judul="…">`)}.`,
  eventProp: (name: string, prop: string) => `Atribut ${code(prop)} pada ${code(`<${name}>`)} menjalankan kode, jadi tidak boleh dipakai. Hapus atribut ini.`,
  fragment: () => 'Tag kosong `<>` … `</>` tidak dipakai di pelajaran. Hapus `<>` dan `</>`; isinya tetap.',
  rawHtml: (name: string, allowed: string[]) =>
    `Tag HTML ${code(`<${name}>`)} tidak boleh dipakai di pelajaran. Pakai Markdown (misalnya **tebal**, _miring_, daftar dengan tanda -) atau komponen pelajaran. Tag HTML yang boleh: ${allowed.map((t) => `<${t}>`).join(', ')}.`,
  htmlAttribute: (name: string, attribute: string, allowed: string[]) =>
    `Atribut ${code(attribute)} pada ${code(`<${name}>`)} tidak boleh dipakai${allowed.length ? `; yang boleh: ${allowed.join(', ')}` : ''}. Hapus atribut ini.`,
  badUrl: (url: string) =>
    `Alamat tautan ${code(url.length > 40 ? `${url.slice(0, 39)}…` : url)} tidak boleh dipakai: hanya alamat web (https://…), email (mailto:…), telepon (tel:…) atau halaman Melek (/learn/…). Ganti alamatnya, atau hapus tautannya.`,
  bareWaMe: (url: string) => `Tautan ${code(url)} belum lengkap. Tulis dengan https:// di depannya, misalnya ${code(`https://${url}`)}.`,
  badImage: (url: string) =>
    `Gambar ${code(url.length > 40 ? `${url.slice(0, 39)}…` : url)} tidak bisa dipakai: alamat gambar harus diawali https:// atau / (gambar di Melek). Ganti alamatnya.`,
  imageAlt: () =>
    'Gambar perlu keterangan untuk pembaca layar dan saat gambar tidak termuat: tulis di dalam kurung siku, misalnya `![Foto etalase toko](https://…)`.',
  headingDepth: (depth: number) =>
    depth === 1
      ? 'Judul dengan satu `#` dipakai oleh judul pelajaran. Untuk bagian di dalam pelajaran, pakai `##` (atau `###`).'
      : `Judul dengan ${depth} tanda \`#\` terlalu kecil. Pakai \`##\`, \`###\` atau \`####\`.`,
  reference: () => 'Tautan atau gambar dengan rujukan `[nama]` di tempat lain tidak dipakai. Tulis alamatnya langsung: `[teks](https://…)`.',
  footnote: () => 'Catatan kaki `[^1]` tidak dipakai di pelajaran. Tulis keterangannya langsung di kalimat, atau pakai `<Tip>`.',
  htmlComment: () => 'Catatan tersembunyi `<!-- -->` tidak dipakai di pelajaran. Hapus.',
  unknownH5p: (id: string, known: string[], suggestion: string | undefined) =>
    `Aktivitas H5P ${code(id)} tidak ada${suggestion ? ` — mungkin maksudnya ${code(suggestion)}?` : '.'} ${known.length ? `Pakai ID dari daftar aktivitas yang sudah diimpor (${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}).` : 'Impor paketnya dulu di halaman H5P, lalu pakai ID-nya.'}`,
  unsupported: (what: string) => `Bagian ini (${what}) tidak bisa dipakai di pelajaran. Tulis dengan Markdown biasa atau komponen pelajaran.`,
  unexpected: () => 'Isi pelajaran tidak bisa dibaca. Periksa tag komponen (`<Nama>` … `</Nama>`) dan tanda kutip di sekitar bagian yang baru diubah.',
};
