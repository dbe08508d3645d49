/** Peer partnership and Promo Bersama rules (pure), and the partnerships-per-month table. */
import { describe, expect, it } from 'vitest';
import { checkPeerLog, checkPromoPick, type PeerLogFacts } from '../../src/lib/network/partnership-rules';
import { monthLabel, monthlyTable } from '../../src/lib/network/timeline';

const facts = (over: Partial<PeerLogFacts> = {}): PeerLogFacts => ({
  loggerId: 'me',
  partnerId: 'you',
  type: 'shared_delivery',
  startedOn: '2026-11-10',
  partnerVisible: true,
  loggerVisibleToPartner: true,
  today: '2026-11-20',
  enrolledOn: '2026-11-01',
  ...over,
});

describe('checkPeerLog', () => {
  it('accepts a visible partner, a peer type and a date from enrolment to today', () => {
    expect(checkPeerLog(facts())).toEqual({ ok: true, type: 'shared_delivery', startedOn: '2026-11-10' });
    expect(checkPeerLog(facts({ startedOn: '2026-11-01' })).ok).toBe(true);
    expect(checkPeerLog(facts({ startedOn: '2026-11-20' })).ok).toBe(true);
  });

  it('refuses oneself, no partner, and a partner I may not see (one answer for hidden and unknown)', () => {
    expect(checkPeerLog(facts({ partnerId: 'me' }))).toMatchObject({ ok: false, error: 'netPartnerSelf' });
    expect(checkPeerLog(facts({ partnerId: '' }))).toMatchObject({ ok: false, error: 'netPartnerPick' });
    expect(checkPeerLog(facts({ partnerVisible: false }))).toMatchObject({ ok: false, field: 'partnerId', error: 'netPartnerUnknown' });
  });

  it('refuses types that are not between two sellers, and bad, future or pre-enrolment dates', () => {
    expect(checkPeerLog(facts({ type: 'lender' }))).toMatchObject({ ok: false, error: 'cpPartnerType' });
    expect(checkPeerLog(facts({ type: undefined }))).toMatchObject({ ok: false, error: 'cpPartnerType' });
    expect(checkPeerLog(facts({ startedOn: '' }))).toMatchObject({ ok: false, error: 'cpPartnerDateEmpty' });
    expect(checkPeerLog(facts({ startedOn: '2026-02-30' }))).toMatchObject({ ok: false, error: 'dateInvalid' });
    expect(checkPeerLog(facts({ startedOn: '2026-11-21' }))).toMatchObject({ ok: false, error: 'cpPartnerDateFuture' });
    expect(checkPeerLog(facts({ startedOn: '2026-10-31' }))).toMatchObject({ ok: false, error: 'cpPartnerDateEarly' });
  });

  it('refuses when the partner could not recognise me (my profile is not visible to them)', () => {
    expect(checkPeerLog(facts({ loggerVisibleToPartner: false }))).toMatchObject({ ok: false, error: 'netOwnProfileNeeded' });
  });
});

describe('checkPromoPick', () => {
  const eligible = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
  it('takes 1 to 5 opted-in sellers, duplicates folded', () => {
    expect(checkPromoPick(['a', 'b', 'a'], eligible, 5)).toEqual({ ok: true, ids: ['a', 'b'] });
    expect(checkPromoPick(['a', 'b', 'c', 'd', 'e'], eligible, 5).ok).toBe(true);
  });
  it('refuses 6 sellers, none, and anyone who did not opt in or is not visible', () => {
    expect(checkPromoPick(['a', 'b', 'c', 'd', 'e', 'f'], eligible, 5)).toEqual({ ok: false, error: 'netPromoTooMany' });
    expect(checkPromoPick([], eligible, 5)).toEqual({ ok: false, error: 'netPromoEmpty' });
    expect(checkPromoPick(['a', 'x'], eligible, 5)).toEqual({ ok: false, error: 'netPromoNotOptedIn' });
    expect(checkPromoPick(['a', 'x'.repeat(65)], eligible, 5)).toEqual({ ok: false, error: 'netPromoUnknown' });
  });
});

describe('monthlyTable', () => {
  it('counts by type and month, with quiet months as zeros', () => {
    const t = monthlyTable([
      { type: 'shared_delivery', startedOn: '2026-11-05' },
      { type: 'shared_delivery', startedOn: '2026-11-20' },
      { type: 'supplier', startedOn: '2027-01-02', n: 3 },
    ]);
    expect(t.months).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(t.rows).toEqual([
      { type: 'supplier', counts: [0, 0, 3], total: 3 },
      { type: 'shared_delivery', counts: [2, 0, 0], total: 2 },
    ]);
    expect(t.totals).toEqual([2, 0, 3]);
    expect(t.total).toBe(5);
  });
  it('keeps the newest months when there are many; empty input gives an empty table', () => {
    const t = monthlyTable(
      [
        { type: 'reseller', startedOn: '2025-01-01' },
        { type: 'reseller', startedOn: '2026-12-01' },
      ],
      12,
    );
    expect(t.months).toHaveLength(12);
    expect(t.months[11]).toBe('2026-12');
    expect(monthlyTable([])).toEqual({ months: [], rows: [], totals: [], total: 0 });
  });
  it('labels months in the interface language', () => {
    expect(monthLabel('2026-11', 'id')).toMatch(/Nov.*2026/);
    expect(monthLabel('2026-05', 'en')).toMatch(/May 2026/);
  });
});
