// Sheet coordinates → WGS-84 at the import edge (architecture.md principle 2; domain-rules.md §4):
// AMap/Tencent give GCJ-02, Baidu BD-09, GPS WGS-84. gcoord 1.0.7 inverts GCJ-02 iteratively
// (to 1e-6°); it mutates GeoJSON in place, so it only ever gets a fresh [lng, lat] pair here.
import gcoord from 'gcoord';
import type { SheetCrs } from '../schemas/imports.ts';

const FROM = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

export function toWgs84(lng: number, lat: number, crs: SheetCrs): [number, number] {
  if (crs === 'WGS84') return [lng, lat];
  const [x, y] = gcoord.transform([lng, lat] as [number, number], FROM[crs], gcoord.WGS84) as [number, number];
  return [x, y];
}
