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

export interface SeedOptions {
  hashPassword: (password: string) => Promise<string>;
  now?: number;
}

/** Seeds the demo data when the database holds no user yet; returns whether it did. */
export async function seedDemoIfEmpty(database: Database, { hashPassword, now = Date.now() }: SeedOptions): Promise<boolean> {
  const [{ n }] = await database.select({ n: count() }).from(users);
  if (n > 0) return false;
  const [trainerHash, mentorHash, learnerHash] = await Promise.all([
    hashPassword(DEMO.trainer.password),
    hashPassword(DEMO.mentors[0].password),
    hashPassword(DEMO.learnerPassword),
  ]);
  const cohortId = 'demo-cohort-1';
  const trainerId = 'demo-trainer';
  const mentorIds = ['demo-mentor-1', 'demo-mentor-2'];
  const learnerIds = DEMO.learners.map((_, i) => `demo-learner-${i + 1}`);
  await database.batch([
    database.insert(cohorts).values({ id: cohortId, ...DEMO.cohort, ...demoCohortPeriod(now), createdAt: now }),
    database.insert(users).values([
      { id: trainerId, phone: e164(DEMO.trainer.phone), name: DEMO.trainer.name, role: 'trainer', passwordHash: trainerHash, kecamatan: 'Sidoarjo', consentAt: now, createdAt: now },
      ...DEMO.mentors.map((m, i) => ({ id: mentorIds[i], phone: e164(m.phone), name: m.name, role: 'mentor' as const, passwordHash: mentorHash, kecamatan: 'Sidoarjo', consentAt: now, createdAt: now })),
      ...DEMO.learners.map((l, i) => ({
        id: learnerIds[i],
        phone: e164(l.phone),
        name: l.name,
        role: 'learner' as const,
        passwordHash: learnerHash,
        businessName: l.businessName,
        businessType: l.businessType,
        kecamatan: l.kecamatan,
        consentAt: now,
        createdAt: now,
      })),
    ]),
    database.insert(cohortMembers).values(learnerIds.map((userId) => ({ cohortId, userId, joinedAt: now }))),
    // Three learners for each mentor.
    database.insert(mentorAssignments).values(
      learnerIds.map((learnerId, i) => ({ id: `demo-assign-${i + 1}`, mentorId: mentorIds[i < 3 ? 0 : 1], learnerId, assignedBy: trainerId, from: now })),
    ),
  ]);
  return true;
}
