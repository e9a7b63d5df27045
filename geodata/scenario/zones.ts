// Control zones and their versions (domain-rules.md §3.4): the whole district sealed on
// 2022-04-29 for 3 days and again in May, then "preventive management" from 05-15; from 06-07
// 大社镇 sealed, the 8 compounds/villages 管控, the rest of the district 防范. Lift dates follow
// cn-2021-community: 14 days without a new infection (§1.1).
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { TOWNSHIPS } from '../design.ts';
import { toXY } from '../frame.ts';
import { cellCount } from '../lattice.ts';
import { traceLabels, toGeometry } from '../polygonize.ts';
import type { SeedRow } from '../types.ts';
import type { World } from '../world.ts';
import { addDays, insideRings, iso, localDate, ms, NOTICE_0607, SEAL_0429 } from '../facilities/common.ts';
import { CONTROLLED, SEALED_TOWNSHIP } from './facts.ts';

export interface ZoneInput {
  district: Geometry;
  township: (name: string) => Geometry;
  village: (name: string) => Geometry | undefined;
  compound: (name: string) => Polygon | undefined;
  /** Case person ids and report instants, per group (−1 大社镇, 0…7 CONTROLLED). */
  cases: { id: number; group: number; reportAt: number }[];
}

type Version = Omit<SeedRow<'control_zone_versions'>, 'id' | 'zone_id' | 'version'>;

const reason = (text: string) => JSON.stringify([{ personId: null, exposureId: null, reason: text }]);
const evidence = (ids: number[]) => JSON.stringify(ids.map((personId) => ({ personId, exposureId: null, reason: '病例居住地' })));

function restOfDistrict(w: World): Polygon | MultiPolygon {
  const { L } = w.layout, sealed = TOWNSHIPS.findIndex((t) => t.name === SEALED_TOWNSHIP);
  const villages = new Set(CONTROLLED.filter((c) => c.kind === 'village').map((c) => w.layout.units.find((u) => u.name === c.name)?.index));
  const label = new Int32Array(cellCount(L)).fill(-1);
  for (let c = 0; c < label.length; c++) if (w.layout.mask[c] && w.layout.town[c] !== sealed && !villages.has(w.layout.village[c])) label[c] = 0;
  return toGeometry(L, traceLabels(L, label).get(0)!);
}

/** Cuts compound polygons out of the polygon part that contains them, as holes. */
function withHoles(g: Polygon | MultiPolygon, holes: Polygon[]): Polygon | MultiPolygon {
  const parts: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const h of holes) {
    const [x, y] = toXY(h.coordinates[0][0]);
    const part = parts.find((p) => insideRings([p[0].map((q) => toXY(q))], x, y));
    if (part) part.push([...h.coordinates[0]].reverse());
  }
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

export function zoneRows(w: World, z: ZoneInput) {
  const zones: SeedRow<'control_zones'>[] = [], versions: SeedRow<'control_zone_versions'>[] = [];
  const lift = (at: number) => addDays(localDate(at), 14);
  const add = (name: string, list: Version[]) => {
    const id = zones.length + 1;
    zones.push({ id, incident_id: 1, name, current_version: list.length });
    list.forEach((v, i) => versions.push({ id: versions.length + 1, zone_id: id, version: i + 1, ...v }));
  };
  const v = (kind: string, status: Version['status'], geometry: Geometry, from: string, to: string | null, justification: string,
    last: number | null = null, liftOn: string | null = null): Version => ({
    kind, status, geometry, valid_from: from, valid_to: to, justification, last_infection_at: last === null ? null : iso(last),
    downgrade_on: null, lift_on: liftOn, created_at: iso(ms(from) - 3_600_000),
  });
  const inGroup = (g: number, before = Infinity) => z.cases.filter((c) => c.group === g && c.reportAt < before);
  const lastOf = (list: { reportAt: number }[]) => Math.max(...list.map((c) => c.reportAt));
  const dashe = inGroup(-1), liftDashe = lift(lastOf(dashe));
  const controlled = CONTROLLED.map((c, g) => ({ c, g, list: inGroup(g), geom: c.kind === 'village' ? z.village(c.name) : z.compound(c.name) }))
    .filter((x) => x.geom && x.list.length);
  const allLift = [liftDashe, ...controlled.map((x) => lift(lastOf(x.list)))].sort().pop()!;
  add('峰峰矿区全域', [
    v('sealed', 'active', z.district, SEAL_0429, '2022-05-01T16:00:00.000Z', reason('2022-04-29 00:00 全域封控，3天2轮预防性全员核酸检测（公开通告）'), null, '2022-05-02'),
    v('sealed', 'lifted', z.district, '2022-05-01T16:00:00.000Z', '2022-05-10T16:00:00.000Z', reason('封控期满，核酸均阴性，解除封控')),
    v('sealed', 'active', z.district, '2022-05-10T16:00:00.000Z', '2022-05-14T16:00:00.000Z', reason('5月第二次全域封控与预防性全员核酸（日期据转载通告，待核实）'), null, '2022-05-15'),
    v('precaution', 'active', z.district, '2022-05-14T16:00:00.000Z', NOTICE_0607, reason('2022-05-15 起调整为预防性管理：人不出峰、外不进峰')),
    v('precaution', 'active', withHoles(restOfDistrict(w), controlled.filter((x) => x.c.kind === 'compound').map((x) => x.geom as Polygon)),
      NOTICE_0607, null, reason('2022-06-07 通告：其余区域为防范区，非必要不离峰'), null, allLift),
  ]);
  const early = inGroup(-1, ms('2022-05-29T16:00:00.000Z'));
  add(`${SEALED_TOWNSHIP}封控区`, [
    v('sealed', 'active', z.township(SEALED_TOWNSHIP), '2022-05-29T16:00:00.000Z', NOTICE_0607, evidence(early.map((c) => c.id)), lastOf(early), lift(lastOf(early))),
    v('sealed', 'active', z.township(SEALED_TOWNSHIP), NOTICE_0607, null, evidence(dashe.map((c) => c.id)), lastOf(dashe), liftDashe),
  ]);
  for (const { c, list, geom } of controlled) {
    const first = list.filter((x) => x.reportAt < ms('2022-06-03T16:00:00.000Z'));
    const firstSealed = first.length ? [v('sealed', 'active', geom!, iso(Math.ceil((lastOf(first) + 1) / 3_600_000) * 3_600_000), NOTICE_0607,
      evidence(first.map((x) => x.id)), lastOf(first), lift(lastOf(first)))] : [];
    add(`${c.name}管控区`, [...firstSealed,
      v('controlled', 'active', geom!, NOTICE_0607, null, evidence(list.map((x) => x.id)), lastOf(list), lift(lastOf(list)))]);
  }
  return { zones, versions };
}
