// Migration 001: every domain object of product.md, with a spatial index per geometry table.
// Frozen: never edit after it has landed; add a new migration instead. Imports no app code.
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

type Tb = CreateTableBuilder<string, string>;
const isPg = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

const SPATIAL = [
  'admin_units', 'grids', 'places', 'buildings', 'address_points', 'roads', 'landuse', 'waterways',
  'persons', 'exposures', 'checkpoints', 'quarantine_sites', 'testing_sites', 'resources',
  'control_zone_versions', 'tasks', 'help_requests',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPg(db);
  const table = (name: string, build: (t: Tb) => Tb) => {
    let t = db.schema.createTable(name) as unknown as Tb;
    t = pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());
    t = build(t);
    if (SPATIAL.includes(name)) {
      t = t.addColumn('geometry', 'text', (c) => c.notNull())
        .addColumn('min_lng', 'double precision', (c) => c.notNull())
        .addColumn('min_lat', 'double precision', (c) => c.notNull())
        .addColumn('max_lng', 'double precision', (c) => c.notNull())
        .addColumn('max_lat', 'double precision', (c) => c.notNull());
    }
    return t.execute();
  };
  const temporal = (t: Tb) => t.addColumn('valid_from', 'text', (c) => c.notNull()).addColumn('valid_to', 'text');
  const stamps = (t: Tb) => t.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull());
  const synthetic = (t: Tb) => t.addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0));
  const text = (n: string) => (t: Tb) => t.addColumn(n, 'text', (c) => c.notNull());
  const int = (n: string) => (t: Tb) => t.addColumn(n, 'integer', (c) => c.notNull().defaultTo(0));
  const ref = (n: string, target: string, notNull = false) => (t: Tb) =>
    t.addColumn(n, 'integer', (c) => { const r = c.references(`${target}.id`); return notNull ? r.notNull() : r; });
  const opt = (n: string, type: 'text' | 'integer' = 'text') => (t: Tb) => t.addColumn(n, type);
  const cols = (...fs: ((t: Tb) => Tb)[]) => (t: Tb) => fs.reduce((acc, f) => f(acc), t);

  await table('rule_profiles', cols(text('key'), t => t.addColumn('version', 'integer', (c) => c.notNull()), text('name'),
    text('params'), text('effective_from'), opt('effective_to'), text('source'), t => t.addUniqueConstraint('rule_profiles_key_version', ['key', 'version'])));
  await table('incidents', cols(text('name'), text('disease'), opt('grade_suggested'), opt('grade_confirmed'), opt('warning_colour'),
    ref('rule_profile_id', 'rule_profiles'), text('status'), text('started_at'), opt('closed_at')));
  await table('admin_units', cols(t => t.addColumn('code', 'text', (c) => c.notNull().unique()), text('name'), text('level'), text('kind'),
    ref('parent_id', 'admin_units'), int('population'), int('households'), synthetic));
  await table('grids', cols(t => t.addColumn('code', 'text', (c) => c.notNull().unique()), text('name'), ref('admin_unit_id', 'admin_units', true),
    int('population'), int('households'), synthetic));
  await table('places', cols(text('kind'), opt('subkind'), text('name'), ref('admin_unit_id', 'admin_units', true), ref('grid_id', 'grids'),
    int('population'), int('households'), synthetic));
  await table('buildings', cols(ref('place_id', 'places'), ref('grid_id', 'grids'), ref('admin_unit_id', 'admin_units', true), text('name'), text('kind'),
    int('units'), int('floors'), int('households'), int('residents'), synthetic));
  await table('address_points', cols(ref('building_id', 'buildings'), ref('grid_id', 'grids'), ref('admin_unit_id', 'admin_units', true),
    text('address'), text('parts'), synthetic));
  await table('households', cols(ref('address_point_id', 'address_points', true), ref('building_id', 'buildings'),
    int('residents'), int('age_0_14'), int('age_15_64'), int('age_65_plus')));
  await table('roads', cols(opt('name'), text('class'), int('oneway'), synthetic));
  await table('landuse', cols(text('kind'), opt('name'), synthetic));
  await table('waterways', cols(text('kind'), opt('name'), synthetic));
  await table('persons', cols(ref('incident_id', 'incidents', true), text('category'), text('name'), text('id_number'), text('phone'),
    text('sex'), int('age'), ref('home_address_point_id', 'address_points'), opt('home_address'), text('status'),
    opt('onset_date'), opt('sample_date'), opt('report_date'), temporal, stamps, synthetic));
  await table('exposures', cols(ref('person_id', 'persons', true), ref('place_id', 'places'), ref('building_id', 'buildings'),
    text('start_at'), text('end_at'), opt('note')));
  await table('contact_links', cols(ref('from_person_id', 'persons', true), ref('to_person_id', 'persons', true),
    text('contact_type'), text('last_exposure_at')));
  await table('teams', cols(text('name'), text('kind')));
  await table('team_areas', cols(ref('team_id', 'teams', true), ref('admin_unit_id', 'admin_units'), ref('grid_id', 'grids'), opt('geometry')));
  await table('checkpoints', cols(text('name'), text('kind'), ref('road_id', 'roads'), opt('road_name'), text('status'),
    int('shifts'), int('staff'), int('throughput_per_day'), temporal, stamps, synthetic));
  await table('quarantine_sites', cols(text('name'), text('address'), text('status'), temporal, stamps, synthetic));
  await table('quarantine_rooms', cols(ref('site_id', 'quarantine_sites', true), text('block'), int('floor'), text('room_no'), text('kind'),
    int('capacity'), ref('occupant_person_id', 'persons')));
  await table('loop_steps', cols(ref('person_id', 'persons', true), text('step'), int('seq'), text('due_at'), opt('done_at'),
    ref('team_id', 'teams'), ref('room_id', 'quarantine_rooms'), opt('note')));
  await table('testing_sites', cols(text('name'), text('kind'), int('capacity_per_hour'), text('opening_hours'), text('status'),
    temporal, stamps, synthetic));
  await table('resources', cols(text('kind'), text('name'), int('capacity'), text('status'), temporal, synthetic));
  await table('control_zones', cols(ref('incident_id', 'incidents', true), text('name'), int('current_version')));
  await table('control_zone_versions', cols(ref('zone_id', 'control_zones', true), t => t.addColumn('version', 'integer', (c) => c.notNull()),
    text('kind'), text('status'), text('justification'), opt('last_infection_at'), opt('downgrade_on'), opt('lift_on'),
    text('created_at'), temporal, t => t.addUniqueConstraint('zone_versions_zone_version', ['zone_id', 'version'])));
  await table('tasks', cols(ref('incident_id', 'incidents', true), text('type'), text('title'), ref('team_id', 'teams'), ref('place_id', 'places'),
    text('status'), opt('due_at'), stamps));
  await table('help_requests', cols(ref('incident_id', 'incidents', true), text('kind'), text('status'), text('requester_name'), text('phone'),
    ref('address_point_id', 'address_points'), ref('team_id', 'teams'), opt('note'), stamps));
  await table('alerts', cols(ref('incident_id', 'incidents', true), text('level'), text('rule'), text('title'), text('detail'), text('status'),
    text('raised_at'), opt('acknowledged_at'), opt('acknowledged_by'), opt('resolved_at'), opt('resolved_by')));
  await table('audit_entries', cols(text('at'), text('actor'), text('action'), text('entity'), opt('entity_id'), opt('before'), opt('after'),
    text('prev_hash'), text('hash')));
  await table('syndromic_counts', cols(ref('admin_unit_id', 'admin_units', true), text('date'), text('kind'), int('count'),
    t => t.addUniqueConstraint('syndromic_unit_date_kind', ['admin_unit_id', 'date', 'kind'])));
  await db.schema.createTable('meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();

  const index = (name: string, tableName: string, columns: string[]) => db.schema.createIndex(name).on(tableName).columns(columns).execute();
  await index('admin_units_parent', 'admin_units', ['parent_id', 'level']);
  await index('grids_unit', 'grids', ['admin_unit_id']);
  await index('buildings_place', 'buildings', ['place_id']);
  await index('households_address', 'households', ['address_point_id']);
  await index('persons_incident_category', 'persons', ['incident_id', 'category']);
  await index('exposures_person', 'exposures', ['person_id']);
  await index('contact_links_from', 'contact_links', ['from_person_id']);
  await index('contact_links_to', 'contact_links', ['to_person_id']);
  await index('loop_steps_person', 'loop_steps', ['person_id', 'seq']);
  await index('rooms_site', 'quarantine_rooms', ['site_id']);
  await index('zone_versions_zone', 'control_zone_versions', ['zone_id']);
  await index('alerts_incident', 'alerts', ['incident_id', 'status']);

  for (const t of SPATIAL) {
    if (pg) {
      await sql`create index ${sql.id(`${t}_bbox_gist`)} on ${sql.table(t)} using gist (box(point(min_lng, min_lat), point(max_lng, max_lat)))`.execute(db);
      continue;
    }
    // SQLite R*Tree kept in step with its table by triggers.
    const rt = sql.table(`${t}_rtree`);
    await sql`create virtual table ${rt} using rtree(id, min_lng, max_lng, min_lat, max_lat)`.execute(db);
    await sql.raw(`create trigger ${t}_rtree_ai after insert on ${t} begin
      insert into ${t}_rtree values (new.id, new.min_lng, new.max_lng, new.min_lat, new.max_lat); end`).execute(db);
    await sql.raw(`create trigger ${t}_rtree_au after update of min_lng, min_lat, max_lng, max_lat on ${t} begin
      insert or replace into ${t}_rtree values (new.id, new.min_lng, new.max_lng, new.min_lat, new.max_lat); end`).execute(db);
    await sql.raw(`create trigger ${t}_rtree_ad after delete on ${t} begin
      delete from ${t}_rtree where id = old.id; end`).execute(db);
  }
}
