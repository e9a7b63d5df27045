// The road table's writes for the road import (issue 8, POST /roads/import): rows in
// the shape the demo's seed writes (geodata/rows/base.ts: GeoJSON text plus bbox columns, the
// R*Tree/GiST index kept by the table's triggers), synthetic = 0 (real data).
import { geometryBbox } from '../../domain/geometry/bbox.ts';
import type { ParsedRoad } from '../../domain/roads/parse.ts';
import type { RoadImportMode } from '../../domain/roads/schemas.ts';
import type { Db } from './database.ts';

/** Rows per insert: 7 bound values each, well under PostgreSQL's 65,535 and SQLite's 32,766. */
const CHUNK = 1_000;

export interface RoadWrite { imported: number; replaced: number; checkpointsUnlinked: number }

/** Writes the roads (after deleting every existing one when `replace`); call inside a transaction. */
export async function writeRoads(tx: Db, roads: readonly ParsedRoad[], mode: RoadImportMode): Promise<RoadWrite> {
  const k = tx.kysely;
  let replaced = 0, checkpointsUnlinked = 0;
  if (mode === 'replace') {
    // A checkpoint records the road it stands on (checkpoints.road_id → roads.id); the old roads
    // go, so the link does, and the checkpoint keeps the road's name (road_name) it was set up with.
    const unlinked = await k.updateTable('checkpoints').set({ road_id: null }).where('road_id', 'is not', null).executeTakeFirst();
    checkpointsUnlinked = Number(unlinked.numUpdatedRows);
    replaced = Number((await k.deleteFrom('roads').executeTakeFirst()).numDeletedRows);
  }
  for (let i = 0; i < roads.length; i += CHUNK) {
    await k.insertInto('roads').values(roads.slice(i, i + CHUNK).map((r) => {
      const [minLng, minLat, maxLng, maxLat] = geometryBbox(r.geometry);
      return { name: r.name, class: r.roadClass, oneway: r.oneway ? 1 : 0, synthetic: 0, geometry: JSON.stringify(r.geometry),
        min_lng: minLng, min_lat: minLat, max_lng: maxLng, max_lat: maxLat };
    })).execute();
  }
  return { imported: roads.length, replaced, checkpointsUnlinked };
}

