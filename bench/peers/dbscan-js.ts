// The in-process JavaScript peers of bench/dbscan.ts: what one would write or install first.
// - a plain DBSCAN over kdbush (Agafonkin's static k-d tree) on projected metres: every point's
//   neighbourhood from index.within(), then the textbook expansion (Ester et al. 1996);
// - Turf's clustersDbscan (@turf/clusters-dbscan, RBush + haversine), 10,000 points only: it took
//   116 s at 100,000 here (stack.md).
import { clustersDbscan, featureCollection, point } from '@turf/turf';
import KDBush from 'kdbush';
import type { ClusterRun } from './dbscan-peers.ts';

const summary = (labels: ArrayLike<number>, ms: number): ClusterRun => {
  let clusters = 0, noise = 0;
  for (let i = 0; i < labels.length; i++) { if (labels[i] < 0) noise++; else if (labels[i] + 1 > clusters) clusters = labels[i] + 1; }
  return { ms, clusters, noise };
};

export function kdbushDbscan(xy: Float64Array, epsMeters: number, minPoints: number): ClusterRun {
  const t0 = performance.now();
  const n = xy.length / 2;
  const index = new KDBush(n);
  for (let i = 0; i < n; i++) index.add(xy[2 * i], xy[2 * i + 1]);
  index.finish();
  const near = (i: number) => index.within(xy[2 * i], xy[2 * i + 1], epsMeters);
  const labels = new Int32Array(n).fill(-2); // -2 unvisited, -1 noise
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== -2) continue;
    const seeds = near(i);
    if (seeds.length < minPoints) { labels[i] = -1; continue; }
    const id = next++;
    labels[i] = id;
    for (let k = 0; k < seeds.length; k++) {
      const j = seeds[k];
      if (labels[j] === -1) labels[j] = id; // noise becomes border
      if (labels[j] !== -2) continue;
      labels[j] = id;
      const more = near(j);
      if (more.length >= minPoints) for (const m of more) if (labels[m] < 0) seeds.push(m);
    }
  }
  return summary(labels, performance.now() - t0);
}

export function turfDbscan(lngLat: [number, number][], epsMeters: number, minPoints: number): ClusterRun {
  const fc = featureCollection(lngLat.map((p) => point(p)));
  const t0 = performance.now();
  const out = clustersDbscan(fc, epsMeters / 1000, { units: 'kilometers', minPoints });
  const labels = out.features.map((f) => f.properties.cluster ?? -1);
  return summary(labels, performance.now() - t0);
}
