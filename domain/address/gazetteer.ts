// The local gazetteer of domain-rules.md §5.4 step 1: townships → villages/communities →
// natural villages → compounds and other places → buildings → address points, with the written
// forms of each name in one dictionary per level (longest match), the children of each parent
// (fuzzy matching stays inside a resolved parent, §5.4 step 4) and exact keys for door numbers,
// buildings and rooms. Built once per database (0.5–1 s for the demo's 161,454 points).
import { indexPoints, type PointKeys } from './gazetteer-points.ts';
import { districtForms, naturalForms, placeForms, townForms, villageForms } from './names.ts';
import { nameNormalizer } from './normalize.ts';
import type { GazetteerInput } from './types.ts';

type Point = [number, number];
export type EntryKind = 'town' | 'village' | 'natural' | 'road' | 'place';
export interface Entry { kind: EntryKind; id: number; bare: boolean }
/** Written forms as a character trie (the scanner walks it one character at a time: one
 * lookup per character instead of one hashed substring per candidate length). */
export interface TrieNode { next: Map<string, TrieNode> | null; ents: Entry[] | null }
export interface Dict { root: TrieNode }

export interface TownRec { id: number; name: string; core: string; point: Point }
export interface VillageRec { id: number; townId: number | null; name: string; core: string; point: Point }
export interface NaturalRec { id: number; villageId: number; name: string; core: string; point: Point }
export interface PlaceRec { id: number; villageId: number | null; townId: number | null; name: string; core: string; point: Point }
export interface RoadRec { id: number; name: string; villages: Set<number> }

export interface Gazetteer extends PointKeys {
  districts: string[];
  towns: Map<number, TownRec>;
  villages: Map<number, VillageRec>;
  naturals: Map<number, NaturalRec>;
  places: Map<number, PlaceRec>;
  roads: RoadRec[];
  roadByName: Map<string, number>;
  dicts: Record<'town' | 'village' | 'road' | 'place', Dict>;
  /** Children per parent id, for fuzzy matching inside it. */
  villagesOf: Map<number, number[]>;
  naturalsOf: Map<number, number[]>;
  placesOf: Map<number, number[]>;
}

const newDict = (): Dict => ({ root: { next: null, ents: null } });

function add(d: Dict, form: string, e: Entry): void {
  let node = d.root;
  for (const ch of form) {
    node.next ??= new Map();
    let child = node.next.get(ch);
    if (!child) node.next.set(ch, (child = { next: null, ents: null }));
    node = child;
  }
  node.ents ??= [];
  if (!node.ents.some((x) => x.kind === e.kind && x.id === e.id)) node.ents.push(e);
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const l = m.get(k);
  if (l) l.push(v); else m.set(k, [v]);
}

export function buildGazetteer(input: GazetteerInput): Gazetteer {
  const norm = nameNormalizer();
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const townOf = (unitId: number): number | null => {
    const u = unitById.get(unitId);
    if (!u) return null;
    if (u.level === 'township') return u.id;
    return u.level === 'village' && u.parentId !== null && unitById.get(u.parentId)?.level === 'township' ? u.parentId : null;
  };
  const villageOf = (unitId: number) => (unitById.get(unitId)?.level === 'village' ? unitId : null);
  const dicts = { town: newDict(), village: newDict(), road: newDict(), place: newDict() };
  const g: Gazetteer = {
    districts: [], towns: new Map(), villages: new Map(), naturals: new Map(), places: new Map(), roads: [], roadByName: new Map(),
    dicts, villagesOf: new Map(), naturalsOf: new Map(), placesOf: new Map(), ...emptyKeys(),
  };
  for (const u of input.units) {
    const name = norm(u.name);
    if (u.level === 'district') g.districts.push(...districtForms(name));
    else if (u.level === 'township') {
      const { forms, core } = townForms(name);
      g.towns.set(u.id, { id: u.id, name: u.name, core, point: u.point });
      for (const f of forms) add(dicts.town, f, { kind: 'town', id: u.id, bare: f === core && f !== name });
    } else {
      const { forms, core } = villageForms(name);
      const townId = townOf(u.id);
      g.villages.set(u.id, { id: u.id, townId, name: u.name, core, point: u.point });
      if (townId !== null) push(g.villagesOf, townId, u.id);
      for (const f of forms) add(dicts.village, f, { kind: 'village', id: u.id, bare: f === core && f !== name });
    }
  }
  g.districts.sort((a, b) => b.length - a.length);
  for (const p of input.places) {
    const name = norm(p.name);
    const villageId = villageOf(p.adminUnitId);
    if (p.kind === 'naturalVillage' && villageId !== null) {
      const { forms, core } = naturalForms(name);
      g.naturals.set(p.id, { id: p.id, villageId, name: p.name, core, point: p.point });
      push(g.naturalsOf, villageId, p.id);
      for (const f of forms) add(dicts.village, f, { kind: 'natural', id: p.id, bare: false });
    } else {
      g.places.set(p.id, { id: p.id, villageId, townId: townOf(p.adminUnitId), name: p.name, core: name, point: p.point });
      push(g.placesOf, villageId ?? p.adminUnitId, p.id);
      for (const f of placeForms(name).forms) add(dicts.place, f, { kind: 'place', id: p.id, bare: f !== name });
    }
  }
  indexPoints(g, input, norm, (name, villageId) => {
    let id = g.roadByName.get(name);
    if (id === undefined) {
      id = g.roads.length;
      g.roads.push({ id, name, villages: new Set() });
      g.roadByName.set(name, id);
      add(dicts.road, name, { kind: 'road', id, bare: false });
    }
    if (villageId !== null) g.roads[id].villages.add(villageId);
    return id;
  });
  return g;
}

function emptyKeys(): PointKeys {
  return {
    buildings: new Map(), roomKey: new Map(), roomNoCell: new Map(), buildingKey: new Map(),
    doorKey: new Map(), doorPlace: new Map(), doorAnywhere: new Map(), ruralKey: new Map(), ruralNoGroup: new Map(),
    groupNatural: new Map(),
  };
}
