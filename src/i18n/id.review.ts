/**
 * Bahasa Indonesia strings of "Ulang singkat" (spaced review) and the mentor kit, spread into
 * id.ts. Keys start with `rv` (review) or `kit`.
 */
export const id_review = {
  // learner home card
  rvHomeTitle: 'Ulang singkat',
  rvHomeText: (n: number) => `${n} soal dari pelajaran yang sudah Anda selesaikan minggu lalu. Sekali ketuk per soal, supaya ilmunya tidak lupa.`,
  rvHomeOpen: 'Mulai ulang singkat',
  // review page
  rvTitle: 'Ulang singkat',
  rvIntro: 'Soal dari pelajaran yang sudah selesai. Ketuk satu jawaban. Hasilnya tidak mengubah nilai Anda.',
  rvCount: (n: number) => (n === 1 ? 'Tinggal 1 soal' : `Tinggal ${n} soal`),
  rvFromLesson: (lesson: string) => `Dari pelajaran: ${lesson}`,
  rvOptionsLabel: 'Pilih satu jawaban',
  rvNoneDue: 'Belum ada soal untuk diulang sekarang. Soal muncul tujuh hari setelah Anda menyelesaikan pelajaran.',
  rvAllDone: 'Ulang singkat hari ini sudah selesai. Terima kasih!',
  rvRight: 'Benar!',
  rvNext: 'Berikutnya',
  rvOpenLesson: 'Baca lagi pelajarannya',
  rvItemUnknown: 'Soal ini tidak ada. Kembali ke Ulang singkat dan pilih soal yang tampil.',
  rvNotDue: 'Soal ini tidak sedang diulang (mungkin sudah Anda jawab). Buka Ulang singkat lagi untuk soal berikutnya.',
  rvOptionUnknown: 'Jawaban ini bukan salah satu pilihan soal ini. Ketuk salah satu pilihan yang tampil.',
  rvItemChanged: 'Soal ini baru saja diubah oleh pelatih. Buka Ulang singkat lagi untuk melihat soal yang baru.',
  rvTooLarge: 'Kiriman terlalu besar. Ketuk satu jawaban saja.',
  rvLearnersOnly: 'Ulang singkat hanya untuk peserta.',
  rvResultUnknown: 'Jawaban ini tidak ditemukan.',
  // capaian and report
  rvCapaianTitle: 'Ingatan (ulang singkat)',
  rvCapaianNone: 'Belum ada ulang singkat. Soal muncul tujuh hari setelah pelajaran selesai.',
  rvCapaianLine: (answered: number, pct: number) => `${answered} soal diulang, ${pct} % benar.`,
  rvCapaianNote: 'Ulang singkat menunjukkan apa yang masih Anda ingat. Nilai capaian tetap memakai jawaban pertama Anda.',
  rvReportTitle: 'Ingatan (ulang singkat) per kelas',
  rvReportIntro: 'Bagian jawaban benar pada ulang singkat (soal pelajaran yang diulang 7 hari atau lebih setelah selesai). Tidak masuk ke skor indikator.',
  rvReportAnswered: 'Soal diulang',
  rvReportShare: 'Benar',
  rvReportNone: 'Belum ada ulang singkat.',
  // mentor
  stuck_reviewDue: (days: number) => `Ulang singkat menunggu ${days} hari`,
  nudgeKind_review_due: 'ulang singkat',
  // mentor kit
  kitTitle: 'Panduan memeriksa',
  kitGoodExample: 'Contoh kiriman yang baik',
  kitMaterials: 'Bahan untuk tugas ini',
  kitRubricTitle: 'Arti tingkat mutu',
  kitRubric: [
    '1 – belum terlihat: bukti belum ada atau belum menjawab tugas. Kembalikan dengan catatan apa yang perlu dikirim.',
    '2 – sebagian: sebagian pemeriksaan terpenuhi. Biasanya dikembalikan dengan satu atau dua perbaikan yang jelas.',
    '3 – sesuai: semua pemeriksaan terpenuhi, seperti contoh di atas.',
    '4 – sangat baik: semua terpenuhi dan lebih, misalnya rapi, dipakai sungguhan, atau dibagikan ke teman.',
  ],
  kitLearnerMaterials: 'Bahan latihan',
};
