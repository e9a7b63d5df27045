import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { testApp } from '../support/app.ts';

type Proposal = { id: string; geometry: { type: string }; properties: { key: string; kind: string; unit: string; name: string;
  provenance: { personId: number; exposureId: number | null }[]; lastInfectionDate: string | null; contains: string[] } };

describe.each(DIALECTS)('zone proposals on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const propose = async (body: unknown = {}, who: Parameters<typeof t.as>[0] = 'planner') => t.as(who)('/api/v1/zones/proposals', 'POST', body);

  it("proposes case 1's rural village sealed and the rest of the district precaution, with provenance", async () => {
    const res = await propose();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ today: '2022-06-12', type: 'FeatureCollection', profile: { key: 'cn-2021-community' } });
    const features = body.features as Proposal[];
    expect(features.map((f) => [f.id, f.properties.kind, f.properties.unit])).toEqual([['village:3', 'sealed', 'village'], ['rest', 'precaution', 'rest_of_county']]);
    const village = features[0].properties;
    expect(village).toMatchObject({ key: 'village:3', name: '南头村', lastInfectionDate: '2022-06-02' });
    expect(village.provenance).toEqual([expect.objectContaining({ personId: 1, exposureId: 1, reason: expect.any(String), reasonEn: expect.any(String) })]);
    expect(features[1].geometry.type).toMatch(/Polygon/);
  });

  it('replays an earlier day: before any case was reported there is nothing to seal', async () => {
    const body = await (await propose({ at: '2022-06-01' })).json();
    expect(body.today).toBe('2022-06-01');
    expect((body.features as Proposal[]).filter((f) => f.properties.kind === 'sealed')).toEqual([]);
  });

  it('stores nothing; accepting one is POST /zones with its key and provenance', async () => {
    const before = await t.db.kysely.selectFrom('control_zones').select('id').execute();
    const [village] = (await (await propose()).json()).features as Proposal[];
    expect(await t.db.kysely.selectFrom('control_zones').select('id').execute()).toEqual(before);
    const res = await t.as('planner')('/api/v1/zones', 'POST', { name: village.properties.name, kind: village.properties.kind, geometry: village.geometry,
      source: 'proposal', proposalKey: village.id, justification: village.properties.provenance });
    expect(res.status).toBe(201);
    expect((await res.json()).current.properties).toMatchObject({ source: 'proposal', proposalKey: 'village:3', justification: village.properties.provenance });
  });

  it('is for planners and commanders', async () => {
    expect((await propose({}, 'commander')).status).toBe(200);
    for (const who of ['admin', 'officer', 'wall', 'fieldA'] as const) expect((await propose({}, who)).status).toBe(403);
    expect((await propose({ at: 'soon' })).status).toBe(400);
  });

  it('answers an `at` outside the years 1970–9999 once normalised with 400 invalid_query', async () => {
    for (const at of ['9999-12-31T23:00:00-05:00', '0001-01-01', '1969-12-31T23:59:59Z']) {
      const res = await propose({ at });
      expect(res.status).toBe(400);
      expect((await res.json()).code).toBe('invalid_query');
    }
  });
});
