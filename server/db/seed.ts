// Loads generated rows (geodata/types.ts DemoData) into the database in foreign-key order:
// geometry objects become GeoJSON text plus bbox columns; big iterables go in chunks.
import { geometryBbox } from '../../domain/geometry/bbox.ts';
import type { DemoData } from '../../geodata/types.ts';
import type { Db } from './database.ts';
import type { DB } from './schema.ts';
import { rebuildAllTeamAreaParts } from './team-areas.ts';

/** Parents before children (persons before rooms: rooms name their occupant). */
export const LOAD_ORDER = [
  'meta', 'rule_profiles', 'incidents', 'admin_units', 'grids', 'places', 'buildings', 'address_points', 'households',
  'roads', 'landuse', 'waterways', 'teams', 'team_areas', 'persons', 'exposures', 'contact_links',
  'checkpoints', 'quarantine_sites', 'quarantine_rooms', 'loop_steps', 'testing_sites', 'resources',
  'control_zones', 'control_zone_versions', 'tasks', 'help_requests', 'alerts', 'syndromic_counts',
] as const satisfies readonly (keyof DB)[];

const CHUNK_ROWS = 20_000;

function toDbRow(row: Record<string, unknown>): Record<string, unknown> {
  const g = row.geometry;
  if (g === null || typeof g !== 'object') return row;
  const [minLng, minLat, maxLng, maxLat] = geometryBbox(g as GeoJSON.Geometry);
  return { ...row, geometry: JSON.stringify(g), min_lng: minLng, min_lat: minLat, max_lng: maxLng, max_lat: maxLat };
}

export async function loadRows(db: Db, data: DemoData): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of LOAD_ORDER) {
    const rows = data[table] as Iterable<Record<string, unknown>> | undefined;
    if (!rows) continue;
    let chunk: Record<string, unknown>[] = [];
    let n = 0;
    for (const r of rows) {
      chunk.push(toDbRow(r));
      if (chunk.length === CHUNK_ROWS) { await db.bulkInsert(table, chunk); n += chunk.length; chunk = []; }
    }
    await db.bulkInsert(table, chunk);
    counts[table] = n + chunk.length;
  }
  await db.syncIdSequences(LOAD_ORDER.filter((t) => t !== 'meta')); // meta is keyed by name
  await rebuildAllTeamAreaParts(db);
  return counts;
}

/** True when the database holds no district yet (a fresh file). */
export async function isEmpty(db: Db): Promise<boolean> {
  const r = await db.kysely.selectFrom('admin_units').select('id').limit(1).executeTakeFirst();
  return r === undefined;
}
