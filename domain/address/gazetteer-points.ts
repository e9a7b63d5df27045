// Exact keys below the named levels: a door number on a road or in a 组 within its village, a
// building by its number within its compound, a room by building-unit-room. Keys are the ids and
// normalised numbers ("12|3|1|401", packed into one number for the 160k flats and rural doors),
// so a lookup is one Map.get.
import type { GazetteerInput } from './types.ts';

/** The input's own objects are kept (no copy of 161k points): the keys below point at them. */
export type PointRec = GazetteerInput['addressPoints'][number];
export type BuildingRec = GazetteerInput['buildings'][number];

export interface PointKeys {
  buildings: Map<number, BuildingRec>;
  /** place|house|cell|room → address point */
  roomKey: Map<number | string, PointRec>;
  /** place|house|room → address points (a room written without its unit) */
  roomNoCell: Map<number | string, PointRec[]>;
  /** place|house → building */
  buildingKey: Map<string, number>;
  /** village|road|no → address point of a door on a road (courtyard houses) */
  doorKey: Map<string, PointRec>;
  /** village|road|no → the compound whose gate carries that number */
  doorPlace: Map<string, number>;
  /** road|no → villages that have the door (the address gave no village) */
  doorAnywhere: Map<string, number[]>;
  /** village|group|no → address point (rural "5组29号") */
  ruralKey: Map<number | string, PointRec>;
  /** village|no → address points (rural door written without its 组) */
  ruralNoGroup: Map<string, PointRec[]>;
  /** village|group → the natural village the 组 lies in */
  groupNatural: Map<string, number>;
}

/** "19号" → "19", "2号附3号" → "2附3" (the scanner writes door numbers the same way). */
export const doorNo = (s: string): string => s.replace(/号/g, '');
const HOUSE = /^(.*?)([A-Z\d]+)号楼$/;
const RURAL = /^(\d+)组(\d+(?:号附\d+)?)号?$/;

const small = (s: string, bits: number): number => {
  const n = s === '' ? 0 : +s;
  return Number.isInteger(n) && n >= 0 && n < 2 ** bits && (s === '' || s[0] !== '0' || s === '0') ? n : -1;
};
/** An id and three numbers packed into one number key when they fit (21 + 10 + 7 + 15 bits) —
 * most do, and a number key costs no string per flat — else a string key. */
export function packKey(id: number, a: string, b: string, c: string): number | string {
  const x = small(a, 10), y = small(b, 7), z = small(c, 15);
  if (id < 2 ** 21 && x >= 0 && y >= 0 && z >= 0) return ((id * 1024 + x) * 128 + y) * 32768 + z;
  return `${id}|${a}|${b}|${c}`;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (!l) m.set(k, [v]); else if (!l.includes(v)) l.push(v);
}

/** A memoised parse of one kind of part ("3单元" → "3"): the demo repeats a few hundred values. */
function memo<T>(f: (s: string) => T): (s: string) => T {
  const m = new Map<string, T>();
  return (s) => {
    let v = m.get(s);
    if (v === undefined && !m.has(s)) m.set(s, (v = f(s)));
    return v as T;
  };
}

export function indexPoints(
  g: PointKeys & { naturals: Map<number, unknown> }, input: GazetteerInput,
  norm: (s: string) => string, road: (name: string, villageId: number | null) => number,
): void {
  const unitLevel = new Map(input.units.map((u) => [u.id, u.level]));
  const villageOf = (unitId: number) => (unitLevel.get(unitId) === 'village' ? unitId : null);
  const house = memo((s) => HOUSE.exec(norm(s))?.[2]);
  const cell = memo((s) => norm(s).replace(/单元$/, ''));
  const room = memo((s) => norm(s).replace(/室$/, ''));
  const door = memo((s) => doorNo(norm(s)));
  const rural = memo((s) => RURAL.exec(norm(s)));
  for (const b of input.buildings) {
    g.buildings.set(b.id, b);
    const h = b.placeId === null ? undefined : house(b.name);
    if (h !== undefined && !g.buildingKey.has(`${b.placeId}|${h}`)) g.buildingKey.set(`${b.placeId}|${h}`, b.id);
  }
  let lastBuilding: number | null = null;
  for (const a of input.addressPoints) {
    const p = a.parts;
    const villageId = villageOf(a.adminUnitId);
    const building = a.buildingId === null ? undefined : g.buildings.get(a.buildingId);
    // Flats of one building come together: its building and gate keys are written once.
    const firstOfBuilding = a.buildingId === null || a.buildingId !== lastBuilding;
    lastBuilding = a.buildingId;
    const placeId = building?.placeId ?? null;
    if (p.poi && placeId !== null) {
      const h = p.houseno ? house(p.houseno) : undefined;
      if (h !== undefined && p.roomno) {
        const r = room(p.roomno);
        g.roomKey.set(packKey(placeId, h, p.cellno ? cell(p.cellno) : '', r), a);
        push(g.roomNoCell, packKey(placeId, h, '', r), a);
      }
      if (!firstOfBuilding) continue;
      if (h !== undefined) g.buildingKey.set(`${placeId}|${h}`, a.buildingId!);
      if (p.road && p.roadno && villageId !== null) {
        const rid = road(norm(p.road), villageId);
        const no = door(p.roadno);
        g.doorPlace.set(`${villageId}|${rid}|${no}`, placeId);
        push(g.doorAnywhere, `${rid}|${no}`, villageId);
      }
    } else if (p.road && p.roadno && villageId !== null) {
      const rid = road(norm(p.road), villageId);
      const no = door(p.roadno);
      g.doorKey.set(`${villageId}|${rid}|${no}`, a);
      push(g.doorAnywhere, `${rid}|${no}`, villageId);
    } else if (p.roadno && villageId !== null) {
      const m = rural(p.roadno);
      if (!m) continue;
      const [, grp, n] = m;
      const rn = doorNo(n);
      g.ruralKey.set(packKey(villageId, grp, '', rn), a);
      push(g.ruralNoGroup, `${villageId}|${rn}`, a);
      if (firstOfBuilding && placeId !== null && g.naturals.has(placeId)) g.groupNatural.set(`${villageId}|${grp}`, placeId);
    }
  }
}
