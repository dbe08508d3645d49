import { count } from 'drizzle-orm';
import type { Database } from './client';
import { cohortMembers, cohorts, mentorAssignments, users } from './schema/index';

/** The demo accounts a new user sees in the README and in `npm start`'s output. */
export const DEMO = {
  cohort: { name: 'Sidoarjo Kota – Angkatan 1', joinCode: 'SDA-2026', kecamatan: 'Sidoarjo' },
  trainer: { phone: '081100000001', password: 'pelatih-demo', name: 'Bu Ratna (Pelatih)' },
  mentors: [
    { phone: '081100000002', password: 'mentor-demo', name: 'Mbak Dewi' },
    { phone: '081100000003', password: 'mentor-demo', name: 'Mas Arif' },
  ],
  learners: [
    { phone: '081100000011', name: 'Bu Sari', businessName: 'Kerupuk Udang Bu Sari', businessType: 'kerupuk', kecamatan: 'Sidoarjo' },
    { phone: '081100000012', name: 'Pak Hadi', businessName: 'Bandeng Presto Hadi', businessType: 'bandeng presto', kecamatan: 'Candi' },
    { phone: '081100000013', name: 'Bu Lilik', businessName: 'Tas Lilik Tanggulangin', businessType: 'tas', kecamatan: 'Tanggulangin' },
    { phone: '081100000014', name: 'Mbak Nur', businessName: 'Batik Jetis Nur', businessType: 'batik', kecamatan: 'Sidoarjo' },
    { phone: '081100000015', name: 'Bu Yanti', businessName: 'Kue Lumpur Yanti', businessType: 'kue', kecamatan: 'Buduran' },
    { phone: '081100000016', name: 'Pak Slamet', businessName: 'Petis Slamet', businessType: 'petis', kecamatan: 'Porong' },
  ],
  learnerPassword: 'belajar-demo',
} as const;

const e164 = (national: string) => `+62${national.slice(1)}`;

const DAY_MS = 24 * 3600_000;
/** "YYYY-MM-DD" in Sidoarjo (WIB, UTC+7, no daylight saving) `days` after `at`. db/ imports nothing from src/. */
const wibDay = (at: number, days = 0) => new Date(at + days * DAY_MS + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * The demo cohort's period, relative to the moment of seeding: it began a month ago and runs for
 * half a year, so the join code works the same whether Melek is first started in 2026 or 2030.
 */
export const demoCohortPeriod = (now: number) => ({ startsOn: wibDay(now, -30), endsOn: wibDay(now, 180) });

/** With history, the demo's staff joined five weeks before seeding and its learners four: the demo activity fills those weeks. */
const DEMO_STAFF_DAYS = 35;
const DEMO_LEARNER_DAYS = 28;

/** Ids of the demo rows, for the demo activity (src/lib/server/demo/activity.ts). */
export const DEMO_IDS = {
  cohort: 'demo-cohort-1',
  trainer: 'demo-trainer',
  mentors: ['demo-mentor-1', 'demo-mentor-2'],
  learners: DEMO.learners.map((_, i) => `demo-learner-${i + 1}`),
} as const;

export interface SeedOptions {
  hashPassword: (password: string) => Promise<string>;
  now?: number;
  /** Date the accounts weeks back, for the demo activity to fill (npm start); without it every row is written at `now`. */
  withHistory?: boolean;
}

/** Seeds the demo data when the database holds no user yet; returns whether it did. */
export async function seedDemoIfEmpty(database: Database, { hashPassword, now = Date.now(), withHistory = false }: SeedOptions): Promise<boolean> {
  const [{ n }] = await database.select({ n: count() }).from(users);
  if (n > 0) return false;
  const [trainerHash, mentorHash, learnerHash] = await Promise.all([
    hashPassword(DEMO.trainer.password),
    hashPassword(DEMO.mentors[0].password),
    hashPassword(DEMO.learnerPassword),
  ]);
  const { cohort: cohortId, trainer: trainerId, mentors: mentorIds, learners: learnerIds } = DEMO_IDS;
  const staffSince = withHistory ? now - DEMO_STAFF_DAYS * DAY_MS : now;
  const learnersSince = withHistory ? now - DEMO_LEARNER_DAYS * DAY_MS : now;
  await database.batch([
    database.insert(cohorts).values({ id: cohortId, ...DEMO.cohort, ...demoCohortPeriod(now), createdAt: staffSince }),
    database.insert(users).values([
      {
        id: trainerId,
        phone: e164(DEMO.trainer.phone),
        name: DEMO.trainer.name,
        role: 'trainer',
        passwordHash: trainerHash,
        kecamatan: 'Sidoarjo',
        consentAt: staffSince,
        createdAt: staffSince,
      },
      ...DEMO.mentors.map((m, i) => ({
        id: mentorIds[i],
        phone: e164(m.phone),
        name: m.name,
        role: 'mentor' as const,
        passwordHash: mentorHash,
        kecamatan: 'Sidoarjo',
        consentAt: staffSince,
        createdAt: staffSince,
      })),
      ...DEMO.learners.map((l, i) => ({
        id: learnerIds[i],
        phone: e164(l.phone),
        name: l.name,
        role: 'learner' as const,
        passwordHash: learnerHash,
        businessName: l.businessName,
        businessType: l.businessType,
        kecamatan: l.kecamatan,
        consentAt: learnersSince,
        createdAt: learnersSince,
      })),
    ]),
    database.insert(cohortMembers).values(learnerIds.map((userId) => ({ cohortId, userId, joinedAt: learnersSince }))),
    // Three learners for each mentor.
    database.insert(mentorAssignments).values(
      learnerIds.map((learnerId, i) => ({
        id: `demo-assign-${i + 1}`,
        mentorId: mentorIds[i < 3 ? 0 : 1],
        learnerId,
        assignedBy: trainerId,
        from: learnersSince,
      })),
    ),
  ]);
  return true;
}
