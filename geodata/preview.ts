// Writes the generated layers as GeoJSON files and PNG previews, to look at the district
// without the app:  npx tsx geodata/preview.ts [seed=20220607] [outDir=/tmp/shouwang-preview]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import { EXTENT } from './frame.ts';
import { generateDemo } from './generate.ts';
import { renderView, type Bbox } from './preview/render.ts';
import type { DemoData } from './types.ts';

const seed = Number(process.argv[2] ?? 20220607), outDir = process.argv[3] ?? '/tmp/shouwang-preview';
const t0 = performance.now();
const data = generateDemo({ seed, scale: 'demo' });
const tables = Object.fromEntries(Object.entries(data).map(([k, rows]) => [k, [...(rows as Iterable<Record<string, unknown>>)]])) as Record<keyof DemoData, Record<string, unknown>[]>;
console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
mkdirSync(outDir, { recursive: true });
for (const [table, rows] of Object.entries(tables)) {
  console.log(`${table.padEnd(22)} ${rows.length}`);
  if (!rows.length || !('geometry' in rows[0]) || table === 'team_areas') continue;
  const features = rows.map(({ geometry, ...properties }) => ({ type: 'Feature', properties, geometry: geometry as Geometry }));
  writeFileSync(join(outDir, `${table}.geojson`), JSON.stringify({ type: 'FeatureCollection', features }));
}
const views: Record<string, { bbox: Bbox; width: number }> = {
  overview: { bbox: [EXTENT.west, EXTENT.south, EXTENT.east, EXTENT.north], width: 1100 },
  seat: { bbox: [114.175, 36.4, 114.235, 36.44], width: 1100 },
  compound: { bbox: [114.2, 36.41, 114.215, 36.42], width: 1000 },
  plain: { bbox: [114.24, 36.48, 114.28, 36.51], width: 1000 },
  hills: { bbox: [114.06, 36.43, 114.12, 36.47], width: 1000 },
};
for (const [name, v] of Object.entries(views)) {
  writeFileSync(join(outDir, `${name}.png`), renderView(tables, v.bbox, v.width));
  console.log(`wrote ${join(outDir, `${name}.png`)}`);
}
