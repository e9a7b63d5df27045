// The wall's data API (issue 6 items 2–3): GET /wall/summary and GET /playback over the tiny
// district, figures that move when the data do — a case reported today, a check-in, overdue
// steps by team and level, alerts and tasks, a zone published and then downgraded (its versions
// in the playback with from/to) — the roles (field members 403), and no personal field anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetCoverageSource } from '../../server/coverage/source.ts';
import { escalateOverdue } from '../../server/db/loop-escalation.ts';
import { UNASSIGNED_TEAM } from '../../domain/wall/loops.ts';
import type { Playback, WallSummary } from '../../domain/wall/types.ts';
import { idNo } from '../support/access-fixture.ts';
import { FIXED_NOW, testApp, type TestUser } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { box } from '../support/grid-and-place.ts';
import { findPii } from '../support/pii-scan.ts';

const iso = (d: Date) => d.toISOString();
const hoursAfter = (h: number) => new Date(FIXED_NOW.getTime() + h * 3_600_000).toISOString();
const pt = (x: number, y: number) => ({ geometry: JSON.stringify({ type: 'Point', coordinates: [x, y] }), min_lng: x, min_lat: y, max_lng: x, max_lat: y });
type StepName = 'identified' | 'notified' | 'transferScheduled' | 'transferred' | 'quarantined' | 'tested' | 'released';

/** Personal strings the fixture and this test write (names, addresses, notes): none may reach the wall. */
const PERSONAL = ['王小明', '李娜', '欧阳娜娜', '赵四', '钱多多', '孙隔离', '周超时', '吴超时', '郑无组', '冯阳性', '河北省邯郸市峰峰矿区大社镇南头村5组12号',
  '南头村9组1号', '居住地', '家中有老人', '不在家'];

describe.each(DIALECTS)('wall API on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let now = FIXED_NOW;
  beforeAll(async () => { t = await testApp(dialect, { now: () => now }); });
  afterAll(async () => { await t.close(); });

  // The zone test moves the clock by hours, past the session's idle limit: sign in afresh each call.
  const as = (user: TestUser) => async (path: string, method?: string, body?: unknown) => (await t.signIn(user)).send(path, method, body);
  const summary = async (who: TestUser = 'wall'): Promise<WallSummary> => {
    const res = await as(who)('/api/v1/wall/summary');
    expect(res.status).toBe(200);
    return res.json();
  };
  const playback = async (who: TestUser = 'wall'): Promise<Playback> => {
    const res = await as(who)('/api/v1/playback');
    expect(res.status).toBe(200);
    return res.json();
  };

  /** A person of incident 1 with their steps: [step, due, done, team]; answers the person and step ids. */
  async function personWithLoop(name: string, category: 'closeContact' | 'confirmed', at: [number, number],
    steps: [StepName, string, string | null, number | null][]) {
    const p = await t.db.kysely.insertInto('persons').values({ incident_id: 1, category, name, id_number: idNo(String(400 + name.length * 7 + steps.length)),
      phone: '13900004010', sex: 'male', age: 40, home_address_point_id: null, home_address: '大社镇南头村9组1号', status: 'active', onset_date: null,
      sample_date: null, report_date: null, ...pt(...at), valid_from: '2022-06-11T00:00:00.000Z', valid_to: null, created_at: '2022-06-11T00:00:00.000Z',
      updated_at: '2022-06-11T00:00:00.000Z', synthetic: 1 }).returning('id').executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (const [i, [step, due, done, team]] of steps.entries()) {
      const r = await t.db.kysely.insertInto('loop_steps').values({ person_id: p.id, step, seq: i + 1, due_at: due, done_at: done, team_id: team, room_id: null,
        note: '家中有老人', result: null, actor: null, cancelled_at: null, escalated_at: null }).returning('id').executeTakeFirstOrThrow();
      ids.push(r.id);
    }
    return { personId: p.id, stepIds: ids };
  }

  it('reads the tiny district: its incident, zone kinds of its profile, cases, rooms, the overdue NAT of contact 4', async () => {
    const s = await summary();
    expect(s.asOf).toBe(iso(FIXED_NOW));
    expect(s.incident).toEqual({ id: 1, name: '测试事件', startedAt: '2022-06-01T00:00:00.000Z', today: '2022-06-12' });
    expect(s.zones.map((z) => [z.kind, z.count, z.rank])).toEqual([['sealed', 1, 3], ['controlled', 0, 2], ['precaution', 0, 1]]);
    expect(s.zones[0]).toMatchObject({ label: { zh: '封控区', en: 'Sealed area' }, colour: '#c62828' });
    expect(s.cases).toMatchObject({ today: 0, total: 3, active: 3 });
    expect(s.cases.last7.map((d) => d.date)).toEqual(['2022-06-06', '2022-06-07', '2022-06-08', '2022-06-09', '2022-06-10', '2022-06-11', '2022-06-12']);
    expect(s.epi.dates[0]).toBe('2022-06-01');
    expect([s.epi.byOnset[0], s.epi.byReport[1]]).toEqual([3, 3]);
    expect(s.quarantine).toEqual({ central: 0, home: 0, roomsTotal: 3, roomsFree: 2,
      sites: [{ id: 1, name: '峰峰宾馆隔离点', status: 'active', total: 3, occupied: 1 }] });
    // Contact 4's NAT was due 2022-06-05 00:00Z: 172 h late at 06-12 04:00Z, red.
    expect(s.loops).toMatchObject({ open: 1, overdue: 1, overdueByTeam: [{ teamId: 1, team: '南头村网格工作组', overdue: 1, worstHours: 172, level: 3 }] });
    expect(s.loops.funnel.map((f) => f.reached)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.tasks).toEqual({ open: 0, overdue: 0 });
    expect(s.alerts).toEqual({ byLevel: { red: 0, orange: 0, yellow: 0, blue: 0 }, latest: [] });
    expect(s.hotAreas).toEqual([]);
    const p = await playback();
    expect(p.days).toHaveLength(12);
    expect(p.zones.map((z) => [z.id, z.zoneId, z.kind, z.from, z.to])).toEqual([[1, 1, 'controlled', '2022-06-01T00:00:00.000Z', '2022-06-06T16:00:00.000Z'],
      [2, 1, 'sealed', '2022-06-06T16:00:00.000Z', null]]);
    expect(p.cases.map((c) => [c.id, c.knownOn, c.closedOn])).toEqual([[1, '2022-06-02', null], [2, '2022-06-02', null], [3, '2022-06-02', null]]);
    expect(p.quarantine).toEqual([]);
  });

  it('counts a case reported today in today, the trend, the epi curve and the hot areas, and plays it back', async () => {
    const res = await t.as('officer')('/api/v1/cases', 'POST', { category: 'confirmed', name: '钱多多', idNumber: idNo('401'), phone: '13900004011', sex: 'female',
      age: 33, homeAddress: '大社镇南头村9组1号', geometry: { type: 'Point', coordinates: [114.13, 36.43] }, onsetDate: '2022-06-11', reportDate: '2022-06-12' });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const s = await summary();
    expect(s.cases).toMatchObject({ today: 1, total: 4, active: 4 });
    expect(s.cases.last7.at(-1)).toEqual({ date: '2022-06-12', count: 1 });
    expect([s.epi.byOnset.at(-2), s.epi.byReport.at(-1)]).toEqual([1, 1]);
    expect(s.hotAreas).toEqual([{ id: 3, name: '南头村', kind: 'village', cases7d: 1, bbox: [114.1, 36.4, 114.2, 36.5] }]);
    expect((await playback()).cases.find((c) => c.id === id)).toEqual({ id, category: 'confirmed', knownOn: '2022-06-12', closedOn: null, point: [114.13, 36.43] });
  });

  it('shows a completed check-in in quarantine (central, at the site) and in the funnel', async () => {
    const { stepIds } = await personWithLoop('孙隔离', 'closeContact', [114.14, 36.44], [
      ['identified', '2022-06-11T00:00:00.000Z', '2022-06-11T00:00:00.000Z', null], ['notified', '2022-06-11T02:00:00.000Z', '2022-06-11T01:00:00.000Z', 1],
      ['transferScheduled', '2022-06-11T06:00:00.000Z', '2022-06-11T05:00:00.000Z', 1], ['transferred', '2022-06-11T12:00:00.000Z', '2022-06-11T11:00:00.000Z', 1],
      ['quarantined', '2022-06-12T12:00:00.000Z', null, 1], ['released', '2022-06-25T00:00:00.000Z', null, 1]]);
    const before = await summary();
    const res = await t.as('officer')(`/api/v1/loops/steps/${stepIds[4]}/complete`, 'POST', { roomId: 2, note: '不在家' });
    expect(res.status).toBe(200);
    const s = await summary();
    expect(s.quarantine).toMatchObject({ central: 1, home: 0, roomsFree: before.quarantine.roomsFree - 1 });
    expect(s.quarantine.sites[0]).toMatchObject({ id: 1, occupied: 2 });
    expect(s.loops.funnel.find((f) => f.step === 'quarantined')!.reached).toBe(1);
    expect(s.loops.funnel.find((f) => f.step === 'identified')!.reached).toBe(1);
    expect(s.loops.open).toBe(2); // contact 4 (late NAT) and this one (release to come)
    expect((await playback()).quarantine).toEqual([{ from: iso(FIXED_NOW), to: null, point: [114.2, 36.42], central: true }]);
  });

  it('lists overdue loops by the team of their current step, most overdue first, with the level of the oldest', async () => {
    await personWithLoop('周超时', 'closeContact', [114.25, 36.45], [['identified', '2022-06-11T00:00:00.000Z', '2022-06-11T00:00:00.000Z', null],
      ['notified', hoursAfter(-10), null, 2], ['transferScheduled', hoursAfter(-8), null, 2]]); // counted once, by its current step
    await personWithLoop('吴超时', 'closeContact', [114.26, 36.46], [['notified', hoursAfter(-1), null, 2]]);
    await personWithLoop('郑无组', 'confirmed', [114.27, 36.46], [['notified', hoursAfter(-0.5), null, null]]);
    const s = await summary();
    expect(s.loops.overdue).toBe(4);
    expect(s.loops.open).toBe(5);
    expect(s.loops.overdueByTeam).toEqual([
      { teamId: 2, team: '大社社区网格工作组', overdue: 2, worstHours: 10, level: 2 },
      { teamId: 1, team: '南头村网格工作组', overdue: 1, worstHours: 172, level: 3 },
      { teamId: null, team: UNASSIGNED_TEAM, overdue: 1, worstHours: 0.5, level: 1 },
    ]);
  });

  it('counts open alerts by level with the latest first, and open and overdue tasks', async () => {
    await escalateOverdue(t.db, iso(FIXED_NOW));
    const task = await t.as('planner')('/api/v1/tasks', 'POST', { type: 'visit', title: '走访', teamId: 1, geometry: { type: 'Point', coordinates: [114.13, 36.43] },
      dueAt: hoursAfter(-2) });
    expect(task.status).toBe(201);
    const s = await summary();
    // one alert per late step (the stuck loop has two), levels by lateness
    expect(s.alerts.byLevel).toEqual({ red: 1, orange: 2, yellow: 2, blue: 0 });
    expect(s.alerts.latest).toHaveLength(5);
    expect(s.alerts.latest[0]).toMatchObject({ rule: 'loop_overdue', raisedAt: iso(FIXED_NOW) });
    expect(s.alerts.latest.every((a) => /#\d+/.test(a.title))).toBe(true);
    expect(s.tasks).toEqual({ open: 1, overdue: 1 });
  });

  it('keeps a contact who tested positive after release from quarantine a current case (that release is no discharge)', async () => {
    const { personId } = await personWithLoop('冯阳性', 'confirmed', [114.13, 36.44], [
      ['transferred', '2022-06-01T12:00:00.000Z', '2022-06-01T11:00:00.000Z', 1], ['quarantined', '2022-06-01T12:00:00.000Z', '2022-06-01T12:00:00.000Z', 1],
      ['released', '2022-06-09T00:00:00.000Z', '2022-06-09T00:00:00.000Z', 1], ['tested', '2022-06-11T15:59:00.000Z', '2022-06-11T08:00:00.000Z', 1],
      ['transferScheduled', hoursAfter(2), null, 1], ['transferred', hoursAfter(4), null, 1], ['released', '2022-06-25T00:00:00.000Z', null, 1]]);
    const before = (await summary()).cases.active;
    expect((await playback()).cases.find((c) => c.id === personId)).toMatchObject({ knownOn: '2022-06-11', closedOn: null });
    await t.db.kysely.updateTable('loop_steps').set({ done_at: hoursAfter(-0.5) }).where('person_id', '=', personId).where('seq', 'in', [5, 6]).execute();
    await t.db.kysely.updateTable('loop_steps').set({ done_at: hoursAfter(-0.25) }).where('person_id', '=', personId).where('seq', '=', 7).execute();
    expect((await playback()).cases.find((c) => c.id === personId)!.closedOn).toBe('2022-06-12'); // discharged today
    expect((await summary()).cases.active).toBe(before - 1);
  });

  it('sends no personal field: no name, ID number, phone, address or note, and only the contract\'s keys', async () => {
    for (const who of ['wall', 'commander'] as const) {
      for (const path of ['/api/v1/wall/summary', '/api/v1/playback']) {
        const text = await (await as(who)(path)).text();
        expect(findPii(text)).toEqual([]);
        expect(PERSONAL.filter((word) => text.includes(word))).toEqual([]);
        expect(text).not.toMatch(/idNumber|phone|homeAddress|"note"/);
      }
    }
    const p = await playback();
    expect(Object.keys(p.cases[0]).sort()).toEqual(['category', 'closedOn', 'id', 'knownOn', 'point']);
    expect(Object.keys(p.quarantine[0]).sort()).toEqual(['central', 'from', 'point', 'to']);
    expect(Object.keys(await summary()).sort()).toEqual(['alerts', 'asOf', 'cases', 'coverage', 'epi', 'hotAreas', 'incident', 'loops', 'quarantine', 'tasks', 'zones']);
  });

  it('lets every district-wide role read, refuses field members (403) and the anonymous (401)', async () => {
    for (const who of ['admin', 'commander', 'planner', 'officer', 'wall'] as const) {
      for (const path of ['/api/v1/wall/summary', '/api/v1/playback']) expect((await t.as(who)(path)).status).toBe(200);
    }
    for (const who of ['fieldA', 'fieldB'] as const) {
      for (const path of ['/api/v1/wall/summary', '/api/v1/playback']) {
        const res = await t.as(who)(path);
        expect([res.status, (await res.json()).code]).toEqual([403, 'forbidden']);
      }
    }
    expect((await t.json('/api/v1/wall/summary')).status).toBe(401);
    expect((await t.json('/api/v1/playback')).status).toBe(401);
  });

  it('shows a zone once published, in the summary and the playback, and each version\'s from/to after a downgrade', async () => {
    const created = await as('planner')('/api/v1/zones', 'POST', { name: '南头村管控区', kind: 'controlled', source: 'drawn', geometry: box(114.12, 36.42, 114.15, 36.45) });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await summary()).zones.find((z) => z.kind === 'controlled')!.count).toBe(0); // proposed: not in force
    expect((await playback()).zones.some((z) => z.zoneId === id)).toBe(false);
    now = new Date(hoursAfter(1));
    expect((await as('commander')(`/api/v1/zones/${id}/publish`, 'POST', { baseVersion: 1, reason: '指挥部决定' })).status).toBe(200);
    expect((await summary()).zones.find((z) => z.kind === 'controlled')!.count).toBe(1);
    const published = (await playback()).zones.filter((z) => z.zoneId === id);
    expect(published).toEqual([{ id: expect.any(Number), zoneId: id, kind: 'controlled', colour: '#ef6c00', from: hoursAfter(1), to: null,
      geometry: box(114.12, 36.42, 114.15, 36.45) }]);
    now = new Date(hoursAfter(3));
    expect((await as('commander')(`/api/v1/zones/${id}/downgrade`, 'POST', { baseVersion: 2, toKind: 'precaution', reason: '测试' })).status).toBe(200);
    const s = await summary();
    expect(s.zones.map((z) => [z.kind, z.count])).toEqual([['sealed', 1], ['controlled', 0], ['precaution', 1]]);
    expect((await playback()).zones.filter((z) => z.zoneId === id).map((z) => [z.kind, z.from, z.to]))
      .toEqual([['controlled', hoursAfter(1), hoursAfter(3)], ['precaution', hoursAfter(3), null]]);
  });
  // Issue 8's KPI. The tiny district's 11 residents (4 address points) and its two testing sites all lie more
  // than 300 m (ACCESS_MAX_METERS) from a road: nobody is covered. A site on the lane of 南头村 (road 3) serves
  // the 5 residents at its end (~450 m and ~470 m walked, about 7 minutes); the others stay off the network.
  it('shows the share of residents within 15 minutes\' walk of an active testing site, and follows a new site', async () => {
    expect((await summary()).coverage).toEqual({ minutes: 15, residents: 11, covered: 0, share: 0 });
    const site = await as('planner')('/api/v1/testing-sites', 'POST', { name: '南头村路口采样点', kind: 'mobile', capacityPerHour: 60,
      geometry: { type: 'Point', coordinates: [114.125, 36.4202] } });
    expect(site.status).toBe(201);
    const started = Date.now();
    expect((await summary('commander')).coverage).toEqual({ minutes: 15, residents: 11, covered: 5, share: 5 / 11 });
    const first = Date.now() - started;
    const again = Date.now();
    await summary();
    console.log(`wall summary with coverage: ${first} ms after a new site, ${Date.now() - again} ms cached`);
  });

  it('has no coverage figure without roads', async () => {
    await t.db.kysely.updateTable('checkpoints').set({ road_id: null }).execute();
    await t.db.kysely.deleteFrom('roads').execute();
    forgetCoverageSource(t.db); // what POST /roads/import does after its commit
    expect((await summary()).coverage).toBeNull();
  });
});
