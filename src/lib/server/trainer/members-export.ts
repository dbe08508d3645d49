import { toCsv } from '../../csv/neutralize';
import { displayPhone } from '../../phone';
import type { ScopeViewer } from '../access/learner-scope';
import { cohortMembersOverview } from './cohort-detail';

/**
 * A cohort's members as CSV. The first five columns are the import's own Indonesian headers, so
 * the file can be edited and imported elsewhere; every cell is neutralized against formulas.
 */
export async function cohortMembersCsv(viewer: ScopeViewer, cohortId: string, lessonIds: string[], delimiter: ',' | ';'): Promise<string> {
  const members = await cohortMembersOverview(viewer, cohortId, lessonIds);
  const header = ['nama', 'no hp', 'nama usaha', 'jenis usaha', 'kecamatan', 'pendamping', 'pelajaran selesai', 'jumlah pelajaran', 'terakhir belajar'];
  const rows = members.map((m) => [
    m.name,
    displayPhone(m.phone),
    m.businessName,
    m.businessType,
    m.kecamatan,
    m.mentorName,
    m.done,
    m.total,
    m.lastActiveAt === null ? '' : new Date(m.lastActiveAt).toISOString().slice(0, 10),
  ]);
  return toCsv(header, rows, { delimiter });
}
