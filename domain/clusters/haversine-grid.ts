// The candidate search behind dbscan.ts: a uniform grid over (latitude, longitude) in radians,
// with cells sized so that every point within eps metres (great-circle, haversine) of a point lies
// in its own cell or one of the 8 around it, and an exact haversine test on the candidates.
//
// Why these cell sizes are safe (no true neighbour missed), for h = sin²(Δφ/2) + cosφ₁cosφ₂·sin²(Δλ/2)
// and d = 2R·asin(√h):
//   h ≥ sin²(Δφ/2)                  ⇒ |Δφ| ≤ d/R                      (cell height = eps/R)
//   h ≥ cos²φmax·sin²(Δλ/2)         ⇒ |Δλ| ≤ 2·asin(sin(eps/2R)/cosφmax)  (cell width)
// where φmax is the largest |latitude| in the data. Over a township the grid is the
// equirectangular projection at the data's latitude in all but name; the width bound keeps it
// exact for any extent. (Longitudes are not wrapped: data must not straddle ±180°.)
//
// Why the test is cheap: sin²(x/2) lies between (x²/4)(1 − x²/12) and x²/4, so with
// q = Δφ² + cosφ₁cosφ₂·Δλ² we have (q/4)(1 − M²/12) ≤ h ≤ q/4, M the largest |Δ| between points
// of neighbouring cells (≤ 2 cells). q ≤ 4·hEps is a sure neighbour, q > 4·hEps/(1 − M²/12) a
// sure non-neighbour; only the ~10⁻⁹-wide band between calls sin. The band compares h ≤ sin²(eps/2R),
// the reduced distance scikit-learn's BallTree compares for metric='haversine', so the two agree.

export const EARTH_RADIUS_METERS = 6_371_008.8; // IUGG mean radius R₁ (Moritz, Geodetic Reference System 1980)

const RAD = Math.PI / 180; // multiply as numpy's radians() does: x * (π/180)
const MAX_KEYS = 2 ** 50; // row·cols + col must stay an exact float64 integer

export interface HaversineGrid {
  n: number;
  /** sorted position → input index, and back */
  order: Int32Array;
  position: Int32Array;
  /** per sorted position: latitude and longitude (radians), cos(latitude), the cell id */
  phi: Float64Array;
  lambda: Float64Array;
  cosPhi: Float64Array;
  cell: Int32Array;
  /** cell c holds sorted positions cellStart[c] .. cellStart[c+1]-1 */
  cellStart: Int32Array;
  /** cells around cell c (itself first): around[aroundStart[c] .. aroundStart[c+1]-1] */
  aroundStart: Int32Array;
  around: Int32Array;
  hEps: number;
  sureSq: number;
  bandSq: number;
}

export function buildHaversineGrid(lng: ArrayLike<number>, lat: ArrayLike<number>, epsMeters: number): HaversineGrid {
  const n = lng.length;
  const phiIn = new Float64Array(n), lambdaIn = new Float64Array(n);
  let phiMin = Infinity, phiMax = -Infinity, lambdaMin = Infinity, lambdaMax = -Infinity, absMax = 0;
  for (let i = 0; i < n; i++) {
    const p = lat[i] * RAD, l = lng[i] * RAD;
    if (!(Math.abs(lat[i]) <= 90) || !Number.isFinite(lng[i])) throw new RangeError(`point ${i} is not a valid [lng, lat]: [${lng[i]}, ${lat[i]}]`);
    phiIn[i] = p; lambdaIn[i] = l;
    if (p < phiMin) phiMin = p;
    if (p > phiMax) phiMax = p;
    if (l < lambdaMin) lambdaMin = l;
    if (l > lambdaMax) lambdaMax = l;
    if (Math.abs(p) > absMax) absMax = Math.abs(p);
  }
  const epsRad = epsMeters / EARTH_RADIUS_METERS;
  const hEps = Math.sin(epsRad / 2) ** 2;
  const widthRatio = Math.sin(epsRad / 2) / Math.cos(absMax);
  let cellH = epsRad * (1 + 1e-9);
  let cellW = widthRatio >= 1 ? 2 * Math.PI + 1 : 2 * Math.asin(widthRatio) * (1 + 1e-9);
  let rows = 1, cols = 1;
  for (;;) {
    rows = n ? Math.floor((phiMax - phiMin) / cellH) + 1 : 1;
    cols = n ? Math.floor((lambdaMax - lambdaMin) / cellW) + 1 : 1;
    if (rows * cols <= MAX_KEYS) break;
    cellH *= 2; cellW *= 2; // bigger cells are still safe, only slower
  }
  const m = 2 * Math.max(cellH, cellW);
  const shrink = 1 - (m * m) / 12;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = Math.floor((phiIn[i] - phiMin) / cellH) * cols + Math.floor((lambdaIn[i] - lambdaMin) / cellW);
  }
  const order = sortByKey(keys, rows * cols);

  const position = new Int32Array(n), phi = new Float64Array(n), lambda = new Float64Array(n), cosPhi = new Float64Array(n), cell = new Int32Array(n);
  const starts: number[] = [], cellKeys: number[] = [];
  for (let s = 0; s < n; s++) {
    const i = order[s];
    position[i] = s; phi[s] = phiIn[i]; lambda[s] = lambdaIn[i]; cosPhi[s] = Math.cos(phiIn[i]);
    if (s === 0 || keys[i] !== cellKeys[cellKeys.length - 1]) { starts.push(s); cellKeys.push(keys[i]); }
    cell[s] = cellKeys.length - 1;
  }
  starts.push(n);
  const { aroundStart, around } = cellsAround(cellKeys, cols);
  return {
    n, order, position, phi, lambda, cosPhi, cell, cellStart: Int32Array.from(starts), aroundStart, around,
    hEps, sureSq: 4 * hEps, bandSq: shrink > 0 ? (4 * hEps) / shrink : Infinity,
  };
}

/** Input indices ordered by cell key: a counting sort when the grid is dense enough to count
 *  (a township at eps ≥ ~20 m: O(n + cells)), else a comparison sort (a sparse, wide extent). */
function sortByKey(keys: Float64Array, keyCount: number): Int32Array {
  const n = keys.length;
  const order = new Int32Array(n);
  if (keyCount > 4 * n + 4096) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => keys[a] - keys[b]);
  }
  const start = new Int32Array(keyCount + 1);
  for (let i = 0; i < n; i++) start[keys[i] + 1]++;
  for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
  for (let i = 0; i < n; i++) order[start[keys[i]]++] = i;
  return order;
}

/** The up-to-9 occupied cells around each cell (itself first), found with three monotone
 *  pointers over the sorted cell keys (rows above, same row, below): O(cells), no hashing. */
function cellsAround(cellKeys: number[], cols: number): { aroundStart: Int32Array; around: Int32Array } {
  const k = cellKeys.length;
  const aroundStart = new Int32Array(k + 1), around = new Int32Array(9 * k);
  const pointer = [0, 0, 0];
  let w = 0;
  for (let c = 0; c < k; c++) {
    aroundStart[c] = w;
    around[w++] = c;
    const row = Math.floor(cellKeys[c] / cols), col = cellKeys[c] - row * cols;
    for (let d = 0; d < 3; d++) {
      const base = (row + d - 1) * cols;
      const lo = base + Math.max(0, col - 1), hi = base + Math.min(cols - 1, col + 1);
      let p = pointer[d];
      while (p < k && cellKeys[p] < lo) p++;
      pointer[d] = p;
      for (; p < k && cellKeys[p] <= hi; p++) if (p !== c) around[w++] = p;
    }
  }
  aroundStart[k] = w;
  return { aroundStart, around: around.slice(0, w) };
}

/** Whether sorted positions a and b are within eps (great-circle, metres). */
export function withinEps(g: HaversineGrid, a: number, b: number): boolean {
  const dPhi = g.phi[a] - g.phi[b], dLambda = g.lambda[a] - g.lambda[b];
  const cc = g.cosPhi[a] * g.cosPhi[b];
  const q = dPhi * dPhi + cc * dLambda * dLambda;
  if (q <= g.sureSq) return true;
  if (q > g.bandSq) return false;
  const s1 = Math.sin(dPhi / 2), s2 = Math.sin(dLambda / 2);
  return s1 * s1 + cc * s2 * s2 <= g.hEps;
}
