// POST /coverage/route: from a point on the map to a point, or to the nearest (by time) facility
// of a type, over the roads of the mode — closed where a sealed zone lies when avoidSealed. Besides
// shortestRoute's reasons, found = false says 'start_inside_sealed' / 'end_inside_sealed' when the
// zones are avoided and a given end lies in one.
import type { FacilityOut, RouteBody, RouteOut } from '../../domain/coverage/types.ts';
import { shortestRoute } from '../../domain/routing/route.ts';
import { bandPolygon, type BandedPolygon } from '../../domain/zones/polygon-bands.ts';
import type { Db } from '../db/database.ts';
import { facilitiesOf } from './facilities.ts';
import { networkOf, snapFacilities } from './service.ts';
import { incidentZones } from './zones.ts';

const inside = (polygons: readonly BandedPolygon[], [lng, lat]: [number, number]) => polygons.some((p) => p.contains(lng, lat));
const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

export async function routeOut(db: Db, nowIso: string, body: RouteBody): Promise<RouteOut> {
  const network = await networkOf(db, nowIso, body.mode, body.avoidSealed);
  const { graph } = network.source;
  const none = { route: null, meters: 0, minutes: 0, facility: null, sealedZoneIds: network.sealedZoneIds };
  // A walk from inside a closed zone (or into one) would cross its boundary: no route, and why.
  const closed = network.sealedPolygons;
  if (inside(closed, body.from)) return { found: false, reason: 'start_inside_sealed', ...none };
  if (body.to && inside(closed, body.to)) return { found: false, reason: 'end_inside_sealed', ...none };
  let targets: [number, number][];
  let facilities: FacilityOut[] = [];
  if (body.facility) {
    const [list, zones] = await Promise.all([facilitiesOf(db, body.facility, nowIso), incidentZones(db, nowIso)]);
    const { out, snap } = snapFacilities(network, list, body.avoidSealed, zones.sealed.map((z) => bandPolygon(z.geometry)));
    // Only the facilities that may serve are destinations (not one inside a closed zone).
    facilities = out.filter((_, i) => snap.edge[i] >= 0);
    targets = facilities.map((f) => [f.lng, f.lat]);
  } else targets = [body.to!];
  if (!targets.length) return { found: false, reason: 'no_road_near_end', ...none };
  const r = shortestRoute(graph, network.costs, body.from, targets);
  if ('reason' in r) return { found: false, reason: r.reason, ...none };
  return {
    found: true, reason: null,
    route: { type: 'LineString', coordinates: r.coordinates.map(([x, y]) => [round(x, 7), round(y, 7)]) },
    meters: Math.round(r.meters), minutes: round(r.minutes, 1),
    facility: body.facility ? facilities[r.to] : null,
    sealedZoneIds: network.sealedZoneIds,
  };
}
