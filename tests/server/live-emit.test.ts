// The change events writes record (server/live/emit.ts), part 1: records, zones, tasks, teams,
// users, the incident's profile. Each write goes through the API as elsewhere, then the new rows
// of `events` are read: the resource, the ids, and the teams whose `own` scope holds a changed row
// — team 1 works 南头村 (west, lng 114.1–114.2), team 2 大社社区 (east, 114.2–114.3). A refused
// write leaves no event. Part 2 (people, loops, rooms, imports, escalation): live-emit-people.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/people/id-number.ts';
import { emitChange } from '../../server/live/emit.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { byResource, eventLog, fieldReaders } from '../support/emitted-events.ts';
import { box } from '../support/grid-and-place.ts';

const AT = FIXED_NOW.toISOString();
const pt = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
const WEST = pt(114.15, 36.45), EAST = pt(114.25, 36.45);
const idNo = (seq: string) => { const b = `1304061990051${seq.padStart(4, '0')}`; return b + idCheckChar(b); };
/** Not 'loops': a field member's loops are their team's steps, whatever its areas. */
const AREA_SCOPED = ['addressPoints', 'cases', 'contacts', 'checkpoints', 'quarantineSites', 'testingSites', 'resources', 'zones'];

describe.each(DIALECTS)('live change events of writes on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let log: ReturnType<typeof eventLog>;
  beforeAll(async () => { t = await testApp(dialect); log = eventLog(t.db); });
  afterAll(async () => { await t.close(); });
  const readers = fieldReaders((u) => t.as(u));

  it('records: a point row tells the teams whose area holds it before or after, at the server clock', async () => {
    const patch = (body: unknown) => t.as('planner')('/api/v1/checkpoints/2', 'PATCH', body);
    expect((await patch({ geometry: WEST })).status).toBe(200); // from outside both areas into team 1's
    expect(await log.fresh()).toEqual([{ resource: 'checkpoints', ids: [2], teams: [1], at: AT }]);
    expect((await patch({ geometry: EAST })).status).toBe(200); // across the boundary: both teams
    expect(await log.fresh()).toEqual([{ resource: 'checkpoints', ids: [2], teams: [1, 2], at: AT }]);
    expect((await patch({ status: 'closed' })).status).toBe(200);
    expect((await log.only('checkpoints')).teams).toEqual([2]);
    expect((await patch({ geometry: pt(500, 0) })).status).toBe(422);
    expect((await t.as('fieldA')('/api/v1/checkpoints/2', 'PATCH', { status: 'active' })).status).toBe(403);
    expect(await log.fresh()).toEqual([]);
  });

  it('records: a case tells cases with its home\'s team, loops with its steps\' teams; a quarantine site also the rooms view', async () => {
    const res = await t.as('officer')('/api/v1/cases', 'POST', { category: 'confirmed', name: '张三丰', idNumber: idNo('1'), phone: '13912345678',
      sex: 'male', age: 51, geometry: pt(114.25, 36.46) });
    const { id } = await res.json();
    // a new case's steps answer to no team yet: its loop is on no field member's board
    expect(byResource(await log.fresh())).toEqual({ cases: { resource: 'cases', ids: [id], teams: [2], at: AT }, loops: { resource: 'loops', ids: [id], teams: [], at: AT } });
    expect(await readers.file(id)).toEqual([2]);
    expect(await readers.board(id)).toEqual([]);
    await t.as('officer')(`/api/v1/cases/${id}`, 'PATCH', { geometry: pt(114.15, 36.46) }); // moved west: team 2 drops it, team 1 gains it
    expect((await log.fresh()).map((e) => [e.resource, e.teams])).toEqual([['cases', [1, 2]], ['loops', []]]);
    expect(await readers.file(id)).toEqual([1]);
    const site = await (await t.as('planner')('/api/v1/quarantine-sites', 'POST', { name: '新坡酒店', address: '新坡镇1号', geometry: pt(114.13, 36.43) })).json();
    expect(await log.fresh()).toEqual([{ resource: 'quarantineSites', ids: [site.id], teams: [1], at: AT }, { resource: 'rooms', ids: null, teams: [], at: AT }]);
  });

  it('zones: the zone with its versions\' teams, old and new; a refused step leaves nothing', async () => {
    const created = await (await t.as('planner')('/api/v1/zones', 'POST', { name: '南头村封控区', kind: 'sealed', source: 'drawn', geometry: box(114.11, 36.41, 114.15, 36.45) })).json();
    expect(await log.fresh()).toEqual([{ resource: 'zones', ids: [created.id], teams: [1], at: AT }]);
    const step = (path: string, body: unknown) => t.as('commander')(`/api/v1/zones/${created.id}${path}`, 'POST', body);
    expect((await step('/publish', { baseVersion: 1, reason: '发布' })).status).toBe(200);
    expect(await log.fresh()).toEqual([{ resource: 'zones', ids: [created.id], teams: [1], at: AT }]);
    expect((await step('/publish', { baseVersion: 1, reason: '再发布' })).status).toBe(409);
    expect((await step('/downgrade', { baseVersion: 2, toKind: 'sealed', reason: 'r' })).status).toBe(422);
    expect(await log.fresh()).toEqual([]);
    // moved east: team 1's map must drop it, team 2's show it
    const moved = await t.as('planner')(`/api/v1/zones/${created.id}`, 'PUT', { baseVersion: 2, geometry: box(114.22, 36.42, 114.26, 36.46), reason: '范围调整' });
    expect(moved.status).toBe(200);
    expect((await log.only('zones')).teams).toEqual([1, 2]);
    expect((await step('/downgrade', { baseVersion: 3, toKind: 'controlled', reason: '降级' })).status).toBe(200);
    expect((await log.only('zones')).teams).toEqual([2]);
    expect((await t.as('planner')('/api/v1/zones/1/test-rounds', 'POST', { date: '2022-06-11', tested: 800, positives: 0 })).status).toBe(201);
    expect(await log.fresh()).toEqual([{ resource: 'zones', ids: [1], teams: [1, 2], at: AT }]); // zone 1 spans both villages
    expect((await t.as('planner')('/api/v1/zones/1/test-rounds', 'POST', { date: '2022-06-13', tested: 800, positives: 0 })).status).toBe(422);
    expect((await step('/lift', { baseVersion: 4, reason: '解除' })).status).toBe(200);
    expect((await log.only('zones')).ids).toEqual([created.id]);
  });

  it('tasks: the task\'s team, both teams on a reassignment; a report on a cancelled task leaves nothing', async () => {
    const task = await (await t.as('planner')('/api/v1/tasks', 'POST', { type: 'visit', title: '入户排查', teamId: 1, geometry: WEST,
      dueAt: '2022-06-13T00:00:00Z' })).json();
    expect(await log.fresh()).toEqual([{ resource: 'tasks', ids: [task.id], teams: [1], at: AT }]);
    expect((await t.as('planner')(`/api/v1/tasks/${task.id}`, 'PATCH', { teamId: 2 })).status).toBe(200);
    expect(await log.fresh()).toEqual([{ resource: 'tasks', ids: [task.id], teams: [1, 2], at: AT }]);
    const report = (clientId: string) => t.as('fieldB')(`/api/v1/tasks/${task.id}/updates`, 'POST', { clientId, status: 'inProgress' });
    expect((await report('6f1d7c2e-8a43-4f5b-9c1e-2b7d9e0a1c01')).status).toBe(201);
    expect(await log.fresh()).toEqual([{ resource: 'tasks', ids: [task.id], teams: [2], at: AT }]);
    expect((await report('6f1d7c2e-8a43-4f5b-9c1e-2b7d9e0a1c01')).status).toBe(200); // a resend stores nothing
    expect((await t.as('fieldA')(`/api/v1/tasks/${task.id}`, 'PATCH', { status: 'done' })).status).toBe(403);
    await t.as('planner')(`/api/v1/tasks/${task.id}`, 'PATCH', { status: 'cancelled' });
    await log.skip();
    expect((await report('6f1d7c2e-8a43-4f5b-9c1e-2b7d9e0a1c02')).status).toBe(409);
    expect(await log.fresh()).toEqual([]);
  });

  it('teams: a new team; new areas tell its members to refetch every area-scoped resource', async () => {
    const team = await (await t.as('admin')('/api/v1/teams', 'POST', { name: '转运组', kind: 'transfer' })).json();
    expect(await log.fresh()).toEqual([{ resource: 'teams', ids: [team.id], teams: [team.id], at: AT }]);
    expect((await t.as('admin')(`/api/v1/teams/${team.id}/areas`, 'PUT', { areas: [{ adminUnitId: 4 }] })).status).toBe(200);
    const events = await log.fresh();
    expect(events.map((e) => e.resource)).toEqual(['teams', ...AREA_SCOPED]);
    expect(events.every((e) => e.teams.length === 1 && e.teams[0] === team.id)).toBe(true);
    expect((await t.as('admin')(`/api/v1/teams/${team.id}/areas`, 'PUT', { areas: [{ adminUnitId: 999 }] })).status).toBe(422);
    expect(await log.fresh()).toEqual([]);
  });

  it('users: the account, and the teams whose member count moves; a refused change leaves nothing', async () => {
    const { user } = await (await t.as('admin')('/api/v1/users', 'POST', { username: 'grid.worker-3', displayName: '网格员丙', role: 'fieldMember', teamId: 2 })).json();
    expect(await log.fresh()).toEqual([{ resource: 'users', ids: [user.id], teams: [], at: AT }, { resource: 'teams', ids: [2], teams: [2], at: AT }]);
    expect((await t.as('admin')(`/api/v1/users/${user.id}`, 'PATCH', { teamId: 1 })).status).toBe(200);
    expect(byResource(await log.fresh()).teams).toMatchObject({ ids: [2, 1], teams: [1, 2] });
    expect((await t.as('admin')(`/api/v1/users/${user.id}`, 'PATCH', { displayName: '网格员丁' })).status).toBe(200);
    expect((await log.fresh()).map((e) => e.resource)).toEqual(['users']);
    expect((await t.as('admin')(`/api/v1/users/${user.id}/password`, 'POST', {})).status).toBe(200);
    expect((await log.fresh()).map((e) => e.resource)).toEqual(['users']);
    expect((await t.as('admin')(`/api/v1/users/${user.id}`, 'PATCH', { teamId: 999 })).status).toBe(422);
    expect(await log.fresh()).toEqual([]);
  });

  it('the incident\'s profile and a new profile version', async () => {
    const ed9 = (await (await t.as('commander')('/api/v1/profiles')).json()).items.find((p: { key: string }) => p.key === 'cn-2022-ed9');
    expect((await t.as('commander')('/api/v1/incidents/1/profile', 'PUT', { profileId: ed9.id, reason: '执行第九版防控方案' })).status).toBe(200);
    expect(await log.fresh()).toEqual([{ resource: 'incidents', ids: [1], teams: [], at: AT }]);
    const p1 = await (await t.as('commander')('/api/v1/profiles/1')).json();
    const res = await t.as('commander')('/api/v1/profiles', 'POST', { key: 'local-typhoon', name: '台风', effectiveFrom: '2022-07-01', effectiveTo: null,
      source: '本地细则（测试）', params: p1.params });
    expect(res.status).toBe(201);
    expect(await log.fresh()).toEqual([{ resource: 'profiles', ids: [(await res.json()).id], teams: [], at: AT }]);
  });

  it('an event emitted in a transaction that then fails is rolled back with it', async () => {
    await expect(t.db.transaction(async (tx) => {
      await emitChange(tx, AT, { resource: 'zones', ids: [1] });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await log.fresh()).toEqual([]);
  });
});
