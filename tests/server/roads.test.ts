// POST /roads/import (issue 8) over the tiny district (3 roads, 2 checkpoints on road 1): a GCJ-02
// file lands at its WGS-84 position, a file with one bad feature names it and writes nothing,
// append adds and replace swaps the network (the checkpoints lose their road link, keep its
// name), the caches built on the roads are dropped, only planners and admins may, and the body
// may be megabytes (20 MB cap) but not more.
import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageSourceOf } from '../../server/coverage/source.ts';
import { impactIndexOf } from '../../server/db/impact-source.ts';
import { testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';

type Line = number[][];
const feature = (coordinates: Line, props: Record<string, unknown> = { highway: 'residential' }) =>
  ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates } });
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
/** A short east–west road at row `i`, inside the tiny district, meeting no other road. */
const road = (i: number, props?: Record<string, unknown>) => feature([[114.30, 36.50 + i * 1e-3], [114.31, 36.50 + i * 1e-3]], props);

describe.each(DIALECTS)('POST /roads/import on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const post = (body: unknown, who: 'planner' | 'admin' = 'planner') => t.as(who)('/api/v1/roads/import', 'POST', body);
  const count = async () => Number((await t.db.kysely.selectFrom('roads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = async () => Number((await t.db.kysely.selectFrom('audit_entries').select((eb) => eb.fn.countAll().as('n')).where('entity', '=', 'roads')
    .executeTakeFirstOrThrow()).n);

  it('puts a GCJ-02 road at its WGS-84 position, synthetic 0, with its bbox, and answers the graph of every road', async () => {
    const gcj = [[114.209936, 36.420487], [114.2153, 36.4231], [114.2201, 36.4262]];
    const res = await post({ crs: 'GCJ02', mode: 'append', data: fc([feature(gcj, { highway: 'primary', name: '滏阳路', oneway: 'yes' })]) });
    expect(res.status).toBe(200);
    // the tiny district's 3 two-vertex roads (6 nodes, 3 edges) and this one
    expect(await res.json()).toEqual({ imported: 1, replaced: 0, graph: { nodes: 9, edges: 5 } });
    const row = await t.db.kysely.selectFrom('roads').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect([row.name, row.class, Number(row.oneway), Number(row.synthetic)]).toEqual(['滏阳路', 'primary', 1, 0]);
    const got = JSON.parse(row.geometry).coordinates as Line;
    gcj.forEach((p, i) => {
      const want = gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84) as number[];
      expect(Math.abs(got[i][0] - want[0])).toBeLessThan(1e-6);
      expect(Math.abs(got[i][1] - want[1])).toBeLessThan(1e-6);
    });
    expect(Math.abs(got[0][0] - 114.203873)).toBeLessThan(1e-6); // domain-rules.md §4's oracle: ~540 m west of where it was drawn
    expect([row.min_lng, row.max_lat]).toEqual([got[0][0], got[2][1]]);
  });

  it('writes nothing when one feature in the middle is bad, and names it by index (422, problem+json)', async () => {
    const before = [await count(), await audits()];
    const features = Array.from({ length: 12 }, (_, i) => road(i));
    features[7] = road(7, { highway: 'proposed' });
    const res = await post({ crs: 'WGS84', mode: 'replace', data: fc(features) });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const p = await res.json();
    expect(p).toMatchObject({ status: 422, code: 'invalid_road_file', errorCount: 1, errors: [{ index: 7, code: 'unknown_class' }] });
    expect(p.errors[0].detail).toContain('proposed');
    expect(p.detail).toContain('feature 7');
    expect([await count(), await audits()]).toEqual(before); // not even the replace's delete
  });

  it('appends (count grows) and replaces (the file becomes the network; checkpoints keep the road name, lose the link); both audited', async () => {
    const before = await count();
    const appended = await post({ crs: 'WGS84', mode: 'append', data: fc([road(0), road(1), road(2, { class: 'lane', oneway: -1 })]) });
    expect(appended.status).toBe(200);
    expect(await appended.json()).toMatchObject({ imported: 3, replaced: 0 });
    expect(await count()).toBe(before + 3);

    const impact = await impactIndexOf(t.db);
    const source = await coverageSourceOf(t.db);
    const replaced = await post({ crs: 'WGS84', mode: 'replace', data: fc([road(0), feature([[114.31, 36.50], [114.32, 36.50]])]) }, 'admin');
    expect(replaced.status).toBe(200);
    // the two roads share their vertex at 114.31: 3 nodes, 2 edges
    expect(await replaced.json()).toEqual({ imported: 2, replaced: before + 3, graph: { nodes: 3, edges: 2 } });
    expect(await count()).toBe(2);
    const cps = await t.db.kysely.selectFrom('checkpoints').select(['road_id', 'road_name']).orderBy('id').execute();
    expect(cps).toEqual([{ road_id: null, road_name: '邢峰公路' }, { road_id: null, road_name: '邢峰公路' }]);
    // the caches built on the old roads were dropped
    expect(await impactIndexOf(t.db)).not.toBe(impact);
    expect((await coverageSourceOf(t.db)).graph.edgeCount).toBe(2);
    expect(source.graph.edgeCount).toBeGreaterThan(2);

    const entries = await t.db.kysely.selectFrom('audit_entries').selectAll().where('entity', '=', 'roads').orderBy('id').execute();
    expect(entries.slice(-2).map((e) => [e.action, e.actor, e.route])).toEqual([['create', 'planner', 'POST /roads/import'], ['replace', 'admin', 'POST /roads/import']]);
    expect(JSON.parse(entries.at(-1)!.after!)).toMatchObject({ mode: 'replace', crs: 'WGS84', imported: 2, replaced: before + 3, checkpointsUnlinked: 2,
      byClass: { residential: 2 } });
  });

  it('refuses field members, case officers, the commander and the wall (403) and the anonymous (401)', async () => {
    const before = await count();
    for (const who of ['fieldA', 'officer', 'commander', 'wall'] as const) {
      const res = await t.as(who)('/api/v1/roads/import', 'POST', { crs: 'WGS84', mode: 'append', data: fc([road(0)]) });
      expect([who, res.status, (await res.json()).code]).toEqual([who, 403, 'forbidden']);
    }
    expect((await t.json('/api/v1/roads/import', 'POST', { crs: 'WGS84', mode: 'append', data: fc([road(0)]) })).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('refuses a body that is not the contract\'s (400)', async () => {
    for (const body of [{ crs: 'EPSG3857', mode: 'append', data: fc([road(0)]) }, { crs: 'WGS84', mode: 'merge', data: fc([road(0)]) },
      { crs: 'WGS84', data: fc([road(0)]) }]) {
      const res = await post(body);
      expect([res.status, (await res.json()).code]).toEqual([400, 'validation_failed']);
    }
  });

  it('takes a 6 MB file (under the 20 MB cap) and refuses 25 MB (413)', async () => {
    // 2,000 roads of 150 vertices: a district's worth of text
    const big = Array.from({ length: 2_000 }, (_, i) => feature(Array.from({ length: 150 }, (_, j) => [114.1 + j * 1e-4, 36.35 + i * 1e-4]), { highway: 'service' }));
    const body = { crs: 'WGS84', mode: 'append', data: fc(big) };
    const bytes = JSON.stringify(body).length;
    expect(bytes).toBeGreaterThan(6_000_000);
    const started = Date.now();
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 2_000, replaced: 0 });
    console.log(`${dialect.name}: ${(bytes / 1e6).toFixed(1)} MB, 2,000 roads of 150 vertices imported in ${Date.now() - started} ms`);

    const huge = { crs: 'WGS84', mode: 'append', data: fc([road(0, { highway: 'service', note: 'x'.repeat(25 * 1024 * 1024) })]) };
    const refused = await post(huge);
    expect([refused.status, (await refused.json()).code]).toEqual([413, 'payload_too_large']);
  }, 60_000);
});
