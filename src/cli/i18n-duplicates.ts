/**
 * Counts strings stored twice in the interface dictionary (values shared by two or more keys). `npx tsx src/cli/i18n-duplicates.ts -v` lists them.
 *
 * What is left on purpose is homonyms: the same word doing a different job in another place, where a
 * translator may need two words. Column headers and filters of different tables ("Kelas", "Peserta",
 * "Pendamping", "Jenis", "Jumlah", "Tampilkan"); a page title beside the button or link that opens it
 * ("Buat akun", "Simpan untuk offline", "Aktivitas H5P", "Analisis soal", "Ulang singkat", "Jaringan
 * penjual"); the learner's self-report form beside the peer-partnership form (their own labels and
 * banner); "Benar" as a quiz verdict and as a column; "Awal"/"Akhir" as test and as sales time points.
 * One vocabulary has one family: pillar names are `cpPillar_*`, partnership types `netType_*`, and
 * the partnership date and type messages `cpPartner*`, whichever form shows them.
 */
import { id } from '../i18n/id';
import { en } from '../i18n/en';
for (const [name, d] of [
  ['id', id],
  ['en', en],
] as const) {
  const byValue = new Map<string, string[]>();
  for (const [k, v] of Object.entries(d)) if (typeof v === 'string') byValue.set(v, [...(byValue.get(v) ?? []), k]);
  const dup = [...byValue].filter(([, ks]) => ks.length > 1);
  const extra = dup.reduce((n, [, ks]) => n + ks.length - 1, 0);
  console.log(`${name}: ${dup.length} values stored under more than one key (${extra} extra copies)`);
  if (process.argv[2] === '-v' && name === 'id') for (const [v, ks] of dup) console.log(`  ${JSON.stringify(v)} ← ${ks.join(', ')}`);
}
