/**
 * The mentor's pure rules: who is stuck and why (stuckReasons, at its 7-day and two-failures
 * boundaries) and the WhatsApp nudge texts and links
 * (nudge-message.ts, buildNudge): a task to redo comes before the next lesson, wa.me gets E.164
 * digits, and the text names the lesson and links to it.
 */
import { describe, expect, it } from 'vitest';
import { passed, PASS_RATIO, STUCK_AFTER_MS, stuckReasons, type LearnerActivity } from '../../src/lib/mentoring/stuck';
import { allDoneNudge, nextLessonNudge, redoTaskNudge } from '../../src/lib/mentoring/nudge-message';
import { buildNudge } from '../../src/lib/server/mentoring/nudge-link';
import type { LessonMeta } from '../../src/lib/learning/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 27, 9, 0, 0);

/** A learner who joined a month ago and was active an hour ago: nothing to flag. */
const activity = (over: Partial<LearnerActivity> = {}): LearnerActivity => ({
  joinedAt: NOW - 30 * DAY,
  lastActiveAt: NOW - HOUR,
  attempts: [],
  latestTasks: [],
  ...over,
});
const kinds = (a: LearnerActivity, now = NOW) => stuckReasons(a, now).map((r) => r.kind);
const attempt = (lessonId: string, score: number, at: number, maxScore = 3) => ({ lessonId, score, maxScore, at });

describe('stuckReasons: no activity for 7 days', () => {
  it('uses a 7-day window', () => {
    expect(STUCK_AFTER_MS).toBe(7 * DAY);
  });

  it('flags a learner last active exactly 7 days ago, with the time they were last seen', () => {
    expect(stuckReasons(activity({ lastActiveAt: NOW - 7 * DAY }), NOW)).toEqual([{ kind: 'inactive', since: NOW - 7 * DAY }]);
  });

  it('does not flag 6 days 23 hours (nor 7 days minus one millisecond)', () => {
    expect(kinds(activity({ lastActiveAt: NOW - 6 * DAY - 23 * HOUR }))).toEqual([]);
    expect(kinds(activity({ lastActiveAt: NOW - 7 * DAY + 1 }))).toEqual([]);
  });

  it('flags long absences too (30 days)', () => {
    expect(kinds(activity({ lastActiveAt: NOW - 30 * DAY }))).toEqual(['inactive']);
  });

  it('a never-started learner is flagged 7 days after joining, not before', () => {
    expect(stuckReasons(activity({ lastActiveAt: null, joinedAt: NOW - 7 * DAY }), NOW)).toEqual([{ kind: 'neverStarted', since: NOW - 7 * DAY }]);
    expect(kinds(activity({ lastActiveAt: null, joinedAt: NOW - 6 * DAY - 23 * HOUR }))).toEqual([]);
    expect(kinds(activity({ lastActiveAt: null, joinedAt: NOW - 2 * DAY }))).toEqual([]);
  });

  it('a never-started learner is never also "inactive" (one reason, the right one)', () => {
    expect(kinds(activity({ lastActiveAt: null, joinedAt: NOW - 60 * DAY }))).toEqual(['neverStarted']);
  });

  it('a joining date in the future (clock skew) flags nothing', () => {
    expect(kinds(activity({ lastActiveAt: null, joinedAt: NOW + DAY }))).toEqual([]);
  });
});

describe('stuckReasons: the same quiz failed twice', () => {
  const L = 'wa/01-profil';
  it(`the pass mark is ${PASS_RATIO * 100}% of the maximum`, () => {
    expect(passed({ score: 7, maxScore: 10 })).toBe(true);
    expect(passed({ score: 6, maxScore: 10 })).toBe(false);
    expect(passed({ score: 2, maxScore: 3 })).toBe(false); // 66.7 %
    expect(passed({ score: 3, maxScore: 3 })).toBe(true);
    expect(passed({ score: 0, maxScore: 0 })).toBe(false); // a quiz without items is never "passed"
  });

  it('two failed attempts in a row flag the lesson', () => {
    const a = activity({ attempts: [attempt(L, 1, NOW - 2 * HOUR), attempt(L, 2, NOW - HOUR)] });
    expect(stuckReasons(a, NOW)).toEqual([{ kind: 'quizFailedTwice', lessonId: L }]);
  });

  it('the attempts may arrive in any order (offline sync)', () => {
    const a = activity({ attempts: [attempt(L, 2, NOW - HOUR), attempt(L, 0, NOW - 3 * HOUR), attempt(L, 1, NOW - 2 * HOUR)] });
    expect(kinds(a)).toEqual(['quizFailedTwice']);
  });

  it('one failure is not stuck', () => {
    expect(kinds(activity({ attempts: [attempt(L, 0, NOW - HOUR)] }))).toEqual([]);
  });

  it('fail, pass, fail: passed once, so not stuck', () => {
    const a = activity({ attempts: [attempt(L, 0, NOW - 3 * HOUR), attempt(L, 3, NOW - 2 * HOUR), attempt(L, 1, NOW - HOUR)] });
    expect(kinds(a)).toEqual([]);
  });

  it('pass then two failures (practising again): passed once, so not stuck', () => {
    const a = activity({ attempts: [attempt(L, 3, NOW - 3 * HOUR), attempt(L, 1, NOW - 2 * HOUR), attempt(L, 0, NOW - HOUR)] });
    expect(kinds(a)).toEqual([]);
  });

  it('fail, fail, pass: the pass clears it', () => {
    const a = activity({ attempts: [attempt(L, 0, NOW - 3 * HOUR), attempt(L, 1, NOW - 2 * HOUR), attempt(L, 3, NOW - HOUR)] });
    expect(kinds(a)).toEqual([]);
  });

  it('one failure in each of two lessons is not "the same quiz twice"', () => {
    const a = activity({ attempts: [attempt('wa/01', 0, NOW - 2 * HOUR), attempt('wa/02', 0, NOW - HOUR)] });
    expect(kinds(a)).toEqual([]);
  });

  it('each lesson failed twice is its own reason', () => {
    const a = activity({
      attempts: [
        attempt('wa/01', 0, NOW - 4 * HOUR),
        attempt('wa/01', 1, NOW - 3 * HOUR),
        attempt('wa/02', 0, NOW - 2 * HOUR),
        attempt('wa/02', 2, NOW - HOUR),
      ],
    });
    expect(stuckReasons(a, NOW)).toEqual([
      { kind: 'quizFailedTwice', lessonId: 'wa/01' },
      { kind: 'quizFailedTwice', lessonId: 'wa/02' },
    ]);
  });

  it('exactly at the pass mark counts as passed', () => {
    const a = activity({ attempts: [attempt(L, 7, NOW - 2 * HOUR, 10), attempt(L, 7, NOW - HOUR, 10)] });
    expect(kinds(a)).toEqual([]);
  });
});

describe('stuckReasons: a task sent back and not redone in 7 days', () => {
  const task = (status: 'submitted' | 'approved' | 'needs_work', reviewedAt: number | null) => ({ taskId: 'profil-bisnis', status, reviewedAt });

  it('needs work, reviewed exactly 7 days ago, not resubmitted: flagged, since the review', () => {
    expect(stuckReasons(activity({ latestTasks: [task('needs_work', NOW - 7 * DAY)] }), NOW)).toEqual([
      { kind: 'taskNotRedone', taskId: 'profil-bisnis', since: NOW - 7 * DAY },
    ]);
  });

  it('needs work, reviewed 6 days 23 hours ago: not yet', () => {
    expect(kinds(activity({ latestTasks: [task('needs_work', NOW - 6 * DAY - 23 * HOUR)] }))).toEqual([]);
  });

  it('resubmitted (the latest is "submitted" again): not stuck, however old the review was', () => {
    expect(kinds(activity({ latestTasks: [task('submitted', null)] }))).toEqual([]);
  });

  it('approved long ago: not stuck', () => {
    expect(kinds(activity({ latestTasks: [task('approved', NOW - 40 * DAY)] }))).toEqual([]);
  });

  it('needs work without a review time (inconsistent row) is not flagged rather than guessed', () => {
    expect(kinds(activity({ latestTasks: [task('needs_work', null)] }))).toEqual([]);
  });
});

describe('stuckReasons: several reasons at once', () => {
  it('lists inactivity, the quiz and the task together (the dashboard sorts by how many)', () => {
    const a = activity({
      lastActiveAt: NOW - 10 * DAY,
      attempts: [attempt('wa/01', 0, NOW - 11 * DAY), attempt('wa/01', 1, NOW - 10 * DAY)],
      latestTasks: [{ taskId: 'katalog', status: 'needs_work', reviewedAt: NOW - 9 * DAY }],
    });
    expect(kinds(a)).toEqual(['inactive', 'quizFailedTwice', 'taskNotRedone']);
  });
});

// ---------------------------------------------------------------- nudges

const lesson = (id: string, title: string, minutes = 7): LessonMeta => ({
  id,
  module: id.split('/')[0],
  slug: id.split('/')[1],
  order: 1,
  title,
  summary: 'Ringkasan.',
  minutes,
  pillars: ['cakap'],
  objectives: [],
  quiz: [],
  draft: false,
});
const NEXT = lesson('pemasaran-whatsapp/02-katalog-produk', 'Katalog Produk', 8);
const REDO = lesson('pemasaran-whatsapp/01-profil-whatsapp-business', 'Profil WhatsApp Business');
const LEARNER = { name: 'Bu Lilik', phone: '+6281100000013' };
const ORIGIN = 'https://melek.example';

/** The prefilled text of a wa.me link, decoded. */
function waParts(href: string) {
  const url = new URL(href);
  return { host: url.host, digits: url.pathname.slice(1), text: url.searchParams.get('text') ?? '' };
}

describe('nudge messages', () => {
  it('next lesson: greets the learner, names the mentor, the lesson, its minutes and the link', () => {
    const text = nextLessonNudge({ learner: 'Bu Sari', mentor: 'Mbak Dewi', lessonTitle: 'Katalog Produk', minutes: 8, url: `${ORIGIN}/learn/x/y` });
    expect(text).toMatch(/^Halo Bu Sari, ini Mbak Dewi dari Melek\./);
    expect(text).toContain('"Katalog Produk"');
    expect(text).toContain('8 menit');
    expect(text).toContain(`${ORIGIN}/learn/x/y`);
  });

  it("redo task: names the task and links to the mentor's note", () => {
    const text = redoTaskNudge({ learner: 'Pak Hadi', mentor: 'Mas Arif', taskTitle: 'Buat katalog 5 produk', url: `${ORIGIN}/learn/a/b#tugas` });
    expect(text).toMatch(/^Halo Pak Hadi, ini Mas Arif dari Melek\./);
    expect(text).toContain('"Buat katalog 5 produk"');
    expect(text).toContain(`${ORIGIN}/learn/a/b#tugas`);
  });

  it('all done: congratulates and links to /learn', () => {
    const text = allDoneNudge({ learner: 'Bu Yanti', mentor: 'Mas Arif', url: `${ORIGIN}/learn` });
    expect(text).toContain('Selamat');
    expect(text).toContain(`${ORIGIN}/learn`);
  });
});

describe('buildNudge', () => {
  it('next lesson: wa.me with the E.164 digits (no plus) and the lesson title and link in the text', () => {
    const nudge = buildNudge({ learner: LEARNER, mentorName: 'Mbak Dewi', origin: ORIGIN, next: NEXT });
    expect(nudge.kind).toBe('next_lesson');
    expect(nudge.lessonId).toBe(NEXT.id);
    expect(nudge.href.startsWith('https://wa.me/6281100000013?text=')).toBe(true);
    const parts = waParts(nudge.href);
    expect(parts).toMatchObject({ host: 'wa.me', digits: '6281100000013' });
    expect(parts.text).toBe(nudge.text);
    expect(parts.text).toContain('Katalog Produk');
    expect(parts.text).toContain(`${ORIGIN}/learn/${NEXT.id}`);
    expect(parts.text).toContain('Bu Lilik');
    expect(parts.text).toContain('Mbak Dewi');
  });

  it('a task to redo comes before the next lesson', () => {
    const nudge = buildNudge({
      learner: LEARNER,
      mentorName: 'Mbak Dewi',
      origin: ORIGIN,
      next: NEXT,
      redo: { taskTitle: 'Lengkapi profil bisnis', lesson: REDO },
    });
    expect(nudge.kind).toBe('redo_task');
    expect(nudge.lessonId).toBe(REDO.id);
    const { text, digits } = waParts(nudge.href);
    expect(digits).toBe('6281100000013');
    expect(text).toContain('Lengkapi profil bisnis');
    expect(text).toContain(`${ORIGIN}/learn/${REDO.id}#tugas`);
    expect(text).not.toContain('Katalog Produk');
  });

  it("nothing left: a congratulation linking to /learn, still to the learner's number", () => {
    const nudge = buildNudge({ learner: LEARNER, mentorName: 'Mbak Dewi', origin: ORIGIN });
    expect(nudge.kind).toBe('next_lesson');
    expect(nudge.lessonId).toBeUndefined();
    const { text, digits } = waParts(nudge.href);
    expect(digits).toBe('6281100000013');
    expect(text).toContain(`${ORIGIN}/learn`);
  });

  it('the text survives the URL: quotes, ampersands, newlines and non-ASCII names are encoded', () => {
    const nudge = buildNudge({
      learner: { name: 'Bu Sri & "Anak"', phone: '+6285712345678' },
      mentorName: 'Mbak Déwi',
      origin: ORIGIN,
      next: lesson('m/01-a', 'Harga & Ongkir: "Jujur"?'),
    });
    expect(nudge.href).not.toMatch(/\s/);
    const { text, digits } = waParts(nudge.href);
    expect(digits).toBe('6285712345678');
    expect(text).toBe(nudge.text);
    expect(text).toContain('Harga & Ongkir: "Jujur"?');
    expect(text).toContain('Bu Sri & "Anak"');
    expect(text).toContain('\n');
  });

  it('links follow the origin given (PUBLIC_URL in production)', () => {
    const nudge = buildNudge({ learner: LEARNER, mentorName: 'Mbak Dewi', origin: 'http://127.0.0.1:4321', next: NEXT });
    expect(waParts(nudge.href).text).toContain(`http://127.0.0.1:4321/learn/${NEXT.id}`);
  });
});
