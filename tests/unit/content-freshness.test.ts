import { describe, expect, it } from 'vitest';
import { factsOf, freshnessRule, lessonKey, RECHECK_AFTER_DAYS } from '../../src/lib/content-check/freshness';

const DAY = 86_400_000;
// All dates are built from the moment the test runs (it also runs with the clock a year ahead).
const NOW = Date.now();
const dayBefore = (days: number) => new Date(NOW - days * DAY).toISOString().slice(0, 10);
const SOURCES = `| Fact as written | Lesson | Source |
| --- | --- | --- |
| A broadcast list holds at most 256 contacts | A5, pre/post wa-*-3 | https://example.org/a |
| Status is visible for 24 hours | A5 | https://example.org/b |
| QRIS MDR is 0% up to Rp500.000 | B3, uang-qris-1 | https://example.org/c |
| Something of lesson A51 | A51 | — |`;

describe('checkedOn: when a lesson\u2019s facts were last checked', () => {
  it('lesson keys follow docs/curriculum-sources.md: A5 is the fifth lesson of the first module', () => {
    expect(lessonKey(1, 5)).toBe('A5');
    expect(lessonKey(3, 2)).toBe('C2');
    expect(factsOf(SOURCES, 'A5')).toEqual(['A broadcast list holds at most 256 contacts', 'Status is visible for 24 hours']);
    expect(factsOf(SOURCES, 'B3')).toEqual(['QRIS MDR is 0% up to Rp500.000']);
  });

  it('missing: a warning that says how to write it', () => {
    expect(freshnessRule(undefined, 7, NOW, 'A5', SOURCES)).toEqual([expect.objectContaining({ line: 7, severity: 'warning', code: 'checked-missing' })]);
  });

  it('within a year: nothing; older: a warning (never an error) listing the facts to recheck', () => {
    expect(freshnessRule(dayBefore(RECHECK_AFTER_DAYS - 1), 9, NOW, 'A5', SOURCES)).toEqual([]);
    const [old] = freshnessRule(dayBefore(RECHECK_AFTER_DAYS + 30), 9, NOW, 'A5', SOURCES);
    expect(old).toMatchObject({ line: 9, severity: 'warning', code: 'checked-old' });
    expect(old.message).toContain('kode A5');
    expect(old.message).toContain('«A broadcast list holds at most 256 contacts»');
    expect(old.message).not.toContain('A51');
  });

  it('a date read by YAML as a Date counts the same as the text', () => {
    const date = new Date(NOW - (RECHECK_AFTER_DAYS + 2) * DAY);
    expect(freshnessRule(date, 3, NOW, undefined, undefined).map((p) => p.code)).toEqual(['checked-old']);
  });
});
