import { pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PART_ORDER } from '../../geodata/rows/address.ts';
import { demo } from './demo.ts';

const t = demo();
const key = (p: Position) => `${p[0]},${p[1]}`;

describe('roads', () => {
  it('form one connected network that meets only at shared end vertices', () => {
    const parent = new Map<string, string>();
    const find = (k: string): string => { let r = k; while (parent.get(r) !== r) r = parent.get(r)!; parent.set(k, r); return r; };
    const ends = new Set<string>();
    for (const r of t.roads) {
      const c = (r.geometry as LineString).coordinates, a = key(c[0]), b = key(c[c.length - 1]);
      for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
      parent.set(find(a), find(b));
      ends.add(a); ends.add(b);
    }
    expect(new Set([...parent.keys()].map(find)).size).toBe(1);
    for (const r of t.roads) {
      const c = (r.geometry as LineString).coordinates;
      for (let k = 1; k + 1 < c.length; k++) expect(ends.has(key(c[k]))).toBe(false);
    }
    expect(t.roads.length).toBeLessThan(40_000);
  });

  it('include the named trunk roads 邢峰公路, 魏峰公路 and 永峰公路', () => {
    const trunks = new Set(t.roads.filter((r) => r.class === 'trunk').map((r) => r.name));
    expect([...trunks].sort()).toEqual(['永峰公路', '邢峰公路', '魏峰公路'].sort());
  });
});

describe('checkpoints', () => {
  const outline = polygonToLine(t.admin_units[0].geometry as Polygon) as Feature<LineString | MultiLineString>;
  const lines = (name: string | null) => t.roads.filter((r) => r.class === 'trunk' && r.name === name);
  const onRoad = (p: Point, name: string | null) => Math.min(...lines(name).map((r) => pointToLineDistance(p, r.geometry as LineString, { units: 'meters' })));
  const boundaryDistance = (p: Point) => {
    const g = outline.geometry;
    const parts = g.type === 'LineString' ? [g] : g.coordinates.map((c) => ({ type: 'LineString' as const, coordinates: c }));
    return Math.min(...parts.map((l) => pointToLineDistance(p, l, { units: 'meters' })));
  };

  it('stand on a trunk road near the boundary wherever a trunk road leaves the district', () => {
    const boundary = t.checkpoints.filter((c) => c.kind === 'districtBoundary');
    expect(boundary.length).toBeGreaterThanOrEqual(4);
    expect(new Set(boundary.map((c) => c.road_name)).size).toBe(3);
    for (const c of boundary) {
      expect(onRoad(c.geometry as Point, c.road_name ?? null)).toBeLessThan(1);
      expect(boundaryDistance(c.geometry as Point)).toBeLessThan(500);
      expect(t.roads.find((r) => r.id === c.road_id)?.name).toBe(c.road_name);
    }
  });

  it('put trunk-road checkpoints on trunk roads and gate checkpoints at the 管控 sites', () => {
    for (const c of t.checkpoints.filter((x) => x.kind === 'trunkRoad')) expect(onRoad(c.geometry as Point, c.road_name ?? null)).toBeLessThan(1);
    expect(t.checkpoints.filter((x) => x.kind === 'compoundGate')).toHaveLength(8);
    for (const c of t.checkpoints) {
      expect(c.valid_to).toBeNull();
      expect(c.shifts).toBeGreaterThan(0);
      expect(c.throughput_per_day).toBeGreaterThan(0);
    }
  });
});

describe('sites and resources', () => {
  it('provides ≥ 920 quarantine rooms (20 per 10,000 people) in 6–10 sites', () => {
    expect(t.quarantine_sites.length).toBeGreaterThanOrEqual(6);
    expect(t.quarantine_sites.length).toBeLessThanOrEqual(10);
    expect(t.quarantine_rooms.length).toBeGreaterThanOrEqual(920);
    expect(t.quarantine_rooms.length).toBeGreaterThanOrEqual((t.admin_units[0].population / 10_000) * 20);
    const sites = new Set(t.quarantine_sites.map((s) => s.id));
    expect(t.quarantine_rooms.every((r) => sites.has(r.site_id))).toBe(true);
    expect(t.quarantine_rooms.filter((r) => r.kind === 'single').length / t.quarantine_rooms.length).toBeGreaterThan(0.75);
    expect(new Set(t.quarantine_rooms.map((r) => `${r.site_id}/${r.block}/${r.room_no}`)).size).toBe(t.quarantine_rooms.length);
  });

  it('has 153–230 testing sites (one per 2,000–3,000 people) of the four kinds', () => {
    expect(t.testing_sites.length).toBeGreaterThanOrEqual(153);
    expect(t.testing_sites.length).toBeLessThanOrEqual(230);
    expect(new Set(t.testing_sites.map((s) => s.kind))).toEqual(new Set(['fixed', 'convenience', 'mobile', 'allDay']));
    for (const s of t.testing_sites) expect(s.opening_hours).toMatch(/^\d\d:\d\d-\d\d:\d\d(,\d\d:\d\d-\d\d:\d\d)?$/);
  });

  it('has supply depots, transfer vehicles and fever clinics, and teams with areas', () => {
    const kinds = new Set(t.resources.map((r) => r.kind));
    expect(kinds).toEqual(new Set(['supplyDepot', 'transferVehicle', 'feverClinic']));
    expect(new Set(t.teams.map((x) => x.kind))).toEqual(new Set(['command', 'field', 'tracing', 'transfer', 'sampling']));
    const teamIds = new Set(t.teams.map((x) => x.id)), unitIds = new Set(t.admin_units.map((u) => u.id));
    expect(t.team_areas.every((a) => teamIds.has(a.team_id) && unitIds.has(a.admin_unit_id!))).toBe(true);
  });
});

describe('address points', () => {
  it('write addresses in the §5.1 order: prefix, then the present parts in label order', () => {
    const bad: string[] = [];
    for (const a of t.address_points) {
      const parts = JSON.parse(a.parts) as Record<string, string>;
      const keys = Object.keys(parts);
      const ok = keys.join() === PART_ORDER.filter((k) => k in parts).join()
        && a.address === '河北省邯郸市峰峰矿区' + keys.map((k) => parts[k]).join('')
        && /(街道|镇|乡)$/.test(parts.town) && /(社区|村)$/.test(parts.community)
        && (parts.poi ? /^\d+号楼\d+单元\d{3,4}室$/.test(`${parts.houseno}${parts.cellno}${parts.roomno}`)
          : parts.road ? /^\d+号$/.test(parts.roadno) : /^\d+组\d+号$/.test(parts.roadno));
      if (!ok) bad.push(a.address);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(t.address_points.some((a) => /^河北省邯郸市峰峰矿区大峪镇南大峪村\d+组\d+号$/.test(a.address))).toBe(true);
  });

  it('gives every household its own door point, and unique addresses', () => {
    expect(t.address_points.length).toBe(t.households.length);
    expect(new Set(t.address_points.map((a) => a.address)).size).toBe(t.address_points.length);
    expect(t.households.every((h, i) => h.address_point_id === t.address_points[i].id)).toBe(true);
    const buildings = new Set(t.buildings.map((b) => b.id));
    expect(t.address_points.every((a) => a.building_id != null && buildings.has(a.building_id))).toBe(true);
  });

  it('names the June 2022 compounds and mine compounds', () => {
    const names = new Set(t.places.map((p) => p.name));
    for (const n of ['宇苑百合', '中央公园1期', '水岸名都东区', '一矿通顺佳苑', '通山路通北小区', '五矿北小区', '三矿北工人村']) expect(names.has(n)).toBe(true);
    expect(t.roads.some((r) => r.name === '通山路')).toBe(true);
    const kinds = new Set(t.places.map((p) => p.kind));
    for (const k of ['compound', 'naturalVillage', 'workplace', 'school', 'market', 'clinic', 'publicBuilding', 'square']) expect(kinds.has(k as never)).toBe(true);
    expect(t.landuse.some((l) => l.kind === 'heritage' && l.name === '北响堂山石窟')).toBe(true);
    expect(t.waterways.some((w) => w.name === '滏阳河' && w.kind === 'river')).toBe(true);
  });
});
