// A quadratic DBSCAN written straight from the definition (Ester et al. 1996) with scikit-learn's
// numbering, to check the grid implementation on sets no fixture covers (high latitude, wide extent).
import { EARTH_RADIUS_METERS } from '../../../domain/clusters/dbscan.ts';

export function bruteDbscan(lng: number[], lat: number[], epsMeters: number, minPoints: number, day?: number[], windowDays = 0): number[] {
  const n = lng.length, rad = Math.PI / 180;
  const near = (a: number, b: number) => {
    if (day && Math.abs(day[a] - day[b]) > windowDays) return false;
    const h = Math.sin(((lat[a] - lat[b]) * rad) / 2) ** 2 + Math.cos(lat[a] * rad) * Math.cos(lat[b] * rad) * Math.sin(((lng[a] - lng[b]) * rad) / 2) ** 2;
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h)) <= epsMeters;
  };
  const nbrs = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => b).filter((b) => near(a, b)));
  const core = nbrs.map((list) => list.length >= minPoints);
  const labels = new Array<number>(n).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (!core[i] || labels[i] !== -1) continue;
    const stack = [i];
    labels[i] = next;
    while (stack.length) {
      const a = stack.pop()!;
      for (const b of nbrs[a]) {
        if (labels[b] !== -1) continue;
        labels[b] = next;
        if (core[b]) stack.push(b);
      }
    }
    next++;
  }
  return labels;
}
