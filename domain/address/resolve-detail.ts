// Below the names: a door number on a road (a courtyard house, or the gate of a compound), a
// rural door in its 组, then building → unit → room inside a compound (domain-rules.md §5.1).
// Each frame ends at the deepest level found; a detail written but not found costs confidence
// and leaves the frame at its parent (geocode to the building, else the compound, else the village).
import { derive, fuzzyAt, type Frame } from './resolve-admin.ts';
import type { Gazetteer } from './gazetteer.ts';
import { packKey, type PointRec } from './gazetteer-points.ts';
import { PENALTY, type Reading } from './reading.ts';
import { STAGE } from './scan.ts';
import type { GeocodeLevel } from './types.ts';

export interface Hit { level: GeocodeLevel; pen: number; frame: Frame; ap?: PointRec; buildingId?: number }

const GROUP = /^(\d+)组/;

function roomOf(g: Gazetteer, r: Reading, placeId: number, house: string): PointRec | undefined {
  const rooms = [r.room!];
  // "4层1室" is room 401 in the way rooms are numbered here (floor + two digits).
  if (r.floor && r.room!.length <= 2) rooms.unshift(r.floor + r.room!.padStart(2, '0'));
  for (const room of rooms) {
    const ap = r.cell !== undefined ? g.roomKey.get(packKey(placeId, house, r.cell, room)) : undefined;
    if (ap !== undefined) return ap;
    // Without its unit (or with a wrong one) a room number is kept only when one unit has it.
    const any = g.roomNoCell.get(packKey(placeId, house, '', room));
    if (any?.length === 1) return any[0];
  }
  return undefined;
}

function inCompound(g: Gazetteer, r: Reading, f: Frame): Hit[] {
  const below = r.cell !== undefined || r.room !== undefined;
  if (r.house === undefined) return [{ level: 'compound', frame: f, pen: below ? PENALTY.unmatchedDetail : 0 }];
  const key = `${f.placeId}|${r.house}`;
  const buildingId = g.buildingKey.get(key);
  if (buildingId === undefined) return [{ level: 'compound', frame: f, pen: PENALTY.unmatchedDetail }];
  if (r.room === undefined) return [{ level: 'building', frame: f, pen: 0, buildingId }];
  const ap = roomOf(g, r, f.placeId!, r.house);
  return ap === undefined
    ? [{ level: 'building', frame: f, pen: PENALTY.unmatchedDetail, buildingId }]
    : [{ level: 'room', frame: f, pen: 0, ap, buildingId }];
}

function rural(g: Gazetteer, r: Reading, f: Frame): Hit[] | null {
  const v = f.villageId;
  if (r.group !== undefined && r.roadno !== undefined) {
    const ap = g.ruralKey.get(packKey(v!, r.group, '', r.roadno));
    if (ap !== undefined) return [{ level: 'doorplate', frame: f, pen: 0, ap }];
  }
  if (r.group === undefined && r.roadno !== undefined) {
    let aps = g.ruralNoGroup.get(`${v}|${r.roadno}`) ?? [];
    if (f.natId !== null) {
      aps = aps.filter((ap) => {
        const grp = GROUP.exec(ap.parts.roadno ?? '')?.[1];
        return g.groupNatural.get(`${v}|${grp}`) === f.natId;
      });
    }
    if (aps.length) return aps.slice(0, 5).map((ap) => ({ level: 'doorplate', frame: f, pen: PENALTY.missingGroup, ap }));
  }
  if (r.group !== undefined) {
    const natId = g.groupNatural.get(`${v}|${r.group}`) ?? f.natId;
    return [{ level: 'village', frame: derive(f, { natId }), pen: r.roadno !== undefined ? PENALTY.unmatchedDetail : 0 }];
  }
  return null;
}

/** Roads written (or one fuzzily matched among the roads of the frame's village) with the penalty. */
function roadsOf(g: Gazetteer, r: Reading, f: Frame): { ids: number[]; pen: number } {
  if (r.road) return { ids: r.road.map((e) => e.id), pen: 0 };
  if (f.villageId === null) return { ids: [], pen: 0 };
  const hits = fuzzyAt(r, STAGE.road, () => g.roads.filter((rd) => rd.villages.has(f.villageId!)).map((rd) => ({ id: rd.id, core: rd.name })), []);
  return { ids: hits.map((h) => h.id), pen: hits.length ? hits[0].dist * PENALTY.fuzzyEdit : 0 };
}

export function resolveDetail(g: Gazetteer, r: Reading, f: Frame): Hit[] {
  if (f.placeId === null && r.roadno !== undefined && r.group === undefined) {
    const roads = roadsOf(g, r, f);
    if (f.villageId === null && roads.ids.length) {
      const villages = new Set(roads.ids.flatMap((id) => g.doorAnywhere.get(`${id}|${r.roadno}`) ?? []));
      const fits = [...villages].filter((v) => f.townId === null || g.villages.get(v)?.townId === f.townId);
      if (fits.length) {
        return fits.flatMap((v) => resolveDetail(g, r, derive(f, { villageId: v, townId: g.villages.get(v)!.townId, pen: f.pen + roads.pen })));
      }
    }
    for (const id of roads.ids) {
      const ap = g.doorKey.get(`${f.villageId}|${id}|${r.roadno}`);
      if (ap !== undefined) return [{ level: 'doorplate', frame: f, pen: roads.pen, ap }];
      const placeId = g.doorPlace.get(`${f.villageId}|${id}|${r.roadno}`);
      if (placeId !== undefined) return inCompound(g, r, derive(f, { placeId, pen: f.pen + roads.pen }));
    }
  }
  if (f.placeId !== null) return inCompound(g, r, f);
  if (f.villageId !== null) {
    const hits = rural(g, r, f);
    if (hits) return hits;
  }
  const written = r.roadno !== undefined || r.house !== undefined || r.room !== undefined;
  const level: GeocodeLevel = f.villageId !== null ? 'village' : f.townId !== null ? 'township' : 'none';
  return [{ level, frame: f, pen: written && level !== 'none' ? PENALTY.unmatchedDetail : 0 }];
}
