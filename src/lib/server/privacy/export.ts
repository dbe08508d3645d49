import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import * as s from '@db/schema';

/**
 * Everything Melek stores about a learner, as one JSON document (UU PDP No. 27/2022: the right
 * to a copy of one's data). Secrets (password hash, session and invite hashes) are left out.
 */
export async function exportLearnerData(userId: string) {
  const d = db();
  const [user] = await d
    .select({
      id: s.users.id,
      name: s.users.name,
      phone: s.users.phone,
      role: s.users.role,
      businessName: s.users.businessName,
      businessType: s.users.businessType,
      kecamatan: s.users.kecamatan,
      locale: s.users.locale,
      consentAt: s.users.consentAt,
      createdAt: s.users.createdAt,
    })
    .from(s.users)
    .where(eq(s.users.id, userId));
  const [
    cohorts,
    mentors,
    events,
    lessons,
    quizzes,
    tasks,
    assessments,
    adoption,
    collaborations,
    sales,
    certificates,
    h5p,
    sellerProfile,
    promotions,
    reviews,
    pretestSkips,
  ] = await Promise.all([
    d
      .select({ cohort: s.cohorts.name, kecamatan: s.cohorts.kecamatan, joinedAt: s.cohortMembers.joinedAt })
      .from(s.cohortMembers)
      .innerJoin(s.cohorts, eq(s.cohorts.id, s.cohortMembers.cohortId))
      .where(eq(s.cohortMembers.userId, userId)),
    d
      .select({ mentor: s.users.name, from: s.mentorAssignments.from, until: s.mentorAssignments.until })
      .from(s.mentorAssignments)
      .innerJoin(s.users, eq(s.users.id, s.mentorAssignments.mentorId))
      .where(eq(s.mentorAssignments.learnerId, userId)),
    d.select().from(s.progressEvents).where(eq(s.progressEvents.userId, userId)),
    d.select().from(s.lessonProgress).where(eq(s.lessonProgress.userId, userId)),
    d.select().from(s.quizAttempts).where(eq(s.quizAttempts.userId, userId)),
    d.select().from(s.taskSubmissions).where(eq(s.taskSubmissions.userId, userId)),
    d.select().from(s.assessments).where(eq(s.assessments.userId, userId)),
    d.select().from(s.adoptionChecks).where(eq(s.adoptionChecks.userId, userId)),
    d.select().from(s.collaborations).where(eq(s.collaborations.userId, userId)),
    d.select().from(s.salesReports).where(eq(s.salesReports.userId, userId)),
    d.select().from(s.certificates).where(eq(s.certificates.userId, userId)),
    d.select().from(s.h5pResults).where(eq(s.h5pResults.userId, userId)),
    d.select().from(s.sellerProfiles).where(eq(s.sellerProfiles.userId, userId)),
    d.select().from(s.jointPromotions).where(eq(s.jointPromotions.userId, userId)),
    d.select().from(s.reviewAnswers).where(eq(s.reviewAnswers.userId, userId)),
    d.select({ moduleId: s.pretestSkips.moduleId, at: s.pretestSkips.at }).from(s.pretestSkips).where(eq(s.pretestSkips.userId, userId)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    about: 'Semua data Anda di Melek. Waktu ditulis dalam milidetik sejak 1 Januari 1970 (UTC).',
    profile: user,
    cohorts,
    mentors,
    progressEvents: events,
    lessonProgress: lessons,
    quizAttempts: quizzes,
    taskSubmissions: tasks,
    assessments,
    adoptionChecks: adoption,
    collaborations,
    salesReports: sales,
    certificates,
    h5pResults: h5p,
    sellerProfile: sellerProfile[0] ?? null,
    jointPromotions: promotions,
    reviewAnswers: reviews,
    pretestSkips,
  };
}
