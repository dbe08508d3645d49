/**
 * Geometry for the report's server-rendered SVG charts (no chart JavaScript). Pure, so the
 * layout is testable; the components in src/components/reports only draw what this returns.
 * Charts are 320 units wide and scale to the column (360 px phones first).
 */
export const CHART_WIDTH = 320;
const PLOT_WIDTH = 240;
const LABEL_H = 18;
const BAR_H = 14;
const BAR_GAP = 3;
const GROUP_GAP = 10;
const TOP = 16;
const AXIS_H = 18;

/** Okabe–Ito colours: tell apart with colour blindness; every bar also carries its number as text. */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#777777'];
/** Ordinal greens for levels Pemula → Mahir. */
export const LEVEL_COLORS = ['#d7efe2', '#9fd6b6', '#5bb487', '#2b8a5c', '#0b6e4f'];

export interface BarGroupInput {
  label: string;
  values: Array<number | null>;
  texts: string[];
}

export interface BarLayout {
  height: number;
  groups: Array<{
    label: string;
    labelY: number;
    bars: Array<{ x: number; y: number; width: number; height: number; text: string; textX: number; textY: number; series: number }>;
  }>;
  threshold?: { x: number; y1: number; y2: number; label: string };
  ticks: Array<{ x: number; y: number; label: string }>;
}

/** Grouped horizontal bars on a [min, max] scale, label above each group, value text after each bar. */
export function barLayout(
  groups: BarGroupInput[],
  scale: { min: number; max: number; ticks?: Array<{ value: number; label: string }> },
  threshold?: { value: number; label: string },
): BarLayout {
  const x = (v: number) => Math.max(0, Math.min(PLOT_WIDTH, ((v - scale.min) / (scale.max - scale.min)) * PLOT_WIDTH));
  let y = TOP;
  const out: BarLayout['groups'] = groups.map((g) => {
    const labelY = y + 13;
    y += LABEL_H;
    const bars = g.values.map((v, series) => {
      const width = v === null ? 0 : Math.max(v > scale.min ? 1 : 0, x(v));
      const bar = { x: 0, y, width, height: BAR_H, text: g.texts[series] ?? '', textX: width + 4, textY: y + BAR_H - 3, series };
      y += BAR_H + BAR_GAP;
      return bar;
    });
    y += GROUP_GAP - BAR_GAP;
    return { label: g.label, labelY, bars };
  });
  const plotBottom = y;
  const ticks = (scale.ticks ?? []).map((t) => ({ x: x(t.value), y: plotBottom + 13, label: t.label }));
  return {
    height: plotBottom + (ticks.length ? AXIS_H : 0),
    groups: out,
    threshold: threshold ? { x: x(threshold.value), y1: TOP - 4, y2: plotBottom, label: threshold.label } : undefined,
    ticks,
  };
}

export interface StackInput {
  label: string;
  segments: number[];
}

export interface StackLayout {
  height: number;
  rows: Array<{
    label: string;
    labelY: number;
    total: number;
    segments: Array<{ x: number; y: number; width: number; height: number; value: number; index: number; showText: boolean }>;
  }>;
}

/** One 100 % bar per row, split into its segments; a segment too narrow for its number leaves it to the table. */
export function stackLayout(rows: StackInput[]): StackLayout {
  let y = 4;
  const width = CHART_WIDTH;
  const out = rows.map((r) => {
    const labelY = y + 13;
    y += LABEL_H;
    const total = r.segments.reduce((s, v) => s + v, 0);
    let x = 0;
    const segments = r.segments.map((value, index) => {
      const w = total > 0 ? (value / total) * width : 0;
      const seg = { x, y, width: w, height: 20, value, index, showText: value > 0 && w >= 16 + 6 * String(value).length };
      x += w;
      return seg;
    });
    y += 20 + GROUP_GAP;
    return { label: r.label, labelY, total, segments };
  });
  return { height: y, rows: out };
}

/** Dark or white text, whichever reads better on a fill (WCAG relative luminance). */
export function textOn(fill: string): string {
  const n = parseInt(fill.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return l > 0.18 ? '#1a1a1a' : '#ffffff';
}
