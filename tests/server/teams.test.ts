import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/db/audit.ts';
import { DIALECTS } from '../support/dialects.ts';
import { testApp } from '../support/app.ts';
import { addGridAndPlace, box } from '../support/grid-and-place.ts';

type Fc = { features: { id: number; properties: Record<string, unknown>; geometry: { type: string } }[] };

describe.each(DIALECTS)('teams and areas on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let gridId: number;
  beforeAll(async () => { t = await testApp(dialect); ({ gridId } = await addGridAndPlace(t.db)); });
  afterAll(async () => { await t.close(); });

  const admin = () => t.as('admin');
  const put = (id: number, areas: unknown[]) => admin()(`/api/v1/teams/${id}/areas`, 'PUT', { areas });
  const ids = async (path: string) => ((await (await t.as('fieldA')(path)).json()) as Fc).features.map((f) => f.id).sort();

  it('lists teams with members and areas; a field member sees only the own team', async () => {
    const all = await (await t.as('commander')('/api/v1/teams')).json();
    expect(all.items).toEqual([
      { id: 1, name: '南头村网格工作组', kind: 'field', memberCount: 1, areas: [{ id: 1, kind: 'village', adminUnitId: 3, gridId: null, name: '南头村' }] },
      { id: 2, name: '大社社区网格工作组', kind: 'field', memberCount: 1, areas: [{ id: 2, kind: 'village', adminUnitId: 4, gridId: null, name: '大社社区' }] },
    ]);
    const own = await (await t.as('fieldA')('/api/v1/teams')).json();
    expect(own.items.map((x: { id: number }) => x.id)).toEqual([1]);
    expect((await t.as('wall')('/api/v1/teams')).status).toBe(403);
  });

  it("gives a team's areas as GeoJSON; another team's are 404 for a field member", async () => {
    const res = await t.as('fieldA')('/api/v1/teams/1/areas');
    expect(res.status).toBe(200);
    const fc = await res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]).toMatchObject({ type: 'Feature', id: 1, geometry: box(114.1, 36.4, 114.2, 36.5),
      properties: { id: 1, kind: 'village', name: '南头村', adminUnitId: 3, gridId: null } });
    expect((await t.as('fieldA')('/api/v1/teams/2/areas')).status).toBe(404);
    expect((await t.as('planner')('/api/v1/teams/2/areas')).status).toBe(200);
    expect((await t.as('planner')('/api/v1/teams/99/areas')).status).toBe(404);
  });

  it('creates a team (admin only); a duplicate name is 409', async () => {
    const res = await admin()('/api/v1/teams', 'POST', { name: '转运组', kind: 'transfer' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: '转运组', kind: 'transfer', memberCount: 0, areas: [] });
    expect((await admin()('/api/v1/teams', 'POST', { name: '转运组', kind: 'transfer' })).status).toBe(409);
    expect((await admin()('/api/v1/teams', 'POST', { name: '坏组', kind: 'army' })).status).toBe(400);
    expect((await t.as('planner')('/api/v1/teams', 'POST', { name: '规划组', kind: 'command' })).status).toBe(403);
  });

  it("replaces areas with a grid, and the field member's layers and cases follow at once", async () => {
    expect(await ids('/api/v1/layers/cases')).toEqual([1]);
    const res = await put(1, [{ gridId }]);
    expect(res.status).toBe(200);
    expect((await res.json()).areas).toEqual([expect.objectContaining({ kind: 'grid', gridId, adminUnitId: null, name: '大社社区第1网格' })]);
    expect(await ids('/api/v1/layers/cases')).toEqual([2, 3]);
    expect((await t.as('fieldA')('/api/v1/cases/1')).status).toBe(404);
    expect((await t.as('fieldA')('/api/v1/cases/2')).status).toBe(200);
  });

  it('replaces areas with a drawn polygon and an admin unit together', async () => {
    const drawn = { type: 'Polygon', coordinates: [[[114.11, 36.41], [114.11, 36.43], [114.13, 36.43], [114.13, 36.41], [114.11, 36.41]]] };
    const res = await put(1, [{ geometry: drawn }, { adminUnitId: 4 }]);
    expect(res.status).toBe(200);
    const team = await res.json();
    expect(team.areas.map((a: { kind: string }) => a.kind)).toEqual(['drawn', 'village']);
    expect(await ids('/api/v1/layers/cases')).toEqual([1, 2, 3]);
    const fc = await (await t.as('fieldA')('/api/v1/teams/1/areas')).json();
    // Stored rewound to RFC 7946 winding (exterior counter-clockwise).
    expect(fc.features[0].geometry.coordinates[0][1]).toEqual([114.13, 36.41]);
  });

  it.each([
    [[{ geometry: { type: 'Polygon', coordinates: [[[114.1, 36.4], [114.2, 36.5], [114.2, 36.4], [114.1, 36.5], [114.1, 36.4]]] } }], 422, 'invalid_geometry'],
    [[{ adminUnitId: 3 }, { geometry: { type: 'Point', coordinates: [114.1, 36.4] } }], 422, 'invalid_geometry'],
    [[{ adminUnitId: 3 }, { gridId: 999 }], 422, 'unknown_reference'],
    [[{ adminUnitId: 999 }], 422, 'unknown_reference'],
    [[{ adminUnitId: 3, gridId: 1 }], 400, 'validation_failed'],
  ])('refuses %j with %i and changes nothing', async (areas, status, code) => {
    const before = await (await admin()('/api/v1/teams')).json();
    const res = await put(1, areas);
    expect(res.status).toBe(status);
    expect((await res.json()).code).toBe(code);
    expect(await (await admin()('/api/v1/teams')).json()).toEqual(before);
    expect(await ids('/api/v1/layers/cases')).toEqual([1, 2, 3]);
  });

  it('an empty list leaves the team with no area and its member with nothing to see', async () => {
    expect((await put(1, [])).status).toBe(200);
    expect(await ids('/api/v1/layers/cases')).toEqual([]);
    expect((await put(99, [])).status).toBe(404);
    expect((await t.as('planner')('/api/v1/teams/1/areas', 'PUT', { areas: [] })).status).toBe(403);
  });

  it('audits area replacements with the areas before and after', async () => {
    const rows = await t.db.kysely.selectFrom('audit_entries').selectAll().where('entity', '=', 'teams').where('action', '=', 'areas.replace').orderBy('id').execute();
    expect(rows).toHaveLength(3);
    expect(JSON.parse(rows[0].before!)).toEqual({ areas: [{ adminUnitId: 3 }] });
    expect(JSON.parse(rows[0].after!)).toEqual({ areas: [{ gridId }] });
    expect(rows[0]).toMatchObject({ actor: 'admin', entity_id: '1', route: 'PUT /teams/{id}/areas' });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
