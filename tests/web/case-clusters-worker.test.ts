import { describe, expect, it } from 'vitest';
import { ClusterClient, type WorkerLike } from '../../web/map/case-clusters/cluster-client.ts';
import type { ClusterFeature, PointColumns } from '../../domain/display-clusters/cluster-index.ts';
import { createClusterHandler, type FromWorker, type ToWorker } from '../../web/map/case-clusters/cluster-protocol.ts';
import { clusterLayers } from '../../web/map/case-clusters/cluster-styles.ts';
import { DETAIL_MAX_POINTS, LeafDetails, pointsIn } from '../../web/map/case-clusters/leaf-details.ts';
import { CASE_COLORS, CONTACT_COLORS } from '../../web/map/palette.ts';
import { caseLayers } from '../../web/map/styles.ts';
import { toCasePoints } from '../../web/stores/case-points.ts';
import { colorOf, evaluate, keeps, rgba, validate } from './style-eval.ts';

const CATEGORIES = ['confirmed', 'asymptomatic', 'suspected'];
const COLS: PointColumns = { ids: [11, 12, 13, 14, 15, 16], lng: [114.1, 114.1001, 114.1002, 114.1, 114.1, 114.3], lat: [36.4, 36.4001, 36.4, 36.4002, 36.4, 36.5],
  category: [0, 0, 1, 0, 0, 2], categories: CATEGORIES };
const BOX: [number, number, number, number] = [114, 36.3, 114.4, 36.6];

/** A Worker stand-in running the real handler; answers are held until `flush` (in any order). */
function fakeWorker() {
  const handle = createClusterHandler(() => 0);
  const held: FromWorker[] = [];
  const w: WorkerLike & { flush(order?: 'fifo' | 'lifo'): void; sent: ToWorker[] } = {
    sent: [], onmessage: null, terminate() {},
    postMessage(msg) { this.sent.push(msg); held.push(handle(structuredClone(msg))); },
    flush(order = 'fifo') {
      const out = order === 'fifo' ? held.splice(0) : held.splice(0).reverse();
      for (const data of out) this.onmessage?.({ data } as MessageEvent<FromWorker>);
    },
  };
  return w;
}

describe('the clustering worker protocol', () => {
  it('answers load with ready and query with result, each with its seq', () => {
    const handle = createClusterHandler(() => 5);
    expect(handle({ type: 'query', seq: 1, bbox: BOX, zoom: 12 })).toEqual({ type: 'result', seq: 1, features: [] });
    expect(handle({ type: 'load', seq: 2, ...COLS })).toEqual({ type: 'ready', seq: 2, count: 6, ms: 0 });
    const answer = handle({ type: 'query', seq: 3, bbox: BOX, zoom: 12 });
    expect(answer.type === 'result' && answer.features.map((f) => f.properties)).toEqual([
      expect.objectContaining({ cluster: true, count: 5, confirmed: 4, asymptomatic: 1, dominant: 'confirmed', second: 'asymptomatic' }),
      { id: 16, category: 'suspected' }]);
  });

  it('reports a broken load as an error with the seq', () => {
    const handle = createClusterHandler();
    expect(handle({ type: 'load', seq: 4, ...COLS, categories: null as never })).toMatchObject({ type: 'error', seq: 4 });
  });
});

describe('ClusterClient', () => {
  it('loads, then answers queries', async () => {
    const w = fakeWorker();
    const client = new ClusterClient(w);
    const loaded = client.load(COLS);
    w.flush();
    expect(await loaded).toEqual({ count: 6, ms: 0 });
    const q = client.query(BOX, 17);
    w.flush();
    expect(((await q) ?? []).map((f) => f.id).sort()).toEqual([11, 12, 13, 14, 15, 16]);
  });

  it('drops an answer that a newer query overtook, whatever order they arrive in', async () => {
    const w = fakeWorker();
    const client = new ClusterClient(w);
    const loaded = client.load(COLS);
    w.flush();
    await loaded;
    const old = client.query(BOX, 3);
    const latest = client.query(BOX, 17);
    w.flush('lifo');
    expect(await old).toBeNull();
    expect((await latest)?.length).toBe(6);
  });

  it('drops a query answered from data that a newer load replaced, and the older load itself', async () => {
    const w = fakeWorker();
    const client = new ClusterClient(w);
    const first = client.load(COLS);
    const q = client.query(BOX, 17);
    const second = client.load({ ...COLS, ids: [21, 22, 23, 24, 25, 26] });
    w.flush();
    expect(await first).toBeNull();
    expect(await q).toBeNull();
    expect(await second).toEqual({ count: 6, ms: 0 });
    const again = client.query(BOX, 17);
    w.flush();
    expect(((await again) ?? []).map((f) => f.id).sort()).toEqual([21, 22, 23, 24, 25, 26]);
  });

  it('copies typed arrays to the worker and keeps the caller\'s', async () => {
    const w = fakeWorker();
    const points = toCasePoints({ layer: 'cases', count: 3, categories: CATEGORIES, ids: [11, 12, 13], lng: [114.1, 114.1001, 114.3], lat: [36.4, 36.4001, 36.5], category: [0, 0, 2] });
    const loaded = new ClusterClient(w).load(points);
    w.flush();
    await loaded;
    expect(points.ids).toEqual(new Int32Array([11, 12, 13]));
    expect(w.sent[0]).toMatchObject({ type: 'load', categories: CATEGORIES });
  });
});

describe('the case points store\'s columns', () => {
  it('refuses columns of unequal length', () => {
    expect(() => toCasePoints({ layer: 'cases', count: 2, categories: CATEGORIES, ids: [1, 2], lng: [1], lat: [1, 2], category: [0, 0] })).toThrow(/unequal/);
  });
});

describe('popup fields of single points', () => {
  const leaf = (id: number): ClusterFeature => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [114, 36] }, properties: { id, category: 'confirmed' } });
  const cluster = (count: number): ClusterFeature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [114, 36] },
    properties: { cluster: true, clusterId: 1, count, label: String(count), expansionZoom: 13, dominant: 'confirmed', second: '' } });

  it('asks only when few points are in view and some single point lacks its fields', () => {
    const d = new LeafDetails();
    expect(pointsIn([leaf(1), cluster(40)])).toBe(41);
    expect(d.wanted([leaf(1), cluster(40)])).toBe(true);
    expect(d.wanted([leaf(1), cluster(DETAIL_MAX_POINTS)])).toBe(false);
    d.remember({ features: [{ id: 1, properties: { category: 'confirmed', status: 'active', name: '王*' } }] });
    expect(d.wanted([leaf(1), cluster(40)])).toBe(false);
    expect(d.merge([leaf(1), leaf(2)]).map((f) => f.properties)).toEqual([
      { category: 'confirmed', status: 'active', name: '王*', id: 1 }, { id: 2, category: 'confirmed' }]);
    d.clear();
    expect(d.wanted([leaf(1)])).toBe(true);
  });
});

describe('cluster styles', () => {
  const [circle, count] = clusterLayers('cases').map((l) => l.spec);

  it('is a valid MapLibre style beside the single points\' layer', () => {
    expect(validate([...clusterLayers('cases'), ...caseLayers('cases')])).toEqual([]);
    expect([circle.id, count.id]).toEqual(['cases-cluster', 'cases-cluster-count']);
  });

  it('draws clusters on the cluster layers and single points on cases-circle only', () => {
    const c = { cluster: true, count: 12, dominant: 'confirmed', second: '', label: '12' };
    const p = { id: 1, category: 'confirmed' };
    const points = caseLayers('cases')[0].spec;
    expect([keeps(circle, c), keeps(count, c), keeps(points, c)]).toEqual([true, true, false]);
    expect([keeps(circle, p), keeps(count, p), keeps(points, p)]).toEqual([false, false, true]);
  });

  it('fills with the dominant category, rings with the runner-up, and grows with the count', () => {
    expect(colorOf(circle, 'circle-color', { dominant: 'asymptomatic', second: '', count: 3 })).toBe(rgba(CASE_COLORS.asymptomatic));
    expect(colorOf(circle, 'circle-color', { dominant: 'closeContact', second: '', count: 3 })).toBe(rgba(CONTACT_COLORS.closeContact));
    expect(colorOf(circle, 'circle-stroke-color', { dominant: 'confirmed', second: 'suspected', count: 3 })).toBe(rgba(CASE_COLORS.suspected));
    expect(colorOf(circle, 'circle-stroke-color', { dominant: 'confirmed', second: '', count: 3 })).toBe(rgba('#ffffff'));
    const r = (n: number) => Number(evaluate(circle, 'paint', 'circle-radius', { count: n }));
    expect([2, 9, 10, 199, 1000, 120_000].map(r)).toEqual([13, 13, 16, 19, 28, 34]);
    expect(evaluate(count, 'layout', 'text-field', { label: '1.2k', count: 1200 })).toMatchObject({ sections: [expect.objectContaining({ text: '1.2k' })] });
  });
});
