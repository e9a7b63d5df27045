// The uncovered residents for the map, summed into square cells (100 m by default) and drawn at
// each cell's centre: the layer shows where people lack a facility without placing any household
// (types.ts: counts by place, never a person). Cells are squares of a local metric projection
// (domain/geometry/local-projection.ts) laid from the south-west corner of all points' bbox, not
// of the uncovered ones, so a cell stays put when the facilities or minutes change.
import type { Feature, Point } from 'geojson';
import type { UncoveredOut, UncoveredProps } from './types.ts';
import { isCovered, type CoverageInput } from './coverage-input.ts';
import { localProjectionAt } from '../geometry/local-projection.ts';

// A dense cell index over the points' bbox: ~55 000 cells for the demo district at 100 m. Cells
// widen when a tiny cellMeters over a wide area would need more than this many.
const MAX_CELLS = 1 << 20;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function uncoveredCells(input: CoverageInput, minutes: number, lng: Float64Array, lat: Float64Array,
  cellMeters = 100): UncoveredOut {
  const n = input.residents.length;
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (let i = 0; i < n; i++) {
    if (lng[i] < minLng) minLng = lng[i];
    if (lng[i] > maxLng) maxLng = lng[i];
    if (lat[i] < minLat) minLat = lat[i];
    if (lat[i] > maxLat) maxLat = lat[i];
  }
  if (!(minLng <= maxLng && minLat <= maxLat)) return { type: 'FeatureCollection', features: [] };
  const p = localProjectionAt((minLng + maxLng) / 2, (minLat + maxLat) / 2);
  const minX = (minLng - p.originLng) * p.metersPerDegreeLng, minY = (minLat - p.originLat) * p.metersPerDegreeLat;
  const w = (maxLng - minLng) * p.metersPerDegreeLng, h = (maxLat - minLat) * p.metersPerDegreeLat;
  const cell = Math.max(1, cellMeters, Math.sqrt((w * h) / MAX_CELLS), Math.max(w, h) / MAX_CELLS);
  const nx = Math.floor(w / cell) + 1, ny = Math.floor(h / cell) + 1;
  const slotOf = new Int32Array(nx * ny).fill(-1);
  const cells: number[] = [], residents: number[] = [], households: number[] = [], best: number[] = [];
  for (let i = 0; i < n; i++) {
    if (input.insideSealed[i] !== 0 || isCovered(input, i, minutes)) continue;
    const gx = Math.floor(((lng[i] - p.originLng) * p.metersPerDegreeLng - minX) / cell);
    const gy = Math.floor(((lat[i] - p.originLat) * p.metersPerDegreeLat - minY) / cell);
    if (!(gx >= 0 && gy >= 0)) continue; // NaN coordinates
    const c = Math.min(ny - 1, gy) * nx + Math.min(nx - 1, gx);
    let s = slotOf[c];
    if (s < 0) {
      s = slotOf[c] = cells.length;
      cells.push(c); residents.push(0); households.push(0); best.push(Infinity);
    }
    residents[s] += input.residents[i];
    households[s] += input.households ? input.households[i] : 1;
    const m = input.pointMinutes[i];
    if (m < best[s]) best[s] = m;
  }
  // South to north, west to east: the same order for the same data.
  const order = cells.map((_, s) => s).sort((a, b) => cells[a] - cells[b]);
  const features = order.map((s): Feature<Point, UncoveredProps> => {
    const gx = cells[s] % nx, gy = (cells[s] - gx) / nx;
    const cx = p.originLng + (minX + (gx + 0.5) * cell) / p.metersPerDegreeLng;
    const cy = p.originLat + (minY + (gy + 0.5) * cell) / p.metersPerDegreeLat;
    return {
      type: 'Feature', geometry: { type: 'Point', coordinates: [round6(cx), round6(cy)] },
      properties: { residents: residents[s], households: households[s], minutes: Number.isFinite(best[s]) ? best[s] : null },
    };
  });
  return { type: 'FeatureCollection', features };
}
