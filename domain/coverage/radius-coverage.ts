// Straight-line coverage: the nearest site within a radius, in projected metres. This is what the
// peers' "service circles" measure (a buffer around each site); the road-network answer is
// point-times.ts. Kept beside it to show how far the circles overstate coverage, and for the bench.
// Sites are bucketed into a uniform grid whose cell is at least the radius (a compressed-row
// layout: cell → its sites, in typed arrays), so a site within the radius of a point lies in the
// point's cell or one of the 8 around it: 9 lookups per point instead of a scan of every site.
// When the radius is tiny against the sites' extent the cell is widened so the grid stays small
// (at most ~4 cells per site); 9 cells still suffice since a cell only grows.

export interface WithinRadius {
  /** Index of the nearest site within the radius (ties: the lowest index); -1: none. */
  nearest: Int32Array;
  /** Straight-line metres to it; Infinity when none. */
  meters: Float64Array;
}

export function withinRadius(pointsXY: Float64Array, sitesXY: Float64Array, radiusMeters: number): WithinRadius {
  const n = pointsXY.length >> 1;
  const nearest = new Int32Array(n).fill(-1), meters = new Float64Array(n).fill(Infinity);
  const grid = siteGrid(sitesXY, radiusMeters);
  if (!grid) return { nearest, meters };
  const { minX, minY, cell, nx, ny, start, xs, ys, ids } = grid;
  const r2 = radiusMeters * radiusMeters;
  for (let i = 0; i < n; i++) {
    const px = pointsXY[2 * i], py = pointsXY[2 * i + 1];
    const cx = Math.floor((px - minX) / cell), cy = Math.floor((py - minY) / cell);
    // Also false for NaN coordinates.
    if (!(cx >= -1 && cx <= nx && cy >= -1 && cy <= ny)) continue;
    let best = Infinity, bestId = -1;
    const x0 = cx > 0 ? cx - 1 : 0, x1 = cx < nx - 1 ? cx + 1 : nx - 1;
    const y0 = cy > 0 ? cy - 1 : 0, y1 = cy < ny - 1 ? cy + 1 : ny - 1;
    for (let gy = y0; gy <= y1; gy++) {
      const row = gy * nx;
      for (let c = start[row + x0], end = start[row + x1 + 1]; c < end; c++) {
        const dx = xs[c] - px, dy = ys[c] - py, d2 = dx * dx + dy * dy;
        if (d2 < best || (d2 === best && ids[c] < bestId)) { best = d2; bestId = ids[c]; }
      }
    }
    if (bestId >= 0 && best <= r2) { nearest[i] = bestId; meters[i] = Math.sqrt(best); }
  }
  return { nearest, meters };
}

interface SiteGrid {
  minX: number; minY: number; cell: number; nx: number; ny: number;
  /** start[c]…start[c + 1]: the sites of cell c (row-major, c = gy·nx + gx). */
  start: Int32Array; xs: Float64Array; ys: Float64Array; ids: Int32Array;
}

function siteGrid(sitesXY: Float64Array, radiusMeters: number): SiteGrid | null {
  if (!(radiusMeters >= 0)) return null;
  const valid: number[] = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let s = 0; s < sitesXY.length >> 1; s++) {
    const x = sitesXY[2 * s], y = sitesXY[2 * s + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    valid.push(s);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (valid.length === 0) return null;
  const w = maxX - minX, h = maxY - minY;
  const maxCells = Math.max(1024, 4 * valid.length);
  let cell = Math.max(radiusMeters, Math.sqrt((w * h) / maxCells), Math.max(w, h) / maxCells);
  if (!(cell > 0)) cell = 1; // every site at one spot and radius 0
  // An infinite radius gives one cell; the rows of a cell run along x in one slice of `start`.
  const nx = Number.isFinite(cell) ? Math.floor(w / cell) + 1 : 1, ny = Number.isFinite(cell) ? Math.floor(h / cell) + 1 : 1;
  const cellOf = new Int32Array(valid.length);
  const start = new Int32Array(nx * ny + 1);
  valid.forEach((s, k) => {
    const gx = Math.min(nx - 1, Math.floor((sitesXY[2 * s] - minX) / cell) || 0);
    const gy = Math.min(ny - 1, Math.floor((sitesXY[2 * s + 1] - minY) / cell) || 0);
    cellOf[k] = gy * nx + gx;
    start[cellOf[k] + 1]++;
  });
  for (let c = 0; c < nx * ny; c++) start[c + 1] += start[c];
  const fill = start.slice(0, nx * ny);
  const xs = new Float64Array(valid.length), ys = new Float64Array(valid.length), ids = new Int32Array(valid.length);
  valid.forEach((s, k) => {
    const at = fill[cellOf[k]]++;
    xs[at] = sitesXY[2 * s]; ys[at] = sitesXY[2 * s + 1]; ids[at] = s;
  });
  return { minX, minY, cell, nx, ny, start, xs, ys, ids };
}
