// The state alert rules of the minute run (issue 7 item 4, server/db/alert-rules.ts) over the
// tiny district: each rule raises when its condition holds and resolves ('system') when it ends —
// a case outside every zone in force, a quarantine site at 85 % / 95 % / below 80 % full, a zone
// whose downgrade or lift day has come — a run that finds nothing new writes nothing and emits
// nothing, an alert a person resolved is not raised again for the same thing, and a closed
// incident's alerts end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlertRules } from '../../server/db/alert-rules.ts';
import { idNo } from '../support/access-fixture.ts';
import { FIXED_NOW, testApp, type TestUser } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { byResource, eventLog } from '../support/emitted-events.ts';
import { box } from '../support/grid-and-place.ts';

const NOW = FIXED_NOW.toISOString();
const pt = (x: number, y: number) => ({ geometry: JSON.stringify({ type: 'Point', coordinates: [x, y] }), min_lng: x, min_lat: y, max_lng: x, max_lat: y });

describe.each(DIALECTS)('alert rules on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let events: ReturnType<typeof eventLog>;
  let now = FIXED_NOW;
  beforeAll(async () => {
    t = await testApp(dialect, { now: () => now });
    events = eventLog(t.db);
    await events.skip();
  });
  afterAll(async () => { await t.close(); });

  const as = (user: TestUser) => async (path: string, method?: string, body?: unknown) => (await t.signIn(user)).send(path, method, body);
  const run = () => runAlertRules(t.db, now.toISOString());
  const alertsOf = (rule: string) => t.db.kysely.selectFrom('alerts').selectAll().where('rule', '=', rule).orderBy('id').execute();
  let seq = 0;
  const addCase = async (at: [number, number], reportDate: string, category: 'confirmed' | 'asymptomatic' | 'suspected' = 'confirmed') =>
    (await t.db.kysely.insertInto('persons').values({ incident_id: 1, category, name: '规则病例', id_number: idNo(String(700 + seq++)), phone: '13900007000',
      sex: 'male', age: 50, home_address_point_id: null, home_address: '峰峰矿区某村', status: 'active', onset_date: null, sample_date: null,
      report_date: reportDate, ...pt(...at), valid_from: `${reportDate}T02:00:00.000Z`, valid_to: null, created_at: NOW, updated_at: NOW, synthetic: 1 })
      .returning('id').executeTakeFirstOrThrow()).id;

  it('finds nothing on the tiny district as it stands: no alert, no audit entry, no event', async () => {
    const zone = (await (await as('commander')('/api/v1/zones/1')).json()) as { current: { properties: { downgradeOn: string | null; liftOn: string } } };
    // its cases are inside zone 1, whose clock lifts it on 06-16 (no downgrade step); site 1 is 1/3 full
    expect([zone.current.properties.downgradeOn, zone.current.properties.liftOn]).toEqual([null, '2022-06-16']);
    const audits = await t.db.kysely.selectFrom('audit_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(await run()).toEqual({ raised: 0, updated: 0, resolved: 0, escalated: 0, ids: [] });
    expect(await t.db.kysely.selectFrom('alerts').selectAll().execute()).toEqual([]);
    expect(await events.fresh()).toEqual([]);
    const after = await t.db.kysely.selectFrom('audit_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(audits.n));
  });

  it('case_outside_zone: raises orange for a recent case whose home no zone in force covers, once; a person\'s resolve sticks', async () => {
    const outside = await addCase([114.35, 36.55], '2022-06-11');
    await addCase([114.36, 36.55], '2022-05-20'); // reported 23 days ago: out of the 14-day window
    await addCase([114.37, 36.55], '2022-06-11', 'suspected'); // not an infection yet
    const r = await run();
    expect(r).toMatchObject({ raised: 1, updated: 0, resolved: 0 });
    const [a] = await alertsOf('case_outside_zone');
    expect(a).toMatchObject({ level: 'orange', status: 'open', dedupe_key: `case_outside_zone:person:${outside}`, raised_at: NOW, incident_id: 1 });
    expect(JSON.parse(a.detail)).toEqual({ params: { personId: outside, category: 'confirmed', village: '', reportDate: '2022-06-11' },
      subject: { personIds: [outside] } });
    const fired = byResource(await events.fresh());
    expect(fired.alerts.ids).toEqual([a.id]);
    expect(fired.dashboard).toBeDefined();
    const entry = await t.db.kysely.selectFrom('audit_entries').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor: 'system', action: 'alert.rules', entity: 'alerts' });
    // idempotent: the same answer writes and emits nothing
    expect(await run()).toMatchObject({ raised: 0, updated: 0, resolved: 0 });
    expect(await events.fresh()).toEqual([]);
    const d = await (await t.as('commander')(`/api/v1/alerts/${a.id}`)).json();
    expect(d.persons.map((p: { id: number; name: string }) => [p.id, p.name])).toEqual([[outside, '规***']]);

    // Resolved by a person while the case is still outside: handled, not raised again every minute.
    expect((await t.as('commander')(`/api/v1/alerts/${a.id}/resolve`, 'POST', { note: '已核实，居家隔离' })).status).toBe(200);
    await events.skip();
    expect(await run()).toMatchObject({ raised: 0, resolved: 0 });
    expect((await alertsOf('case_outside_zone')).map((x) => x.status)).toEqual(['resolved']);
    expect(await events.fresh()).toEqual([]);
  });

  it('case_outside_zone: resolves by itself once a zone covering the home is in force (a proposed one is not)', async () => {
    const second = await addCase([114.33, 36.52], '2022-06-12', 'asymptomatic');
    expect(await run()).toMatchObject({ raised: 1 });
    const open = (await alertsOf('case_outside_zone')).find((x) => x.status === 'open')!;
    expect(open.dedupe_key).toBe(`case_outside_zone:person:${second}`);
    await events.skip();
    const created = await as('planner')('/api/v1/zones', 'POST', { name: '东北角管控区', kind: 'controlled', source: 'drawn', geometry: box(114.32, 36.51, 114.38, 36.57) });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(await run()).toMatchObject({ resolved: 0 }); // proposed: not in force yet
    expect((await as('commander')(`/api/v1/zones/${id}/publish`, 'POST', { baseVersion: 1, reason: '东北角出现病例' })).status).toBe(200);
    await events.skip();
    expect(await run()).toMatchObject({ raised: 0, resolved: 1 });
    const ended = (await alertsOf('case_outside_zone')).find((x) => x.id === open.id)!;
    expect(ended).toMatchObject({ status: 'resolved', resolved_by: 'system', resolved_at: NOW });
    expect(byResource(await events.fresh()).alerts.ids).toEqual([open.id]);
  });

  it('site_near_full: yellow at 85 %, orange at 95 %, kept down to 80 %, resolved below; raised again only from 85 %', async () => {
    // Site 1 gets 17 more rooms (20), then occupants; room 1 already holds contact 4.
    await t.db.kysely.insertInto('quarantine_rooms').values(Array.from({ length: 17 }, (_, i) => ({ site_id: 1, block: 'C', floor: 2, room_no: String(201 + i),
      kind: 'single' as const, capacity: 1, occupant_person_id: null }))).execute();
    const rooms = (await t.db.kysely.selectFrom('quarantine_rooms').select('id').where('site_id', '=', 1).orderBy('id').execute()).map((r) => r.id);
    const fill = async (n: number) => {
      await t.db.kysely.updateTable('quarantine_rooms').set({ occupant_person_id: null }).where('site_id', '=', 1).execute();
      await t.db.kysely.updateTable('quarantine_rooms').set({ occupant_person_id: 4 }).where('id', 'in', rooms.slice(0, n)).execute();
    };
    const site = async () => (await alertsOf('site_near_full')).map((a) => ({ id: a.id, level: a.level, status: a.status, params: JSON.parse(a.detail).params }));
    await fill(16);
    expect(await run()).toMatchObject({ raised: 0 }); // 80 %: nothing to keep, nothing raised
    await fill(17);
    expect(await run()).toMatchObject({ raised: 1 });
    const [first] = await site();
    expect(first).toMatchObject({ level: 'yellow', status: 'open', params: { siteId: 1, site: '峰峰宾馆隔离点', occupied: 17, rooms: 20, percent: 85 } });
    expect(JSON.parse((await alertsOf('site_near_full'))[0].detail).subject).toEqual({ siteId: 1 });
    await events.skip();
    await fill(19);
    expect(await run()).toMatchObject({ raised: 0, updated: 1 });
    expect(await site()).toEqual([{ ...first, level: 'orange', params: { ...first.params, occupied: 19, percent: 95 } }]);
    expect(byResource(await events.fresh()).alerts.ids).toEqual([first.id]);
    await fill(16);
    expect(await run()).toMatchObject({ updated: 1, resolved: 0 }); // 80 %: still up (a rule never lowers a level)
    expect(await site()).toMatchObject([{ level: 'orange', status: 'open', params: { occupied: 16 } }]);
    await fill(15);
    expect(await run()).toMatchObject({ resolved: 1 });
    expect((await site())[0].status).toBe('resolved');
    await fill(16);
    expect(await run()).toMatchObject({ raised: 0 });
    await fill(17);
    expect(await run()).toMatchObject({ raised: 1 });
    expect((await site()).map((a) => [a.level, a.status])).toEqual([['orange', 'resolved'], ['yellow', 'open']]);
    // the detail's map area: a disc around the site
    const latest = (await site())[1];
    const d = await (await t.as('planner')(`/api/v1/alerts/${latest.id}`)).json();
    expect(d.geometry.type).toBe('Polygon');
    expect(d.persons).toEqual([]);
    await fill(1);
    expect(await run()).toMatchObject({ resolved: 1 });
  });

  it('zone_due: blue once the zone clock\'s lift day has come (not the stale stored snapshot); resolved when the zone is lifted', async () => {
    const zone = async () => ((await (await as('commander')('/api/v1/zones/1')).json()) as { current: { properties: { liftOn: string } } }).current;
    const due = (await zone()).properties.liftOn; // 2021 rules: 封控区 → 防范区 (the rest of the county) after 14 clean days
    const stored = await t.db.kysely.selectFrom('control_zone_versions').select('lift_on').where('id', '=', 2).executeTakeFirstOrThrow();
    expect(stored.lift_on).toBeNull(); // the seed stored no snapshot: the rule reads the clock
    now = new Date(`${due}T00:30:00.000Z`); // 08:30 in Shanghai on the day
    await run();
    const [a] = (await alertsOf('zone_due')).filter((x) => x.dedupe_key === 'zone_due:zone:1:lift');
    expect(a).toMatchObject({ level: 'blue', status: 'open', raised_at: now.toISOString() });
    expect(JSON.parse(a.detail)).toEqual({ params: { zoneId: 1, zone: '大社镇封控区', kind: 'sealed', version: 2, action: 'lift', due }, subject: { zoneId: 1 } });
    expect((await alertsOf('zone_due')).some((x) => x.dedupe_key === 'zone_due:zone:1:downgrade')).toBe(false);
    const d = await (await as('commander')(`/api/v1/alerts/${a.id}`)).json();
    expect(d.geometry).toEqual(box(114.1, 36.4, 114.3, 36.5));
    expect(await run()).toMatchObject({ raised: 0, updated: 0, resolved: 0 });
    expect((await as('commander')('/api/v1/zones/1/lift', 'POST', { baseVersion: 2, reason: '满 14 天无新增，解除封控' })).status).toBe(200);
    await run();
    expect((await alertsOf('zone_due')).find((x) => x.id === a.id)).toMatchObject({ status: 'resolved', resolved_by: 'system', resolved_at: now.toISOString() });
  });

  it('resolves every state alert of an incident that was closed', async () => {
    const outside = await addCase([114.39, 36.59], new Date(now.getTime()).toISOString().slice(0, 10));
    await run();
    const open = (await alertsOf('case_outside_zone')).filter((x) => x.status === 'open');
    expect(open.map((x) => x.dedupe_key)).toEqual([`case_outside_zone:person:${outside}`]);
    await t.db.kysely.updateTable('incidents').set({ status: 'closed', closed_at: now.toISOString() }).where('id', '=', 1).execute();
    try {
      const r = await run();
      expect(r.resolved).toBeGreaterThanOrEqual(1);
      const still = await t.db.kysely.selectFrom('alerts').select('id').where('rule', 'in', ['case_outside_zone', 'site_near_full', 'zone_due'])
        .where('status', '!=', 'resolved').execute();
      expect(still).toEqual([]);
    } finally {
      await t.db.kysely.updateTable('incidents').set({ status: 'open', closed_at: null }).where('id', '=', 1).execute();
    }
  });
});
