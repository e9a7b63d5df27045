// One coverage question (facility type, mode, minutes, avoid sealed zones) computed over the
// database's source (source.ts): the edge costs with the sealed zones' edges closed when asked,
// the households and facilities snapped to the usable roads, one multi-source Dijkstra cut off at
// the question's largest minutes, and each household's minutes to its nearest facility. Two small
// LRU caches per database keep the work: the network (costs, snapped households, who lives in a
// sealed zone) by mode and sealed zones, and the answer by that plus the facilities and cutoff —
// so the /plan page's summary, bands and uncovered layer for one setting cost one search, and a
// facility opening or a zone changing is a new key, never a stale answer.
import type { CoverageInput } from '../../domain/coverage/coverage-input.ts';
import { coverageRows } from '../../domain/coverage/area-coverage.ts';
import type { CoverageQuery, CoverageRow, FacilityOut, TravelMode } from '../../domain/coverage/types.ts';
import { blockedEdges } from '../../domain/routing/blocked.ts';
import { edgeCosts } from '../../domain/routing/costs.ts';
import { travelTimes } from '../../domain/routing/dijkstra.ts';
import { pointMinutes } from '../../domain/routing/point-times.ts';
import { snapPoints } from '../../domain/routing/snap.ts';
import type { EdgeCosts, NodeTimes, Snapped } from '../../domain/routing/types.ts';
import { bandPolygon, type BandedPolygon } from '../../domain/zones/polygon-bands.ts';
import type { Db } from '../db/database.ts';
import { facilitiesOf, type Facility } from './facilities.ts';
import { Lru } from './lru.ts';
import { coverageSourceOf, onForgetSource, type CoverageSource } from './source.ts';
import { incidentZones, type ActiveZone } from './zones.ts';

/** The roads as one mode may use them, with the sealed zones closed or not. */
export interface Network {
  source: CoverageSource;
  mode: TravelMode;
  costs: EdgeCosts;
  /** The households where they meet the usable roads. */
  points: Snapped;
  /** 1: the household lies in a closed (sealed) zone; all 0 when the zones are not avoided. */
  insideSealed: Uint8Array;
  /** The zones closed for this network (empty unless avoidSealed). */
  sealedZoneIds: number[];
  sealedPolygons: BandedPolygon[];
}

export interface Computation {
  query: CoverageQuery;
  cutoffMinutes: number;
  network: Network;
  facilities: FacilityOut[];
  /** Facilities where they meet the roads; a facility that may not serve (off the network, or
   * inside a closed zone) has edge -1 here. */
  facilitySnap: Snapped;
  times: NodeTimes;
  /** Per household point: minutes to the nearest facility (Infinity: none within the cutoff). */
  input: CoverageInput;
}

const NETWORKS = 4; // walk/drive × sealed zones closed or open
const ANSWERS = 8;
interface Caches { networks: Lru<string, Network>; answers: Lru<string, Computation> }
const caches = new WeakMap<Db, Caches>();
const cachesOf = (db: Db): Caches => {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { networks: new Lru(NETWORKS), answers: new Lru(ANSWERS) }));
  return c;
};
onForgetSource((db) => caches.delete(db));

const containedIn = (polygons: readonly BandedPolygon[], lng: number, lat: number): boolean =>
  polygons.some((p) => lng >= p.bbox[0] && lng <= p.bbox[2] && lat >= p.bbox[1] && lat <= p.bbox[3] && p.contains(lng, lat));

// Every household's nearest edge of any kind, once per source. A network's usable edges are a
// subset, and the nearest usable edge is the nearest edge whenever that one is usable (ties go to
// the lowest edge id either way), so a network re-snaps only the households whose nearest edge
// it cannot use — an expressway on foot, a closed street — instead of all 161k.
const nearestEdges = new WeakMap<CoverageSource, Snapped>();

function snapHouseholds(source: CoverageSource, costs: EdgeCosts): Snapped {
  const { graph, points } = source;
  let base = nearestEdges.get(source);
  if (!base) {
    const anyEdge: EdgeCosts = { mode: costs.mode, minutes: new Float64Array(graph.edgeCount).fill(1), forwardOnly: new Uint8Array(graph.edgeCount) };
    nearestEdges.set(source, (base = snapPoints(graph, anyEdge, points.lngLat)));
  }
  const redo: number[] = [];
  for (let i = 0; i < points.count; i++) if (base.edge[i] >= 0 && costs.minutes[base.edge[i]] === Infinity) redo.push(i);
  const out: Snapped = { edge: base.edge.slice(), t: base.t.slice(), accessMeters: base.accessMeters.slice() };
  if (!redo.length) return out;
  const again = snapPoints(graph, costs, Float64Array.from(redo.flatMap((i) => [points.lng[i], points.lat[i]])));
  redo.forEach((i, k) => { out.edge[i] = again.edge[k]; out.t[i] = again.t[k]; out.accessMeters[i] = again.accessMeters[k]; });
  return out;
}

function buildNetwork(source: CoverageSource, mode: TravelMode, closed: readonly ActiveZone[]): Network {
  const { graph, points } = source;
  const geometries = closed.map((z) => z.geometry);
  const costs = edgeCosts(graph, mode, closed.length ? blockedEdges(graph, geometries) : undefined);
  const sealedPolygons = geometries.map(bandPolygon);
  const insideSealed = new Uint8Array(points.count);
  if (sealedPolygons.length) for (let i = 0; i < points.count; i++) insideSealed[i] = containedIn(sealedPolygons, points.lng[i], points.lat[i]) ? 1 : 0;
  return { source, mode, costs, points: snapHouseholds(source, costs), insideSealed,
    sealedZoneIds: [...new Set(closed.map((z) => z.zoneId))], sealedPolygons };
}

/** The network of a mode, with the open incident's sealed zones closed when `avoidSealed`. */
export async function networkOf(db: Db, nowIso: string, mode: TravelMode, avoidSealed: boolean): Promise<Network> {
  const [source, zones] = await Promise.all([coverageSourceOf(db), incidentZones(db, nowIso)]);
  const closed = avoidSealed ? zones.sealed : [];
  const key = `${mode}|${closed.map((z) => z.rowId).join(',')}`;
  const c = cachesOf(db);
  const hit = c.networks.get(key);
  if (hit && hit.source === source) return hit;
  const network = buildNetwork(source, mode, closed);
  c.networks.set(key, network);
  return network;
}

/** Facilities as the wire shows them, and their snapped spots (edge -1 where one may not serve). */
export function snapFacilities(network: Network, list: readonly Facility[], avoidSealed: boolean, sealed: readonly BandedPolygon[]): { out: FacilityOut[]; snap: Snapped } {
  const { graph } = network.source;
  const snap = snapPoints(graph, network.costs, Float64Array.from(list.flatMap((f) => [f.lng, f.lat])));
  const out = list.map((f, i): FacilityOut => {
    const insideSealed = containedIn(sealed, f.lng, f.lat);
    if (avoidSealed && insideSealed) snap.edge[i] = -1; // a site in a closed zone serves only its own residents
    return { id: f.id, name: f.name, lng: f.lng, lat: f.lat, onNetwork: snap.edge[i] >= 0, insideSealed };
  });
  return { out, snap };
}

/** The answer to one question; `cutoffMinutes` (≥ q.minutes) lets the bands share one search. */
export async function coverageQuery(db: Db, nowIso: string, q: CoverageQuery, cutoffMinutes = q.minutes): Promise<Computation> {
  const [network, facilities, zones] = await Promise.all([networkOf(db, nowIso, q.mode, q.avoidSealed), facilitiesOf(db, q.facility, nowIso),
    incidentZones(db, nowIso)]);
  const sealedPolygons = zones.sealed.map((z) => bandPolygon(z.geometry));
  const key = [q.mode, q.avoidSealed ? network.sealedZoneIds.join(',') : '-', zones.sealed.map((z) => z.rowId).join(','), q.facility,
    facilities.map((f) => `${f.id}@${f.lng},${f.lat}`).join(';'), cutoffMinutes].join('|');
  const c = cachesOf(db);
  const hit = c.answers.get(key);
  if (hit && hit.network === network) return { ...hit, query: q };
  const { out, snap } = snapFacilities(network, facilities, q.avoidSealed, sealedPolygons);
  const { graph, points, units } = network.source;
  const times = travelTimes(graph, network.costs, snap, cutoffMinutes);
  const { minutes } = pointMinutes(graph, network.costs, times, network.points, snap);
  const input: CoverageInput = { residents: points.residents, households: points.households, pointMinutes: minutes,
    insideSealed: network.insideSealed, village: points.village, grid: points.grid, units };
  const answer: Computation = { query: q, cutoffMinutes, network, facilities: out, facilitySnap: snap, times, input };
  c.answers.set(key, answer);
  return answer;
}

/** For the wall's KPI (server/db/wall-summary.ts): residents who must reach a facility (those in
 * a closed zone are served at the door) and how many of them can within q.minutes. */
export async function districtCoverage(db: Db, nowIso: string, q: CoverageQuery): Promise<{ residents: number; covered: number }> {
  const { input } = await coverageQuery(db, nowIso, q);
  // Kept per answer: the wall asks on every live change, and the rows walk every household.
  const key = `${q.minutes}`;
  let byMinutes = districtRows.get(input);
  if (!byMinutes) districtRows.set(input, (byMinutes = new Map()));
  let d = byMinutes.get(key);
  if (!d) byMinutes.set(key, (d = coverageRows(input, q.minutes).district));
  return { residents: d.residents - d.insideSealed, covered: d.covered };
}
const districtRows = new WeakMap<CoverageInput, Map<string, CoverageRow>>();

export { forgetCoverageSource } from './source.ts';
