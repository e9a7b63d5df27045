import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { testApp } from '../support/app.ts';
import { box } from '../support/grid-and-place.ts';

// Inside 南头村, away from its edges: both of its buildings, its 3 households (9 residents, 3 over
// 65), contact 4's open closed-loop step, road 1 entering at the south edge and leaving at the north.
const WEST = box(114.11, 36.41, 114.19, 36.49);

describe.each(DIALECTS)('impact on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const impact = (geometry: unknown, who: Parameters<typeof t.as>[0] = 'planner') => t.as(who)('/api/v1/impact', 'POST', { geometry });

  it('counts people, homes, buildings, the elderly and open loop items inside a polygon', async () => {
    const res = await impact(WEST);
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r).toMatchObject({ residents: 9, households: 3, buildings: 2, over65: 3, openLoopItems: 1 });
    expect(r.areaSquareMeters).toBeGreaterThan(6e7); // ≈ 7.2 km × 8.9 km
    expect(r.areaSquareMeters).toBeLessThan(7e7);
  });

  it('puts a checkpoint where each road crosses the boundary, with its name and class', async () => {
    const r = await (await impact(WEST)).json();
    const crossings = r.crossings.map((c: { lng: number; lat: number; roadId: number; roadName: string | null; roadClass: string }) =>
      [c.roadId, c.roadName, c.roadClass, Number(c.lng.toFixed(5)), Number(c.lat.toFixed(5))]);
    expect(crossings.sort()).toEqual([[1, '邢峰公路', 'trunk', 114.15, 36.41], [1, '邢峰公路', 'trunk', 114.15, 36.49]].sort());
  });

  it('derives testing and supply needs from the incident profile\'s ratios (§1.8)', async () => {
    const r = await (await impact(WEST)).json();
    expect(r.testing).toEqual({ samplingPointsMin: 1, samplingPointsMax: 1, samplers: 1, completionHours: 24 });
    expect(r.supplies.totalPerDay).toMatchObject({ staples_kg: 2.7, vegetables_kg: 4.5, drinking_water_l: 22.5 });
    expect(r.supplies.perHouseholdPerDay).toMatchObject({ staples_kg: 0.9, drinking_water_l: 7.5 });
  });

  it('answers for a polygon leaving the district too, but not for a broken one', async () => {
    const beyond = await impact(box(114.35, 36.5, 114.45, 36.65));
    expect(beyond.status).toBe(200);
    expect(await beyond.json()).toMatchObject({ residents: 0, households: 0, crossings: [] });
    const bowTie = { type: 'Polygon', coordinates: [[[114.11, 36.41], [114.13, 36.43], [114.13, 36.41], [114.11, 36.43], [114.11, 36.41]]] };
    const bad = await impact(bowTie);
    expect([bad.status, (await bad.json()).code]).toEqual([422, 'self_intersection']);
    expect((await impact({ type: 'Point', coordinates: [114.1, 36.4] })).status).toBe(422);
  });

  it("gives the impact of a zone's current version", async () => {
    const res = await t.as('officer')('/api/v1/zones/1/impact');
    expect(res.status).toBe(200);
    // The sealed zone covers both villages: every household of the district.
    expect(await res.json()).toMatchObject({ residents: 11, households: 4, buildings: 3, over65: 3, openLoopItems: 1 });
    expect((await t.as('officer')('/api/v1/zones/99/impact')).status).toBe(404);
  });

  it('is for the roles that plan and decide, not the wall or the field', async () => {
    for (const who of ['commander', 'admin', 'officer'] as const) expect((await impact(WEST, who)).status).toBe(200);
    for (const who of ['wall', 'fieldA'] as const) expect((await impact(WEST, who)).status).toBe(403);
  });
});
