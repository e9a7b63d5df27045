// Display clustering of person points with counts per category (issue 7 item 1): a supercluster
// index (Agafonkin's hierarchical greedy clustering over KD-trees, one tree per zoom) whose
// map/reduce keeps one count per category in every cluster. Pure, no DOM and no maplibre: the
// worker builds it in the browser, the bench in Node. Input is the columnar /points answer.
import Supercluster from 'supercluster';
import type { Feature, Point } from 'geojson';

export interface PointColumns {
  ids: ArrayLike<number>;
  lng: ArrayLike<number>;
  lat: ArrayLike<number>;
  /** Index into `categories`. */
  category: ArrayLike<number>;
  categories: readonly string[];
}

/** A cluster's properties: its size, one count per category name, and what the map draws. */
export interface ClusterProps {
  cluster: true;
  clusterId: number;
  count: number;
  /** The count as drawn: 950, 1.2k, 12k. */
  label: string;
  /** The zoom at which this cluster breaks apart (what a click eases to). */
  expansionZoom: number;
  /** The category with the most points (the first listed wins a tie: confirmed before asymptomatic). */
  dominant: string;
  /** The runner-up category when it holds ≥ RING_SHARE of the points, else ''. */
  second: string;
  [category: string]: number | string | boolean;
}
export interface LeafProps { id: number; category: string }
export type ClusterFeature = Feature<Point, ClusterProps | LeafProps>;

/**
 * radius 60 px: clusters about a finger wide. minPoints 5: fewer points within the radius stay
 * dots, which a reader counts at a glance (the demo's 管控 sites hold 2–5 cases each) — a circle
 * pays off when it hides more. maxZoom 16: at street level every point stands alone.
 */
export const CLUSTER_OPTIONS = { radius: 60, maxZoom: 16, minPoints: 5 } as const;
export const RING_SHARE = 0.2;

export interface CaseClusterIndex {
  count: number;
  /** Clusters and single points meeting [west, south, east, north] at an integer zoom (floored). */
  getClusters(bbox: readonly [number, number, number, number], zoom: number): ClusterFeature[];
}

type Counts = Record<string, number>;

export function countLabel(n: number): string {
  if (n < 1000) return String(n);
  return n < 9950 ? `${(Math.round(n / 100) / 10).toFixed(1)}k` : `${Math.round(n / 1000)}k`;
}

/**
 * The points go to supercluster as one reused feature object whose coordinates change per step:
 * load() copies what it keeps (coordinates into a Float64Array, `id` and the `properties` object
 * reference) and keeps no feature, so 1,000,000 points cost no 3,000,000 short-lived objects.
 * Properties are one shared, never-mutated object per category: reduce only writes to the
 * clones supercluster makes for clusters.
 */
function featureStream(cols: PointColumns, perCategory: readonly Counts[]): Feature<Point, Counts>[] {
  const n = cols.ids.length;
  const coordinates = [0, 0];
  const f = { type: 'Feature' as const, id: 0, geometry: { type: 'Point' as const, coordinates }, properties: perCategory[0] };
  const stream = {
    length: n,
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) {
        coordinates[0] = cols.lng[i];
        coordinates[1] = cols.lat[i];
        f.id = i; // the row index: leaves map back to the id and category columns
        f.properties = perCategory[cols.category[i]] ?? perCategory[0];
        yield f;
      }
    },
  };
  return stream as unknown as Feature<Point, Counts>[];
}

export function buildCaseIndex(cols: PointColumns, options: { radius?: number; maxZoom?: number; minPoints?: number } = {}): CaseClusterIndex {
  const keys = cols.categories.map((_, k) => `c${k}`);
  const perCategory = cols.categories.map((_, c) => Object.freeze(Object.fromEntries(keys.map((key, k) => [key, k === c ? 1 : 0]))));
  const index = new Supercluster<Counts, Counts>({
    ...CLUSTER_OPTIONS, ...options,
    reduce: (acc, p) => { for (const key of keys) acc[key] += p[key]; },
  });
  index.load(featureStream(cols, perCategory));

  // getClusterExpansionZoom walks the cluster's children (~10 µs each, the bulk of a query's time);
  // a pan shows mostly the same clusters again, and an index never changes once built.
  const expansion = new Map<number, number>();
  const expansionZoom = (id: number): number => {
    let z = expansion.get(id);
    if (z === undefined) expansion.set(id, (z = index.getClusterExpansionZoom(id)));
    return z;
  };

  function clusterProps(p: Counts & { cluster_id: number; point_count: number }): ClusterProps {
    const out: ClusterProps = { cluster: true, clusterId: p.cluster_id, count: p.point_count, label: countLabel(p.point_count),
      expansionZoom: expansionZoom(p.cluster_id), dominant: '', second: '' };
    let first = -1, second = -1;
    cols.categories.forEach((name, k) => {
      const n = p[keys[k]];
      out[name] = n;
      if (first < 0 || n > p[keys[first]]) { second = first; first = k; } else if (second < 0 || n > p[keys[second]]) second = k;
    });
    out.dominant = cols.categories[first] ?? '';
    out.second = second >= 0 && p[keys[second]] >= RING_SHARE * p.point_count ? cols.categories[second] : '';
    return out;
  }

  return {
    count: cols.ids.length,
    getClusters(bbox, zoom) {
      return index.getClusters([...bbox], Math.floor(zoom)).map((f): ClusterFeature => {
        const p = f.properties as Counts & { cluster?: boolean; cluster_id: number; point_count: number };
        if (p.cluster) return { type: 'Feature', geometry: f.geometry, properties: clusterProps(p) };
        const i = f.id as number;
        const id = cols.ids[i];
        return { type: 'Feature', id, geometry: f.geometry, properties: { id, category: cols.categories[cols.category[i]] ?? '' } };
      });
    },
  };
}
