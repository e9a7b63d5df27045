// Fixed distance band neighbours for Gi* (ArcGIS's FIXED_DISTANCE_BAND conceptualisation: binary
// weights, 1 within the band, 0 beyond). Distance is the haversine great-circle distance on the
// mean Earth radius (IUGG R1 = 6 371 008.8 m), the same metric as the clustering in
// domain/clusters (sklearn's haversine × R), so a "1.5 km" band means the same everywhere.
// Centres are bucketed on a lng/lat grid whose cells are at least one band wide (bounds below),
// so only the 3 × 3 cells around a centre can hold its neighbours: O(n·k) instead of O(n²).
// Longitudes are compared as they are: a district never straddles the ±180° meridian.

const EARTH_RADIUS_METERS = 6_371_008.8;
const RAD = Math.PI / 180;

/** First position in the ascending `keys` whose key is ≥ `key`. */
function lowerBound(keys: Float64Array, key: number): number {
  let lo = 0, hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** For each centre ([lng, lat], WGS-84 degrees), the indices j ≠ i whose great-circle distance is
 * ≤ `bandMeters`, ascending. */
export function distanceBandNeighbours(centres: readonly (readonly [number, number])[], bandMeters: number): number[][] {
  if (!(bandMeters > 0 && Number.isFinite(bandMeters))) throw new RangeError(`bandMeters must be a positive number, got ${bandMeters}`);
  const n = centres.length;
  const lat = new Float64Array(n), lng = new Float64Array(n);
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxAbsLat = 0;
  for (let i = 0; i < n; i++) {
    const [x, y] = centres[i];
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(y) > 90) throw new RangeError(`centre ${i} is not a [lng, lat] position: ${x}, ${y}`);
    lng[i] = x * RAD; lat[i] = y * RAD;
    minLng = Math.min(minLng, lng[i]); maxLng = Math.max(maxLng, lng[i]); minLat = Math.min(minLat, lat[i]); maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]));
  }
  // Haversine: sin²(d/2R) = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2). Both terms are ≥ 0, so d ≤ band
  // implies |Δφ| ≤ band/R and sin(|Δλ|/2) ≤ sin(band/2R) / cos φmax (cos φ ≥ cos φmax for every
  // centre). Near the poles the second bound exceeds 1: then one column holds everything.
  const halfAngle = Math.min(bandMeters / (2 * EARTH_RADIUS_METERS), Math.PI / 2);
  const cellLat = 2 * halfAngle;
  const lngRatio = Math.sin(halfAngle) / Math.cos(maxAbsLat);
  const cellLng = lngRatio < 1 ? 2 * Math.asin(lngRatio) : Infinity;
  // Cell key = row · stride + column + 1: the padding column on each side keeps the three cells
  // (r, c−1 … c+1) consecutive keys without wrapping into the next row, so each of the three
  // rows around a centre is one key range in the sorted order: two binary searches.
  const stride = (cellLng === Infinity ? 1 : Math.floor((maxLng - minLng) / cellLng) + 1) + 2;
  const rowOf = new Float64Array(n), colOf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rowOf[i] = Math.floor((lat[i] - minLat) / cellLat);
    colOf[i] = cellLng === Infinity ? 0 : Math.floor((lng[i] - minLng) / cellLng);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rowOf[a] - rowOf[b] || colOf[a] - colOf[b] || a - b);
  const keys = Float64Array.from(order, (i) => rowOf[i] * stride + colOf[i] + 1);

  // The same test as the haversine, on unit vectors: the chord between two points is
  // 2 sin(d/2R), so d ≤ band ⇔ |u_i − u_j|² ≤ 4 sin²(band/2R) — products only in the inner loop.
  const ux = new Float64Array(n), uy = new Float64Array(n), uz = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.cos(lat[i]);
    ux[i] = c * Math.cos(lng[i]); uy[i] = c * Math.sin(lng[i]); uz[i] = Math.sin(lat[i]);
  }
  const limit = 4 * Math.sin(halfAngle) ** 2;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const near: number[] = [];
    for (let dr = -1; dr <= 1; dr++) {
      const base = (rowOf[i] + dr) * stride + colOf[i] + 1;
      for (let k = lowerBound(keys, base - 1), end = lowerBound(keys, base + 2); k < end; k++) {
        const j = order[k];
        if (j === i) continue;
        const dx = ux[i] - ux[j], dy = uy[i] - uy[j], dz = uz[i] - uz[j];
        if (dx * dx + dy * dy + dz * dz <= limit) near.push(j);
      }
    }
    out.push(near.sort((a, b) => a - b));
  }
  return out;
}
