/**
 * The trainer's cohort page logic against a real libSQL temp file with the demo data: members
 * with mentor and progress (set-based, a fixed number of queries whatever the cohort's size),
 * the assignment history, editing a cohort, the mentor list, and bulk (re)assignment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { cohorts, lessonProgress, mentorAssignments, users } from '../../db/schema';
import { id as dictionary } from '../../src/i18n/id';
import { cohortAssignmentHistories, cohortMembersOverview, findCohort } from '../../src/lib/server/trainer/cohort-detail';
import { updateCohort } from '../../src/lib/server/trainer/cohort-edit';
import { mentorsWithLoad } from '../../src/lib/server/trainer/mentors';
import { assignMentorBulk } from '../../src/lib/server/trainer/bulk-assign';
import { importRoster } from '../../src/lib/server/trainer/roster-import';
import { createCohort } from '../../src/lib/server/mentoring/cohorts';
import { createAccount } from '../../src/lib/server/accounts/create-account';
import { assignMentor } from '../../src/lib/server/mentoring/assignments';
import { lastActiveText } from '../../src/lib/server/trainer/format';
import { wibDaysAgo } from '../../src/lib/wib';

let database: Database;
const DEMO_COHORT = 'demo-cohort-1';
const TRAINER = 'demo-trainer';
const AS_TRAINER = { id: TRAINER, role: 'trainer' as const };
const LESSONS = ['m1/01-a', 'm1/02-b', 'm2/01-c'];
const DAY = 24 * 3600_000;
const LONG = 'x'.repeat(10_000);

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
});

/** Counts the SQL statements a piece of code sends to the database. */
async function statementsOf<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const client = database.$client as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = { execute: client.execute, batch: client.batch };
  let statements = 0;
  client.execute = function (...args: unknown[]) {
    statements++;
    return originals.execute.apply(this, args);
  };
  client.batch = function (...args: unknown[]) {
    statements++;
    return originals.batch.apply(this, args);
  };
  try {
    return { result: await run(), statements };
  } finally {
    client.execute = originals.execute;
    client.batch = originals.batch;
  }
}

const expectMessage = (key: string) => {
  const text = (dictionary as Record<string, unknown>)[key];
  expect(typeof text, key).toBe('string');
};

describe('cohort members with mentor and progress', () => {
  it('lists the demo cohort with mentor, lessons done of the published ones, and last activity', async () => {
    const t = Date.now() - 7 * DAY; // relative to the run, like the demo rows it sits beside
    await database.insert(lessonProgress).values([
      { userId: 'demo-learner-1', lessonId: LESSONS[0], moduleId: 'm1', status: 'completed', lastActiveAt: t, completedAt: t },
      { userId: 'demo-learner-1', lessonId: LESSONS[1], moduleId: 'm1', status: 'viewed', lastActiveAt: t + 5 * 60_000 },
      { userId: 'demo-learner-1', lessonId: 'old/99-retired', moduleId: 'old', status: 'completed', lastActiveAt: t - DAY, completedAt: t - DAY },
      { userId: 'demo-learner-2', lessonId: LESSONS[0], moduleId: 'm1', status: 'completed', lastActiveAt: t - 3 * DAY, completedAt: t - 3 * DAY },
      { userId: 'demo-learner-2', lessonId: LESSONS[2], moduleId: 'm2', status: 'completed', lastActiveAt: t - 2 * DAY, completedAt: t - 2 * DAY },
    ]);
    const members = await cohortMembersOverview(AS_TRAINER, DEMO_COHORT, LESSONS);
    expect(members.map((m) => m.name)).toEqual(['Bu Lilik', 'Bu Sari', 'Bu Yanti', 'Mbak Nur', 'Pak Hadi', 'Pak Slamet']);
    const sari = members.find((m) => m.id === 'demo-learner-1')!;
    // The retired lesson does not count as done; it does count as activity.
    expect(sari).toMatchObject({
      phone: '+6281100000011',
      businessName: 'Kerupuk Udang Bu Sari',
      mentorId: 'demo-mentor-1',
      mentorName: 'Mbak Dewi',
      done: 1,
      total: 3,
      lastActiveAt: t + 5 * 60_000,
      hasPassword: true,
    });
    expect(members.find((m) => m.id === 'demo-learner-2')).toMatchObject({ done: 2, lastActiveAt: t - 2 * DAY, mentorName: 'Mbak Dewi' });
    expect(members.find((m) => m.id === 'demo-learner-6')).toMatchObject({ done: 0, lastActiveAt: null, mentorName: 'Mas Arif' });
  });

  it('takes the same small number of statements for 6 or 206 members (no query per member)', async () => {
    const small = await statementsOf(() => cohortMembersOverview(AS_TRAINER, DEMO_COHORT, LESSONS));
    const big = await createCohort({ name: 'Besar', kecamatan: 'Candi', joinCode: 'BIG-COHORT' });
    if (!big.ok) throw new Error('cohort');
    const text = ['nama,no hp', ...Array.from({ length: 206 }, (_, i) => `Peserta ${i},0818${String(i).padStart(8, '0')}`)].join('\n');
    expect((await importRoster({ cohortId: big.id, pasted: text, mentorId: 'demo-mentor-2' }, TRAINER)).ok).toBe(true);
    const large = await statementsOf(() => cohortMembersOverview(AS_TRAINER, big.id, LESSONS));
    expect(large.result).toHaveLength(206);
    expect(small.statements).toBe(1);
    expect(large.statements).toBe(1);
    const histories = await statementsOf(() => cohortAssignmentHistories(big.id));
    expect(histories.statements).toBe(1);
    expect(histories.result.size).toBe(206);
  });

  it('an empty cohort, an unknown cohort', async () => {
    const empty = await createCohort({ name: 'Kosong', kecamatan: 'Candi', joinCode: 'EMPTY-COHORT' });
    if (!empty.ok) throw new Error('cohort');
    expect(await cohortMembersOverview(AS_TRAINER, empty.id, LESSONS)).toEqual([]);
    expect(await cohortMembersOverview(AS_TRAINER, 'no-such-cohort', LESSONS)).toEqual([]);
    expect(await findCohort('no-such-cohort')).toBeUndefined();
    expect(await findCohort(LONG)).toBeUndefined();
    expect(await findCohort(DEMO_COHORT)).toMatchObject({ joinCode: 'SDA-2026' });
  });

  it('last active reads "hari ini", "kemarin", "3 hari lalu" on WIB days', () => {
    const now = Date.UTC(2026, 10, 10, 1, 0); // 08:00 WIB
    expect(lastActiveText(null, now, dictionary)).toBe('belum pernah');
    expect(lastActiveText(Date.UTC(2026, 10, 9, 17, 30), now, dictionary)).toBe('hari ini'); // 00:30 WIB today
    expect(lastActiveText(Date.UTC(2026, 10, 9, 16, 30), now, dictionary)).toBe('kemarin'); // 23:30 WIB yesterday
    expect(lastActiveText(now - 3 * DAY, now, dictionary)).toBe('3 hari lalu');
    expect(wibDaysAgo(now + DAY, now)).toBe(0);
  });
});

describe('edit a cohort', () => {
  let id: string;
  beforeAll(async () => {
    const created = await createCohort({ name: 'Tulangan', kecamatan: 'Tulangan', joinCode: 'TLG-2026' });
    if (!created.ok) throw new Error('cohort');
    id = created.id;
  });

  it('saves every field, the code upper-cased', async () => {
    const result = await updateCohort(id, {
      name: 'Tulangan – Angkatan 1',
      kecamatan: 'Tulangan',
      joinCode: 'tlg-2027',
      waGroupLink: 'https://chat.whatsapp.com/Tlg',
      startsOn: '2027-01-05',
      endsOn: '2027-04-30',
    });
    expect(result).toEqual({ ok: true, name: 'Tulangan – Angkatan 1' });
    expect(await findCohort(id)).toMatchObject({
      name: 'Tulangan – Angkatan 1',
      joinCode: 'TLG-2027',
      waGroupLink: 'https://chat.whatsapp.com/Tlg',
      startsOn: '2027-01-05',
      endsOn: '2027-04-30',
    });
    // Keeping its own code is fine.
    expect((await updateCohort(id, { name: 'Tulangan – Angkatan 1', kecamatan: 'Tulangan', joinCode: 'TLG-2027' })).ok).toBe(true);
    expect(await findCohort(id)).toMatchObject({ waGroupLink: null, startsOn: null, endsOn: null });
  });

  it.each([
    ['another cohort’s code', { joinCode: 'sda-2026' }, 'joinCode', 'joinCodeTaken'],
    ['10,000-character name', { name: LONG }, 'name', 'textLong'],
    ['10,000-character kecamatan', { kecamatan: LONG }, 'kecamatan', 'textLong'],
    ['10,000-character code', { joinCode: LONG }, 'joinCode', 'joinCodeFormat'],
    ['10,000-character link', { waGroupLink: 'https://' + LONG }, 'waGroupLink', 'textLong'],
    ['javascript: link', { waGroupLink: 'javascript:alert(1)' }, 'waGroupLink', 'linkInvalid'],
    ['end before start', { startsOn: '2027-02-01', endsOn: '2027-01-01' }, 'endsOn', 'dateOrder'],
    ['empty name', { name: ' ' }, 'name', 'fieldEmpty'],
  ])('%s → %s: %s, nothing saved', async (_what, overrides, field, key) => {
    const before = await findCohort(id);
    const result = await updateCohort(id, { name: 'Baru', kecamatan: 'Baru', joinCode: 'TLG-2027', ...overrides });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(key);
    expectMessage(key);
    expect(await findCohort(id)).toEqual(before);
  });

  it('an unknown cohort', async () => {
    expect(await updateCohort('no-such-cohort', { name: 'X', kecamatan: 'Y', joinCode: 'ZZZ-9999' })).toEqual({
      ok: false,
      errors: { _form: 'cohortUnknown' },
    });
    expect(await database.select().from(cohorts).where(eq(cohorts.joinCode, 'ZZZ-9999'))).toEqual([]);
  });
});

describe('bulk assign', () => {
  const open = (learnerId: string) =>
    database
      .select()
      .from(mentorAssignments)
      .where(and(eq(mentorAssignments.learnerId, learnerId), isNull(mentorAssignments.until)));
  const all = () => database.select().from(mentorAssignments);

  it('moves several learners to one mentor, keeping history; learners already with that mentor stay as they are', async () => {
    // Later than the demo rows, which are written at the moment the test database is seeded.
    const t1 = Date.now() + DAY;
    // Learner 1 and 2 are Dewi's, 4 is Arif's; all three go to Arif.
    const result = await assignMentorBulk(
      { learnerIds: ['demo-learner-1', 'demo-learner-2', 'demo-learner-4', 'demo-learner-1'], mentorId: 'demo-mentor-2' },
      TRAINER,
      { cohortId: DEMO_COHORT, now: t1 },
    );
    expect(result).toEqual({ ok: true, mentorName: 'Mas Arif', changed: 2, unchanged: 1 });
    for (const id of ['demo-learner-1', 'demo-learner-2']) {
      expect(await open(id)).toEqual([expect.objectContaining({ mentorId: 'demo-mentor-2', from: t1, assignedBy: TRAINER })]);
      const closed = (await all()).filter((r) => r.learnerId === id && r.mentorId === 'demo-mentor-1');
      expect(closed).toEqual([expect.objectContaining({ until: t1 })]);
    }
    expect((await all()).filter((r) => r.learnerId === 'demo-learner-4')).toHaveLength(1);

    const histories = await cohortAssignmentHistories(DEMO_COHORT);
    expect(histories.get('demo-learner-1')!.map((h) => [h.mentorName, h.until === null, h.assignedByName])).toEqual([
      ['Mas Arif', true, 'Bu Ratna (Pelatih)'],
      ['Mbak Dewi', false, 'Bu Ratna (Pelatih)'],
    ]);

    // And back again: three rows of history, one current.
    const t2 = t1 + DAY;
    expect(await assignMentorBulk({ learnerIds: ['demo-learner-1'], mentorId: 'demo-mentor-1' }, TRAINER, { now: t2 })).toEqual({
      ok: true,
      mentorName: 'Mbak Dewi',
      changed: 1,
      unchanged: 0,
    });
    const history = (await cohortAssignmentHistories(DEMO_COHORT)).get('demo-learner-1')!;
    expect(history.map((h) => h.mentorName)).toEqual(['Mbak Dewi', 'Mas Arif', 'Mbak Dewi']);
    expect(history.filter((h) => h.until === null)).toHaveLength(1);
  });

  it('learners without any mentor get their first row', async () => {
    const created = await createAccount({ role: 'learner', name: 'Bu Baru', phone: '081900000001', cohortId: DEMO_COHORT });
    if (!created.ok) throw new Error('account');
    expect(await assignMentorBulk({ learnerIds: [created.id], mentorId: 'demo-mentor-1' }, TRAINER)).toMatchObject({ ok: true, changed: 1 });
    expect(await open(created.id)).toHaveLength(1);
  });

  it.each([
    ['a learner as mentor', { learnerIds: ['demo-learner-3'], mentorId: 'demo-learner-2' }, 'mentorId', 'notAMentor'],
    ['the trainer as mentor', { learnerIds: ['demo-learner-3'], mentorId: 'demo-trainer' }, 'mentorId', 'notAMentor'],
    ['an unknown mentor', { learnerIds: ['demo-learner-3'], mentorId: 'no-such-mentor' }, 'mentorId', 'mentorUnknown'],
    ['no mentor chosen', { learnerIds: ['demo-learner-3'], mentorId: '' }, 'mentorId', 'trMentorMissing'],
    ['a 10,000-character mentor id', { learnerIds: ['demo-learner-3'], mentorId: LONG }, 'mentorId', 'mentorUnknown'],
    ['nobody ticked', { learnerIds: [], mentorId: 'demo-mentor-2' }, 'learnerIds', 'trChooseLearners'],
    ['no list at all', { mentorId: 'demo-mentor-2' }, 'learnerIds', 'trChooseLearners'],
    [
      'one unknown learner among good ones',
      { learnerIds: ['demo-learner-3', 'no-such-learner'], mentorId: 'demo-mentor-2' },
      'learnerIds',
      'trLearnersUnknown',
    ],
    ['a mentor among the learners', { learnerIds: ['demo-learner-3', 'demo-mentor-1'], mentorId: 'demo-mentor-2' }, 'learnerIds', 'trLearnersUnknown'],
    ['a 10,000-character learner id', { learnerIds: [LONG], mentorId: 'demo-mentor-2' }, 'learnerIds', 'learnerUnknown'],
    ['2,001 learners', { learnerIds: Array.from({ length: 2001 }, (_, i) => `l-${i}`), mentorId: 'demo-mentor-2' }, 'learnerIds', 'trTooManyChosen'],
  ])('%s → %s: %s, nothing changed', async (_what, input, field, key) => {
    const before = await all();
    const result = await assignMentorBulk(input, TRAINER, { cohortId: DEMO_COHORT });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(key);
    expectMessage(key);
    expect(await all()).toEqual(before);
  });

  it('with a cohort given, a learner from another cohort is refused', async () => {
    const other = await createCohort({ name: 'Lain', kecamatan: 'Krian', joinCode: 'KRN-2026' });
    if (!other.ok) throw new Error('cohort');
    const outsider = await createAccount({ role: 'learner', name: 'Pak Luar', phone: '081900000002', cohortId: other.id });
    if (!outsider.ok) throw new Error('account');
    const before = await all();
    expect(await assignMentorBulk({ learnerIds: ['demo-learner-3', outsider.id], mentorId: 'demo-mentor-2' }, TRAINER, { cohortId: DEMO_COHORT })).toEqual({
      ok: false,
      errors: { learnerIds: 'trLearnersUnknown' },
    });
    expect(await all()).toEqual(before);
  });

  it('the single assignment (existing) and the bulk one write the same history shape', async () => {
    const t = Date.now() + 30 * DAY; // after the demo row written at seeding
    expect((await assignMentor({ learnerId: 'demo-learner-5', mentorId: 'demo-mentor-1' }, TRAINER, t)).ok).toBe(true);
    const history = (await cohortAssignmentHistories(DEMO_COHORT)).get('demo-learner-5')!;
    expect(history.map((h) => [h.mentorName, h.until])).toEqual([
      ['Mbak Dewi', null],
      ['Mas Arif', t],
    ]);
  });
});

describe('mentors with their current load', () => {
  it('counts current learners only, not deleted ones or past assignments', async () => {
    const load = async () => Object.fromEntries((await mentorsWithLoad()).map((m) => [m.id, m.learners]));
    const before = await load();
    for (const mentorId of ['demo-mentor-1', 'demo-mentor-2']) {
      const [{ n }] = (
        await database.$client.execute({ sql: 'SELECT count(*) AS n FROM mentor_assignments WHERE mentor_id = ? AND until IS NULL', args: [mentorId] })
      ).rows;
      expect(before[mentorId]).toBe(Number(n));
    }
    // A deleted learner no longer counts for their mentor.
    const [current] = await database
      .select()
      .from(mentorAssignments)
      .where(and(eq(mentorAssignments.learnerId, 'demo-learner-2'), isNull(mentorAssignments.until)));
    await database.update(users).set({ deletedAt: Date.now() }).where(eq(users.id, 'demo-learner-2'));
    expect((await load())[current.mentorId]).toBe(before[current.mentorId] - 1);
    const fresh = await createAccount({ role: 'mentor', name: 'Mbak Baru', phone: '081900000003' });
    expect(fresh.ok).toBe(true);
    expect((await mentorsWithLoad()).find((m) => m.name === 'Mbak Baru')).toMatchObject({ learners: 0, hasPassword: false });
  });
});
