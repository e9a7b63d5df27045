// Positions for the transmission-chain graph, pure and deterministic. The cases form the chain:
// each is drawn as a tree, infector left of infectee (x = generation), a parent in the middle of
// its children (the layered "tidy tree" idea of Reingold & Tilford 1981, with each subtree given
// a band as tall as it needs). The contacts of a person are not tree rows — the demo has ten per
// case, which would make a column thousands of rows tall — but rings around them: close contacts
// on the inner ring, their secondary contacts just outside, in the same direction. The trees are
// then packed into columns so the picture has about the aspect ratio of the panel. A force
// layout would move on every render and hang the page at ~2,000 nodes.
import type { ChainLink, ChainNode } from '../../stores/cases-types.ts';

export interface Placed { x: number; y: number; depth: number; root: number }

const CASE = new Set(['confirmed', 'asymptomatic', 'suspected']);
/** Units between generations of cases; a band of one case without contacts is 1 unit tall. */
export const GENERATION_WIDTH = 4;
/** Radius of the first ring, the gap to the next, and the arc each contact needs on a ring (units). */
const RING = 0.55;
const RING_GAP = 0.4;
const SPACING = 0.16;

/** Tree edges: each person's earliest infector among the shown links (later links are cross-links). */
function parents(nodes: readonly ChainNode[], links: readonly ChainLink[]): Map<number, number> {
  const ids = new Set(nodes.map((n) => n.id));
  const parent = new Map<number, { from: number; at: string }>();
  for (const l of links) {
    if (!ids.has(l.from) || !ids.has(l.to) || l.from === l.to) continue;
    const seen = parent.get(l.to);
    if (!seen || l.lastExposureAt < seen.at || (l.lastExposureAt === seen.at && l.from < seen.from)) parent.set(l.to, { from: l.from, at: l.lastExposureAt });
  }
  return new Map([...parent].map(([to, p]) => [to, p.from]));
}

interface Ring { members: { id: number; radius: number; angle: number; level: 1 | 2 }[]; radius: number }

export function chainLayout(nodes: readonly ChainNode[], links: readonly ChainLink[], aspect = 1.5): Map<number, Placed> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const isCase = (id: number) => CASE.has(byId.get(id)!.category);
  const parent = parents(nodes, links);
  const children = new Map<number, number[]>();
  for (const [to, from] of parent) children.set(from, [...(children.get(from) ?? []), to]);
  for (const list of children.values()) list.sort((a, b) => a - b);

  // A hub is a case, or a contact with no shown infector (it heads its own little group).
  // Contacts hang in rings around the nearest hub above them: ring 1 its contacts, ring 2 theirs.
  const visited = new Set<number>();
  const rings = new Map<number, Ring>();
  const caseKids = new Map<number, number[]>();
  function collect(hub: number): void {
    const ring1 = (children.get(hub) ?? []).filter((k) => !isCase(k) && !visited.has(k));
    ring1.forEach((k) => visited.add(k));
    const ring2 = ring1.flatMap((k) => (children.get(k) ?? []).filter((g) => !isCase(g) && !visited.has(g)).map((g) => ({ g, k })));
    ring2.forEach(({ g }) => visited.add(g));
    const r1 = Math.max(RING, (ring1.length * SPACING) / (2 * Math.PI));
    const r2 = Math.max(r1 + RING_GAP, (ring2.length * SPACING) / (2 * Math.PI));
    const angleOf = (slot: number) => (2 * Math.PI * slot) / Math.max(1, ring1.length) - Math.PI / 2;
    const members: Ring['members'] = ring1.map((id, slot) => ({ id, radius: r1, angle: angleOf(slot), level: 1 }));
    // Secondary contacts fan out behind their close contact, SPACING apart along the outer ring.
    for (const [slot, k] of ring1.entries()) {
      const theirs = ring2.filter((x) => x.k === k);
      theirs.forEach(({ g }, j) => members.push({ id: g, radius: r2, angle: angleOf(slot) + ((j - (theirs.length - 1) / 2) * SPACING) / r2, level: 2 }));
    }
    rings.set(hub, { members, radius: ring2.length ? r2 : ring1.length ? r1 : 0 });
    // Cases below this hub, directly or through one of its contacts, continue the chain.
    const below = [hub, ...ring1, ...ring2.map((x) => x.g)].flatMap((id) => (children.get(id) ?? []).filter((k) => isCase(k) && !visited.has(k)));
    below.forEach((k) => visited.add(k));
    caseKids.set(hub, below.sort((a, b) => a - b));
    below.forEach(collect);
  }

  // Roots: cases without a shown infector first, then contacts without one; a cycle's lowest id last.
  const sorted = [...nodes].sort((a, b) => a.id - b.id);
  const starts = [...sorted.filter((n) => !parent.has(n.id) && isCase(n.id)), ...sorted.filter((n) => !parent.has(n.id)), ...sorted];
  const roots: number[] = [];
  for (const n of starts) {
    if (visited.has(n.id)) continue;
    visited.add(n.id);
    roots.push(n.id);
    collect(n.id);
  }

  // Each hub's band: tall enough for its ring and for its children's bands.
  const band = new Map<number, number>();
  const bandOf = (hub: number): number => {
    const own = Math.max(1, 2 * (rings.get(hub)?.radius ?? 0) + 0.5);
    const kids = (caseKids.get(hub) ?? []).reduce((s, k) => s + bandOf(k), 0);
    const h = Math.max(own, kids);
    band.set(hub, h);
    return h;
  };
  const depthOf = (hub: number): number => 1 + Math.max(0, ...(caseKids.get(hub) ?? []).map(depthOf));

  const out = new Map<number, Placed>();
  const place = (hub: number, x: number, y0: number, depth: number, root: number): void => {
    const h = band.get(hub)!;
    const kids = caseKids.get(hub) ?? [];
    const y = y0 + h / 2;
    out.set(hub, { x, y, depth, root });
    for (const m of rings.get(hub)?.members ?? []) {
      out.set(m.id, { x: x + m.radius * Math.cos(m.angle), y: y + m.radius * Math.sin(m.angle), depth: depth + m.level, root });
    }
    let cursor = y0 + (h - kids.reduce((s, k) => s + band.get(k)!, 0)) / 2;
    for (const k of kids) {
      place(k, x + GENERATION_WIDTH, cursor, depth + 1, root);
      cursor += band.get(k)!;
    }
  };

  // Tallest trees first, stacked in columns about `columnHeight` units tall.
  const trees = roots.map((root) => ({ root, height: bandOf(root), width: (depthOf(root) - 1) * GENERATION_WIDTH + 2 }))
    .sort((a, b) => b.height - a.height || a.root - b.root);
  const area = trees.reduce((s, t) => s + (t.height + 0.5) * (t.width + 1), 0);
  const columnHeight = Math.max(trees[0]?.height ?? 1, Math.sqrt(area / aspect));
  let x0 = 0;
  let y0 = 0;
  let columnWidth = 0;
  for (const tree of trees) {
    if (y0 > 0 && y0 + tree.height > columnHeight) { x0 += columnWidth + 1; y0 = 0; columnWidth = 0; }
    place(tree.root, x0, y0, 0, tree.root);
    y0 += tree.height + 0.5;
    columnWidth = Math.max(columnWidth, tree.width);
  }
  return out;
}

/** Width and height of the placed points' bounding box (at least 1 × 1). */
export function layoutExtent(at: ReadonlyMap<number, Placed>): { width: number; height: number } {
  const xs = [...at.values()].map((p) => p.x);
  const ys = [...at.values()].map((p) => p.y);
  if (!xs.length) return { width: 1, height: 1 };
  return { width: Math.max(1, Math.max(...xs) - Math.min(...xs)), height: Math.max(1, Math.max(...ys) - Math.min(...ys)) };
}
