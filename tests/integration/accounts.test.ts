/**
 * Accounts in-process against a real migrated libSQL temp file with the demo data:
 * register with a join code, invite links, and the trainer's cohort/account/assignment forms.
 * Every bad input of issue 2 must name its problem and leave no half-created row behind.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { cohortMembers, cohorts, invites, mentorAssignments, sessions, users } from '../../db/schema';
import { id as dictionary } from '../../src/i18n/id';
import { registerWithJoinCode } from '../../src/lib/server/accounts/register';
import { createInvite, findUsableInvite, INVITE_TTL_MS, redeemInvite } from '../../src/lib/server/accounts/invites';
import { canInvite } from '../../src/lib/server/accounts/invite-access';
import { createAccount } from '../../src/lib/server/accounts/create-account';
import { login } from '../../src/lib/server/accounts/login';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { createCohort } from '../../src/lib/server/mentoring/cohorts';
import { assignMentor, assignmentHistory } from '../../src/lib/server/mentoring/assignments';
import { maySeeLearner } from '../../src/lib/server/access/learner-scope';

const DAY = 24 * 3600_000;
const LONG = 'x'.repeat(1000);
let database: Database;

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
  // A cohort that ended last year: its code no longer admits anyone.
  await database.insert(cohorts).values({
    id: 'ended-cohort',
    name: 'Porong – Angkatan 0',
    kecamatan: 'Porong',
    joinCode: 'PRG-2025',
    startsOn: '2025-01-01',
    endsOn: '2025-06-30',
    createdAt: Date.UTC(2025, 0, 1),
  });
});

type Counts = Record<'users' | 'members' | 'sessions' | 'invites' | 'assignments' | 'cohorts', number>;

async function counts(): Promise<Counts> {
  const q = async (table: string) => Number((await database.$client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  return {
    users: await q('users'),
    members: await q('cohort_members'),
    sessions: await q('sessions'),
    invites: await q('invites'),
    assignments: await q('mentor_assignments'),
    cohorts: await q('cohorts'),
  };
}

/** Every key an error result names must have an Indonesian message. */
function expectIndonesianMessages(errors: Record<string, string>) {
  for (const key of Object.values(errors)) {
    const text = (dictionary as Record<string, unknown>)[key];
    expect(typeof text, `message for ${key}`).toBe('string');
    expect((text as string).length).toBeGreaterThan(5);
  }
}

let phoneSeq = 0;
/** A fresh, valid, never-used Indonesian mobile number. */
const freshPhone = () => `0813${String(10_000_000 + ++phoneSeq).slice(-8)}`;

const validRegistration = (overrides: Record<string, string | undefined> = {}) => ({
  joinCode: 'SDA-2026',
  name: 'Bu Endang',
  phone: freshPhone(),
  businessName: 'Sambal Endang',
  businessType: 'sambal',
  kecamatan: 'Buduran',
  password: 'rahasia-endang',
  passwordRepeat: 'rahasia-endang',
  consent: 'on',
  ...overrides,
});

describe('register with a join code', () => {
  it('creates the learner, the membership, the consent time and a session, all together', async () => {
    const before = await counts();
    const now = Date.now();
    const input = validRegistration({ joinCode: ' sda-2026 ', phone: '+62 813-7777-0001', name: '  Bu Endang  ' });
    const result = await registerWithJoinCode(input, now);
    expect(result).toMatchObject({ ok: true, cohortName: 'Sidoarjo Kota – Angkatan 1' });
    if (!result.ok) return;

    const after = await counts();
    // The demo cohort has mentors, so the learner gets one at once (issue 16).
    expect(after).toEqual({
      ...before,
      users: before.users + 1,
      members: before.members + 1,
      sessions: before.sessions + 1,
      assignments: before.assignments + 1,
    });
    const [user] = await database.select().from(users).where(eq(users.phone, '+6281377770001'));
    expect(user).toMatchObject({
      name: 'Bu Endang',
      role: 'learner',
      consentAt: now,
      createdAt: now,
      businessName: 'Sambal Endang',
      kecamatan: 'Buduran',
      deletedAt: null,
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain('rahasia-endang');
    expect(await verifyPassword(user.passwordHash!, 'rahasia-endang')).toBe(true);
    const members = await database.select().from(cohortMembers).where(eq(cohortMembers.userId, user.id));
    expect(members).toEqual([{ cohortId: 'demo-cohort-1', userId: user.id, joinedAt: now }]);
    // The least-loaded of the cohort's two mentors (3 learners each in the demo: the first by name).
    const [assignment] = await database.select().from(mentorAssignments).where(eq(mentorAssignments.learnerId, user.id));
    expect(assignment).toMatchObject({ mentorId: 'demo-mentor-2', assignedBy: null, from: now, until: null });
    expect((await validateSessionToken(result.token, now))?.user).toMatchObject({ id: user.id, role: 'learner' });
    // The new learner can log in with the chosen password.
    expect(await login('081377770001', 'rahasia-endang', 'addr-register')).toMatchObject({ ok: true, role: 'learner' });
  });

  it('optional fields may be left out; kecamatan falls back to the cohort’s', async () => {
    const result = await registerWithJoinCode(validRegistration({ businessName: '', businessType: undefined, kecamatan: '  ', phone: '081377770002' }));
    expect(result.ok).toBe(true);
    const [user] = await database.select().from(users).where(eq(users.phone, '+6281377770002'));
    expect(user).toMatchObject({ businessName: null, businessType: null, kecamatan: 'Sidoarjo' });
  });

  const badInputs: Array<[string, Record<string, string | undefined>, string, string]> = [
    ['malformed phone', { phone: '0812-ABC' }, 'phone', 'phoneInvalid'],
    ['too short phone', { phone: '0812' }, 'phone', 'phoneInvalid'],
    ['landline', { phone: '0313456789' }, 'phone', 'phoneInvalid'],
    ['foreign phone', { phone: '+1 415 555 0100' }, 'phone', 'phoneForeign'],
    ['foreign phone (Malaysia)', { phone: '+60 12-345 6789' }, 'phone', 'phoneForeign'],
    ['empty phone', { phone: '' }, 'phone', 'phoneEmpty'],
    ['missing phone', { phone: undefined }, 'phone', 'phoneEmpty'],
    ['1,000-character phone', { phone: '8'.repeat(1000) }, 'phone', 'phoneInvalid'],
    ['empty name', { name: '' }, 'name', 'nameEmpty'],
    ['blank name', { name: '    ' }, 'name', 'nameEmpty'],
    ['1,000-character name', { name: LONG }, 'name', 'nameLong'],
    ['empty join code', { joinCode: '' }, 'joinCode', 'joinCodeEmpty'],
    ['1,000-character join code', { joinCode: LONG }, 'joinCode', 'textLong'],
    ['1,000-character business name', { businessName: LONG }, 'businessName', 'textLong'],
    ['1,000-character business type', { businessType: LONG }, 'businessType', 'textLong'],
    ['1,000-character kecamatan', { kecamatan: LONG }, 'kecamatan', 'textLong'],
    ['empty password', { password: '', passwordRepeat: '' }, 'password', 'passwordEmpty'],
    ['short password', { password: 'pendek', passwordRepeat: 'pendek' }, 'password', 'passwordShort'],
    ['1,000-character password', { password: LONG, passwordRepeat: LONG }, 'password', 'passwordLong'],
    ['password mismatch', { passwordRepeat: 'rahasia-lain' }, 'passwordRepeat', 'passwordMismatch'],
    ['missing password repeat', { passwordRepeat: undefined }, 'passwordRepeat', 'passwordMismatch'],
    ['missing consent', { consent: undefined }, 'consent', 'consentMissing'],
    ['consent not ticked', { consent: 'off' }, 'consent', 'consentMissing'],
    ['unknown join code', { joinCode: 'XYZ-9999' }, 'joinCode', 'joinCodeUnknown'],
    ['ended cohort', { joinCode: 'PRG-2025' }, 'joinCode', 'joinCodeEnded'],
    ['duplicate phone', { phone: '081100000011' }, 'phone', 'registerPhoneRefused'],
    ['duplicate phone written differently', { phone: '+62 811-0000-0011' }, 'phone', 'registerPhoneRefused'],
    ['duplicate phone of a mentor', { phone: '6281100000002' }, 'phone', 'registerPhoneRefused'],
  ];

  it.each(badInputs)('%s → %s: %s, and nothing is written', async (_name, overrides, field, key) => {
    const before = await counts();
    const input = validRegistration(overrides);
    const result = await registerWithJoinCode(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field]).toBe(key);
    expectIndonesianMessages(result.errors);
    expect(await counts()).toEqual(before);
    // The (valid) phone of the attempt did not get an account either.
    if (!('phone' in overrides)) {
      const e164 = `+62${input.phone!.slice(1)}`;
      expect(await database.select().from(users).where(eq(users.phone, e164))).toEqual([]);
    }
  });

  it('an empty form names every required field and writes nothing', async () => {
    const before = await counts();
    const result = await registerWithJoinCode({});
    expect(result).toEqual({
      ok: false,
      errors: { joinCode: 'joinCodeEmpty', name: 'nameEmpty', phone: 'phoneEmpty', password: 'passwordEmpty', consent: 'consentMissing' },
    });
    expect(await counts()).toEqual(before);
  });

  it('a duplicate registration leaves the existing account untouched', async () => {
    const [before] = await database.select().from(users).where(eq(users.id, 'demo-learner-1'));
    const result = await registerWithJoinCode(
      validRegistration({ phone: '081100000011', name: 'Penyusup', password: 'sandi-penyusup', passwordRepeat: 'sandi-penyusup' }),
    );
    expect(result).toEqual({ ok: false, errors: { phone: 'registerPhoneRefused' } });
    const [after] = await database.select().from(users).where(eq(users.id, 'demo-learner-1'));
    expect(after).toEqual(before);
    expect(await verifyPassword(after.passwordHash!, 'belajar-demo')).toBe(true);
  });

  it('the ended cohort still admits on its last day, until midnight in Sidoarjo (WIB)', async () => {
    // Both instants are compared with the fixed cohort above, never with a row written "now".
    const midnightWib = Date.UTC(2025, 5, 30, 17, 0); // 1 July 2025 00:00 WIB
    expect(await registerWithJoinCode(validRegistration({ joinCode: 'prg-2025', phone: freshPhone() }), midnightWib)).toEqual({
      ok: false,
      errors: { joinCode: 'joinCodeEnded' },
    });
    const lastMinute = midnightWib - 60_000; // 30 June 23:59 WIB
    const result = await registerWithJoinCode(validRegistration({ joinCode: 'prg-2025', phone: freshPhone() }), lastMinute);
    expect(result).toMatchObject({ ok: true, cohortName: 'Porong – Angkatan 0' });
  });
});

describe('invite links', () => {
  let learnerId: string;
  beforeEach(async () => {
    // A learner the trainer created without a password.
    const created = await createAccount({ role: 'learner', name: 'Pak Joko', phone: freshPhone(), cohortId: 'demo-cohort-1' });
    expect(created.ok).toBe(true);
    if (created.ok) learnerId = created.id;
  });

  it('creation stores only a hash of the token', async () => {
    const now = Date.UTC(2026, 10, 20);
    const token = await createInvite(learnerId, 'demo-mentor-1', now);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const result = await database.$client.execute({ sql: 'SELECT * FROM invites WHERE user_id = ?', args: [learnerId] });
    expect(result.rows).toHaveLength(1);
    for (const column of result.columns) {
      expect(String(result.rows[0][column]), column).not.toContain(token);
    }
    expect(result.rows[0].token_hash).toBe(hashSecret(token));
    expect(result.rows[0].expires_at).toBe(now + 7 * DAY);
    expect(INVITE_TTL_MS).toBe(7 * DAY);
  });

  it('sets the password once, logs in, and the second use is refused', async () => {
    const token = await createInvite(learnerId, 'demo-trainer');
    const [user] = await database.select().from(users).where(eq(users.id, learnerId));
    expect(user.passwordHash).toBeNull();
    expect(await login(user.phone!, 'sandi-joko-1', 'addr-invite')).toEqual({ ok: false, error: 'loginFailed' });

    const first = await redeemInvite(token, { password: 'sandi-joko-1', passwordRepeat: 'sandi-joko-1' });
    expect(first).toMatchObject({ ok: true, userId: learnerId });
    if (!first.ok || !('token' in first)) return;
    expect((await validateSessionToken(first.token))?.user.id).toBe(learnerId);
    const [invite] = await database.select().from(invites).where(eq(invites.userId, learnerId));
    expect(invite.usedAt).not.toBeNull();

    const sessionsBefore = (await counts()).sessions;
    const second = await redeemInvite(token, { password: 'sandi-joko-2', passwordRepeat: 'sandi-joko-2' });
    expect(second).toEqual({ ok: false, invalid: true });
    expect(await findUsableInvite(token)).toBeUndefined();
    expect((await counts()).sessions).toBe(sessionsBefore);
    const [after] = await database.select().from(users).where(eq(users.id, learnerId));
    expect(await verifyPassword(after.passwordHash!, 'sandi-joko-1')).toBe(true);
    expect(await verifyPassword(after.passwordHash!, 'sandi-joko-2')).toBe(false);
    expect(await login(user.phone!, 'sandi-joko-1', 'addr-invite')).toMatchObject({ ok: true, role: 'learner' });
  });

  it('two redemptions at the same moment: exactly one wins', async () => {
    const token = await createInvite(learnerId, 'demo-trainer');
    const results = await Promise.all([
      redeemInvite(token, { password: 'sandi-satu-1', passwordRepeat: 'sandi-satu-1' }),
      redeemInvite(token, { password: 'sandi-dua-22', passwordRepeat: 'sandi-dua-22' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && 'invalid' in r)).toHaveLength(1);
    expect(await database.select().from(sessions).where(eq(sessions.userId, learnerId))).toHaveLength(1);
  });

  it('an expired link (7 days) is refused and sets nothing', async () => {
    const created = Date.UTC(2026, 9, 1, 10, 0);
    const token = await createInvite(learnerId, 'demo-mentor-1', created);
    expect(await findUsableInvite(token, created + 7 * DAY - 1)).toBeDefined();
    expect(await findUsableInvite(token, created + 7 * DAY)).toBeUndefined();
    const before = await counts();
    const result = await redeemInvite(token, { password: 'sandi-joko-3', passwordRepeat: 'sandi-joko-3' }, created + 7 * DAY + 1);
    expect(result).toEqual({ ok: false, invalid: true });
    expect(await counts()).toEqual(before);
    const [user] = await database.select().from(users).where(eq(users.id, learnerId));
    expect(user.passwordHash).toBeNull();
  });

  it('bad input on the form keeps the link usable and sets nothing', async () => {
    const token = await createInvite(learnerId, 'demo-trainer');
    const before = await counts();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{}, 'password', 'passwordEmpty'],
      [{ password: 'pendek', passwordRepeat: 'pendek' }, 'password', 'passwordShort'],
      [{ password: LONG, passwordRepeat: LONG }, 'password', 'passwordLong'],
      [{ password: 'sandi-joko-4', passwordRepeat: 'sandi-joko-5' }, 'passwordRepeat', 'passwordMismatch'],
    ];
    for (const [input, field, key] of cases) {
      const result = await redeemInvite(token, input);
      expect(result.ok).toBe(false);
      expect(result.ok === false && 'errors' in result ? result.errors[field] : undefined).toBe(key);
    }
    expect(await counts()).toEqual(before);
    expect(await findUsableInvite(token)).toBeDefined();
    expect((await redeemInvite(token, { password: 'sandi-joko-6', passwordRepeat: 'sandi-joko-6' })).ok).toBe(true);
  });

  it.each([[''], ['bukan-token'], ['a'.repeat(32)], ['A'.repeat(32)], ['../../etc/passwd'], ['x'.repeat(1000)]])(
    'an unknown or malformed token %j is refused',
    async (token) => {
      const before = await counts();
      expect(await findUsableInvite(token)).toBeUndefined();
      expect(await redeemInvite(token, { password: 'sandi-joko-7', passwordRepeat: 'sandi-joko-7' })).toEqual({ ok: false, invalid: true });
      expect(await counts()).toEqual(before);
    },
  );

  it('redeeming ends every older session of that user (password reset)', async () => {
    // A learner who already has a password and is logged in on two phones.
    const old1 = await createSession('demo-learner-2');
    const old2 = await createSession('demo-learner-2');
    const someoneElse = await createSession('demo-learner-1');
    const token = await createInvite('demo-learner-2', 'demo-mentor-1');
    const result = await redeemInvite(token, { password: 'sandi-baru-hadi', passwordRepeat: 'sandi-baru-hadi' });
    expect(result.ok).toBe(true);
    expect(await validateSessionToken(old1.token)).toBeNull();
    expect(await validateSessionToken(old2.token)).toBeNull();
    const left = await database.select().from(sessions).where(eq(sessions.userId, 'demo-learner-2'));
    expect(left).toHaveLength(1);
    if (result.ok) expect(left[0].id).toBe(result.token.split('.')[0]);
    expect(await validateSessionToken(someoneElse.token)).not.toBeNull();
    // The old password no longer works, the new one does.
    expect(await login('081100000012', 'belajar-demo', 'addr-reset')).toEqual({ ok: false, error: 'loginFailed' });
    expect(await login('081100000012', 'sandi-baru-hadi', 'addr-reset')).toMatchObject({ ok: true });
  });

  it('who may invite whom: trainer anyone, mentor only own current learners, learner nobody', async () => {
    const mentor1 = { id: 'demo-mentor-1', role: 'mentor' as const };
    expect(await canInvite({ id: 'demo-trainer', role: 'trainer' }, 'demo-learner-5')).toBe(true);
    expect(await canInvite(mentor1, 'demo-learner-1')).toBe(true);
    expect(await canInvite(mentor1, 'demo-learner-5')).toBe(false);
    expect(await canInvite(mentor1, 'demo-mentor-2')).toBe(false);
    expect(await canInvite(mentor1, 'no-such-user')).toBe(false);
    expect(await canInvite({ id: 'demo-learner-1', role: 'learner' }, 'demo-learner-1')).toBe(false);
    expect(await canInvite({ id: 'demo-trainer', role: 'trainer' }, 'no-such-user')).toBe(false);
  });
});

describe('trainer: create a cohort', () => {
  const valid = (overrides: Record<string, string> = {}) => ({
    name: 'Candi – Angkatan 1',
    kecamatan: 'Candi',
    joinCode: 'CND-2026',
    waGroupLink: 'https://chat.whatsapp.com/AbCdEf123',
    startsOn: '2026-12-01',
    endsOn: '2027-04-30',
    ...overrides,
  });

  it.each([
    ['duplicate join code', { joinCode: 'SDA-2026' }, 'joinCode', 'joinCodeTaken'],
    ['duplicate join code in lower case', { joinCode: ' sda-2026 ' }, 'joinCode', 'joinCodeTaken'],
    ['join code with spaces', { joinCode: 'CND 2026' }, 'joinCode', 'joinCodeFormat'],
    ['join code too short', { joinCode: 'AB' }, 'joinCode', 'joinCodeFormat'],
    ['1,000-character join code', { joinCode: 'A'.repeat(1000) }, 'joinCode', 'joinCodeFormat'],
    ['empty join code', { joinCode: '' }, 'joinCode', 'joinCodeEmpty'],
    ['javascript: link', { waGroupLink: 'javascript:alert(1)' }, 'waGroupLink', 'linkInvalid'],
    ['http link', { waGroupLink: 'http://chat.whatsapp.com/x' }, 'waGroupLink', 'linkInvalid'],
    ['link with markup', { waGroupLink: 'https://chat.whatsapp.com/"><script>alert(1)</script>' }, 'waGroupLink', 'linkInvalid'],
    ['1,000-character link', { waGroupLink: 'https://' + 'a'.repeat(1000) }, 'waGroupLink', 'textLong'],
    ['end before start', { startsOn: '2027-01-01', endsOn: '2026-12-31' }, 'endsOn', 'dateOrder'],
    ['impossible date', { startsOn: '2026-02-30' }, 'startsOn', 'dateInvalid'],
    ['not a date', { endsOn: 'besok' }, 'endsOn', 'dateInvalid'],
    ['empty name', { name: '  ' }, 'name', 'fieldEmpty'],
    ['1,000-character name', { name: LONG }, 'name', 'textLong'],
    ['empty kecamatan', { kecamatan: '' }, 'kecamatan', 'fieldEmpty'],
    ['1,000-character kecamatan', { kecamatan: LONG }, 'kecamatan', 'textLong'],
  ])('%s → %s: %s, no cohort written', async (_name, overrides, field, key) => {
    const before = await counts();
    const result = await createCohort(valid(overrides));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field]).toBe(key);
    expectIndonesianMessages(result.errors);
    expect(await counts()).toEqual(before);
  });

  it('a valid cohort is created with its code upper-cased', async () => {
    const before = await counts();
    const result = await createCohort(valid({ joinCode: 'cnd-2026', waGroupLink: '', startsOn: '', endsOn: '' }));
    expect(result).toMatchObject({ ok: true, name: 'Candi – Angkatan 1' });
    expect((await counts()).cohorts).toBe(before.cohorts + 1);
    const [row] = await database.select().from(cohorts).where(eq(cohorts.joinCode, 'CND-2026'));
    expect(row).toMatchObject({ kecamatan: 'Candi', waGroupLink: null, startsOn: null, endsOn: null });
    // The same code a second time is refused.
    expect(await createCohort(valid())).toEqual({ ok: false, errors: { joinCode: 'joinCodeTaken' } });
  });
});

describe('trainer: create an account', () => {
  it.each([
    ['duplicate phone', { phone: '081100000013' }, 'phone', 'phoneTaken'],
    ['duplicate phone, other spelling', { phone: '62 811 0000 0013' }, 'phone', 'phoneTaken'],
    ['foreign phone', { phone: '+44 7700 900123' }, 'phone', 'phoneForeign'],
    ['malformed phone', { phone: 'nomor saya' }, 'phone', 'phoneInvalid'],
    ['unknown role', { role: 'admin' }, 'role', 'roleInvalid'],
    ['missing role', { role: '' }, 'role', 'roleInvalid'],
    ['unknown cohort id', { cohortId: 'no-such-cohort' }, 'cohortId', 'cohortUnknown'],
    ['1,000-character cohort id', { cohortId: LONG }, 'cohortId', 'textLong'],
    ['empty name', { name: '' }, 'name', 'nameEmpty'],
    ['1,000-character name', { name: LONG }, 'name', 'nameLong'],
    ['1,000-character business', { businessName: LONG }, 'businessName', 'textLong'],
  ])('%s → %s: %s, nothing written', async (_name, overrides, field, key) => {
    const before = await counts();
    const result = await createAccount({ role: 'learner', name: 'Bu Warsini', phone: freshPhone(), cohortId: 'demo-cohort-1', ...overrides });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field]).toBe(key);
    expectIndonesianMessages(result.errors);
    expect(await counts()).toEqual(before);
  });

  it('a learner account is placed in its cohort, without a password', async () => {
    const before = await counts();
    const result = await createAccount({
      role: 'learner',
      name: 'Bu Warsini',
      phone: '0813 5555 0001',
      cohortId: 'demo-cohort-1',
      businessName: 'Tempe Warsini',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await counts()).toEqual({ ...before, users: before.users + 1, members: before.members + 1 });
    const [user] = await database.select().from(users).where(eq(users.id, result.id));
    expect(user).toMatchObject({ phone: '+6281355550001', role: 'learner', passwordHash: null, businessName: 'Tempe Warsini' });
  });

  it('a mentor account gets no cohort membership and no business data', async () => {
    const result = await createAccount({ role: 'mentor', name: 'Mbak Rina', phone: '0813 5555 0002', cohortId: 'demo-cohort-1', businessName: 'x' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await database.select().from(cohortMembers).where(eq(cohortMembers.userId, result.id))).toEqual([]);
    const [user] = await database.select().from(users).where(eq(users.id, result.id));
    expect(user).toMatchObject({ role: 'mentor', businessName: null });
  });
});

describe('trainer: assign a mentor', () => {
  it.each([
    ['a learner as mentor', { learnerId: 'demo-learner-1', mentorId: 'demo-learner-2' }, 'mentorId', 'notAMentor'],
    ['the trainer as mentor', { learnerId: 'demo-learner-1', mentorId: 'demo-trainer' }, 'mentorId', 'notAMentor'],
    ['unknown mentor id', { learnerId: 'demo-learner-1', mentorId: 'no-such-mentor' }, 'mentorId', 'mentorUnknown'],
    ['unknown learner id', { learnerId: 'no-such-learner', mentorId: 'demo-mentor-2' }, 'learnerId', 'learnerUnknown'],
    ['a mentor as learner', { learnerId: 'demo-mentor-1', mentorId: 'demo-mentor-2' }, 'learnerId', 'learnerUnknown'],
    ['empty ids', { learnerId: '', mentorId: '' }, 'learnerId', 'learnerUnknown'],
    ['1,000-character ids', { learnerId: LONG, mentorId: LONG }, 'learnerId', 'learnerUnknown'],
    ['the current mentor again', { learnerId: 'demo-learner-1', mentorId: 'demo-mentor-1' }, 'mentorId', 'alreadyAssigned'],
  ])('%s → %s: %s, no assignment changed', async (_name, input, field, key) => {
    const rowsBefore = await database.select().from(mentorAssignments);
    const result = await assignMentor(input, 'demo-trainer');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field]).toBe(key);
    expectIndonesianMessages(result.errors);
    expect(await database.select().from(mentorAssignments)).toEqual(rowsBefore);
  });

  it('reassignment closes the old row and keeps exactly one current row', async () => {
    // Later than the demo rows, which are written at the moment the test database is seeded.
    const t1 = Date.now() + DAY;
    const t2 = t1 + 14 * DAY;
    const learnerId = 'demo-learner-3';
    const current = () =>
      database
        .select()
        .from(mentorAssignments)
        .where(and(eq(mentorAssignments.learnerId, learnerId), isNull(mentorAssignments.until)));
    const all = () => database.select().from(mentorAssignments).where(eq(mentorAssignments.learnerId, learnerId));
    expect(await current()).toHaveLength(1);
    const [original] = await current();
    expect(original.mentorId).toBe('demo-mentor-1');

    expect(await assignMentor({ learnerId, mentorId: 'demo-mentor-2' }, 'demo-trainer', t1)).toEqual({
      ok: true,
      learnerName: 'Bu Lilik',
      mentorName: 'Mas Arif',
    });
    let rows = await all();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === original.id)).toMatchObject({ mentorId: 'demo-mentor-1', until: t1 });
    expect(await current()).toEqual([expect.objectContaining({ mentorId: 'demo-mentor-2', from: t1, until: null, assignedBy: 'demo-trainer' })]);
    // Access follows the current row only.
    expect(await maySeeLearner({ id: 'demo-mentor-2', role: 'mentor' }, learnerId)).toBe(true);
    expect(await maySeeLearner({ id: 'demo-mentor-1', role: 'mentor' }, learnerId)).toBe(false);

    expect((await assignMentor({ learnerId, mentorId: 'demo-mentor-1' }, 'demo-trainer', t2)).ok).toBe(true);
    rows = await all();
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.until === null)).toEqual([expect.objectContaining({ mentorId: 'demo-mentor-1', from: t2 })]);
    expect(rows.filter((r) => r.mentorId === 'demo-mentor-2')).toEqual([expect.objectContaining({ from: t1, until: t2 })]);
    const history = await assignmentHistory(learnerId);
    expect(history.map((h) => h.mentorName)).toEqual(['Mbak Dewi', 'Mas Arif', 'Mbak Dewi']);
  });

  it('a learner without any mentor gets a first current row', async () => {
    const created = await createAccount({ role: 'learner', name: 'Pak Bambang', phone: freshPhone() });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect((await assignMentor({ learnerId: created.id, mentorId: 'demo-mentor-2' }, 'demo-trainer')).ok).toBe(true);
    const rows = await database.select().from(mentorAssignments).where(eq(mentorAssignments.learnerId, created.id));
    expect(rows).toEqual([expect.objectContaining({ mentorId: 'demo-mentor-2', until: null })]);
  });
});
