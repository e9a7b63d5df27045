import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/db/audit.ts';
import { DIALECTS } from '../support/dialects.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';

const point = { type: 'Point', coordinates: [114.13, 36.43] };

describe.each(DIALECTS)('task updates on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let task1: number; // team 1
  let task2: number; // team 2
  beforeAll(async () => {
    t = await testApp(dialect);
    const make = async (teamId: number) => (await (await t.as('planner')('/api/v1/tasks', 'POST',
      { type: 'visit', title: `任务${teamId}`, teamId, geometry: point, dueAt: '2022-06-12T12:00:00Z' })).json()).id as number;
    task1 = await make(1);
    task2 = await make(2);
  });
  afterAll(async () => { await t.close(); });

  const report = (taskId: number, body: Record<string, unknown>, who: Parameters<typeof t.as>[0] = 'fieldA') =>
    t.as(who)(`/api/v1/tasks/${taskId}/updates`, 'POST', body);
  const rowsFor = (clientId: string) => t.db.kysely.selectFrom('task_updates').selectAll().where('client_id', '=', clientId).execute();

  it("stores a report, sets the task's status and updated time, and shows it on the task", async () => {
    const clientId = randomUUID();
    const res = await report(task1, { clientId, status: 'inProgress', note: '已到达', at: '2022-06-12T11:30:00+08:00' });
    expect(res.status).toBe(201);
    const update = await res.json();
    expect(update).toEqual({ id: update.id, taskId: task1, clientId, status: 'inProgress', note: '已到达', userId: expect.any(Number),
      displayName: 'fieldA', at: '2022-06-12T03:30:00.000Z', receivedAt: FIXED_NOW.toISOString() });
    const task = await (await t.as('fieldA')(`/api/v1/tasks/${task1}`)).json();
    expect(task).toMatchObject({ status: 'inProgress', updatedAt: FIXED_NOW.toISOString(), updates: [update] });
  });

  it('answers a repeated clientId with 200 and the same stored report, writing nothing', async () => {
    const clientId = randomUUID();
    const first = await (await report(task1, { clientId, status: 'done' })).json();
    const audits = await t.db.kysely.selectFrom('audit_entries').select('id').execute();
    const again = await report(task1, { clientId, status: 'done' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    // Even a resend with different content is the same report: the first one stands.
    const changed = await report(task1, { clientId, status: 'open', note: '改了' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual(first);
    expect(await rowsFor(clientId)).toHaveLength(1);
    expect(await t.db.kysely.selectFrom('audit_entries').select('id').execute()).toHaveLength(audits.length);
  });

  it('stores one row when the same report arrives several times at once', async () => {
    const clientId = randomUUID();
    const send = t.as('fieldA');
    await send('/api/v1/session'); // sign in before the race, so the copies race on the report only
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(`/api/v1/tasks/${task1}/updates`, 'POST', { clientId, status: 'inProgress' })));
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(await rowsFor(clientId)).toHaveLength(1);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('refuses a clientId already used for another task with 409', async () => {
    const clientId = randomUUID();
    expect((await report(task2, { clientId, status: 'inProgress' }, 'planner')).status).toBe(201);
    const res = await report(task1, { clientId, status: 'inProgress' }, 'admin');
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('conflict');
    expect(await rowsFor(clientId)).toHaveLength(1);
  });

  it("keeps a field member to the own team's tasks: another team's task is 404", async () => {
    const clientId = randomUUID();
    const res = await report(task2, { clientId, status: 'done' });
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('not_found');
    expect((await report(9999, { clientId, status: 'done' })).status).toBe(404);
    expect(await rowsFor(clientId)).toHaveLength(0);
    expect((await report(task2, { clientId, status: 'done' }, 'fieldB')).status).toBe(201);
    expect((await report(task1, { clientId: randomUUID(), status: 'done' }, 'commander')).status).toBe(403);
  });

  it('a late resend of an older report is stored but does not undo a newer status', async () => {
    await report(task1, { clientId: randomUUID(), status: 'done', at: FIXED_NOW.toISOString() });
    const late = await report(task1, { clientId: randomUUID(), status: 'inProgress', at: '2022-06-12T03:10:00Z' });
    expect(late.status).toBe(201);
    expect((await (await t.as('fieldA')(`/api/v1/tasks/${task1}`)).json()).status).toBe('done');
  });

  it('dates a report from a phone clock running ahead at its arrival', async () => {
    const res = await report(task1, { clientId: randomUUID(), status: 'inProgress', at: '2022-06-13T04:00:00Z' });
    expect((await res.json()).at).toBe(FIXED_NOW.toISOString());
    expect((await (await t.as('fieldA')(`/api/v1/tasks/${task1}`)).json()).status).toBe('inProgress');
  });

  it('validates the body and refuses reports on a cancelled task', async () => {
    for (const body of [{ clientId: 'not-a-uuid', status: 'done' }, { clientId: randomUUID(), status: 'cancelled' },
      { clientId: randomUUID(), status: 'done', note: 'x'.repeat(501) }, { clientId: randomUUID(), status: 'done', at: 'yesterday' }]) {
      expect((await report(task1, body)).status).toBe(400);
    }
    await t.as('planner')(`/api/v1/tasks/${task1}`, 'PATCH', { status: 'cancelled' });
    const res = await report(task1, { clientId: randomUUID(), status: 'inProgress' });
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('task_cancelled');
  });

  it('audits reports without the free-text note', async () => {
    const rows = await t.db.kysely.selectFrom('audit_entries').selectAll().where('action', '=', 'report').execute();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(rows)).not.toContain('已到达');
    expect(JSON.parse(rows[0].after!)).toMatchObject({ status: 'inProgress', reported: 'inProgress', noteLength: 3 });
  });
});
