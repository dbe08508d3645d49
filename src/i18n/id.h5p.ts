import type { H5pProblem } from '../lib/server/h5p/validate';

/** "640 KB", "1,2 MB", "100 MB" (Indonesian decimal comma). */
const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`
    : `${new Intl.NumberFormat('id-ID').format(Math.max(1, Math.round(bytes / 1024)))} KB`;

const ext = (path: string) => {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? `.${base.slice(dot + 1).toLowerCase()}` : 'tanpa ekstensi';
};

/** Bahasa Indonesia strings of the h5p area (spread into id.ts). Keys start with `h5p`. */
export const id_h5p = {
  h5pSize: size,

  /** Why a package was refused: one sentence naming the file or field at fault. */
  h5pProblem: (p: H5pProblem): string => {
    switch (p.code) {
      case 'empty':
        return 'Berkas kosong (0 byte). Pilih berkas .h5p yang benar.';
      case 'tooLarge':
        return `Berkas terlalu besar: lebih dari ${size(p.max)} (batas H5P_MAX_UPLOAD).`;
      case 'notZip':
        return 'Berkas ini bukan paket H5P: isinya bukan arsip zip.';
      case 'zipCorrupt':
        return `Arsip zip rusak dan tidak bisa dibaca (${p.detail}).`;
      case 'tooManyEntries':
        return `Paket berisi ${p.count} berkas dan folder, lebih dari batas ${p.max} (H5P_MAX_ENTRIES).`;
      case 'unsafePath':
        return {
          parent: `Nama berkas "${p.path}" memakai ".." untuk keluar dari folder paket.`,
          absolute: `Nama berkas "${p.path}" adalah jalur absolut (diawali "/" atau huruf drive).`,
          backslash: `Nama berkas "${p.path}" memakai garis miring terbalik (\\).`,
          empty: `Nama berkas "${p.path}" tidak lengkap (ada bagian kosong atau ".").`,
          chars: `Nama berkas "${p.path}" memuat karakter yang tidak diizinkan.`,
          long: `Nama berkas "${p.path}" terlalu panjang.`,
        }[p.reason];
      case 'link':
        return `"${p.path}" adalah tautan (symlink), bukan berkas biasa.`;
      case 'specialFile':
        return `"${p.path}" bukan berkas biasa.`;
      case 'extension':
        return `Berkas "${p.path}" tidak diizinkan: jenis ${ext(p.path)} tidak ada di daftar H5P${p.inLibrary ? '' : ' (.js dan .css hanya boleh di folder library)'}.`;
      case 'duplicate':
        return `Berkas "${p.path}" muncul dua kali di dalam zip.`;
      case 'encrypted':
        return `Berkas "${p.path}" terkunci kata sandi.`;
      case 'ratio':
        return `Berkas "${p.path}" dipadatkan tidak wajar (${p.ratio}:1, batas ${p.max}:1, H5P_MAX_RATIO): ciri zip bomb.`;
      case 'tooBig':
        return `Isi paket lebih dari ${size(p.max)} setelah dibuka (batas H5P_MAX_BYTES).`;
      case 'sizeMismatch':
        return `Isi berkas "${p.path}" lebih besar atau lebih kecil dari yang tertulis di zip (zip rusak atau zip bomb).`;
      case 'missingFile':
        return `Berkas wajib "${p.path}" tidak ada di dalam paket.`;
      case 'badJson':
        return `"${p.path}" bukan JSON yang benar.`;
      case 'missingField':
        return `"${p.path}": isian "${p.field}" tidak ada atau salah.`;
      case 'mainNotPreloaded':
        return `h5p.json: mainLibrary "${p.library}" tidak tercantum di preloadedDependencies.`;
      case 'missingLibrary':
        return `Library ${p.library} yang dibutuhkan tidak ada di paket (folder "${p.folder}/" dengan library.json).`;
      case 'libraryMismatch':
        return `"${p.folder}/library.json": ${p.field} tidak cocok dengan nama foldernya.`;
      case 'missingPreloaded':
        return `Berkas "${p.path}" milik library ${p.library} tidak ada di paket.`;
      case 'badFolder':
        return `Folder "${p.path}" tidak boleh ada di tingkat teratas paket: hanya h5p.json, content/ dan folder library bernama "NamaMesin-mayor.minor" (misalnya "H5P.TrueFalse-1.6").`;
      case 'badLanguageFile':
        return `Berkas bahasa "${p.path}" salah: harus bernama language/<kode>.json (misalnya language/id.json) dan berisi JSON yang benar.`;
      case 'coreApi':
        return `Library ${p.library} membutuhkan H5P core ${p.required}, sedangkan pemutar di Melek baru mendukung ${p.supported}. Ekspor ulang dengan versi library yang lebih lama.`;
      case 'idInvalid':
        return `ID "${p.id}" tidak bisa dipakai: hanya huruf kecil, angka dan tanda minus, paling banyak 60 karakter.`;
      case 'idTaken':
        return `ID "${p.id}" sudah dipakai aktivitas "${p.title}". Pilih ID lain, atau hapus aktivitas itu dulu.`;
    }
  },

  // progress API refusals (EventError keys)
  h5pUnknownContent: 'Aktivitas interaktif ini tidak ada di Melek.',
  h5pBackToLesson: 'Kembali ke pelajaran',
  h5pNotInLesson: 'Aktivitas interaktif ini tidak ada di pelajaran tersebut.',
  h5pScoreInvalid: 'Nilai aktivitas interaktif ini tidak cocok dengan nilai tertingginya. Nilai tidak disimpan.',

  // the lesson card
  h5pCardKind: 'Aktivitas interaktif',
  h5pLoad: 'Muat',
  h5pLoadLabel: (title: string, bytes: number) => `Muat aktivitas "${title}" (± ${size(bytes)})`,
  h5pCardHint: 'Dimuat hanya kalau Anda menekan Muat.',
  h5pLoading: 'Memuat aktivitas…',
  h5pLoaded: 'Aktivitas siap. Jawab di bawah ini.',
  h5pLoadFailed: 'Aktivitas gagal dimuat. Periksa sinyal, lalu muat ulang halaman.',
  h5pSaving: 'Menyimpan hasil…',
  h5pSaved: 'Tersimpan',
  /** Filled in by the browser: {score} and {max}. */
  h5pSavedScore: 'Tersimpan: skor {score} dari {max}.',
  h5pSaveFailed: 'Hasil belum tersimpan. Periksa sinyal, lalu jawab lagi.',
  h5pPreview: 'Pratinjau pelatih: hasil tidak disimpan.',
  h5pMissing: 'Aktivitas interaktif ini belum tersedia.',
  h5pMissingTrainer: (id: string) => `Aktivitas "${id}" belum diimpor. Impor paketnya di halaman H5P dengan ID ini.`,
  h5pFrameTitle: (title: string) => `Aktivitas interaktif: ${title}`,

  // the player page (inside the iframe, or opened on its own)
  h5pPlayerNeedsJs: 'Aktivitas interaktif ini butuh JavaScript. Nyalakan JavaScript di peramban, atau kerjakan bagian lain pelajaran.',
  h5pPlayerFailed: 'Aktivitas gagal dimuat. Coba muat ulang.',
  h5pPlayerAlone: 'Dibuka di halaman sendiri: skor tidak tersimpan. Buka dari halaman pelajaran supaya skor tersimpan.',
  h5pPlayerNotFound: 'Aktivitas ini tidak ada (mungkin sudah dihapus).',

  // trainer page
  h5pTrainerTitle: 'Aktivitas H5P',
  h5pTrainerIntro: 'Impor paket .h5p (dari h5p.org atau dibuat dengan editor H5P seperti Lumi), lalu pasang di pelajaran dengan <H5P id="…" />.',
  h5pTrainerLink: 'Aktivitas H5P',
  h5pUploadTitle: 'Impor paket H5P',
  h5pFileLabel: 'Berkas .h5p',
  h5pFileHint: (max: number) => `Paling besar ${size(max)}.`,
  h5pIdLabel: 'ID aktivitas (boleh dikosongkan)',
  h5pIdHint: 'Huruf kecil, angka dan tanda minus. Kosong: dibuat dari judul.',
  h5pUploadButton: 'Impor',
  h5pNoFile: 'Pilih berkas .h5p dulu.',
  h5pImported: (title: string, id: string) => `"${title}" berhasil diimpor dengan ID ${id}.`,
  h5pDuplicate: (title: string, id: string) => `Paket ini sudah pernah diimpor: "${title}" dengan ID ${id}. Tidak ada yang ditambahkan.`,
  h5pRefused: 'Paket ditolak, tidak ada yang disimpan:',
  h5pListTitle: 'Aktivitas yang sudah diimpor',
  h5pListEmpty: 'Belum ada aktivitas H5P.',
  h5pColTitle: 'Judul',
  h5pColId: 'ID',
  h5pColSize: 'Unduhan peserta',
  h5pColLibrary: 'Jenis',
  h5pColImported: 'Diimpor',
  h5pEmbedCode: 'Kode untuk pelajaran',
  h5pOpen: 'Coba',
  h5pDelete: 'Hapus',
  h5pDeleteLabel: (title: string) => `Hapus aktivitas "${title}"`,
  h5pDeleted: (title: string) => `"${title}" sudah dihapus. Hasil peserta tetap tersimpan.`,
  h5pNotFound: 'Aktivitas tidak ditemukan.',

  // CLI
  h5pCliUsage: 'Cara pakai: npm run h5p:import -- <berkas.h5p> [--id <id>] [--replace]',
  h5pCliNoFile: (path: string) => `Berkas "${path}" tidak ditemukan.`,
  h5pCliImported: (title: string, id: string, bytes: number, folder: string) =>
    `Berhasil: "${title}" diimpor dengan ID ${id} (unduhan peserta ± ${size(bytes)}, folder ${folder}).\nPasang di pelajaran dengan: <H5P id="${id}" />`,
  h5pCliReplaced: (title: string, id: string) => `Aktivitas ${id} diganti dengan paket baru "${title}".`,
  h5pCliDuplicate: (title: string, id: string) => `Paket ini sudah ada: "${title}" dengan ID ${id}. Tidak ada yang ditambahkan.`,
  h5pCliRefused: (file: string, reason: string) => `Paket "${file}" ditolak: ${reason}\nTidak ada berkas atau data yang disimpan.`,
};
