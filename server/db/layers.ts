// Query functions behind /api/v1/layers/:layer: one spec per layer (table, base filter, the
// column that `kind=` filters, the columns that become properties), keyset paging by id.
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Resource } from '../../domain/auth/policy.ts';
import type { LayerId } from '../../domain/layers.ts';
import { CASE_CATEGORIES, CONTACT_CATEGORIES } from '../../domain/layers.ts';
import type { Bbox } from '../../domain/geometry/bbox.ts';
import type { Db } from './database.ts';
import type { DB, SpatialTable } from './schema.ts';

type Q = SelectQueryBuilder<DB, SpatialTable, Record<string, unknown>>;

interface LayerSpec {
  table: SpatialTable;
  /** The policy resource the layer belongs to (domain/auth/policy.ts). */
  resource: Resource;
  /** How `own` scope picks rows: by the row's point, or by bbox overlap for areas and lines. */
  scopeBy: 'point' | 'bbox';
  /** Instead of the area test: the layer's own `own` predicate (zones: zone_version_teams). */
  scope?: (teamId: number) => Expression<SqlBool>;
  columns: string[]; // selected and passed to `properties`, beside id and geometry
  kindColumn?: string;
  temporal?: boolean;
  where?: (q: Q) => Q;
  extend?: (q: Q) => Q;
}

const adminColumns = ['code', 'name', 'level', 'kind', 'population', 'households', 'synthetic'];
const personColumns = ['category', 'status', 'onset_date', 'sample_date', 'report_date', 'age', 'sex', 'name', 'home_address'];

export const LAYERS: Record<LayerId, LayerSpec> = {
  district: { table: 'admin_units', resource: 'basemap', scopeBy: 'bbox', columns: adminColumns, where: (q) => q.where('level', '=', 'district') },
  townships: { table: 'admin_units', resource: 'basemap', scopeBy: 'bbox', columns: adminColumns, kindColumn: 'kind', where: (q) => q.where('level', '=', 'township') },
  villages: { table: 'admin_units', resource: 'basemap', scopeBy: 'bbox', columns: [...adminColumns, 'parent_id'], kindColumn: 'kind', where: (q) => q.where('level', '=', 'village') },
  grids: { table: 'grids', resource: 'basemap', scopeBy: 'bbox', columns: ['code', 'name', 'admin_unit_id', 'population', 'households'] },
  landuse: { table: 'landuse', resource: 'basemap', scopeBy: 'bbox', columns: ['kind', 'name'], kindColumn: 'kind' },
  waterways: { table: 'waterways', resource: 'basemap', scopeBy: 'bbox', columns: ['kind', 'name'], kindColumn: 'kind' },
  roads: { table: 'roads', resource: 'basemap', scopeBy: 'bbox', columns: ['name', 'class'], kindColumn: 'class' },
  buildings: { table: 'buildings', resource: 'basemap', scopeBy: 'bbox', columns: ['name', 'kind', 'floors', 'units', 'households', 'residents', 'place_id'], kindColumn: 'kind' },
  places: { table: 'places', resource: 'basemap', scopeBy: 'bbox', columns: ['kind', 'subkind', 'name', 'population'], kindColumn: 'kind' },
  'address-points': { table: 'address_points', resource: 'addressPoints', scopeBy: 'point', columns: ['address', 'building_id', 'grid_id'] },
  cases: { table: 'persons', resource: 'cases', scopeBy: 'point', columns: personColumns, kindColumn: 'category', temporal: true,
    where: (q) => q.where('category', 'in', CASE_CATEGORIES) },
  contacts: { table: 'persons', resource: 'contacts', scopeBy: 'point', columns: personColumns, kindColumn: 'category', temporal: true,
    where: (q) => q.where('category', 'in', CONTACT_CATEGORIES) },
  checkpoints: { table: 'checkpoints', resource: 'checkpoints', scopeBy: 'point', columns: ['name', 'kind', 'status', 'road_name', 'shifts', 'staff', 'throughput_per_day'],
    kindColumn: 'kind', temporal: true },
  'quarantine-sites': { table: 'quarantine_sites', resource: 'quarantineSites', scopeBy: 'point', columns: ['name', 'address', 'status'], temporal: true,
    // Casts keep the figures numbers on both dialects (PostgreSQL sends bigint and numeric as text).
    extend: (q) => q.select([
      sql<number>`cast((select count(*) from quarantine_rooms r where r.site_id = quarantine_sites.id) as integer)`.as('rooms_total'),
      sql<number>`cast((select count(r.occupant_person_id) from quarantine_rooms r where r.site_id = quarantine_sites.id) as integer)`.as('rooms_occupied'),
      sql<number>`cast(coalesce((select 1.0 * count(r.occupant_person_id) / nullif(count(*), 0) from quarantine_rooms r
        where r.site_id = quarantine_sites.id), 0) as double precision)`.as('occupancy_ratio'),
    ]) },
  'testing-sites': { table: 'testing_sites', resource: 'testingSites', scopeBy: 'point', columns: ['name', 'kind', 'capacity_per_hour', 'opening_hours', 'status'], kindColumn: 'kind', temporal: true },
  resources: { table: 'resources', resource: 'resources', scopeBy: 'point', columns: ['kind', 'name', 'capacity', 'status'], kindColumn: 'kind', temporal: true },
  zones: { table: 'control_zone_versions', resource: 'zones', scopeBy: 'bbox', columns: ['zone_id', 'version', 'kind', 'status', 'last_infection_at', 'downgrade_on', 'lift_on'],
    kindColumn: 'kind', temporal: true,
    // A zone is a field member's when its polygon meets the team's area exactly, not its bbox.
    scope: (teamId) => sql<SqlBool>`exists (select 1 from zone_version_teams t where t.zone_version_id = control_zone_versions.id and t.team_id = ${teamId})`,
    extend: (q) => q.select(sql<string>`(select name from control_zones z where z.id = control_zone_versions.zone_id)`.as('name')) },
};

export interface LayerQuery {
  bbox?: Bbox;
  at?: string; // ISO time; temporal layers show what was valid then
  kinds?: string[];
  limit: number;
  afterId?: number;
  /** Scope `own`: only rows inside this team's areas. */
  teamId?: number;
}

export interface LayerRow { id: number; geometry: string; [column: string]: unknown }

/** One page of a layer: up to `limit` rows ordered by id, and whether more follow. */
export async function queryLayer(db: Db, layer: LayerId, args: LayerQuery): Promise<{ rows: LayerRow[]; more: boolean }> {
  const spec = LAYERS[layer];
  const t = spec.table;
  let q = db.kysely.selectFrom(t).select([`${t}.id`, `${t}.geometry`, ...spec.columns] as never) as unknown as Q;
  if (spec.where) q = spec.where(q);
  if (spec.extend) q = spec.extend(q);
  if (args.bbox) q = q.where(db.inBbox(t, args.bbox));
  if (spec.temporal && args.at) {
    const at = args.at;
    q = q.where('valid_from' as never, '<=', at as never)
      .where((eb) => eb.or([eb('valid_to' as never, 'is', null), eb('valid_to' as never, '>', at as never)]));
  }
  if (args.kinds?.length && spec.kindColumn) q = q.where(spec.kindColumn as never, 'in', args.kinds as never);
  if (args.teamId !== undefined) q = q.where(spec.scope ? spec.scope(args.teamId) : db.inTeamAreas(t, args.teamId, spec.scopeBy));
  return keysetPage<LayerRow>(q, t, args);
}

/** Keyset paging by id: rows after `afterId`, up to `limit`, and whether more follow. */
export async function keysetPage<R>(q: Q, table: SpatialTable, args: { limit: number; afterId?: number }): Promise<{ rows: R[]; more: boolean }> {
  const after = args.afterId === undefined ? q : q.where(`${table}.id` as never, '>', args.afterId as never);
  const rows = (await after.orderBy(`${table}.id` as never).limit(args.limit + 1).execute()) as R[];
  return { rows: rows.slice(0, args.limit), more: rows.length > args.limit };
}
