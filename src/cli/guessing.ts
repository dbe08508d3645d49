/**
 * `npm run guessing [folder]` — how far guessing gets over every pre-test and lesson quiz of the
 * content (default content/): per strategy, the share right in the file's order (what every
 * learner saw before the shuffle) and in each learner's own order (200 simulated learners), and
 * per module the exact chance that random guessing passes its certificate's quizzes.
 */
import { resolve } from 'node:path';
import { courseFromDisk } from '../lib/learning/load-from-disk';
import { guessedQuizzes, guessPassProbability, simulate, STRATEGIES } from '../lib/indicator/guessing';
import { preForms } from '../lib/indicator/forms';

const course = courseFromDisk(resolve(process.cwd(), process.argv[2] ?? 'content'));
const quizzes = guessedQuizzes(course, preForms);
const items = quizzes.reduce((n, q) => n + q.items.length, 0);
const pct = (r: { right: number; answered: number }) => `${((100 * r.right) / r.answered).toFixed(1)} %`;
console.log(`${quizzes.length} kuis (tes awal dan kuis pelajaran), ${items} soal.`);
console.log('strategi   urutan berkas   urutan acak per peserta (200 peserta)   sertifikat');
for (const s of STRATEGIES) {
  const file = simulate(course, quizzes, s, s === 'random' ? 200 : 1, () => undefined);
  const own = simulate(course, quizzes, s, 200, (n) => `tebak-${n}`);
  console.log(`${s.padEnd(10)} ${pct(file).padStart(13)}   ${pct(own).padStart(37)}   ${own.certificates}`);
}
for (const m of course) console.log(`Peluang lulus sertifikat "${m.title}" dengan menebak acak: ${guessPassProbability(m).toExponential(2)}`);
