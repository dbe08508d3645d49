/** Geometry of the report's server-rendered SVG charts. */
import { describe, expect, it } from 'vitest';
import { barLayout, CHART_WIDTH, stackLayout, textOn } from '../../src/lib/reports/chart';

describe('barLayout', () => {
  it('scales values between min and max onto 240 units, with the threshold line at its value', () => {
    const layout = barLayout(
      [
        { label: 'a', values: [1], texts: ['1,00'] },
        { label: 'b', values: [3], texts: ['3,00'] },
        { label: 'c', values: [5], texts: ['5,00'] },
        { label: 'd', values: [null], texts: ['–'] },
      ],
      {
        min: 1,
        max: 5,
        ticks: [
          { value: 1, label: '1' },
          { value: 5, label: '5' },
        ],
      },
      { value: 3.41, label: 'Cakap' },
    );
    const widths = layout.groups.map((g) => g.bars[0].width);
    // (3 − 1) / 4 × 240 = 120; the minimum is drawn as nothing, a missing value as nothing
    expect(widths).toEqual([0, 120, 240, 0]);
    // (3.41 − 1) / 4 × 240 = 144.6
    expect(layout.threshold?.x).toBeCloseTo(144.6, 6);
    expect(layout.ticks.map((t) => t.x)).toEqual([0, 240]);
    // bars never overlap and go down the page
    const ys = layout.groups.map((g) => g.bars[0].y);
    expect([...ys].sort((x, y) => x - y)).toEqual(ys);
    expect(layout.height).toBeGreaterThan(ys[3] + 14);
  });

  it('two series: two bars per group, one under the other', () => {
    const layout = barLayout([{ label: 'x', values: [2, 4], texts: ['2', '4'] }], { min: 0, max: 4 });
    const [pre, post] = layout.groups[0].bars;
    expect(pre.width).toBe(120);
    expect(post.width).toBe(240);
    expect(post.y).toBe(pre.y + 14 + 3);
    expect([pre.series, post.series]).toEqual([0, 1]);
  });
});

describe('stackLayout', () => {
  it('splits the full width by share; narrow segments leave their number to the table', () => {
    const { rows } = stackLayout([
      { label: 'm', segments: [1, 3, 0, 96] },
      { label: 'empty', segments: [0, 0] },
    ]);
    const widths = rows[0].segments.map((s) => s.width);
    expect(widths[0]).toBeCloseTo(3.2, 6);
    expect(widths[1]).toBeCloseTo(9.6, 6);
    expect(widths[3]).toBeCloseTo(307.2, 6);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(CHART_WIDTH, 6);
    expect(rows[0].segments.map((s) => s.showText)).toEqual([false, false, false, true]);
    expect(rows[1].total).toBe(0);
  });
});

describe('textOn', () => {
  it('white on dark fills, dark on light ones', () => {
    expect(textOn('#0b6e4f')).toBe('#ffffff');
    expect(textOn('#d7efe2')).toBe('#1a1a1a');
    expect(textOn('#E69F00')).toBe('#1a1a1a');
  });
});
