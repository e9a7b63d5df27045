import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';
import { addGridAndPlace } from '../support/grid-and-place.ts';

const due = '2022-06-12T20:00:00+08:00';
const point = { type: 'Point', coordinates: [114.25, 36.45] };

describe.each(DIALECTS)('tasks on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let placeId: number;
  let taskA: number; // team 1, at the place
  let taskB: number; // team 2, a drawn point
  beforeAll(async () => { t = await testApp(dialect); ({ placeId } = await addGridAndPlace(t.db)); });
  afterAll(async () => { await t.close(); });

  const planner = () => t.as('planner');
  const create = (body: Record<string, unknown>, who: Parameters<typeof t.as>[0] = 'planner') => t.as(who)('/api/v1/tasks', 'POST', body);

  it("creates a task at a place: the target is the centre of the place's bbox", async () => {
    const res = await create({ type: 'visit', title: '上门核查', teamId: 1, placeId, dueAt: due, note: '先电话联系' });
    expect(res.status).toBe(201);
    const task = await res.json();
    taskA = task.id;
    expect(res.headers.get('location')).toBe(`/api/v1/tasks/${task.id}`);
    expect(task).toEqual({ id: task.id, incidentId: 1, type: 'visit', title: '上门核查', teamId: 1, teamName: '南头村网格工作组', placeId,
      placeName: '南头村小区', status: 'open', dueAt: '2022-06-12T12:00:00.000Z', note: '先电话联系',
      geometry: { type: 'Point', coordinates: [114.13, 36.43] }, createdAt: FIXED_NOW.toISOString(), updatedAt: FIXED_NOW.toISOString() });
  });

  it('creates a task at a given point or polygon (admin too), stored with its bbox', async () => {
    const res = await create({ type: 'sampling', title: '楼栋采样', teamId: 2, geometry: point, dueAt: due }, 'admin');
    expect(res.status).toBe(201);
    const task = await res.json();
    taskB = task.id;
    expect(task).toMatchObject({ placeId: null, placeName: null, note: null, geometry: point, teamName: '大社社区网格工作组' });
    const poly = { type: 'Polygon', coordinates: [[[114.2, 36.4], [114.21, 36.4], [114.21, 36.41], [114.2, 36.4]]] };
    const p = await (await create({ type: 'patrol', title: '巡查', teamId: 2, geometry: poly, dueAt: due })).json();
    const row = await t.db.kysely.selectFrom('tasks').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect([row.min_lng, row.min_lat, row.max_lng, row.max_lat]).toEqual([114.2, 36.4, 114.21, 36.41]);
  });

  it.each([
    [{ type: 'visit', title: 'x', teamId: 1, dueAt: due }, 400, 'validation_failed'],
    [{ type: 'visit', title: 'x', teamId: 1, dueAt: due, placeId: 1, geometry: point }, 400, 'validation_failed'],
    [{ type: 'party', title: 'x', teamId: 1, dueAt: due, geometry: point }, 400, 'validation_failed'],
    [{ type: 'visit', title: 'x', teamId: 1, dueAt: 'tomorrow', geometry: point }, 400, 'validation_failed'],
    [{ type: 'visit', title: 'x', teamId: 1, dueAt: due, geometry: { type: 'LineString', coordinates: [[114, 36], [114.1, 36]] } }, 422, 'invalid_geometry'],
    [{ type: 'visit', title: 'x', teamId: 1, dueAt: due, geometry: { type: 'Point', coordinates: [36.4, 114.2] } }, 422, 'invalid_geometry'],
    [{ type: 'visit', title: 'x', teamId: 99, dueAt: due, geometry: point }, 422, 'unknown_reference'],
    [{ type: 'visit', title: 'x', teamId: 1, dueAt: due, placeId: 999 }, 422, 'unknown_reference'],
  ])('refuses %j with %i %s', async (body, status, code) => {
    const res = await create(body);
    expect(res.status).toBe(status);
    expect((await res.json()).code).toBe(code);
  });

  it('lets only planners and admins create', async () => {
    for (const who of ['commander', 'officer', 'wall', 'fieldA'] as const) {
      expect((await create({ type: 'visit', title: 'x', teamId: 1, dueAt: due, geometry: point }, who)).status).toBe(403);
    }
  });

  it('lists by id with status and team filters and a cursor', async () => {
    const all = await (await planner()('/api/v1/tasks')).json();
    expect(all.items.map((x: { id: number }) => x.id)).toEqual([taskA, taskB, taskB + 1]);
    expect(all.next).toBeNull();
    const team2 = await (await t.as('commander')('/api/v1/tasks?teamId=2')).json();
    expect(team2.items.map((x: { teamId: number }) => x.teamId)).toEqual([2, 2]);
    const page1 = await (await t.as('wall')('/api/v1/tasks?limit=2&status=open,inProgress')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = await (await t.as('wall')(`/api/v1/tasks?limit=2&status=open,inProgress&cursor=${page1.next}`)).json();
    expect(page2.items.map((x: { id: number }) => x.id)).toEqual([taskB + 1]);
    expect((await (await planner()('/api/v1/tasks?status=done')).json()).items).toEqual([]);
    expect((await planner()('/api/v1/tasks?status=open,finished')).status).toBe(400);
    expect((await planner()('/api/v1/tasks?sort=title')).status).toBe(400);
  });

  it("keeps a field member to the own team's tasks: another team's id is 404 like a missing one", async () => {
    const list = await (await t.as('fieldA')('/api/v1/tasks?teamId=2')).json();
    expect(list.items.map((x: { id: number }) => x.id)).toEqual([taskA]);
    expect((await t.as('fieldA')(`/api/v1/tasks/${taskA}`)).status).toBe(200);
    for (const id of [taskB, 9999]) {
      const res = await t.as('fieldA')(`/api/v1/tasks/${id}`);
      expect(res.status).toBe(404);
      expect((await res.json()).code).toBe('not_found');
    }
    expect((await t.as('fieldB')('/api/v1/tasks')).status).toBe(200);
    expect((await (await t.as('fieldB')('/api/v1/tasks')).json()).items.map((x: { teamId: number }) => x.teamId)).toEqual([2, 2]);
  });

  it('reads a task with its updates', async () => {
    const res = await t.as('officer')(`/api/v1/tasks/${taskA}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: taskA, placeName: '南头村小区', updates: [] });
  });

  it('patches title, team, due time and status (planner, admin), audited before and after', async () => {
    const res = await planner()(`/api/v1/tasks/${taskB}`, 'PATCH', { title: '楼栋采样（二轮）', teamId: 1, dueAt: '2022-06-13T02:00:00Z', status: 'inProgress' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: '楼栋采样（二轮）', teamId: 1, teamName: '南头村网格工作组', dueAt: '2022-06-13T02:00:00.000Z', status: 'inProgress' });
    expect((await t.as('fieldA')(`/api/v1/tasks/${taskB}`)).status).toBe(200); // moved to team 1
    const audit = await t.db.kysely.selectFrom('audit_entries').selectAll().where('entity', '=', 'tasks').where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!)).toMatchObject({ teamId: 2, status: 'open' });
    expect(JSON.parse(audit.after!)).toMatchObject({ teamId: 1, status: 'inProgress' });
    expect((await planner()(`/api/v1/tasks/${taskB}`, 'PATCH', { teamId: 99 })).status).toBe(422);
    expect((await planner()(`/api/v1/tasks/${taskB}`, 'PATCH', {})).status).toBe(400);
    expect((await planner()(`/api/v1/tasks/${taskB}`, 'PATCH', { status: 'lost' })).status).toBe(400);
    expect((await planner()('/api/v1/tasks/9999', 'PATCH', { title: 'x' })).status).toBe(404);
    expect((await t.as('fieldA')(`/api/v1/tasks/${taskB}`, 'PATCH', { title: 'x' })).status).toBe(403);
    expect((await t.as('commander')(`/api/v1/tasks/${taskB}`, 'PATCH', { title: 'x' })).status).toBe(403);
  });
});
