// The scan's circles (the bases of its cylinders), as SaTScan builds them (Kulldorff 1997,
// "A spatial scan statistic", Commun Stat Theory Methods 26:1481; Kulldorff et al. 2005 §Methods):
// centred on each location, growing by nearest neighbours (by centroid distance) until the circle
// would hold more than `maxCases` cases or reach past `maxRadiusMeters`. Locations at the same
// distance enter together, as a circle of that radius holds them all.
// maxCases is a share of all cases in the study period: the space-time permutation model has no
// population file, so SaTScan's "maximum spatial cluster size, % of the population at risk"
// counts cases there.
// Two economies that do not change any result: a circle whose last ring adds no cases has the same
// observed and expected counts as the circle before it in every permutation (a location with no
// case in the study period never gets one), so it is skipped; and a centre's neighbour list is cut
// after its largest circle.

/** Mean Earth radius (IUGG), the same sphere as domain/clusters' haversine distances. */
const EARTH_RADIUS_METERS = 6_371_008.8;
const RAD = Math.PI / 180;
/** Distances this close (in metres) count as equal: a grid's symmetric neighbours enter together. */
const TIE_METERS = 1e-6;

export function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const s = Math.sin(((lat2 - lat1) * RAD) / 2), t = Math.sin(((lng2 - lng1) * RAD) / 2);
  const h = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * t * t;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Circles {
  /** Centre i's neighbours, itself first, nearest first: neighbours[nbStart[i] .. nbStart[i + 1]). */
  neighbours: Int32Array;
  nbStart: Int32Array;
  /** Distance of each entry of `neighbours` from its centre, metres. */
  distanceMeters: Float64Array;
  /** Circles of centre i are circleStart[i] .. circleStart[i + 1], smallest first. */
  circleStart: Int32Array;
  /** Circle q holds the first size[q] neighbours of its centre. */
  size: Int32Array;
  centre: Int32Array;
  /** Cases of the whole study period inside circle q. */
  cases: Int32Array;
}

export function buildCircles(
  locations: readonly { lng: number; lat: number }[],
  casesPerLocation: ArrayLike<number>,
  maxCases: number,
  maxRadiusMeters: number,
): Circles {
  const n = locations.length;
  const nb: number[] = [], dist: number[] = [], size: number[] = [], centre: number[] = [], cases: number[] = [];
  const nbStart = new Int32Array(n + 1), circleStart = new Int32Array(n + 1);
  const order = Array.from({ length: n }, (_, j) => j);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nbStart[i] = nb.length;
    circleStart[i] = size.length;
    const { lng, lat } = locations[i];
    for (let j = 0; j < n; j++) d[j] = j === i ? 0 : haversineMeters(lng, lat, locations[j].lng, locations[j].lat);
    const near = order.filter((j) => d[j] <= maxRadiusMeters).sort((a, b) => d[a] - d[b] || (a === i ? -1 : b === i ? 1 : a - b));
    let total = 0, kept = 0;
    for (let a = 0; a < near.length;) {
      let b = a + 1, ring = casesPerLocation[near[a]];
      while (b < near.length && d[near[b]] - d[near[a]] <= TIE_METERS) ring += casesPerLocation[near[b++]];
      if (total + ring > maxCases) break;
      total += ring;
      if (ring > 0) {
        size.push(b); centre.push(i); cases.push(total);
        kept = b;
      }
      a = b;
    }
    for (let k = 0; k < kept; k++) { nb.push(near[k]); dist.push(d[near[k]]); }
  }
  nbStart[n] = nb.length;
  circleStart[n] = size.length;
  return {
    neighbours: Int32Array.from(nb), nbStart, distanceMeters: Float64Array.from(dist),
    circleStart, size: Int32Array.from(size), centre: Int32Array.from(centre), cases: Int32Array.from(cases),
  };
}
