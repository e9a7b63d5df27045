import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geocode } from '../../domain/address/geocode.ts';
import type { Db } from '../../server/db/database.ts';
import { gazetteerFor, invalidateGazetteer, loadGazetteerInput } from '../../server/db/gazetteer-source.ts';
import { loadRows } from '../../server/db/seed.ts';
import { tinyDistrict } from '../fixtures/tiny-district.ts';
import { DIALECTS } from '../support/dialects.ts';

describe.each(DIALECTS)('gazetteer source on $name', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    db = await dialect.open();
    await loadRows(db, tinyDistrict());
  });
  afterAll(async () => { await db.close(); });

  it('reads units, places, buildings and address points with their points', async () => {
    const input = await loadGazetteerInput(db);
    expect(input.units.map((u) => [u.id, u.level])).toEqual([[1, 'district'], [2, 'township'], [3, 'village'], [4, 'village']]);
    expect(input.addressPoints.find((a) => a.id === 5)).toMatchObject({ buildingId: 1, adminUnitId: 3, parts: { roadno: '5组12号' }, point: [114.12, 36.42] });
    expect(input.buildings.find((b) => b.id === 2)!.point).toEqual([114.14, 36.44]);
    // A village's point is the mean of its address points (where people live), not its bbox centre.
    const [lng, lat] = input.units.find((u) => u.id === 4)!.point;
    expect([lng, lat].map((v) => Number(v.toFixed(6)))).toEqual([114.25, 36.45]);
  });

  it('builds the gazetteer once per database and geocodes against it', async () => {
    const first = gazetteerFor(db);
    expect(gazetteerFor(db)).toBe(first);
    const gaz = await first;
    expect(geocode(gaz, '河北省邯郸市峰峰矿区大社镇南头村5组12号').best).toMatchObject({ level: 'doorplate', addressPointId: 5, confidence: 1 });
    expect(geocode(gaz, '大社社区和平路8号').best).toMatchObject({ addressPointId: 8, point: [114.25, 36.45] });
  });

  it('reads the database again after invalidateGazetteer', async () => {
    const before = await gazetteerFor(db);
    await db.kysely.insertInto('address_points').values({
      id: 9, building_id: 2, grid_id: null, admin_unit_id: 3, address: '河北省邯郸市峰峰矿区大社镇南头村6组4号',
      parts: JSON.stringify({ town: '大社镇', community: '南头村', roadno: '6组4号' }), synthetic: 1,
      geometry: JSON.stringify({ type: 'Point', coordinates: [114.142, 36.442] }), min_lng: 114.142, min_lat: 36.442, max_lng: 114.142, max_lat: 36.442,
    }).execute();
    expect(geocode(before, '大社镇南头村6组4号').best?.addressPointId).toBeUndefined();
    invalidateGazetteer(db);
    const after = await gazetteerFor(db);
    expect(after).not.toBe(before);
    expect(geocode(after, '大社镇南头村6组4号').best).toMatchObject({ addressPointId: 9 });
  });
});
