import { describe, expect, it } from 'vitest';
import Supercluster from 'supercluster';
import { seededRandom as mulberry32 } from '../../domain/stats/prng.ts';
import { buildCaseIndex, CLUSTER_OPTIONS, countLabel, RING_SHARE, type ClusterProps, type LeafProps, type PointColumns } from '../../domain/display-clusters/cluster-index.ts';

const CATEGORIES = ['confirmed', 'asymptomatic', 'suspected'];
const WORLD = [-180, -85, 180, 85] as const;
const DISTRICT = [114.0, 36.3, 114.4, 36.6] as const;


/** n points around three centres in the district, categories by index (seeded). */
function columns(n: number, seed = 7): PointColumns {
  const rnd = mulberry32(seed);
  const centres = [[114.12, 36.42], [114.25, 36.45], [114.2, 36.52]];
  const cols = { ids: new Int32Array(n), lng: new Float64Array(n), lat: new Float64Array(n), category: new Uint8Array(n), categories: CATEGORIES };
  for (let i = 0; i < n; i++) {
    const [x, y] = centres[i % 3];
    cols.ids[i] = 1000 + i;
    cols.lng[i] = x + (rnd() - 0.5) * 0.02;
    cols.lat[i] = y + (rnd() - 0.5) * 0.02;
    cols.category[i] = rnd() < 0.6 ? 0 : rnd() < 0.9 ? 1 : 2;
  }
  return cols;
}

const isCluster = (p: ClusterProps | LeafProps): p is ClusterProps => 'cluster' in p;
const total = (features: { properties: ClusterProps | LeafProps }[]) => features.reduce((n, f) => n + (isCluster(f.properties) ? f.properties.count : 1), 0);

describe('the display-cluster index', () => {
  const cols = columns(5000);
  const index = buildCaseIndex(cols);

  it('counts every point once at every zoom', () => {
    expect(index.count).toBe(5000);
    for (const zoom of [0, 5, 9, 11, 13, 15, 17]) expect(total(index.getClusters(WORLD, zoom)), `zoom ${zoom}`).toBe(5000);
  });

  it('keeps one count per category in each cluster, summing to its size, and the true per-category totals overall', () => {
    const clusters = index.getClusters(DISTRICT, 11).map((f) => f.properties).filter(isCluster);
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) expect(CATEGORIES.reduce((n, k) => n + Number(c[k]), 0)).toBe(c.count);
    const byCategory = CATEGORIES.map((_, k) => cols.category.length && Array.from(cols.category).filter((c) => c === k).length);
    const atZero = index.getClusters(WORLD, 0).map((f) => f.properties);
    const counted = CATEGORIES.map((name) => atZero.reduce((n, p) => n + (isCluster(p) ? Number(p[name]) : p.category === name ? 1 : 0), 0));
    expect(counted).toEqual(byCategory);
  });

  it('names the dominant category, and the runner-up only when it holds a fifth or more', () => {
    for (const f of index.getClusters(DISTRICT, 12)) {
      const p = f.properties;
      if (!isCluster(p)) continue;
      const counts = CATEGORIES.map((k) => Number(p[k]));
      expect(counts[CATEGORIES.indexOf(p.dominant)]).toBe(Math.max(...counts));
      if (p.second) expect(Number(p[p.second])).toBeGreaterThanOrEqual(RING_SHARE * p.count);
      else expect(counts.filter((n, k) => CATEGORIES[k] !== p.dominant && n >= RING_SHARE * p.count).length).toBe(0);
    }
  });

  it('gives the zoom at which a cluster breaks apart, as supercluster does', () => {
    const plain = new Supercluster({ ...CLUSTER_OPTIONS }).load(Array.from(cols.ids, (_, i) => ({
      type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [cols.lng[i], cols.lat[i]] } })));
    const ours = index.getClusters(DISTRICT, 10).map((f) => f.properties).filter(isCluster);
    const theirs = plain.getClusters([...DISTRICT], 10).filter((f) => f.properties.cluster);
    expect(ours.map((p) => [p.count, p.expansionZoom]).sort()).toEqual(
      theirs.map((f) => [f.properties.point_count, plain.getClusterExpansionZoom(f.properties.cluster_id)]).sort());
    for (const p of ours) {
      expect(p.expansionZoom).toBeGreaterThan(10);
      const after = index.getClusters(DISTRICT, p.expansionZoom).map((f) => f.properties).filter(isCluster);
      expect(after.some((q) => q.count === p.count), `cluster of ${p.count} still whole at zoom ${p.expansionZoom}`).toBe(false);
    }
  });

  it('shows single points with their own id and category beyond the last clustered zoom', () => {
    const leaves = index.getClusters(WORLD, 17);
    expect(leaves).toHaveLength(5000);
    expect(leaves.every((f) => !isCluster(f.properties))).toBe(true);
    const byId = new Map(leaves.map((f) => [f.id, f]));
    for (const i of [0, 1, 2, 777, 4999]) {
      const f = byId.get(cols.ids[i])!;
      expect(f.properties).toEqual({ id: cols.ids[i], category: CATEGORIES[cols.category[i]] });
      expect(f.geometry.coordinates[0]).toBeCloseTo(cols.lng[i], 9);
      expect(f.geometry.coordinates[1]).toBeCloseTo(cols.lat[i], 9);
    }
  });

  it('answers only what meets the box', () => {
    const west = index.getClusters([114.0, 36.3, 114.18, 36.6], 17);
    expect(west.length).toBeGreaterThan(1000);
    expect(west.every((f) => f.geometry.coordinates[0] <= 114.18)).toBe(true);
    expect(index.getClusters([100, 20, 101, 21], 12)).toEqual([]);
  });

  it('clusters five at one home, and leaves a smaller group and a lone point as dots', () => {
    const lng = [114.1, 114.1, 114.1, 114.1, 114.1, 114.3, 114.2, 114.2001];
    const lat = [36.4, 36.4, 36.4, 36.4, 36.4, 36.5, 36.45, 36.4501];
    const few = buildCaseIndex({ ids: [1, 2, 3, 4, 5, 7, 8, 9], lng, lat, category: [0, 2, 0, 2, 0, 1, 1, 1], categories: CATEGORIES });
    const props = few.getClusters(DISTRICT, 12).map((f) => f.properties);
    expect(props.filter(isCluster)).toEqual([expect.objectContaining({ cluster: true, count: 5, confirmed: 3, asymptomatic: 0, suspected: 2,
      dominant: 'confirmed', second: 'suspected', label: '5', expansionZoom: CLUSTER_OPTIONS.maxZoom + 1 })]);
    expect(props.filter((p) => !isCluster(p)).sort((a, b) => Number((a as LeafProps).id) - Number((b as LeafProps).id))).toEqual([
      { id: 7, category: 'asymptomatic' }, { id: 8, category: 'asymptomatic' }, { id: 9, category: 'asymptomatic' }]);
    expect(buildCaseIndex({ ids: [], lng: [], lat: [], category: [], categories: CATEGORIES }).getClusters(WORLD, 3)).toEqual([]);
  });

  it('labels large counts briefly', () => {
    expect([0, 999, 1000, 1249, 1250, 9999, 10_000, 123_456].map(countLabel)).toEqual(['0', '999', '1.0k', '1.2k', '1.3k', '10k', '10k', '123k']);
  });
});
