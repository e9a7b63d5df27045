// Writes tests/fixtures/address-labelled.json, the labelled set of the Vitest accuracy spec
// (tests/domain/address/accuracy.test.ts): 300 demo address points made messy by
// bench/address-noise.ts (stream 'geocode-fixture' of seed 20220607, so other rows than the
// benchmark's), with the slice of the demo gazetteer they need — every township, village and
// place (the names are the hard part), and only the buildings and address points of the labelled
// rows plus their look-alikes: the same room number in the building's other units, the same door
// number in the village's other 组, the same road number in other villages. About 200 KB.
// Made with:  npx tsx bench/address-fixture.ts [--db data/shouwang.sqlite] > tests/fixtures/address-labelled.json
import { parseArgs } from 'node:util';
import type { GazetteerInput } from '../domain/address/types.ts';
import { loadGazetteerInput } from '../server/db/gazetteer-source.ts';
import { demoDb, labelledRows } from './geocode.ts';

const ROWS = 300;
type Ap = GazetteerInput['addressPoints'][number];
const r6 = (p: [number, number]) => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];

function group<K>(aps: Ap[], key: (a: Ap) => K | null): Map<K, Ap[]> {
  const m = new Map<K, Ap[]>();
  for (const a of aps) {
    const k = key(a);
    if (k === null) continue;
    const l = m.get(k);
    if (l) l.push(a); else m.set(k, [a]);
  }
  return m;
}

function slice(input: GazetteerInput, ids: Set<number>): Ap[] {
  const byBuildingRoom = group(input.addressPoints, (a) => (a.parts.roomno ? `${a.buildingId}|${a.parts.roomno}` : null));
  const byVillageDoor = group(input.addressPoints, (a) => (!a.parts.road && a.parts.roadno ? `${a.adminUnitId}|${a.parts.roadno.replace(/^\d+组/, '')}` : null));
  const byRoadDoor = group(input.addressPoints, (a) => (a.parts.road && !a.parts.poi ? `${a.parts.road}|${a.parts.roadno}` : null));
  const keep = new Map<number, Ap>();
  for (const a of input.addressPoints) {
    if (!ids.has(a.id)) continue;
    const p = a.parts;
    const alike = p.roomno ? byBuildingRoom.get(`${a.buildingId}|${p.roomno}`)
      : p.road ? byRoadDoor.get(`${p.road}|${p.roadno}`) : byVillageDoor.get(`${a.adminUnitId}|${p.roadno?.replace(/^\d+组/, '')}`);
    for (const x of [a, ...(alike ?? []).slice(0, 2)]) keep.set(x.id, x);
  }
  return [...keep.values()].sort((x, y) => x.id - y.id);
}

const { values } = parseArgs({ options: { db: { type: 'string' } } });
const { db, done } = await demoDb(values.db);
try {
  const input = await loadGazetteerInput(db);
  const rows = labelledRows(input, ROWS, 'geocode-fixture');
  const aps = slice(input, new Set(rows.map((r) => r.addressPointId)));
  const buildingIds = new Set(aps.map((a) => a.buildingId));
  const lines = (xs: unknown[][]) => xs.map((x) => '    ' + JSON.stringify(x)).join(',\n');
  process.stdout.write([
    '{',
    '  "version": 1,',
    '  "made": "npx tsx bench/address-fixture.ts (demo seed 20220607, stream geocode-fixture; noises: bench/address-noise.ts)",',
    '  "columns": {"units": "id,name,level,parentId,lng,lat", "places": "id,kind,name,adminUnitId,lng,lat", "buildings": "id,placeId,adminUnitId,name,lng,lat", "addressPoints": "id,buildingId,adminUnitId,parts,lng,lat"},',
    '  "units": [', lines(input.units.map((u) => [u.id, u.name, u.level, u.parentId, ...r6(u.point)])), '  ],',
    '  "places": [', lines(input.places.map((p) => [p.id, p.kind, p.name, p.adminUnitId, ...r6(p.point)])), '  ],',
    '  "buildings": [', lines(input.buildings.filter((b) => buildingIds.has(b.id)).map((b) => [b.id, b.placeId, b.adminUnitId, b.name, ...r6(b.point)])), '  ],',
    '  "addressPoints": [', lines(aps.map((a) => [a.id, a.buildingId, a.adminUnitId, a.parts, ...r6(a.point)])), '  ],',
    '  "rows": [', rows.map((r) => '    ' + JSON.stringify(r)).join(',\n'), '  ]',
    '}',
    '',
  ].join('\n'));
} finally {
  await done();
}
