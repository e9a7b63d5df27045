import { area, kinks } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demo, EXTENT } from './demo.ts';

const t = demo();
const TOWNSHIPS: [string, string, string][] = [
  ['130406001', '滏阳东路街道', 'subdistrict'], ['130406100', '临水镇', 'town'], ['130406101', '峰峰镇', 'town'],
  ['130406102', '新坡镇', 'town'], ['130406103', '大社镇', 'town'], ['130406104', '和村镇', 'town'], ['130406105', '义井镇', 'town'],
  ['130406106', '彭城镇', 'town'], ['130406107', '界城镇', 'town'], ['130406108', '大峪镇', 'town'], ['130406200', '西固义乡', 'xiang'],
];

function* positions(g: Geometry): Generator<Position> {
  switch (g.type) {
    case 'Point': yield g.coordinates; break;
    case 'LineString': case 'MultiPoint': yield* g.coordinates; break;
    case 'Polygon': case 'MultiLineString': for (const r of g.coordinates) yield* r; break;
    case 'MultiPolygon': for (const p of g.coordinates) for (const r of p) yield* r; break;
    default: break;
  }
}

const areaOf = (rows: { geometry: Geometry }[]) => rows.reduce((s, r) => s + area(r.geometry as Polygon), 0);

describe('the synthetic district', () => {
  it('keeps every coordinate inside the WGS-84 extent, with at most 6 decimals', () => {
    let n = 0;
    for (const [table, rows] of Object.entries(t)) {
      for (const row of rows as { geometry?: unknown }[]) {
        if (!row.geometry || typeof row.geometry !== 'object') continue;
        for (const [lng, lat] of positions(row.geometry as Geometry)) {
          n++;
          if (lng < EXTENT.west || lng > EXTENT.east || lat < EXTENT.south || lat > EXTENT.north) throw new Error(`${table}: ${lng},${lat} outside`);
          if (Math.round(lng * 1e6) / 1e6 !== lng || Math.round(lat * 1e6) / 1e6 !== lat) throw new Error(`${table}: ${lng},${lat} has > 6 decimals`);
        }
      }
    }
    expect(n).toBeGreaterThan(500_000);
  });

  it('has one district 130406 峰峰矿区 whose outline fills the extent', () => {
    const d = t.admin_units.filter((u) => u.level === 'district');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: '130406', name: '峰峰矿区', kind: 'district', parent_id: null, synthetic: 1 });
    const xs = [...positions(d[0].geometry)];
    expect(Math.min(...xs.map((p) => p[0]))).toBeCloseTo(EXTENT.west, 3);
    expect(Math.max(...xs.map((p) => p[0]))).toBeCloseTo(EXTENT.east, 3);
    expect(Math.min(...xs.map((p) => p[1]))).toBeCloseTo(EXTENT.south, 3);
    expect(Math.max(...xs.map((p) => p[1]))).toBeCloseTo(EXTENT.north, 3);
    const km2 = area(d[0].geometry as Polygon) / 1e6;
    expect(km2).toBeGreaterThan(300);
    expect(km2).toBeLessThan(450);
  });

  it('has the 11 township-level units with their real codes, names and kinds', () => {
    const towns = t.admin_units.filter((u) => u.level === 'township').map((u) => [u.code, u.name, u.kind]);
    expect(towns.sort()).toEqual([...TOWNSHIPS].sort());
  });

  it('has 148 villages and 68 communities with 12-digit codes under their township', () => {
    const units = t.admin_units.filter((u) => u.level === 'village');
    expect(units.filter((u) => u.kind === 'village')).toHaveLength(148);
    expect(units.filter((u) => u.kind === 'community')).toHaveLength(68);
    const byId = new Map(t.admin_units.map((u) => [u.id, u]));
    for (const u of units) {
      expect(u.code).toMatch(/^\d{12}$/);
      expect(u.code.startsWith(byId.get(u.parent_id!)!.code)).toBe(true);
      const n = Number(u.code.slice(9));
      if (u.kind === 'community') expect(n >= 1 && n <= 199).toBe(true); else expect(n >= 200 && n <= 399).toBe(true);
    }
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
  });

  it('partitions: townships tile the district, villages tile their township, grids tile their village', () => {
    const district = areaOf(t.admin_units.filter((u) => u.level === 'district'));
    const towns = t.admin_units.filter((u) => u.level === 'township');
    expect(areaOf(towns) / district).toBeCloseTo(1, 4);
    for (const town of towns) {
      const villages = t.admin_units.filter((u) => u.parent_id === town.id);
      expect(areaOf(villages) / area(town.geometry as Polygon)).toBeCloseTo(1, 4);
    }
    for (const v of t.admin_units.filter((u) => u.level === 'village').slice(0, 60)) {
      expect(areaOf(t.grids.filter((g) => g.admin_unit_id === v.id)) / area(v.geometry as Polygon)).toBeCloseTo(1, 4);
    }
  });

  it('draws valid polygons: no self-intersections in units and zones, none within any grid part', () => {
    const polys = [...t.admin_units, ...t.control_zone_versions].map((r) => r.geometry as Polygon | MultiPolygon);
    expect(polys.filter((g) => kinks(g).features.length > 0)).toHaveLength(0);
    // a grid may be a MultiPolygon whose parts touch at a corner (allowed by OGC simple features)
    const parts = t.grids.flatMap((r) => (r.geometry.type === 'MultiPolygon' ? r.geometry.coordinates : [(r.geometry as Polygon).coordinates]));
    expect(parts.filter((p) => kinks({ type: 'Polygon', coordinates: p }).features.length > 0)).toHaveLength(0);
  });

  it('sums to about 460,000 residents (±3 %) in households of ≈ 2.8, with age bands adding up', () => {
    const residents = t.households.reduce((s, h) => s + h.residents, 0);
    expect(Math.abs(residents - 460_000) / 460_000).toBeLessThan(0.03);
    expect(residents / t.households.length).toBeGreaterThan(2.6);
    expect(residents / t.households.length).toBeLessThan(3.0);
    const bands = [0, 0, 0];
    let mismatched = 0;
    for (const h of t.households) {
      if (h.age_0_14 + h.age_15_64 + h.age_65_plus !== h.residents || h.residents < 1) mismatched++;
      bands[0] += h.age_0_14; bands[1] += h.age_15_64; bands[2] += h.age_65_plus;
    }
    expect(mismatched).toBe(0);
    expect(bands[0] / residents).toBeCloseTo(0.14, 1);
    expect(bands[1] / residents).toBeCloseTo(0.67, 1);
    expect(bands[2] / residents).toBeCloseTo(0.19, 1);
    expect(t.admin_units[0].population).toBe(residents);
    expect(t.admin_units.filter((u) => u.level === 'township').reduce((s, u) => s + u.population, 0)).toBe(residents);
  });

  it('cuts every village into grids of 300–500 households and ≤ 2,500 people (smaller only where the village is)', () => {
    const unit = new Map(t.admin_units.map((u) => [u.id, u]));
    for (const g of t.grids) {
      expect(g.name).toMatch(/^第\d+网格$/);
      expect(g.code).toBe(unit.get(g.admin_unit_id)!.code + g.code.slice(12));
      expect(g.population).toBeLessThanOrEqual(2500);
      if (unit.get(g.admin_unit_id)!.households >= 300) {
        expect(g.households).toBeGreaterThanOrEqual(300);
        expect(g.households).toBeLessThanOrEqual(500);
      }
    }
    expect(t.grids.reduce((s, g) => s + g.households, 0)).toBe(t.households.length);
  });

  it('keeps buildings under ~90,000: mid-rise blocks in compounds, courtyards in villages', () => {
    expect(t.buildings.length).toBeLessThan(90_000);
    const mid = t.buildings.filter((b) => b.kind === 'midrise');
    expect(mid.length).toBeGreaterThan(1000);
    expect(mid.filter((b) => !(b.floors >= 4 && b.floors <= 7 && b.units >= 1 && b.units <= 4
      && b.households <= b.floors * b.units * 2 && /^\d+号楼$/.test(b.name)))).toEqual([]);
    const yards = t.buildings.filter((b) => b.kind === 'courtyard');
    expect(yards.every((b) => b.households === 1 && b.floors <= 2)).toBe(true);
    expect(t.buildings.reduce((s, b) => s + b.households, 0)).toBe(t.address_points.length);
  });
});
