/**
 * The demo is dated from the moment it is seeded: whoever first starts Melek — today, next year or
 * in 2030 — gets a demo cohort whose join code works, and demo rows written at that moment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { cohortMembers, cohorts, mentorAssignments, users } from '../../db/schema';
import { DEMO, demoCohortPeriod, seedDemoIfEmpty } from '../../db/seed';
import { hashPassword } from '../../src/lib/server/auth/password';
import { registerWithJoinCode } from '../../src/lib/server/accounts/register';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { jakartaDate } from '../../src/lib/wib';

const DAY = 86_400_000;
// A user who first starts Melek about four years from the moment this test runs.
const SEEDED = Date.now() + 4 * 365 * DAY;
let database: Database;
let phoneSeq = 0;

const join = (now: number) =>
  registerWithJoinCode(
    {
      joinCode: DEMO.cohort.joinCode.toLowerCase(),
      name: 'Bu Wati',
      phone: `0813${String(20_000_000 + ++phoneSeq).slice(-8)}`,
      password: 'rahasia-wati',
      passwordRepeat: 'rahasia-wati',
      consent: 'on',
    },
    now,
  );

beforeAll(async () => {
  ({ db: database } = await useTempDatabase());
  expect(await seedDemoIfEmpty(database, { hashPassword, now: SEEDED })).toBe(true);
});

describe('demo data dated from the moment of seeding', () => {
  it('the demo cohort began 30 days before seeding and runs 180 days after, in Sidoarjo days', async () => {
    const [cohort] = await database.select().from(cohorts).where(eq(cohorts.joinCode, DEMO.cohort.joinCode));
    expect(cohort).toMatchObject({ startsOn: jakartaDate(SEEDED - 30 * DAY), endsOn: jakartaDate(SEEDED + 180 * DAY), createdAt: SEEDED });
    expect(demoCohortPeriod(SEEDED)).toEqual({ startsOn: cohort.startsOn, endsOn: cohort.endsOn });
  });

  it('every demo row is written at the moment of seeding', async () => {
    expect(new Set((await database.select().from(users)).map((u) => u.createdAt))).toEqual(new Set([SEEDED]));
    expect(new Set((await database.select().from(cohortMembers)).map((m) => m.joinedAt))).toEqual(new Set([SEEDED]));
    expect(new Set((await database.select().from(mentorAssignments)).map((a) => a.from))).toEqual(new Set([SEEDED]));
  });

  it('a new learner joins with the demo code that day, and gets a working session', async () => {
    const now = SEEDED + 3600_000;
    const result = await join(now);
    expect(result).toMatchObject({ ok: true, cohortName: DEMO.cohort.name });
    if (!result.ok) return;
    expect((await validateSessionToken(result.token, now + DAY))?.user).toMatchObject({ name: 'Bu Wati', role: 'learner' });
  });

  it('the code admits until the cohort’s last day ends in Sidoarjo, and not after', async () => {
    const [cohort] = await database.select().from(cohorts).where(eq(cohorts.joinCode, DEMO.cohort.joinCode));
    const midnightAfter = Date.parse(`${cohort.endsOn}T00:00:00+07:00`) + DAY;
    expect(await join(midnightAfter - 60_000)).toMatchObject({ ok: true });
    expect(await join(midnightAfter)).toEqual({ ok: false, errors: { joinCode: 'joinCodeEnded' } });
  });

  it('a second start on the same database adds nothing', async () => {
    const before = (await database.select().from(users)).length;
    expect(await seedDemoIfEmpty(database, { hashPassword, now: SEEDED + 400 * DAY })).toBe(false);
    expect((await database.select().from(users)).length).toBe(before);
  });
});
