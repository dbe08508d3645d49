/**
 * The self-assessment form's answers (parseSelfAssessment): every statement answered exactly once
 * with 1–5; anything else is refused with a message key per statement. The messages exist in
 * both languages and say what to do.
 */
import { describe, expect, it } from 'vitest';
import { parseSelfAssessment } from '../../src/lib/server/indicator/assessments';
import { SELF_ASSESSMENT } from '../../src/lib/indicator/instrument';
import { id } from '../../src/i18n/id';
import { en } from '../../src/i18n/en';
import { id_capaian } from '../../src/i18n/id.capaian';

const all = (value: string): Array<[string, string]> => SELF_ASSESSMENT.map((i) => [i.id, value]);

describe('parseSelfAssessment', () => {
  it('all ten answered 1–5: the answers as numbers; other fields (timepoint, intent) are ignored', () => {
    const pairs: Array<[string, string]> = [['timepoint', 'pre'], ...SELF_ASSESSMENT.map((item, n): [string, string] => [item.id, String((n % 5) + 1)])];
    const result = parseSelfAssessment(pairs);
    expect(result).toEqual({ ok: true, answers: Object.fromEntries(SELF_ASSESSMENT.map((item, n) => [item.id, (n % 5) + 1])) });
  });

  it('missing answers: one message per missing statement', () => {
    const result = parseSelfAssessment(all('3').filter(([k]) => k !== 'sa2' && k !== 'sa9'));
    expect(result).toEqual({ ok: false, errors: { sa2: 'cpSaMissing', sa9: 'cpSaMissing' } });
    expect(parseSelfAssessment([])).toEqual({ ok: false, errors: Object.fromEntries(SELF_ASSESSMENT.map((i) => [i.id, 'cpSaMissing'])) });
  });

  it.each(['0', '6', '-1', '3.5', '1e0', 'lima', '', ' 9 ', '05'])('out of range or not a number: %j', (value) => {
    const pairs = all('4').map(([k, v]): [string, string] => [k, k === 'sa5' ? value : v]);
    expect(parseSelfAssessment(pairs)).toEqual({ ok: false, errors: { sa5: 'cpSaOutOfRange' } });
  });

  it('a statement answered twice is refused (not the first or the last silently kept)', () => {
    expect(parseSelfAssessment([...all('4'), ['sa1', '2']])).toEqual({ ok: false, errors: { sa1: 'cpSaDuplicate' } });
  });

  it('every message key exists in Indonesian and English, as a sentence', () => {
    for (const key of ['cpSaMissing', 'cpSaOutOfRange', 'cpSaDuplicate', 'cpSaTimepoint', 'cpSaPreDone', 'cpSaPostDone', 'cpSaPostNotYet'] as const) {
      expect(id[key]).toMatch(/\.$/);
      expect(en[key]).toMatch(/\.$/);
      expect(en[key]).not.toBe(id[key]);
    }
  });

  it('the capaian strings do not collide with any other area: every key starts with "cp" and no other file defines one', async () => {
    const keys = Object.keys(id_capaian);
    expect(keys.every((k) => k.startsWith('cp'))).toBe(true);
    const others = await Promise.all(
      ['id.mentor', 'id.trainer', 'id.report', 'id.h5p'].map((f) =>
        import(`../../src/i18n/${f}.ts`).then((m) => Object.values(m)[0] as Record<string, unknown>).catch(() => ({})),
      ),
    );
    for (const other of others) for (const key of keys) expect(Object.hasOwn(other, key), key).toBe(false);
  });
});
