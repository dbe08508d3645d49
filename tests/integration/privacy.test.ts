import { existsSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../helpers/db';

const learnerId = 'demo-learner-1';
let db: Awaited<ReturnType<typeof useTempDatabase>>['db'];
let s: typeof import('../../db/schema');

beforeAll(async () => {
  ({ db } = await useTempDatabase({ seed: true }));
  s = await import('../../db/schema');
  const now = Date.now();
  await db.insert(s.progressEvents).values({ id: crypto.randomUUID(), userId: learnerId, lessonId: 'm/01-a', type: 'completed', at: now, receivedAt: now });
  await db
    .insert(s.quizAttempts)
    .values({ id: crypto.randomUUID(), userId: learnerId, lessonId: 'm/01-a', answers: { q1: 1 }, score: 1, maxScore: 1, at: now });
  await db.insert(s.taskSubmissions).values({
    id: 'task-1',
    userId: learnerId,
    taskId: 't1',
    lessonId: 'm/01-a',
    text: 'Katalog Kerupuk Bu Sari sudah 6 produk',
    link: 'https://wa.me/c/6281100000011',
    submittedAt: now,
    status: 'approved',
    feedback: 'Bagus, Bu Sari!',
  });
  await db.insert(s.mentorNotes).values({ id: 'note-1', learnerId, authorId: 'demo-mentor-1', text: 'Bu Sari sering sibuk pagi hari', createdAt: now });
  await db
    .insert(s.collaborations)
    .values({ id: 'col-1', userId: learnerId, type: 'supplier', partner: 'Pak Darmo (udang)', startedOn: '2026-11-20', createdAt: now });
});

describe('personal data rights (UU PDP)', () => {
  it('exports everything about the learner and no secrets', async () => {
    const { exportLearnerData } = await import('../../src/lib/server/privacy/export');
    const data = await exportLearnerData(learnerId);
    expect(data.profile?.name).toBe('Bu Sari');
    expect(data.progressEvents).toHaveLength(1);
    expect(data.quizAttempts).toHaveLength(1);
    expect(data.taskSubmissions[0].feedback).toBe('Bagus, Bu Sari!');
    expect(data.collaborations[0].partner).toBe('Pak Darmo (udang)');
    expect(data.cohorts[0].cohort).toBe('Sidoarjo Kota – Angkatan 1');
    expect(data.mentors[0].mentor).toBe('Mbak Dewi');
    const text = JSON.stringify(data);
    expect(text).not.toContain('argon2');
    expect(text).not.toMatch(/password|secret_?hash|token/i);
    // Mentors' private notes are about the learner but are the mentor's working notes; they are not exported.
    expect(text).not.toContain('sering sibuk');
  });

  it('refuses deletion without the confirmation word or with a wrong password', async () => {
    const { deleteOwnAccount } = await import('../../src/lib/server/privacy/delete-own');
    expect(await deleteOwnAccount(learnerId, { confirm: 'hapus?', password: 'belajar-demo' }, { address: 'addr-privacy' })).toEqual({
      ok: false,
      error: 'deleteConfirm',
    });
    expect(await deleteOwnAccount(learnerId, { confirm: 'HAPUS', password: 'salah-sekali' }, { address: 'addr-privacy' })).toEqual({
      ok: false,
      error: 'deletePassword',
    });
    const [user] = await db.select().from(s.users).where(eq(s.users.id, learnerId));
    expect(user.deletedAt).toBeNull();
    expect(user.name).toBe('Bu Sari');
  });

  it('erases personal data, ends sessions, keeps anonymous learning rows', async () => {
    const { createSession, validateSessionToken } = await import('../../src/lib/server/auth/session');
    const { token } = await createSession(learnerId);
    const { deleteOwnAccount } = await import('../../src/lib/server/privacy/delete-own');
    expect(await deleteOwnAccount(learnerId, { confirm: 'hapus', password: 'belajar-demo' }, { address: 'addr-privacy' })).toEqual({ ok: true });

    const [user] = await db.select().from(s.users).where(eq(s.users.id, learnerId));
    expect(user).toMatchObject({ name: 'Akun dihapus', phone: null, passwordHash: null, businessName: null, businessType: null, kecamatan: null });
    expect(user.deletedAt).not.toBeNull();
    expect(await validateSessionToken(token)).toBeNull();
    const [task] = await db.select().from(s.taskSubmissions).where(eq(s.taskSubmissions.id, 'task-1'));
    expect(task).toMatchObject({ text: '', link: null, feedback: null, status: 'approved' });
    expect(await db.select().from(s.mentorNotes).where(eq(s.mentorNotes.learnerId, learnerId))).toHaveLength(0);
    const [col] = await db.select().from(s.collaborations).where(eq(s.collaborations.id, 'col-1'));
    expect(col).toMatchObject({ partner: '', type: 'supplier' });
    // Cohort statistics stay valid: the anonymous rows are still there.
    expect((await db.select({ n: count() }).from(s.progressEvents).where(eq(s.progressEvents.userId, learnerId)))[0].n).toBe(1);
    expect((await db.select({ n: count() }).from(s.quizAttempts).where(eq(s.quizAttempts.userId, learnerId)))[0].n).toBe(1);
    expect((await db.select({ n: count() }).from(s.cohortMembers).where(eq(s.cohortMembers.userId, learnerId)))[0].n).toBe(1);

    const { login } = await import('../../src/lib/server/accounts/login');
    expect((await login('081100000011', 'belajar-demo', '10.9.9.9')).ok).toBe(false);
    const { maySeeLearner } = await import('../../src/lib/server/access/learner-scope');
    expect(await maySeeLearner({ id: 'demo-mentor-1', role: 'mentor' }, learnerId)).toBe(false);
    expect(await maySeeLearner({ id: 'demo-trainer', role: 'trainer' }, learnerId)).toBe(false);
  });
});

describe('db:backup', () => {
  it('writes a consistent copy that restores with the data in it', async () => {
    const { backupDatabase } = await import('../../src/cli/db-backup');
    const file = await backupDatabase(new Date('2026-11-27T10:11:12Z'));
    expect(file).toMatch(/backups\/melek-20261127-101112\.db$/);
    expect(existsSync(file)).toBe(true);
    const restored = createClient({ url: `file:${file}` });
    const users = await restored.execute("SELECT count(*) AS n FROM users WHERE role = 'learner'");
    expect(Number(users.rows[0].n)).toBe(6);
    const integrity = await restored.execute('PRAGMA integrity_check');
    expect(integrity.rows[0][0]).toBe('ok');
    restored.close();
  });
});
