import { seededRandom } from '../random';
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';

/**
 * The partnership map's layout, computed on the server with d3-force: a fixed number of ticks
 * from a seeded initial layout, so the same network always gives the same picture (and the phone
 * gets finished SVG, no script). Nodes are ordered by key before anything else, so the order the
 * database returned them in does not matter either.
 */
export interface LayoutNode {
  key: string;
}
export interface LayoutEdge {
  a: string;
  b: string;
}
export interface PlacedNode {
  key: string;
  x: number;
  y: number;
}
export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: Array<{ a: string; b: string; x1: number; y1: number; x2: number; y2: number }>;
}

export interface LayoutOptions {
  width?: number;
  height?: number;
  ticks?: number;
  /** Room kept free at the edges (for dots and the start of labels). */
  padding?: number;
  seed?: number;
}

export { seededRandom } from '../random';

/** FNV-1a: the seed of a network is derived from its shape, so equal inputs give equal layouts. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type SimNode = SimulationNodeDatum & { key: string };

/** Fewer ticks for big pictures: the layout must stay well under a page's time budget. */
export function ticksFor(nodes: number): number {
  if (nodes <= 150) return 200;
  if (nodes <= 600) return 120;
  return 60;
}

/** Recent layouts by their input: a network view reopened (or opened by a colleague) costs nothing. */
const cache = new Map<string, Layout>();
const CACHE_MAX = 16;

export function layoutNetwork(nodesIn: readonly LayoutNode[], edgesIn: readonly LayoutEdge[], options: LayoutOptions = {}): Layout {
  const width = options.width ?? 360;
  const height = options.height ?? 360;
  const padding = options.padding ?? 12;
  const keys = [...new Set(nodesIn.map((n) => n.key))].sort();
  const known = new Set(keys);
  const edges = edgesIn
    .filter((e) => e.a !== e.b && known.has(e.a) && known.has(e.b))
    .map((e) => (e.a < e.b ? { a: e.a, b: e.b } : { a: e.b, b: e.a }))
    .sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : x.b > y.b ? 1 : 0) : x.a < y.a ? -1 : 1));
  const shape = keys.join('|') + '#' + edges.map((e) => `${e.a}-${e.b}`).join('|');
  const seed = options.seed ?? hashString(shape);
  const cacheKey = `${width}x${height}p${padding}t${options.ticks ?? ''}s${seed}#${shape}`;
  const cached = cache.get(cacheKey);
  if (cached) return structuredClone(cached);
  const random = seededRandom(seed);

  // Seeded initial layout: a sunflower spiral with a little seeded jitter.
  const golden = Math.PI * (3 - Math.sqrt(5));
  const nodes: SimNode[] = keys.map((key, i) => {
    const r = 10 * Math.sqrt(0.5 + i);
    const angle = i * golden;
    return { key, x: r * Math.cos(angle) + (random() - 0.5), y: r * Math.sin(angle) + (random() - 0.5) };
  });
  const index = new Map(nodes.map((n, i) => [n.key, i]));
  const links: Array<SimulationLinkDatum<SimNode>> = edges.map((e) => ({ source: index.get(e.a)!, target: index.get(e.b)! }));

  if (nodes.length > 1) {
    const ticks = options.ticks ?? ticksFor(nodes.length);
    const simulation = forceSimulation(nodes)
      .randomSource(seededRandom(seed ^ 0x9e3779b9))
      // Cool down over exactly `ticks` steps (d3's default plans 300).
      .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
      .force('charge', forceManyBody().strength(-40).distanceMax(200))
      .force('link', forceLink(links).distance(30).strength(0.7))
      .force('collide', forceCollide(7))
      .force('x', forceX(0).strength(0.06))
      .force('y', forceY(0).strength(0.06))
      .stop();
    simulation.tick(ticks);
  }

  // Fit into the picture, keeping the aspect ratio.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const minX = Math.min(...xs, 0);
  const maxX = Math.max(...xs, 0);
  const minY = Math.min(...ys, 0);
  const maxY = Math.max(...ys, 0);
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY, 4);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const round = (v: number) => Math.round(v * 10) / 10;
  const placed = new Map<string, PlacedNode>();
  for (const n of nodes) {
    placed.set(n.key, {
      key: n.key,
      x: nodes.length === 1 ? width / 2 : round(offsetX + ((n.x ?? 0) - minX) * scale),
      y: nodes.length === 1 ? height / 2 : round(offsetY + ((n.y ?? 0) - minY) * scale),
    });
  }
  const layout: Layout = {
    width,
    height,
    nodes: keys.map((k) => placed.get(k)!),
    edges: edges.map((e) => {
      const a = placed.get(e.a)!;
      const b = placed.get(e.b)!;
      return { a: e.a, b: e.b, x1: a.x, y1: a.y, x2: b.x, y2: b.y };
    }),
  };
  cache.set(cacheKey, layout);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return structuredClone(layout);
}

/** For tests: forget cached layouts. */
export function clearLayoutCache(): void {
  cache.clear();
}
