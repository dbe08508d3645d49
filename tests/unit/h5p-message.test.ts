/**
 * What the lesson page accepts from the sandboxed player (src/scripts/h5p-message.ts): the
 * envelope, and from xAPI statements only a top-level answered/completed with a sane score.
 */
import { describe, expect, it } from 'vitest';
import { clampHeight, parseFrameMessage, resultFromStatement } from '../../src/scripts/h5p-message';

const statement = (over: Record<string, unknown> = {}, score: Record<string, unknown> = { raw: 1, max: 1, min: 0, scaled: 1 }) => ({
  actor: { name: 'x' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  object: { id: 'http://127.0.0.1/h5p/files/tf', definition: { description: { 'en-US': 'Panjang sekali'.repeat(200) } } },
  context: { contextActivities: { category: [{ id: 'http://h5p.org/libraries/H5P.TrueFalse-1.6' }] } },
  result: { score, success: true, completion: true, duration: 'PT3.2S', response: 'false' },
  ...over,
});

describe('the envelope', () => {
  it('takes the four kinds from h5p-frame.ts', () => {
    expect(parseFrameMessage({ type: 'melek-h5p', v: 1, kind: 'ready', contentId: 'a' })).toEqual({ kind: 'ready', contentId: 'a' });
    expect(parseFrameMessage({ type: 'melek-h5p', v: 1, kind: 'height', contentId: 'a', height: 500 })).toEqual({
      kind: 'height',
      contentId: 'a',
      height: 500,
    });
    expect(parseFrameMessage({ type: 'melek-h5p', v: 1, kind: 'xapi', contentId: 'a', statement: {} })).toEqual({
      kind: 'xapi',
      contentId: 'a',
      statement: {},
    });
  });
  it.each([
    ['a string', 'hello'],
    ['null', null],
    ["H5P core's resize chatter", { context: 'h5p', action: 'hello' }],
    ['another type', { type: 'other', v: 1, kind: 'ready', contentId: 'a' }],
    ['another version', { type: 'melek-h5p', v: 2, kind: 'ready', contentId: 'a' }],
    ['no content id', { type: 'melek-h5p', v: 1, kind: 'ready' }],
    ['a content id that is no string', { type: 'melek-h5p', v: 1, kind: 'ready', contentId: 7 }],
    ['an unknown kind', { type: 'melek-h5p', v: 1, kind: 'navigate', contentId: 'a' }],
    ['a height that is no number', { type: 'melek-h5p', v: 1, kind: 'height', contentId: 'a', height: '9999px' }],
    ['an infinite height', { type: 'melek-h5p', v: 1, kind: 'height', contentId: 'a', height: Infinity }],
    ['a statement that is a string', { type: 'melek-h5p', v: 1, kind: 'xapi', contentId: 'a', statement: '{}' }],
    ['an array', [{ type: 'melek-h5p' }]],
  ])('ignores %s', (_, data) => {
    expect(parseFrameMessage(data)).toBeNull();
  });
  it('keeps the frame height within bounds', () => {
    expect(clampHeight(10)).toBe(120);
    expect(clampHeight(480.4)).toBe(480);
    expect(clampHeight(1e9)).toBe(6000);
  });
});

describe('results from xAPI statements', () => {
  it('takes answered and completed with a whole score, and keeps only a few fields', () => {
    const result = resultFromStatement(statement());
    expect(result).toEqual({
      verb: 'answered',
      score: 1,
      maxScore: 1,
      statement: {
        verb: 'http://adlnet.gov/expapi/verbs/answered',
        object: { id: 'http://127.0.0.1/h5p/files/tf' },
        result: { score: { raw: 1, max: 1, min: 0, scaled: 1 }, success: true, completion: true, duration: 'PT3.2S', response: 'false' },
      },
    });
    expect(JSON.stringify(result!.statement).length).toBeLessThan(600);
    expect(resultFromStatement(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } }))?.verb).toBe('completed');
    expect(resultFromStatement(statement({}, { raw: 0, max: 6 }))).toMatchObject({ score: 0, maxScore: 6 });
  });
  it.each([
    ['another verb', statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } })],
    ['a verb that only ends like answered', statement({ verb: { id: 'https://evil.example/answered' } })],
    ['a sub-question of a set', statement({ context: { contextActivities: { parent: [{ id: 'x' }] } } })],
    ['a parent that is an object', statement({ context: { contextActivities: { parent: { id: 'x' } } } })],
    ['no result', statement({ result: undefined })],
    ['a score above its maximum', statement({}, { raw: 5, max: 1 })],
    ['a negative score', statement({}, { raw: -1, max: 1 })],
    ['a fractional score', statement({}, { raw: 0.5, max: 1 })],
    ['a score given as text', statement({}, { raw: '1', max: 1 })],
    ['a maximum of zero', statement({}, { raw: 0, max: 0 })],
    ['an absurd maximum', statement({}, { raw: 1, max: 1e9 })],
    ['NaN', statement({}, { raw: NaN, max: 1 })],
    ['no statement', undefined],
    ['an array', [statement()]],
  ])('ignores %s', (_, s) => {
    expect(resultFromStatement(s)).toBeNull();
  });
});
