/** The prefilled WhatsApp texts a mentor sends. Short, warm, with the exact link to open. */
export function nextLessonNudge(p: { learner: string; mentor: string; lessonTitle: string; minutes: number; url: string }): string {
  return `Halo ${p.learner}, ini ${p.mentor} dari Melek. Yuk lanjut belajar "${p.lessonTitle}", cuma ${p.minutes} menit: ${p.url}\nKalau ada yang bingung, balas pesan ini saja ya.`;
}

export function redoTaskNudge(p: { learner: string; mentor: string; taskTitle: string; url: string }): string {
  return `Halo ${p.learner}, ini ${p.mentor} dari Melek. Tugas "${p.taskTitle}" tinggal sedikit lagi. Catatan saya ada di sini: ${p.url}\nSetelah diperbaiki, kirim lagi ya. Semangat!`;
}

export function allDoneNudge(p: { learner: string; mentor: string; url: string }): string {
  return `Halo ${p.learner}, ini ${p.mentor} dari Melek. Selamat, semua pelajaran sudah selesai! Lihat capaian Anda di sini: ${p.url}`;
}

export function reviewNudge(p: { learner: string; mentor: string; url: string }): string {
  return `Halo ${p.learner}, ini ${p.mentor} dari Melek. Ada "Ulang singkat" untuk Anda: 3 soal dari pelajaran yang sudah selesai, cukup sekali ketuk per soal, 2 menit saja: ${p.url}\nSupaya ilmunya tidak lupa. Semangat!`;
}
