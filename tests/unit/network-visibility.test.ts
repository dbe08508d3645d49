/**
 * Issue 10's visibility rules as pure functions, each attacked: hidden profiles for every role,
 * "cohort" across cohorts, deleted accounts, mentors outside the learner area, mentors labelling
 * other mentors' learners.
 */
import { describe, expect, it } from 'vitest';
import { mayLabel, maySeeProfile, type NetworkViewer, type ProfileOwner } from '../../src/lib/network/visibility';

const learner = (id: string, cohortIds: string[] = ['c1']): NetworkViewer => ({ id, role: 'learner', cohortIds });
const owner = (visibility: ProfileOwner['visibility'], cohortIds: string[] = ['c1'], extra: Partial<ProfileOwner> = {}): ProfileOwner => ({
  userId: 'seller',
  visibility,
  cohortIds,
  ...extra,
});

describe('maySeeProfile', () => {
  it('a hidden profile is seen by nobody but its owner — same cohort, trainer, mentor included', () => {
    const hidden = owner('hidden');
    expect(maySeeProfile(learner('other', ['c1']), hidden)).toBe(false);
    expect(maySeeProfile({ id: 't', role: 'trainer', cohortIds: [] }, hidden)).toBe(false);
    expect(maySeeProfile({ id: 'm', role: 'mentor', cohortIds: ['c1'] }, hidden)).toBe(false);
    expect(maySeeProfile(learner('seller'), hidden)).toBe(true);
  });

  it('"cohort" is seen only by learners who share a cohort', () => {
    const cohortOnly = owner('cohort', ['c1', 'c2']);
    expect(maySeeProfile(learner('a', ['c2']), cohortOnly)).toBe(true);
    expect(maySeeProfile(learner('b', ['c3']), cohortOnly)).toBe(false);
    expect(maySeeProfile(learner('c', []), cohortOnly)).toBe(false);
    // A seller in no cohort with "cohort" visibility is seen by nobody else.
    expect(maySeeProfile(learner('d', ['c1']), owner('cohort', []))).toBe(false);
  });

  it('"all" is seen by every learner, in any cohort or none', () => {
    expect(maySeeProfile(learner('a', ['c9']), owner('all'))).toBe(true);
    expect(maySeeProfile(learner('b', []), owner('all'))).toBe(true);
  });

  it('mentors are not directory users; trainers preview every profile that is not hidden', () => {
    expect(maySeeProfile({ id: 'm', role: 'mentor', cohortIds: ['c1'] }, owner('all'))).toBe(false);
    expect(maySeeProfile({ id: 't', role: 'trainer', cohortIds: [] }, owner('cohort', ['c1']))).toBe(true);
  });

  it('a deleted account is never seen, whatever its visibility said', () => {
    expect(maySeeProfile(learner('a'), owner('all', ['c1'], { deleted: true }))).toBe(false);
    expect(maySeeProfile({ id: 't', role: 'trainer', cohortIds: [] }, owner('all', ['c1'], { deleted: true }))).toBe(false);
  });
});

describe('mayLabel (network view)', () => {
  const mentor = { id: 'm1', role: 'mentor' as const, ownLearners: new Set(['mine']) };
  const trainer = { id: 't', role: 'trainer' as const, ownLearners: new Set<string>() };

  it('a mentor labels only their own learners, and never a hidden one', () => {
    expect(mayLabel(mentor, { userId: 'mine', visibility: 'cohort' })).toBe(true);
    expect(mayLabel(mentor, { userId: 'mine', visibility: 'hidden' })).toBe(false);
    // Another mentor's learner with a profile open to all Melek sellers: still an unlabelled dot.
    expect(mayLabel(mentor, { userId: 'theirs', visibility: 'all' })).toBe(false);
  });

  it('a trainer labels every profile that is not hidden, never one without a profile', () => {
    expect(mayLabel(trainer, { userId: 'x', visibility: 'all' })).toBe(true);
    expect(mayLabel(trainer, { userId: 'x', visibility: 'cohort' })).toBe(true);
    expect(mayLabel(trainer, { userId: 'x', visibility: 'hidden' })).toBe(false);
    expect(mayLabel(trainer, { userId: 'x', visibility: null })).toBe(false);
    expect(mayLabel(trainer, { userId: 'x', visibility: 'all', deleted: true })).toBe(false);
  });

  it('learners have no network view labels', () => {
    expect(mayLabel({ id: 'l', role: 'learner', ownLearners: new Set(['x']) }, { userId: 'x', visibility: 'all' })).toBe(false);
  });
});
