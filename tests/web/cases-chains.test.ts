// The transmission chains on /cases: the date range over the incident's days, filtering like the
// server's ?from=&to= (links by last exposure, persons by report or identification day, both ends
// of a shown link kept), "cases only", the graph's layout (cases as a tree, contacts in rings,
// deterministic, no two on one spot, kept in proportion) and its ECharts option (colours, selection).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { chainExtent, chainsInRange, nodeDay, useCasesChains } from '../../web/stores/cases-chains.ts';
import { chainLayout, GENERATION_WIDTH, layoutExtent } from '../../web/components/cases/chain-layout.ts';
import { chainGraphOption, containBox } from '../../web/components/cases/chain-graph-option.ts';
import { CASE_COLORS, CONTACT_COLORS } from '../../web/map/palette.ts';
import type { ChainData } from '../../web/stores/cases-types.ts';
import { fakeFetch, json } from './plan-fixtures.ts';
import { CHAINS } from './cases-fixtures.ts';

const ids = (d: ChainData) => ({ nodes: d.nodes.map((n) => n.id), links: d.links.map((l) => `${l.from}>${l.to}`), places: d.places.map((p) => p.personId) });

beforeEach(() => {
  fakeFetch(() => json(CHAINS));
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('chain dates', () => {
  it('spans the first to the last day anything happened', () => {
    expect(chainExtent(CHAINS)).toEqual({ from: '2022-06-01', to: '2022-06-12' });
    expect(chainExtent({ nodes: [], links: [], places: [] })).toBeNull();
    expect(nodeDay(CHAINS.nodes[2])).toBe('2022-06-05'); // a contact: the day identified (Shanghai)
  });

  it('keeps links by last exposure, persons by their day, and both ends of each link', () => {
    expect(ids(chainsInRange(CHAINS, { from: '2022-06-03', to: '2022-06-04' }))).toEqual({
      nodes: [2, 3, 4, 6], links: ['2>3', '2>4', '2>6'], places: [] });
    expect(ids(chainsInRange(CHAINS, { from: '2022-06-09', to: '2022-06-10' }))).toEqual({ nodes: [5], links: [], places: [5] });
    expect(chainsInRange(CHAINS, null)).toBe(CHAINS);
  });

  it('loads once, starts on every day, clamps and orders the range, and can show cases only', async () => {
    const chains = useCasesChains();
    await chains.load();
    expect(chains.range).toEqual({ from: '2022-06-01', to: '2022-06-12' });
    expect(chains.shown.nodes).toHaveLength(6);
    chains.setRange({ from: '2022-07-01', to: '2022-06-03' });
    expect(chains.range).toEqual({ from: '2022-06-03', to: '2022-06-12' });
    chains.casesOnly = true;
    expect(ids(chains.shown).nodes).toEqual([2, 4, 5]);
    expect(ids(chains.shown).links).toEqual(['2>4']);
  });
});

describe('chain graph', () => {
  it('draws the cases as a tree, infector left of infectee, and the contacts in a ring around their case', () => {
    const at = chainLayout(CHAINS.nodes, CHAINS.links);
    const p = (id: number) => at.get(id)!;
    expect([...at.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(p(2).x - p(1).x).toBe(GENERATION_WIDTH);
    expect(p(4).x - p(2).x).toBe(GENERATION_WIDTH); // a case infected by a case: the next generation
    expect([p(3).depth, p(4).depth, p(6).depth]).toEqual([2, 2, 2]);
    const distance = (a: number, b: number) => Math.hypot(p(a).x - p(b).x, p(a).y - p(b).y);
    expect(distance(3, 2)).toBeCloseTo(distance(6, 2)); // close contacts of #2 on one ring around it
    expect(distance(3, 2)).toBeLessThan(GENERATION_WIDTH / 2);
    expect(p(1).y).toBe(p(2).y); // a parent in the middle of its (one) child
    expect(p(1).root).toBe(1);
    expect(p(5).root).toBe(5);
    const spots = [...at.values()].map((q) => `${q.x.toFixed(3)},${q.y.toFixed(3)}`);
    expect(new Set(spots).size).toBe(spots.length); // no two persons on one spot
    expect(chainLayout(CHAINS.nodes, CHAINS.links)).toEqual(at); // deterministic
  });

  it('keeps a thousand contacts of one case within a few bands, not a thousand rows', () => {
    const nodes = [CHAINS.nodes[0], ...Array.from({ length: 1000 }, (_, i) => ({ ...CHAINS.nodes[2], id: 100 + i }))];
    const links = nodes.slice(1).map((n) => ({ from: 1, to: n.id, type: 'other' as const, lastExposureAt: '2022-06-01T00:00:00Z' }));
    const { width, height } = layoutExtent(chainLayout(nodes, links));
    expect(Math.max(width, height)).toBeLessThan(60);
    expect(containBox(chainLayout(nodes, links), { width: 600, height: 300 })).toEqual({ width: 252, height: 252 }); // a ring stays round
  });

  it('survives a cycle and links to persons not shown', () => {
    const nodes = CHAINS.nodes.slice(0, 2);
    const at = chainLayout(nodes, [{ from: 1, to: 2, type: 'other', lastExposureAt: 'a' }, { from: 2, to: 1, type: 'other', lastExposureAt: 'b' },
      { from: 2, to: 99, type: 'other', lastExposureAt: 'c' }]);
    expect(at.size).toBe(2);
    expect(new Set([...at.values()].map((q) => q.depth))).toEqual(new Set([0, 1]));
  });

  it('colours persons by category, labels cases, rings the selected one and brightens its links', () => {
    const option = chainGraphOption(CHAINS, chainLayout(CHAINS.nodes, CHAINS.links), 2,
      { label: (c, id) => `${c}#${id}`, tooltip: (c, id) => `${c}#${id}` });
    const series = (option.series as { data: { id: string; symbolSize: number; itemStyle: { color: string; borderWidth: number };
      label: { show: boolean } }[]; edges: { source: string; lineStyle: { width: number } }[]; layout: string }[])[0];
    expect(series.layout).toBe('none');
    const node = (id: number) => series.data.find((n) => n.id === String(id))!;
    expect(node(1).itemStyle.color).toBe(CASE_COLORS.confirmed);
    expect(node(3).itemStyle.color).toBe(CONTACT_COLORS.closeContact);
    expect([node(1).label.show, node(3).label.show]).toEqual([true, false]);
    expect(node(2).symbolSize).toBeGreaterThan(node(1).symbolSize);
    expect(node(2).itemStyle.borderWidth).toBe(3);
    expect(series.edges).toHaveLength(4);
    expect(series.edges.find((e) => e.source === '2')!.lineStyle.width).toBeGreaterThan(1);
  });
});
