/**
 * The content check's vocabulary: its limits (limits.ts), the words trainers type for a field, and
 * its sentences, which live in the dictionary src/i18n/id.content-check.ts (re-exported here, so the
 * rules import them from one place).
 */
export { GUIDANCE_MARKER, MAX_IMAGE_BYTES, MAX_PAGE_KB, MIN_QUIZ_ITEMS_PER_LESSON } from './limits';
export { formatBytes, m, s, where } from '../../i18n/id.content-check';

/** Indonesian (or English-ish) words trainers type for a field, mapped to the real field. */
export const FIELD_ALIASES: Record<string, string> = {
  judul: 'title',
  judulinggris: 'titleEn',
  ringkasan: 'summary',
  menit: 'minutes',
  durasi: 'minutes',
  waktu: 'minutes',
  pilar: 'pillars',
  tujuan: 'objectives',
  kuis: 'quiz',
  soal: 'quiz',
  tugas: 'task',
  urutan: 'order',
  nomor: 'order',
  modul: 'module',
  pertanyaan: 'question',
  pilihan: 'options',
  jawaban: 'options',
  benar: 'correct',
  answer: 'correct',
  penjelasan: 'explanation',
  pembahasan: 'explanation',
  teks: 'text',
  petunjuk: 'instructions',
  instruksi: 'instructions',
  draf: 'draft',
  pemeriksaan: 'mentorChecks',
  kode: 'id',
};
