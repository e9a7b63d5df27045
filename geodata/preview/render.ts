// Draws the generated tables into a PNG with a map-like style (preview tooling only).
import type { Geometry, Position } from 'geojson';
import { Canvas, type Rgba } from './raster.ts';

export type Bbox = [number, number, number, number];
type Rows = Record<string, Record<string, unknown>[]>;

const LANDUSE: Record<string, Rgba> = {
  residential: [232, 214, 200, 1], industrial: [214, 204, 224, 1], mine: [150, 150, 150, 1], farmland: [242, 238, 214, 1],
  forest: [160, 196, 146, 1], hill: [204, 210, 168, 1], water: [150, 195, 235, 1], park: [184, 220, 168, 1], heritage: [226, 176, 112, 1],
};
const ROAD: Record<string, [Rgba, number]> = {
  trunk: [[226, 120, 40, 1], 4], primary: [[236, 180, 60, 1], 3.2], secondary: [[246, 214, 110, 1], 2.6],
  tertiary: [[150, 150, 150, 1], 1.6], residential: [[170, 170, 170, 1], 1.2], lane: [[190, 185, 175, 1], 0.7],
};

function rings(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

export function renderView(t: Rows, bbox: Bbox, width: number): Buffer {
  const aspect = ((bbox[3] - bbox[1]) * 110.9) / ((bbox[2] - bbox[0]) * 89.6);
  const cv = new Canvas(width, Math.round(width * aspect), bbox);
  const geom = (r: Record<string, unknown>) => r.geometry as Geometry;
  const zoom = width / ((bbox[2] - bbox[0]) * 89.6); // px per km
  for (const r of t.landuse ?? []) for (const p of rings(geom(r))) cv.fillPolygon(p, LANDUSE[r.kind as string] ?? [255, 0, 255, 1]);
  for (const r of t.waterways ?? []) { const g = geom(r); if (g.type === 'LineString') cv.strokeLine(g.coordinates, [90, 150, 225, 1], r.kind === 'river' ? 3.5 : 1.6); }
  if (zoom > 8) for (const r of t.buildings ?? []) for (const p of rings(geom(r))) cv.fillPolygon(p, r.kind === 'midrise' ? [150, 130, 125, 1] : r.kind === 'courtyard' ? [175, 150, 135, 1] : [120, 120, 150, 1]);
  for (const cls of ['lane', 'residential', 'tertiary', 'secondary', 'primary', 'trunk']) {
    if (cls === 'lane' && zoom < 8) continue;
    for (const r of t.roads ?? []) {
      const g = geom(r);
      if (r.class === cls && g.type === 'LineString') cv.strokeLine(g.coordinates, ROAD[cls][0], ROAD[cls][1] * Math.min(2, Math.max(0.6, zoom / 40)));
    }
  }
  for (const r of t.admin_units ?? []) {
    if (r.level === 'village' && zoom < 20) { for (const p of rings(geom(r))) for (const ring of p) cv.strokeLine(ring, [130, 80, 170, 0.5], 1); continue; }
    if (r.level === 'village') continue;
    for (const p of rings(geom(r))) for (const ring of p) cv.strokeLine(ring, r.level === 'district' ? [120, 0, 0, 1] : [210, 40, 40, 0.8], r.level === 'district' ? 3 : 2);
  }
  if (zoom > 100) for (const r of t.grids ?? []) for (const p of rings(geom(r))) for (const ring of p) cv.strokeLine(ring, [40, 110, 200, 0.6], 1.2);
  const dot = (table: string, c: Rgba, size: number) => {
    for (const r of t[table] ?? []) { const g = geom(r); if (g.type === 'Point') cv.point(g.coordinates, size, c); }
  };
  dot('testing_sites', [30, 140, 60, 1], 3); dot('quarantine_sites', [200, 0, 120, 1], 5); dot('checkpoints', [0, 0, 0, 1], 5);
  dot('resources', [0, 90, 200, 1], 3); dot('persons', [220, 0, 0, 0.8], 2);
  return cv.toPng();
}
