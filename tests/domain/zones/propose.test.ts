import { area, booleanPointInPolygon, booleanValid, distance } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../../../domain/zones/bundled-profiles.ts';
import { proposeZones } from '../../../domain/zones/propose.ts';
import { subtractZones } from '../../../domain/zones/propose-rest.ts';
import { subtractTiles } from '../../../domain/zones/propose-rest-edges.ts';
import type { ProposalCase, ProposalExposure, ProposedZone } from '../../../domain/zones/propose-types.ts';
import { confirmed, HOME, residence, shift, sq, units, visit } from '../../fixtures/propose-district.ts';

const params = (key: string) => BUNDLED_PROFILES.find((p) => p.key === key)!.params;
type Params = ReturnType<typeof params>;
/** The mechanics below run on local variants (escalate at 3 homes, places count at any stay) so they
 * do not move when the shipped thresholds are tuned; those are asserted on their own at the end. */
const variant = (p: Params, minUnits: number | null): Params => ({ ...p, proposal: { ...p.proposal,
  escalate_township: p.proposal.escalate_township && minUnits ? { ...p.proposal.escalate_township, min_units: minUnits } : p.proposal.escalate_township,
  activity: p.proposal.activity.map((a) => (a.place_kinds === null ? { ...a, min_stay_hours: 0 } : a)) } });
const C2021 = variant(params('cn-2021-community'), 3), ED9 = variant(params('cn-2022-ed9'), null);
const TWENTY = params('cn-2022-20measures'), NORO = params('generic-norovirus-school');
const TODAY = '2022-06-10';

const run = (p: typeof C2021, cases: ProposalCase[], exposures: ProposalExposure[], today = TODAY) =>
  proposeZones({ params: p, today, cases, exposures, units });
const summary = (zs: ProposedZone[]) => zs.map((z) => `${z.key} ${z.kind} ${z.unit}`);
const byKey = (zs: ProposedZone[], key: string) => zs.find((z) => z.key === key)!;
const inside = (z: ProposedZone, lng: number, lat: number) => booleanPointInPolygon([lng, lat], z.geometry);

describe('proposeZones — profiles', () => {
  it('2021: a case\'s compound is sealed, a place visited is controlled, the rest of the district is precaution', () => {
    const zs = run(C2021, [confirmed(1, '2022-06-09')], [residence(1, HOME.b1), visit(1, 5, '2022-06-08 09:00', '2022-06-08 10:30')]);
    expect(summary(zs)).toEqual(['place:1 sealed compound', 'place:5 controlled place', 'rest precaution rest_of_county']);
    expect(byKey(zs, 'place:1')).toMatchObject({ name: '甲小区', lastInfectionDate: '2022-06-09', contains: [] });
  });
  it('2021: a rural home seals its village, an urban home outside any compound its grid', () => {
    const zs = run(C2021, [confirmed(1, '2022-06-09'), confirmed(2, '2022-06-09')], [residence(1, HOME.xizhuang), residence(2, HOME.grid)]);
    expect(summary(zs)).toEqual(['village:11 sealed village', 'grid:100 sealed grid', 'rest precaution rest_of_county']);
  });
  it('ed.9: home → high on the compound; workplace → high; any other place → medium', () => {
    const zs = run(ED9, [confirmed(1, '2022-06-09')], [
      residence(1, HOME.p4), visit(1, 7, '2022-06-08 08:00', '2022-06-08 17:00'), visit(1, 5, '2022-06-08 18:00', '2022-06-08 18:30'),
    ]);
    expect(summary(zs)).toEqual(['place:4 high compound', 'place:7 high place', 'place:5 medium place', 'rest low rest_of_county']);
  });
  it('20 measures: home → high on the building only; a workplace needs a stay of 4 h; never a township', () => {
    const cases = [1, 2, 3, 4].map((id) => confirmed(id, '2022-06-09'));
    const zs = run(TWENTY, cases, [
      residence(1, HOME.b1), residence(2, HOME.b2), residence(3, HOME.p2), residence(4, HOME.p3),
      visit(1, 7, '2022-06-08 08:00', '2022-06-08 11:00'), visit(2, 6, '2022-06-08 08:00', '2022-06-08 12:30'),
    ]);
    // 乙/丙小区 homes have no building recorded: the compound is the fallback, not nothing
    expect(summary(zs)).toEqual(['place:2 high compound', 'place:3 high compound', 'place:6 high place', 'building:1 high building', 'building:2 high building', 'rest low rest_of_county']);
    expect(byKey(zs, 'building:1').provenance[0]).toMatchObject({ reason: '病例居住地（楼栋）', reasonEn: 'case residence (building)' });
  });
  it('norovirus at a school: the school is closed, the case household monitored, no rest-of-county zone', () => {
    const zs = run(NORO, [confirmed(1, '2022-06-09')], [residence(1, HOME.b1), visit(1, 6, '2022-06-06 08:00', '2022-06-06 16:00')]);
    expect(summary(zs)).toEqual(['place:6 closure place', 'building:1 monitoring building']);
  });
});

describe('proposeZones — which cases and exposures count', () => {
  it('counts a case while its residence zone would stand: 14 days (2021), 10 (ed.9), 5 (20 measures), 3 (norovirus)', () => {
    for (const [p, h] of [[C2021, 14], [ED9, 10], [TWENTY, 5], [NORO, 3]] as const) {
      expect(run(p, [confirmed(1, shift(TODAY, -h))], [residence(1, HOME.b1)])).not.toEqual([]);
      expect(run(p, [confirmed(1, shift(TODAY, -h - 1))], [residence(1, HOME.b1)])).toEqual([]);
    }
  });
  it('ignores cases reported after today (replay), suspected cases, and exposures of persons who are not cases', () => {
    expect(run(C2021, [confirmed(1, shift(TODAY, 1))], [residence(1, HOME.b1)])).toEqual([]);
    expect(run(C2021, [confirmed(1, TODAY, { category: 'suspected' })], [residence(1, HOME.b1)])).toEqual([]);
    expect(run(C2021, [], [residence(9, HOME.b1)])).toEqual([]);
  });
  it('window: from lookback days before onset to the end of the report day (Asia/Shanghai)', () => {
    const c = confirmed(1, '2022-06-09', { onsetDate: '2022-06-05', sampleDate: '2022-06-08' });
    const keys = (e: ProposalExposure) => run(C2021, [c], [e]).map((z) => z.key);
    expect(keys(visit(1, 5, '2022-06-03 00:00', '2022-06-03 00:30'))).toContain('place:5'); // onset − 2 days, first minute
    expect(keys(visit(1, 5, '2022-06-02 22:00', '2022-06-02 23:59'))).toEqual([]);
    expect(keys(visit(1, 5, '2022-06-09 23:30', '2022-06-09 23:50'))).toContain('place:5'); // report day, last half hour
    expect(keys(visit(1, 5, '2022-06-10 00:00', '2022-06-10 01:00'))).toEqual([]); // isolated by then
  });
  it('window of an asymptomatic case starts from its positive sample', () => {
    const c: ProposalCase = { id: 1, category: 'asymptomatic', onsetDate: null, sampleDate: '2022-06-08', reportDate: '2022-06-09' };
    const keys = (e: ProposalExposure) => run(C2021, [c], [e]).map((z) => z.key);
    expect(keys(visit(1, 5, '2022-06-06 08:00', '2022-06-06 09:00'))).toContain('place:5');
    expect(keys(visit(1, 5, '2022-06-05 20:00', '2022-06-05 21:00'))).toEqual([]);
  });
});

describe('proposeZones — merging, absorption, escalation', () => {
  it('merges cases of one unit into one zone with every reason and the latest infection; the strictest kind wins', () => {
    const zs = run(C2021, [confirmed(1, '2022-06-05'), confirmed(2, '2022-06-08'), confirmed(3, '2022-06-09')],
      [residence(1, HOME.b1), residence(2, HOME.b2), visit(3, 1, '2022-06-08 15:00', '2022-06-08 16:00')]);
    const p1 = byKey(zs, 'place:1');
    expect(summary(zs)).toEqual(['place:1 sealed compound', 'rest precaution rest_of_county']);
    expect(p1.provenance.map((p) => [p.personId, p.reason])).toEqual([
      [1, '病例居住地（小区）'], [2, '病例居住地（小区）'], [3, '病例活动场所：小区 2022-06-08 15:00–16:00'],
    ]);
    expect(p1.lastInfectionDate).toBe('2022-06-09');
  });
  it('absorbs a lower zone lying inside a higher one, keeping its reasons, but never a stricter one into a laxer', () => {
    const zs = run(C2021, [confirmed(1, '2022-06-09'), confirmed(2, '2022-06-09')], [
      residence(1, HOME.xizhuang), visit(2, 8, '2022-06-08 09:00', '2022-06-08 09:30'), // clinic point inside 西村
      visit(1, 3, '2022-06-08 12:00', '2022-06-08 13:00'), visit(2, 10, '2022-06-08 08:00', '2022-06-08 17:00'), // factory (sealed) in 丙小区 (controlled)
    ]);
    expect(summary(zs)).toEqual(['village:11 sealed village', 'place:10 sealed place', 'place:3 controlled compound', 'rest precaution rest_of_county']);
    expect(byKey(zs, 'village:11').contains).toEqual(['place:8']);
    expect(byKey(zs, 'village:11').provenance.map((p) => p.reasonEn)).toContain('case activity place: clinic 2022-06-08 09:00–09:30');
  });
  it('escalates a township with 3 sealed homes to the whole township: mixed granularity with a compound elsewhere and the rest', () => {
    const cases = [1, 2, 3, 4].map((id) => confirmed(id, '2022-06-09'));
    const zs = run(C2021, cases, [
      residence(1, HOME.b1), residence(2, HOME.p2), residence(3, HOME.xizhuang), residence(4, HOME.p4),
      visit(1, 5, '2022-06-08 09:00', '2022-06-08 10:00'), // a market inside 一镇: absorbed by geometry
    ]);
    expect(summary(zs)).toEqual(['township:1 sealed township', 'place:4 sealed compound', 'rest precaution rest_of_county']);
    const t1 = byKey(zs, 'township:1');
    expect(t1.name).toBe('一镇');
    expect([...t1.contains].sort()).toEqual(['place:1', 'place:2', 'place:5', 'village:11']);
    expect(new Set(t1.provenance.map((p) => p.personId))).toEqual(new Set([1, 2, 3]));
    const rest = byKey(zs, 'rest');
    expect(inside(rest, 114.02, 36.03)).toBe(false); // in 一镇
    expect(inside(rest, 114.0625, 36.0625)).toBe(false); // in 丁小区
    expect(inside(rest, 114.09, 36.09)).toBe(true); // elsewhere in 二镇
  });
  it('does not escalate with fewer homes than min_units (2 of 3), nor in ed.9 below its 5', () => {
    const two = run(C2021, [confirmed(1, '2022-06-09'), confirmed(2, '2022-06-09')], [residence(1, HOME.b1), residence(2, HOME.p2)]);
    expect(summary(two)).toEqual(['place:1 sealed compound', 'place:2 sealed compound', 'rest precaution rest_of_county']);
    const cases = [1, 2, 3].map((id) => confirmed(id, '2022-06-09'));
    const ed9 = run(ED9, cases, [residence(1, HOME.b1), residence(2, HOME.p2), residence(3, HOME.xizhuang)]);
    expect(ed9.map((z) => z.unit)).not.toContain('township');
  });
});

describe('proposeZones — geometry and wording', () => {
  it('rest of county = the district minus every other zone', () => {
    const zs = run(C2021, [confirmed(1, '2022-06-09')], [residence(1, HOME.p4), visit(1, 5, '2022-06-08 09:00', '2022-06-08 10:00')]);
    const others = zs.filter((z) => z.key !== 'rest').reduce((s, z) => s + area(z.geometry), 0);
    expect(booleanValid(byKey(zs, 'rest').geometry)).toBe(true);
    expect(area(byKey(zs, 'rest').geometry)).toBeCloseTo(area(units.district.geometry as Polygon) - others, -2); // to 100 m²
    expect(byKey(zs, 'rest')).toMatchObject({ name: '测试区其余区域', provenance: [], lastInfectionDate: null });
  });
  it('rest of county around touching zones (exact clipper) and a zone with a hole (its courtyard stays in the rest)', () => {
    const zs = run(C2021, [confirmed(1, '2022-06-09'), confirmed(2, '2022-06-09')],
      [residence(1, HOME.p4), residence(2, HOME.p11), visit(2, 12, '2022-06-08 08:00', '2022-06-08 12:00')]);
    expect(summary(zs)).toEqual(['place:4 sealed compound', 'place:11 sealed compound', 'place:12 sealed place', 'rest precaution rest_of_county']);
    const rest = byKey(zs, 'rest'), others = zs.filter((z) => z.key !== 'rest').reduce((s, z) => s + area(z.geometry), 0);
    expect(booleanValid(rest.geometry)).toBe(true);
    expect(area(rest.geometry)).toBeCloseTo(area(units.district.geometry as Polygon) - others, -2);
    expect([inside(rest, 114.065, 36.0625), inside(rest, 114.0675, 36.0625), inside(rest, 114.081, 36.085)]).toEqual([false, false, false]);
    expect(inside(rest, 114.085, 36.085)).toBe(true); // the courtyard
  });
  it('draws a place recorded as a point as a 100 m circle of 32 segments', () => {
    const zs = run(C2021, [confirmed(1, '2022-06-09')], [visit(1, 7, '2022-06-08 09:00', '2022-06-08 10:00')]);
    const ring = (byKey(zs, 'place:7').geometry as Polygon).coordinates[0];
    expect(ring).toHaveLength(33);
    for (const v of ring) expect(distance([114.08, 36.03], v, { units: 'meters' })).toBeCloseTo(100, 0);
  });
  it('gives every reason in Chinese and English, with Shanghai times', () => {
    const zs = run(C2021, [confirmed(1, '2022-06-04'), confirmed(2, '2022-06-04')], [
      residence(1, HOME.p3), visit(1, 5, '2022-06-03 09:00', '2022-06-03 10:30'), residence(2, HOME.nancun), visit(2, 6, '2022-06-02 23:00', '2022-06-03 01:15'),
    ]);
    const reasons = zs.flatMap((z) => z.provenance.map((p) => [p.reason, p.reasonEn]));
    expect(reasons).toEqual(expect.arrayContaining([
      ['病例居住地（小区）', 'case residence (compound)'],
      ['病例居住地（村）', 'case residence (village)'],
      ['病例活动场所：市场 2022-06-03 09:00–10:30', 'case activity place: market 2022-06-03 09:00–10:30'],
      ['病例活动场所：学校 2022-06-02 23:00–06-03 01:15', 'case activity place: school 2022-06-02 23:00–06-03 01:15'],
    ]));
    expect(byKey(zs, 'place:5').provenance[0]).toMatchObject({ personId: 1, at: '2022-06-03T01:00:00.000Z' });
  });
});

describe('subtractZones — the rest of the district', () => {
  const district = units.district.geometry as Polygon, t1 = units.townships.get(1)!.geometry as Polygon;
  const p4 = units.places.get(4)!.geometry as Polygon, p11 = units.places.get(11)!.geometry as Polygon;
  const areaOf = (g: Polygon | MultiPolygon | null) => (g ? area(g) : 0);
  it('cuts zones sharing the district\'s vertices by edge cancellation, exactly as a clipper would', () => {
    const tiles = subtractTiles([district.coordinates], [t1.coordinates, p4.coordinates, p11.coordinates]);
    expect(tiles).toHaveLength(1);
    expect(tiles![0]).toHaveLength(2); // 二镇 with one hole: 丁 and 戊 merged along their shared edge
    const rest = subtractZones(district, [t1, p4, p11])!;
    expect(booleanValid(rest)).toBe(true);
    expect(areaOf(rest)).toBeCloseTo(area(district) - area(t1) - area(p4) - area(p11), -1);
  });
  it('falls back to the clipper at a T-junction (a zone corner on a district edge that lacks it) or on overlapping zones', () => {
    const plain = sq(114.0, 36.0, 114.1, 36.1);
    expect(subtractTiles([plain.coordinates], [t1.coordinates])).toBeNull();
    expect(areaOf(subtractZones(plain, [t1]))).toBeCloseTo(area(plain) - area(t1), -1);
    const overlap = sq(114.06, 36.06, 114.068, 36.063);
    expect(subtractTiles([district.coordinates], [t1.coordinates, p4.coordinates, overlap.coordinates])).toBeNull();
    expect(areaOf(subtractZones(district, [t1, p4, overlap]))).toBeCloseTo(area(district) - area(t1) - area(sq(114.06, 36.06, 114.068, 36.065)) + area(sq(114.065, 36.063, 114.068, 36.065)), -1);
  });
  it('keeps nothing when the zones cover the district', () => {
    expect(subtractZones(district, [t1, units.townships.get(2)!.geometry as Polygon])).toBeNull();
  });
});

describe('proposeZones — shipped thresholds', () => {
  it('2021 and ed.9 enlarge to a township at 5 homes and zone other places after a stay of 1 h', () => {
    const cases = [1, 2, 3].map((id) => confirmed(id, '2022-06-09'));
    const homes = [residence(1, HOME.b1), residence(2, HOME.p2), residence(3, HOME.xizhuang)];
    for (const p of [params('cn-2021-community'), params('cn-2022-ed9')]) {
      expect(p.proposal.escalate_township?.min_units).toBe(5);
      expect(run(p, cases, homes).map((z) => z.unit)).not.toContain('township');
      const short = run(p, [confirmed(1, '2022-06-09')], [visit(1, 5, '2022-06-08 09:00', '2022-06-08 09:30')]);
      const long = run(p, [confirmed(1, '2022-06-09')], [visit(1, 5, '2022-06-08 09:00', '2022-06-08 10:00')]);
      expect(short.map((z) => z.key)).toEqual([]);
      expect(long.map((z) => z.key)).toContain('place:5');
    }
  });
});
