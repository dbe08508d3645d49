import type { Pillar } from '../learning/types';

/**
 * The pre/post self-assessment (Skor Persepsi): how confident the learner feels, 1–5. It is
 * reported beside the indicator and never mixed into it. Versioned: answers keep the version
 * they were given with, and a changed item gets a new version.
 */
export const INSTRUMENT_VERSION = 'sa-2026.1';

export const LIKERT = [
  { value: 1, label: 'Sangat tidak setuju' },
  { value: 2, label: 'Tidak setuju' },
  { value: 3, label: 'Ragu-ragu' },
  { value: 4, label: 'Setuju' },
  { value: 5, label: 'Sangat setuju' },
] as const;

export const SELF_ASSESSMENT: Array<{ id: string; pillar: Pillar; text: string }> = [
  { id: 'sa1', pillar: 'cakap', text: 'Saya bisa mengatur profil dan katalog WhatsApp Business untuk usaha saya.' },
  { id: 'sa2', pillar: 'cakap', text: 'Saya bisa mencatat pemasukan dan pengeluaran usaha di HP.' },
  { id: 'sa3', pillar: 'cakap', text: 'Saya bisa menerima pembayaran lewat QRIS atau dompet digital dan memeriksa apakah uangnya sudah masuk.' },
  { id: 'sa4', pillar: 'etika', text: 'Saya selalu minta izin sebelum memasukkan pembeli ke grup atau daftar siaran.' },
  { id: 'sa5', pillar: 'etika', text: 'Saya menulis promosi yang jujur: harga dan foto sesuai barang aslinya.' },
  { id: 'sa6', pillar: 'budaya', text: 'Saya berani mengajak penjual lain bekerja sama, misalnya promosi bersama.' },
  { id: 'sa7', pillar: 'budaya', text: 'Saya ikut menjaga grup WhatsApp tetap sopan dan saling membantu.' },
  { id: 'sa8', pillar: 'aman', text: 'Saya tahu kode OTP dan PIN tidak boleh diberikan kepada siapa pun.' },
  { id: 'sa9', pillar: 'aman', text: 'Saya bisa mengenali pesan penipuan, misalnya file undangan .apk.' },
  { id: 'sa10', pillar: 'aman', text: 'Saya tahu ke mana melapor kalau tertipu atau rekening saya dibobol.' },
];

export type Timepoint = 'pre' | 'post';

/** Mean per pillar and overall, on the 1–5 scale. */
export function perceptionScores(answers: Record<string, number>): { pillars: Partial<Record<Pillar, number>>; overall: number } {
  const byPillar: Partial<Record<Pillar, number[]>> = {};
  for (const item of SELF_ASSESSMENT) {
    const value = answers[item.id];
    if (typeof value === 'number') (byPillar[item.pillar] ??= []).push(value);
  }
  const pillars: Partial<Record<Pillar, number>> = {};
  for (const [pillar, values] of Object.entries(byPillar) as Array<[Pillar, number[]]>) {
    pillars[pillar] = values.reduce((s, v) => s + v, 0) / values.length;
  }
  const all = Object.values(answers);
  return { pillars, overall: all.length ? all.reduce((s, v) => s + v, 0) / all.length : 0 };
}
