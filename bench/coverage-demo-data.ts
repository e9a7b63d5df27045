// The demo world the coverage bench (bench/coverage-demo.ts) measures on: roads, the active
// testing sites, residents summed per address point (a block of flats is one point, as
// server/coverage/source.ts sums them) and the placement candidates (places of kinds
// CANDIDATE_KINDS at their bbox centre, as server/coverage/facilities.ts takes
// them, without those already hosting a testing site). Read from data/shouwang.sqlite when it
// exists (read-only), else from a demo freshly seeded into a temp file (~30 s).
import Database from 'better-sqlite3';
import type { LineString, MultiLineString } from 'geojson';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RoadClass } from '../domain/layers.ts';
import type { RoadInput } from '../domain/routing/types.ts';
import { generateDemo } from '../geodata/generate.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';
import { loadRows } from '../server/db/seed.ts';
import { CANDIDATE_KINDS } from '../server/coverage/facilities.ts';

const DEMO_FILE = resolve(import.meta.dirname, '../data/shouwang.sqlite');
const SAME_SITE_METERS = 50; // server/coverage/facilities.ts: a site this close already serves the place

export interface DemoWorld {
  from: string;
  roads: RoadInput[];
  sitesLngLat: Float64Array; // lng0, lat0, … (what snapPoints takes)
  points: { lngLat: Float64Array; residents: Float64Array };
  candidates: { kind: string; name: string; lngLat: [number, number] }[];
  candidatesLngLat: Float64Array;
}

function readWorld(file: string, from: string): DemoWorld {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const roads: RoadInput[] = [];
    for (const r of db.prepare('select id, class, oneway, geometry from roads order by id').all() as { id: number; class: RoadClass; oneway: number; geometry: string }[]) {
      const g = JSON.parse(r.geometry) as LineString | MultiLineString;
      for (const line of g.type === 'LineString' ? [g.coordinates] : g.coordinates) {
        if (line.length >= 2) roads.push({ id: r.id, roadClass: r.class, oneway: r.oneway === 1, coordinates: line as [number, number][] });
      }
    }
    const sites = db.prepare("select min_lng as lng, min_lat as lat from testing_sites where status = 'active' and valid_to is null order by id").all() as { lng: number; lat: number }[];
    const points = db.prepare(`select a.min_lng as lng, a.min_lat as lat, sum(h.residents) as residents
      from households h join address_points a on a.id = h.address_point_id group by a.id order by a.id`).all() as { lng: number; lat: number; residents: number }[];
    const places = db.prepare(`select kind, name, min_lng, min_lat, max_lng, max_lat from places where kind in (${CANDIDATE_KINDS.map(() => '?').join(',')}) order by id`)
      .all(...CANDIDATE_KINDS) as { kind: string; name: string; min_lng: number; min_lat: number; max_lng: number; max_lat: number }[];
    const hosts = (p: (typeof places)[number]) => sites.some((s) => {
      const lng = (p.min_lng + p.max_lng) / 2, lat = (p.min_lat + p.max_lat) / 2;
      const inside = s.lng >= p.min_lng && s.lng <= p.max_lng && s.lat >= p.min_lat && s.lat <= p.max_lat;
      return inside || Math.hypot((s.lng - lng) * 111_320 * Math.cos((lat * Math.PI) / 180), (s.lat - lat) * 111_320) <= SAME_SITE_METERS;
    });
    const candidates = places.filter((p) => !hosts(p))
      .map((p) => ({ kind: p.kind, name: p.name, lngLat: [(p.min_lng + p.max_lng) / 2, (p.min_lat + p.max_lat) / 2] as [number, number] }));
    return {
      from, roads,
      sitesLngLat: Float64Array.from(sites.flatMap((s) => [s.lng, s.lat])),
      points: { lngLat: Float64Array.from(points.flatMap((p) => [p.lng, p.lat])), residents: Float64Array.from(points, (p) => p.residents) },
      candidates, candidatesLngLat: Float64Array.from(candidates.flatMap((c) => c.lngLat)),
    };
  } finally {
    db.close();
  }
}

export async function loadDemoWorld(): Promise<DemoWorld> {
  if (existsSync(DEMO_FILE)) return readWorld(DEMO_FILE, 'data/shouwang.sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-coverage-demo-'));
  try {
    const db = openDatabase({ file: join(dir, 'demo.sqlite') });
    await migrateToLatest(db.kysely as never);
    await loadRows(db, generateDemo({ seed: 20220607, scale: 'demo' }));
    await db.close();
    return readWorld(join(dir, 'demo.sqlite'), 'a freshly seeded demo');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
