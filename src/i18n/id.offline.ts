/**
 * Bahasa Indonesia strings of the offline area (spread into id.ts): saving modules, the progress
 * queue, logout with unsent answers, the offline page, read-aloud. Keys start with `off`.
 * Strings ending in `T` are templates with {placeholders}, filled in by the browser scripts
 * (src/scripts/**), which get them through data attributes; the others are used on the server.
 */
export const id_offline = {
  // module page
  offModuleLessons: 'Pelajaran di modul ini',
  offModuleOpen: 'Buka modul',
  offSaveTitle: 'Simpan untuk offline',
  offSaveIntro: 'Simpan modul ini di HP saat ada Wi-Fi, lalu baca tanpa sinyal. Jawaban yang Anda kirim saat offline disimpan di HP dan dikirim saat online.',
  offSaveSize: (kb: number) => `± ${kb} KB`,
  offSaveSizeLabel: 'Perkiraan kuota internet yang terpakai untuk menyimpan modul ini:',
  offSaveButton: 'Simpan untuk offline',
  offSavingT: 'Menyimpan… {done} dari {total}',
  offSavedT: 'Tersimpan di HP · {size} ruang penyimpanan HP',
  offUpdate: 'Perbarui',
  offRemove: 'Hapus dari HP',
  offRemoved: 'Modul dihapus dari HP.',
  offOutdated: 'Ada versi baru modul ini. Tekan Perbarui saat ada Wi-Fi.',
  offErrQuota:
    'Ruang penyimpanan HP tidak cukup, jadi modul ini tidak disimpan. Hapus modul lain di "Modul tersimpan" atau kosongkan ruang HP, lalu coba lagi.',
  offErrOffline: 'Sambungan terputus saat menyimpan, jadi modul ini tidak disimpan. Coba lagi saat sinyal bagus.',
  offErrAuth: 'Anda perlu masuk lagi sebelum menyimpan.',
  offErrServer: 'Gagal menyimpan. Coba lagi sebentar lagi.',
  offErrUnsupported: 'Browser ini tidak bisa menyimpan pelajaran. Pakai Chrome versi terbaru.',
  offNeedsJs: 'Menyimpan untuk offline butuh JavaScript. Semua pelajaran tetap bisa dibaca saat online.',
  offH5pOnline: (n: number) => `${n} aktivitas interaktif di modul ini tidak ikut disimpan: aktivitas itu butuh internet.`,
  offSavedListLink: 'Lihat modul tersimpan',

  // saved-modules page
  offPageTitle: 'Modul tersimpan di HP',
  offPageIntro: 'Modul di bawah ini bisa dibaca tanpa sinyal.',
  offNotSavedHere: 'Anda sedang offline dan halaman yang Anda buka belum disimpan. Buka salah satu modul yang tersimpan:',
  offNone: 'Belum ada modul tersimpan. Buka sebuah modul saat ada Wi-Fi, lalu tekan "Simpan untuk offline".',
  offStorageT: 'Ruang yang dipakai Melek di HP: {used} (tersedia {quota}).',
  offModuleMetaT: '{size} di HP · disimpan {date}',
  offQueueTitle: 'Jawaban yang belum terkirim',
  offQueueCountT: '{n} catatan tersimpan di HP — akan dikirim saat online.',
  offQueueEmpty: 'Semua jawaban sudah terkirim.',
  offSendNow: 'Kirim sekarang',
  offForeignT: '{n} catatan milik akun lain di HP ini tidak dikirim dari akun Anda.',
  offProblemsT: '{n} catatan tidak bisa dikirim:',
  offCorrupted: 'data rusak, dilewati',
  offClearProblems: 'Hapus daftar ini',

  // lesson page
  offQueued: 'Tersimpan di HP — akan dikirim saat online.',
  offQuizGradedLater: 'Jawaban akan dinilai saat HP online.',
  offQuizAnswerAll: 'Jawab semua soal dulu, lalu kirim lagi.',
  offQuizSent: 'Jawaban terkirim dan sudah dinilai.',
  offQuizSee: 'Lihat nilai',
  offDoneQueued: '✓ Selesai. Tersimpan di HP — akan dikirim saat online.',
  offDoneSent: '✓ Terkirim. Pelajaran ini selesai.',
  offTaskOffline: 'Tugas praktik hanya bisa dikirim saat online. Tulisan Anda tetap di kotak ini; kirim lagi saat ada sinyal.',
  offTaskQueued: 'Tugas tersimpan di HP — akan dikirim ke pendamping saat server bisa dihubungi. Jangan hapus Melek dari HP.',
  offWhyQuizInvalid: 'Jawaban kuis belum lengkap atau soalnya sudah berubah. Buka pelajarannya dan jawab lagi semua soal.',
  offWhyTaskInvalid: 'Tugas praktik belum lengkap atau tautannya salah. Buka pelajarannya dan kirim lagi.',
  offWhyTaskNone: 'Pelajaran ini tidak lagi punya tugas praktik.',
  offWhyEventUnknownLesson: 'Pelajaran ini sudah tidak ada.',
  offWhyGenericT: 'Tidak diterima server: {message}',
  offSavedCopy: 'Anda membaca versi yang tersimpan di HP.',
  offSending: 'Mengirim…',
  offRetryLater: 'Belum terkirim (sinyal atau server bermasalah). Akan dicoba lagi otomatis.',

  // read-aloud
  offListen: 'Dengarkan',
  offListenLabel: 'Dengarkan pelajaran ini dibacakan',
  offPause: 'Jeda',
  offContinue: 'Lanjutkan',
  offStop: 'Berhenti',

  // logout with unsent answers
  offLogoutUnsentT:
    'Ada jawaban yang belum terkirim ({n}). Keluar sekarang akan menghapusnya dari HP ini, dan jawaban itu tidak akan pernah dikirim. Tunggu sampai HP online supaya terkirim dulu.',
  offLogoutStay: 'Tetap masuk, kirim nanti',
  offLogoutDiscard: 'Keluar dan hapus jawaban',
  offLogoutOffline: 'Anda sedang offline. Keluar butuh internet supaya akun Anda benar-benar tertutup. Coba lagi saat ada sinyal.',
  offOk: 'Mengerti',

  // the offline page the service worker shows for a page that is not saved
  offFallbackTitle: 'Anda sedang offline',
  offFallbackBody: 'Halaman ini belum disimpan di HP. Modul yang sudah disimpan tetap bisa dibaca.',
  offFallbackSaved: 'Jawaban Anda tersimpan di HP dan akan dikirim saat online.',
  offFallbackOpenSaved: 'Buka modul tersimpan',
  offFallbackRetry: 'Coba lagi',
};
