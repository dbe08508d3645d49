/**
 * The collaboration network's rules in-process, against a real migrated libSQL temp file with the
 * demo users plus sellers made here (three cohorts, a seller in two cohorts, one in none, every
 * visibility, a deleted account): the directory's SQL agrees with the pure rule maySeeProfile()
 * for every viewer × seller pair; the pickers and single look-ups agree too; concurrent duplicate
 * partnerships store one row; the network view labels exactly what mayLabel() allows and carries
 * no ids; erasing an account removes the profile from everything.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { maySeeProfile, mayLabel } from '../../src/lib/network/visibility';
import type { Visibility } from '../../src/lib/network/vocab';

let database: Database;
let net: typeof import('../../src/lib/server/network/directory');
let partnerships: typeof import('../../src/lib/server/network/partnerships');
let view: typeof import('../../src/lib/server/network/network-view');
let viewerMod: typeof import('../../src/lib/server/network/viewer');
let promo: typeof import('../../src/lib/server/network/promo');

const NOW = Date.now();
/** Today in Sidoarjo: partnerships start on days relative to the run, never on a fixed date. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(NOW);
const sql = (text: string, args: Array<string | number | null> = []) => database.$client.execute({ sql: text, args });

interface Seller {
  id: string;
  cohorts: string[];
  visibility: Visibility | null;
  deleted?: boolean;
  mentor?: string;
}
/** c1 = the demo cohort; c2, c3 made here. demo-mentor-1 follows s1–s4, demo-mentor-2 s5–s8. */
const SELLERS: Seller[] = [
  { id: 's1', cohorts: ['demo-cohort-1'], visibility: 'cohort', mentor: 'demo-mentor-1' },
  { id: 's2', cohorts: ['demo-cohort-1'], visibility: 'all', mentor: 'demo-mentor-1' },
  { id: 's3', cohorts: ['demo-cohort-1'], visibility: 'hidden', mentor: 'demo-mentor-1' },
  { id: 's4', cohorts: ['demo-cohort-1', 'c2'], visibility: 'cohort', mentor: 'demo-mentor-1' },
  { id: 's5', cohorts: ['c2'], visibility: 'cohort', mentor: 'demo-mentor-2' },
  { id: 's6', cohorts: ['c2'], visibility: 'all', mentor: 'demo-mentor-2' },
  { id: 's7', cohorts: ['c3'], visibility: 'cohort', mentor: 'demo-mentor-2' },
  { id: 's8', cohorts: [], visibility: 'cohort', mentor: 'demo-mentor-2' },
  { id: 's9', cohorts: [], visibility: 'all' },
  { id: 's10', cohorts: ['c3'], visibility: 'hidden' },
  { id: 's11', cohorts: ['c3'], visibility: null },
  { id: 's12', cohorts: ['demo-cohort-1'], visibility: 'all', deleted: true },
];
const bizOf = (id: string) => `Usaha ${id.toUpperCase()} NETRULE`;

beforeAll(async () => {
  ({ db: database } = await useTempDatabase({ seed: true }));
  net = await import('../../src/lib/server/network/directory');
  partnerships = await import('../../src/lib/server/network/partnerships');
  view = await import('../../src/lib/server/network/network-view');
  viewerMod = await import('../../src/lib/server/network/viewer');
  promo = await import('../../src/lib/server/network/promo');
  for (const c of ['c2', 'c3'])
    await sql("INSERT INTO cohorts (id, name, kecamatan, join_code, created_at) VALUES (?, ?, 'Candi', ?, ?)", [c, `Kelas ${c}`, `CODE-${c}`, NOW]);
  for (const s of SELLERS) {
    await sql("INSERT INTO users (id, phone, name, role, created_at, deleted_at) VALUES (?, ?, ?, 'learner', ?, ?)", [
      s.id,
      `+62857000000${s.id.slice(1).padStart(2, '0')}`,
      `Nama ${s.id}`,
      NOW - 86_400_000,
      s.deleted ? NOW : null,
    ]);
    for (const c of s.cohorts) await sql('INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES (?, ?, ?)', [c, s.id, NOW - 86_400_000]);
    if (s.mentor)
      await sql('INSERT INTO mentor_assignments (id, mentor_id, learner_id, "from") VALUES (?, ?, ?, ?)', [`a-${s.id}`, s.mentor, s.id, NOW - 86_400_000]);
    if (s.visibility) {
      await sql(
        `INSERT INTO seller_profiles (user_id, business_name, category, kecamatan, description, catalog_link, offers, seeks, visibility, show_phone, updated_at)
         VALUES (?, ?, 'kerajinan', 'Candi', '', NULL, '["joint_promotion","shared_delivery"]', '[]', ?, 0, ?)`,
        [s.id, bizOf(s.id), s.visibility, NOW],
      );
    }
  }
}, 60_000);

const viewers = () => [
  ...SELLERS.filter((s) => !s.deleted).map((s) => ({ id: s.id, role: 'learner' as const, cohortIds: s.cohorts })),
  { id: 'demo-trainer', role: 'trainer' as const, cohortIds: [] },
  { id: 'demo-mentor-1', role: 'mentor' as const, cohortIds: [] },
];
const expectedFor = (viewer: ReturnType<typeof viewers>[number]) =>
  SELLERS.filter(
    (s) => s.visibility && s.id !== viewer.id && maySeeProfile(viewer, { userId: s.id, visibility: s.visibility, cohortIds: s.cohorts, deleted: s.deleted }),
  )
    .map((s) => s.id)
    .sort();

describe('directory SQL = maySeeProfile()', () => {
  it('for every viewer × seller pair (directory, picker, single look-up)', async () => {
    for (const viewer of viewers()) {
      const expected = expectedFor(viewer);
      const listed = (await net.directory(viewer, {}, 1)).sellers
        .map((s) => s.userId)
        .filter((id) => id.startsWith('s'))
        .sort();
      expect(listed, `directory of ${viewer.id}`).toEqual(expected);
      const picker = (await net.pickableSellers(viewer))
        .map((s) => s.userId)
        .filter((id) => id.startsWith('s'))
        .sort();
      expect(picker, `picker of ${viewer.id}`).toEqual(expected);
      for (const s of SELLERS) {
        const one = await net.visibleSeller(viewer, s.id);
        expect(Boolean(one), `${viewer.id} looks up ${s.id}`).toBe(expected.includes(s.id));
      }
    }
  });

  it('spot checks: hidden never, cohort across cohorts never, a seller in two cohorts seen from both', async () => {
    const seen = async (viewer: string, _cohorts: string[]) => (await net.directory({ id: viewer, role: 'learner' }, {}, 1)).sellers.map((s) => s.userId);
    expect(await seen('s1', ['demo-cohort-1'])).not.toContain('s3');
    expect(await seen('s1', ['demo-cohort-1'])).not.toContain('s5');
    expect(await seen('s1', ['demo-cohort-1'])).toContain('s4');
    expect(await seen('s5', ['c2'])).toContain('s4');
    expect(await seen('s7', ['c3'])).not.toContain('s4');
    expect(await seen('s9', [])).not.toContain('s8');
    // The deleted account's profile row (left here on purpose) is still never shown.
    expect(await seen('s1', ['demo-cohort-1'])).not.toContain('s12');
  });

  it('the phone leaves the database only when the seller ticked it', async () => {
    await sql('UPDATE seller_profiles SET show_phone = 1 WHERE user_id = ?', ['s2']);
    const list = (await net.directory({ id: 's1', role: 'learner' }, {}, 1)).sellers;
    expect(list.find((s) => s.userId === 's2')!.phone).toBe('+6285700000002');
    expect(list.find((s) => s.userId === 's1' || s.userId === 's4')!.phone).toBeNull();
    await sql('UPDATE seller_profiles SET show_phone = 0 WHERE user_id = ?', ['s2']);
  });

  it('filters by category, kecamatan, offer and need', async () => {
    await sql(`UPDATE seller_profiles SET category = 'jasa', kecamatan = 'Waru', offers = '["supplier"]', seeks = '["pooled_buying"]' WHERE user_id = 's6'`);
    const v = { id: 's2', role: 'learner' as const };
    const ids = async (f: Parameters<typeof net.directory>[1]) =>
      (await net.directory(v, f, 1)).sellers.map((s) => s.userId).filter((id) => id.startsWith('s'));
    expect(await ids({ category: 'jasa' })).toEqual(['s6']);
    expect(await ids({ kecamatan: 'Waru' })).toEqual(['s6']);
    expect(await ids({ offer: 'supplier' })).toEqual(['s6']);
    expect(await ids({ seek: 'pooled_buying' })).toEqual(['s6']);
    expect(await ids({ offer: 'joint_promotion' })).not.toContain('s6');
    await sql(
      `UPDATE seller_profiles SET category = 'kerajinan', kecamatan = 'Candi', offers = '["joint_promotion","shared_delivery"]', seeks = '[]' WHERE user_id = 's6'`,
    );
  });
});

describe('peer partnerships in-process', () => {
  it('five identical requests at once store one row; the others are refused as duplicates', async () => {
    const s1 = await viewerMod.loadViewer({ id: 's1', role: 'learner', name: 'Nama s1' });
    const day = TODAY;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => partnerships.logPeerPartnership(s1, { partnerId: 's2', type: 'pooled_buying', startedOn: day })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.status)).toEqual([409, 409, 409, 409]);
    const rows = await sql("SELECT status, source, partner FROM collaborations WHERE user_id = 's1' AND partner_user_id = 's2' AND type = 'pooled_buying'");
    expect(rows.rows).toHaveLength(1);
    // The stored partner text is not the partner's name: a copy would outlive hiding or erasure.
    expect(rows.rows[0]).toMatchObject({ status: 'pending', source: 'self', partner: 'Penjual Melek' });
    // The other direction is the same partnership: refused too.
    const s2 = await viewerMod.loadViewer({ id: 's2', role: 'learner', name: 'Nama s2' });
    expect(await partnerships.logPeerPartnership(s2, { partnerId: 's1', type: 'pooled_buying', startedOn: day })).toMatchObject({ ok: false, status: 409 });
  });

  it('a request is answered only while its sender is visible to the partner', async () => {
    const s2 = await viewerMod.loadViewer({ id: 's2', role: 'learner', name: 'Nama s2' });
    const [row] = (await sql("SELECT id FROM collaborations WHERE user_id = 's1' AND partner_user_id = 's2'")).rows;
    await sql("UPDATE seller_profiles SET visibility = 'hidden' WHERE user_id = 's1'");
    expect(await partnerships.incomingRequests(s2)).toEqual([]);
    expect(await partnerships.answerPartnership(s2, { partnershipId: String(row.id) }, 'confirm')).toMatchObject({ ok: false, status: 404 });
    await sql("UPDATE seller_profiles SET visibility = 'cohort' WHERE user_id = 's1'");
    expect((await partnerships.incomingRequests(s2)).map((r) => r.from.userId)).toEqual(['s1']);
    expect(await partnerships.answerPartnership(s2, { partnershipId: String(row.id) }, 'confirm')).toMatchObject({ ok: true });
    expect((await sql('SELECT status, source FROM collaborations WHERE id = ?', [String(row.id)])).rows[0]).toMatchObject({
      status: 'confirmed',
      source: 'peer',
    });
  });
});

describe('network view labels = mayLabel()', () => {
  beforeAll(async () => {
    // Confirmed partnerships across mentors and cohorts: s1–s5 (mentor 1 ↔ mentor 2, c1 ↔ c2), s2–s3 (s3 hidden), s4–s6, s2–s9 (no mentor, no cohort).
    const pairs: Array<[string, string, string]> = [
      ['s1', 's5', 'shared_delivery'],
      ['s3', 's2', 'supplier'],
      ['s4', 's6', 'joint_promotion'],
      ['s2', 's9', 'reseller'],
    ];
    for (const [a, b, type] of pairs) {
      await sql(
        "INSERT INTO collaborations (id, user_id, type, partner, partner_user_id, status, started_on, source, responded_at, created_at) VALUES (?, ?, ?, 'Penjual Melek', ?, 'confirmed', ?, 'peer', ?, ?)",
        [`k-${a}-${b}`, a, type, b, TODAY, NOW, NOW],
      );
    }
  });

  const labelsOf = (g: Awaited<ReturnType<typeof view.cohortNetwork>>['graph']) =>
    g.nodes
      .map((n) => n.label)
      .filter(Boolean)
      .sort();

  it("mentor 1 sees their learners' part of cohort 1: their own visible learners labelled, others unnamed dots", async () => {
    const { graph } = await view.cohortNetwork({ id: 'demo-mentor-1', role: 'mentor' }, 'demo-cohort-1');
    const own = new Set(['s1', 's2', 's3', 's4']);
    const expected = SELLERS.filter((s) => ['s1', 's2', 's3', 's4', 's5', 's6', 's9'].includes(s.id))
      .filter((s) => mayLabel({ id: 'demo-mentor-1', role: 'mentor', ownLearners: own }, { userId: s.id, visibility: s.visibility }))
      .map((s) => bizOf(s.id))
      .sort();
    expect(labelsOf(graph)).toEqual(expected);
    expect(labelsOf(graph)).not.toContain(bizOf('s3')); // hidden: own learner, still never labelled
    expect(labelsOf(graph)).not.toContain(bizOf('s5')); // mentor 2's learner
    expect(labelsOf(graph)).not.toContain(bizOf('s6'));
    expect(graph.nodes.some((n) => !n.label && !n.inScope)).toBe(true);
    expect(graph.edges.length).toBe(5); // s1–s2 (confirmed above), s1–s5, s2–s3, s4–s6, s2–s9
    // Nothing that identifies a seller beyond the allowed labels: no ids anywhere in the data.
    expect(JSON.stringify(graph)).not.toMatch(/"s\d+"|demo-/);
  });

  it("mentor 2's view has only their own learners' part: no labels or lines of mentor 1's learners", async () => {
    const cohorts = await view.cohortSummaries({ id: 'demo-mentor-2', role: 'mentor' });
    expect(cohorts.map((c) => c.id).sort()).toEqual(['c2', 'c3', 'demo-cohort-1']);
    // Cohort 1: mentor 2 follows demo learners 4–6 there (no profiles, no partnerships): nothing of s1–s4.
    const c1 = await view.cohortNetwork({ id: 'demo-mentor-2', role: 'mentor' }, 'demo-cohort-1');
    expect(c1.graph.nodes).toEqual([]);
    expect(c1.months.total).toBe(0);
    // A cohort none of their learners is in: forbidden.
    await sql("INSERT INTO cohorts (id, name, kecamatan, join_code, created_at) VALUES ('c4', 'Kelas c4', 'Waru', 'CODE-c4', ?)", [NOW]);
    expect(view.cohortAccess({ id: 'demo-mentor-2', role: 'mentor' }, cohorts, 'c4', true)).toBe('forbidden');
    expect(view.cohortAccess({ id: 'demo-mentor-2', role: 'mentor' }, cohorts, 'nope', false)).toBe('forbidden');
    expect(view.cohortAccess({ id: 'demo-trainer', role: 'trainer' }, cohorts, 'nope', false)).toBe('unknown');
    const c2 = await view.cohortNetwork({ id: 'demo-mentor-2', role: 'mentor' }, 'c2');
    expect(labelsOf(c2.graph)).toEqual([bizOf('s5'), bizOf('s6')]);
    // s4 (cohort 2 too, but mentor 1's learner) is a partner of s6: an unnamed dot.
    expect(c2.graph.nodes.filter((n) => !n.label)).toHaveLength(2); // s1 (partner of s5) and s4 (partner of s6)
  });

  it('a trainer labels every visible profile, never the hidden one', async () => {
    const { graph, months } = await view.cohortNetwork({ id: 'demo-trainer', role: 'trainer' }, 'demo-cohort-1');
    expect(labelsOf(graph)).toEqual([bizOf('s1'), bizOf('s2'), bizOf('s4'), bizOf('s5'), bizOf('s6'), bizOf('s9')].sort());
    expect(graph.nodes.length).toBe(7); // s1 s2 s3 s4 s5 s6 s9
    expect(months.total).toBe(5); // the four above and s1–s2 pooled buying
  });

  it('pending and declined partnerships are not lines and not counted by month', async () => {
    await sql(
      "INSERT INTO collaborations (id, user_id, type, partner, partner_user_id, status, started_on, source, created_at) VALUES ('k-pending', 's1', 'reseller', 'Penjual Melek', 's4', 'pending', ?, 'self', ?), ('k-declined', 's4', 'supplier', 'Penjual Melek', 's1', 'declined', ?, 'self', ?)",
      [TODAY, NOW, TODAY, NOW],
    );
    const { graph, months } = await view.cohortNetwork({ id: 'demo-trainer', role: 'trainer' }, 'demo-cohort-1');
    expect(graph.edges.length).toBe(5);
    expect(months.total).toBe(5);
    const summary = (await view.cohortSummaries({ id: 'demo-trainer', role: 'trainer' })).find((c) => c.id === 'demo-cohort-1')!;
    expect(summary).toMatchObject({ confirmed: 5, pending: 1 });
  });
});

describe('a network too big for a phone', () => {
  it('keeps at most MAX_NODES dots, whole lines first, and says how many were left out', async () => {
    await sql("INSERT INTO cohorts (id, name, kecamatan, join_code, created_at) VALUES ('c-big', 'Kelas besar', 'Waru', 'CODE-BIG', ?)", [NOW]);
    const stmts: Array<{ sql: string; args: Array<string | number> }> = [];
    for (let i = 0; i < 320; i++) {
      stmts.push({
        sql: "INSERT INTO users (id, phone, name, role, created_at) VALUES (?, ?, 'x', 'learner', ?)",
        args: [`big${i}`, `+6285800${String(i).padStart(5, '0')}`, NOW],
      });
      stmts.push({ sql: "INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES ('c-big', ?, ?)", args: [`big${i}`, NOW] });
      stmts.push({
        sql: `INSERT INTO seller_profiles (user_id, business_name, category, kecamatan, description, offers, seeks, visibility, show_phone, updated_at) VALUES (?, ?, 'jasa', 'Waru', '', '[]', '[]', 'cohort', 0, ?)`,
        args: [`big${i}`, `Big ${i}`, NOW],
      });
    }
    for (let i = 0; i < 160; i++) {
      stmts.push({
        sql: "INSERT INTO collaborations (id, user_id, type, partner, partner_user_id, status, started_on, source, created_at) VALUES (?, ?, 'reseller', 'Penjual Melek', ?, 'confirmed', ?, 'peer', ?)",
        args: [`kb${i}`, `big${i * 2}`, `big${i * 2 + 1}`, TODAY, NOW],
      });
    }
    await database.$client.batch(stmts, 'write');
    const { graph } = await view.cohortNetwork({ id: 'demo-trainer', role: 'trainer' }, 'c-big');
    expect(graph.allNodes).toBe(320);
    expect(graph.nodes.length).toBe(view.MAX_NODES);
    expect(graph.edges.length).toBe(view.MAX_NODES / 2); // every kept dot of a pair keeps its line
    for (const e of graph.edges) {
      expect(graph.nodes.some((n) => n.x === e.x1 && n.y === e.y1)).toBe(true);
      expect(graph.nodes.some((n) => n.x === e.x2 && n.y === e.y2)).toBe(true);
    }
  });
});

describe('erasure', () => {
  it("deleting an account removes the profile from the directory, the pickers, promo and the network view's labels", async () => {
    const { eraseLearner } = await import('../../src/lib/server/privacy/erase');
    const v = { id: 's1', role: 'learner' as const };
    expect((await net.pickableSellers(v)).map((s) => s.userId)).toContain('s2');
    await eraseLearner('s2');
    expect((await sql("SELECT count(*) AS n FROM seller_profiles WHERE user_id = 's2'")).rows[0].n).toBe(0);
    expect((await net.directory(v, {}, 1)).sellers.map((s) => s.userId)).not.toContain('s2');
    expect((await net.pickableSellers(v)).map((s) => s.userId)).not.toContain('s2');
    expect((await promo.promoChoices(v)).others.map((s) => s.userId)).not.toContain('s2');
    const { graph } = await view.cohortNetwork({ id: 'demo-trainer', role: 'trainer' }, 'demo-cohort-1');
    expect(graph.nodes.map((n) => n.label)).not.toContain(bizOf('s2'));
    // Its partnerships leave the map with it (the evaluation rows stay, anonymous).
    expect(graph.edges.length).toBe(2); // s1–s5, s4–s6
  });
});
