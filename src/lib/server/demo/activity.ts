/**
 * Four weeks of demo activity, so that every page a demo visitor opens has something true to
 * show: learners at different stages, quiz attempts, a stuck learner, tasks waiting for review and
 * approved ones, a certificate, partnerships (confirmed and pending) and a joint promotion,
 * self-assessments, pre/post tests, adoption checks and sales bands.
 *
 * Everything is written through the same domain functions a learner's or mentor's action uses,
 * each at a moment relative to `now` (the moment of seeding), so the demo obeys every rule the app
 * enforces and looks the same whether Melek is first started in 2026 or 2030.
 */
import { DEMO_IDS } from '@db/seed';
import type { CourseModule, LessonMeta, QuizItem } from '../../learning/types';
import { jakartaDate } from '../../wib';
import { SELF_ASSESSMENT } from '../../indicator/instrument';
import { recordProgressEvents } from '../progress/record';
import { submitTask } from '../progress/tasks';
import { reviewSubmission } from '../mentoring/review';
import { addNote } from '../mentoring/notes';
import { recordAdoptionChecks } from '../mentoring/adoption';
import { submitPrePost, testItems, type PrePostKind } from '../indicator/prepost';
import { loadRawRecords } from '../indicator/records';
import { submitSelfAssessment } from '../indicator/assessments';
import { certificatesOf, issueEligibleCertificates } from '../indicator/certificates';
import { reportSalesBand } from '../indicator/evaluation-self';
import { saveProfile } from '../network/profiles';
import { answerPartnership, logPeerPartnership } from '../network/partnerships';
import { makePromo } from '../network/promo';
import { loadViewer } from '../network/viewer';
import { answerReview, reviewSessionFor } from '../progress/spaced-review';

const DAY = 24 * 3600_000;
const MINUTE = 60_000;

/** A demo step failed: the demo must obey the app's rules, so a refusal is a bug to see at once. */
class DemoRefused extends Error {}
function expectOk<T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new DemoRefused(`demo activity refused (${what}): ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/**
 * The value a form posts for an answer: the correct option, or the first wrong one. The one place
 * that knows how an answer is written, so a change in answer format changes only this.
 */
function answerFor(item: QuizItem, right: boolean): string {
  // Answers name the chosen option by its id.
  return item.options.find((o) => (right ? o.correct : !o.correct))!.id;
}

/** Answers for a quiz: the first `rightCount` items right, the rest wrong. */
const answersFor = (items: QuizItem[], rightCount: number): Array<[string, string]> => items.map((item, i) => [item.id, answerFor(item, i < rightCount)]);

interface Learner {
  id: string;
  name: string;
}
interface Mentor {
  id: string;
  role: 'mentor';
}

export async function seedDemoActivity(course: CourseModule[], now: number): Promise<void> {
  const ago = (days: number, minutes = 0) => now - days * DAY + minutes * MINUTE;
  const moduleById = new Map(course.map((m) => [m.id, m]));
  const module = (id: string) => {
    const found = moduleById.get(id);
    if (!found) throw new DemoRefused(`demo activity: module ${id} is not in content/`);
    return found;
  };
  const [wa, uang, aman] = [module('pemasaran-whatsapp'), module('aplikasi-keuangan'), module('keamanan-data')];
  // The sixth demo learner, Pak Slamet (petis), joined four weeks ago and has not started: his mentor sees it.
  const [sari, hadi, lilik, nur, yanti] = DEMO_IDS.learners.map((id, i): Learner => ({ id, name: `demo-${i + 1}` }));
  const dewi: Mentor = { id: DEMO_IDS.mentors[0], role: 'mentor' };
  const arif: Mentor = { id: DEMO_IDS.mentors[1], role: 'mentor' };

  /** Opens a lesson, reads it for a few minutes and answers its quiz (or taps "Selesai"). */
  async function study(learner: Learner, lesson: LessonMeta, at: number, rightCount = lesson.quiz.length) {
    const events: unknown[] = [
      { id: crypto.randomUUID(), type: 'viewed', lessonId: lesson.id, at },
      { id: crypto.randomUUID(), type: 'time', lessonId: lesson.id, at: at + 5 * MINUTE, data: { seconds: 60 * Math.max(2, lesson.minutes - 1) } },
    ];
    if (lesson.quiz.length > 0) {
      const answers = Object.fromEntries(answersFor(lesson.quiz, rightCount));
      events.push({ id: crypto.randomUUID(), type: 'quiz_submitted', lessonId: lesson.id, at: at + 7 * MINUTE, data: { answers } });
    } else {
      events.push({ id: crypto.randomUUID(), type: 'completed', lessonId: lesson.id, at: at + 7 * MINUTE });
    }
    const result = await recordProgressEvents(learner.id, events, course, at + 8 * MINUTE);
    if (result.rejected.length > 0) throw new DemoRefused(`demo activity refused (study ${lesson.id}): ${JSON.stringify(result.rejected)}`);
  }

  /** A quiz tried once more, e.g. after reading the explanations. */
  async function retry(learner: Learner, lesson: LessonMeta, at: number, rightCount: number) {
    const answers = Object.fromEntries(answersFor(lesson.quiz, rightCount));
    const result = await recordProgressEvents(
      learner.id,
      [{ id: crypto.randomUUID(), type: 'quiz_submitted', lessonId: lesson.id, at, data: { answers } }],
      course,
      at + MINUTE,
    );
    if (result.rejected.length > 0) throw new DemoRefused(`demo activity refused (retry ${lesson.id}): ${JSON.stringify(result.rejected)}`);
  }

  /** Each sent task's mentor checks, so the review can tick them all. */
  const checksOf = new Map<string, string[]>();

  async function sendTask(learner: Learner, lesson: LessonMeta, at: number, text: string, link = '') {
    const id = expectOk(`task ${lesson.id}`, await submitTask(learner.id, lesson, { text, link }, at)).id;
    checksOf.set(id, lesson.task?.mentorChecks ?? []);
    return id;
  }

  async function review(mentor: Mentor, learner: Learner, submissionId: string, at: number, decision: 'approved' | 'needs_work', feedback = '') {
    // A real approval: every mentor check of the task ticked and a rubric level.
    const approval =
      decision === 'approved'
        ? { rubricLevel: '3', checks: (checksOf.get(submissionId) ?? []).map((_, i) => String(i)), openedAt: String(at - 5 * MINUTE) }
        : {};
    expectOk(`review ${submissionId}`, await reviewSubmission(mentor, learner.id, { submissionId, decision, feedback, ...approval }, at, course));
  }

  async function growthTest(learner: Learner, m: CourseModule, kind: PrePostKind, at: number, rightCount: number) {
    const raw = await loadRawRecords(learner.id);
    if (!raw) throw new DemoRefused(`demo activity: learner ${learner.id} missing`);
    expectOk(`${kind}-test ${m.id}`, await submitPrePost(learner.id, m, kind, answersFor(testItems(m, learner.id, kind), rightCount), raw, at));
  }

  async function selfAssess(learner: Learner, at: number, level: (pillar: string, i: number) => number) {
    const pairs = SELF_ASSESSMENT.map((item, i): [string, string] => [item.id, String(level(item.pillar, i))]);
    expectOk(`self-assessment ${learner.id}`, await submitSelfAssessment(learner.id, 'pre', pairs, { courseDone: false }, at));
  }

  // --- Bu Sari (kerupuk): finished the WhatsApp module with every task approved → a certificate.
  await selfAssess(sari, ago(27, 0), (pillar) => (pillar === 'aman' ? 3 : 2));
  expectOk('sales sari', await reportSalesBand(sari.id, { timepoint: 'start', band: '1to3' }, ago(27, 5)));
  await growthTest(sari, wa, 'pre', ago(27, 10), 2);
  for (const [i, lesson] of wa.lessons.entries()) {
    const day = 26 - i * 3;
    // She passed every quiz on her first answers (the ones that count) and tried the third one
    // again to practise.
    await study(sari, lesson, ago(day), lesson.quiz.length);
    if (i === 2) await retry(sari, lesson, ago(day, 30), lesson.quiz.length);
    if (lesson.task) {
      const id = await sendTask(sari, lesson, ago(day, 60), `Sudah saya kerjakan untuk Kerupuk Udang Bu Sari (${lesson.task.title.toLowerCase()}).`);
      await review(dewi, sari, id, ago(day - 1), 'approved', 'Bagus, Bu Sari. Rapi dan jelas.');
    }
  }
  await growthTest(sari, wa, 'post', ago(8), wa.prePost.length);
  // Issued when Mbak Dewi approved the last task; the call is a no-op then, and a guard otherwise.
  await issueEligibleCertificates(sari.id, course, undefined, ago(8, 5));
  if (!(await certificatesOf(sari.id)).some((c) => c.moduleId === wa.id)) throw new DemoRefused('demo activity: Bu Sari earned no certificate');
  await study(sari, uang.lessons[0], ago(3));
  await study(sari, uang.lessons[1], ago(1), Math.max(0, uang.lessons[1].quiz.length - 1));
  // "Ulang singkat": yesterday she answered three review items from her WhatsApp
  // lessons (the last one wrong), so capaian and the report show retention; more are due today,
  // so her home offers the card. Pak Hadi has left his first review waiting for two weeks while
  // still learning: his mentor sees a nudge for it.
  const reviewItems = await reviewSessionFor(sari.id, course, ago(1, 30));
  if (reviewItems.length < 3) throw new DemoRefused('demo activity: Bu Sari has no review due');
  for (const [i, due] of reviewItems.entries()) {
    const form = new FormData();
    form.set('item', due.item.id);
    form.set('option', answerFor(due.item, i < 2));
    expectOk(`review sari ${due.item.id}`, await answerReview(sari.id, course, form, ago(1, 30 + i)));
  }
  expectOk(
    'adoption sari',
    await recordAdoptionChecks(
      dewi,
      sari.id,
      { 'item.wa_business_profile': 'ya', 'item.catalog_5_items': 'ya', 'item.qris_active': 'tidak', checkedOn: jakartaDate(ago(7)) },
      ago(7),
    ),
  );

  // --- Pak Hadi (bandeng presto): half-way; his newest task waits for Mbak Dewi's review.
  await selfAssess(hadi, ago(21), (_pillar, i) => 2 + (i % 2));
  expectOk('sales hadi', await reportSalesBand(hadi.id, { timepoint: 'start', band: '3to5' }, ago(21, 5)));
  await growthTest(hadi, wa, 'pre', ago(21, 10), 1);
  await study(hadi, wa.lessons[0], ago(20));
  const hadiFirst = await sendTask(hadi, wa.lessons[0], ago(20, 60), 'Profil WhatsApp Business Bandeng Presto Hadi sudah ada alamat dan jam buka.');
  await review(dewi, hadi, hadiFirst, ago(19), 'needs_work', 'Jam buka sudah ada. Tolong tambahkan alamat lengkap di Candi supaya pembeli mudah mencari.');
  await review(
    dewi,
    hadi,
    await sendTask(hadi, wa.lessons[0], ago(18), 'Alamat lengkap sudah saya tambahkan.'),
    ago(17),
    'approved',
    'Sekarang lengkap. Terima kasih, Pak Hadi.',
  );
  await study(hadi, wa.lessons[1], ago(2), wa.lessons[1].quiz.length - 1);
  if (wa.lessons[1].task)
    await sendTask(hadi, wa.lessons[1], ago(1), 'Katalog sudah berisi 6 produk bandeng presto dengan harga dan foto.', 'https://wa.me/c/6281100000012');

  // --- Bu Lilik (tas Tanggulangin): stuck — the same quiz failed twice, nothing since.
  await selfAssess(lilik, ago(25), () => 2);
  await growthTest(lilik, aman, 'pre', ago(25, 10), 1);
  await study(lilik, aman.lessons[0], ago(24));
  await study(lilik, aman.lessons[1], ago(12), 0);
  await retry(lilik, aman.lessons[1], ago(12, 20), 1);
  expectOk(
    'note lilik',
    await addNote(dewi, lilik.id, { note: 'Bu Lilik bilang sinyal di rumah lemah. Coba ajak belajar bareng di balai desa hari Kamis.' }, ago(9)),
  );

  // --- Mbak Nur (batik): finance module; a task sent back and not redone for over a week.
  await selfAssess(nur, ago(26), (pillar) => (pillar === 'cakap' ? 3 : 2));
  expectOk('sales nur', await reportSalesBand(nur.id, { timepoint: 'start', band: '5to10' }, ago(26, 5)));
  await growthTest(nur, uang, 'pre', ago(26, 10), 2);
  await study(nur, uang.lessons[0], ago(25));
  if (uang.lessons[0].task)
    await review(
      arif,
      nur,
      await sendTask(nur, uang.lessons[0], ago(25, 60), 'Saya buka rekening khusus usaha batik dan menulis gaji saya Rp1.500.000 per bulan.'),
      ago(24),
      'approved',
      'Mantap, Mbak Nur.',
    );
  await study(nur, uang.lessons[1], ago(15));
  if (uang.lessons[1].task)
    await review(
      arif,
      nur,
      await sendTask(nur, uang.lessons[1], ago(15, 60), 'Sudah mencatat.'),
      ago(14),
      'needs_work',
      'Catatannya baru satu hari. Coba catat tujuh hari berturut-turut, lalu kirim lagi fotonya.',
    );
  await study(nur, uang.lessons[2], ago(2));

  // --- Bu Yanti (kue lumpur): just started this week.
  await selfAssess(yanti, ago(4), (pillar) => (pillar === 'budaya' ? 4 : 3));
  await study(yanti, wa.lessons[0], ago(2), Math.max(0, wa.lessons[0].quiz.length - 2));

  // --- The business network: profiles, a confirmed partnership, a pending request, a joint promotion.
  const profile = (businessName: string, category: string, kecamatan: string, description: string, offers: string[], seeks: string[]) => ({
    businessName,
    category,
    kecamatan,
    description,
    catalogLink: '',
    offers,
    seeks,
    visibility: 'cohort',
    showPhone: 'on',
  });
  expectOk(
    'profile sari',
    await saveProfile(
      sari.id,
      profile(
        'Kerupuk Udang Bu Sari',
        'makanan_minuman',
        'Sidoarjo',
        'Kerupuk udang asli Sidoarjo, digoreng tiap pagi.',
        ['reseller', 'joint_promotion'],
        ['supplier'],
      ),
      ago(20),
    ),
  );
  expectOk(
    'profile hadi',
    await saveProfile(
      hadi.id,
      profile('Bandeng Presto Hadi', 'makanan_minuman', 'Candi', 'Bandeng presto duri lunak, pesan H-1.', ['supplier', 'shared_delivery'], ['reseller']),
      ago(19),
    ),
  );
  expectOk(
    'profile lilik',
    await saveProfile(
      lilik.id,
      profile('Tas Lilik Tanggulangin', 'kerajinan', 'Tanggulangin', 'Tas kulit buatan tangan dari Tanggulangin.', ['joint_promotion'], ['reseller']),
      ago(18),
    ),
  );
  expectOk(
    'profile nur',
    await saveProfile(nur.id, profile('Batik Jetis Nur', 'fesyen', 'Sidoarjo', 'Batik tulis motif Jetis.', ['joint_promotion'], ['joint_promotion']), ago(16)),
  );
  const viewer = (learner: Learner) => loadViewer({ id: learner.id, role: 'learner', name: learner.name });
  const asked = expectOk(
    'partnership sari-hadi',
    await logPeerPartnership(await viewer(sari), { partnerId: hadi.id, type: 'supplier', startedOn: jakartaDate(ago(15)) }, ago(15)),
  );
  expectOk('confirm sari-hadi', await answerPartnership(await viewer(hadi), { partnershipId: asked.id ?? '' }, 'confirm', ago(14)));
  const asked2 = expectOk(
    'partnership nur-lilik',
    await logPeerPartnership(await viewer(nur), { partnerId: lilik.id, type: 'joint_promotion', startedOn: jakartaDate(ago(10)) }, ago(10)),
  );
  expectOk('confirm nur-lilik', await answerPartnership(await viewer(lilik), { partnershipId: asked2.id ?? '' }, 'confirm', ago(9)));
  expectOk(
    'partnership lilik-hadi (pending)',
    await logPeerPartnership(await viewer(lilik), { partnerId: hadi.id, type: 'reseller', startedOn: jakartaDate(ago(11)) }, ago(11)),
  );
  expectOk('promo', await makePromo(await viewer(sari), [lilik.id, nur.id], ago(6)));
}
