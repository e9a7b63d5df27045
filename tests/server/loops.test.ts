// The closed loop over the tiny district (profile 1, ed.8-like): the board (by step, overdue
// first, with teams, scoped to the step's team for field members), completing steps through the
// state machine with its exact refusals and effects (room on check-in, room freed on release, a
// positive NAT → confirmed + case path + red alert), the daily KPIs and the SLA. New contacts live
// in 南头村, so their field steps are team 1's; the tiny district has no tracing, transfer or
// sampling team, so those steps have none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/people/id-number.ts';
import { FIXED_NOW, testApp, type TestUser } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';

const idNo = (seq: string) => { const b = `1304061991020${seq.padStart(4, '0')}`; return b + idCheckChar(b); };
const WEST = { type: 'Point', coordinates: [114.13, 36.43] };
type Step = { id: number; step: string; seq: number; doneAt: string | null; cancelledAt: string | null; roomId: number | null; teamId: number | null; result: string | null };

describe.each(DIALECTS)('loops on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const addContact = async (seq: string): Promise<{ id: number; steps: Step[] }> => {
    const res = await t.as('officer')('/api/v1/people/1/contacts', 'POST', { name: '孙悟空', idNumber: idNo(seq), phone: `1370000${seq.padStart(4, '0')}`,
      sex: 'male', age: 8, geometry: WEST, contactType: 'household', lastExposureAt: '2022-06-11T10:00:00+08:00' });
    expect(res.status).toBe(201);
    return res.json();
  };
  const complete = async (id: number, body: Record<string, unknown> = {}, who: TestUser = 'officer') => {
    const res = await t.as(who)(`/api/v1/loops/steps/${id}/complete`, 'POST', body);
    return { status: res.status, body: await res.json() };
  };
  const open = (steps: Step[], name: string) => steps.find((s) => s.step === name && !s.doneAt && !s.cancelledAt)!;
  const board = async (query = '', who: TestUser = 'officer') => (await (await t.as(who)(`/api/v1/loops/board${query}`)).json());
  const room = async (id: number) => t.db.kysely.selectFrom('quarantine_rooms').select(['occupant_person_id']).where('id', '=', id).executeTakeFirstOrThrow();

  it('shows every open loop by step, overdue first, with the team; field members see their team\'s steps', async () => {
    const step = (personId: number, due: string, teamId: number) => [
      { person_id: personId, step: 'identified' as const, seq: 1, due_at: '2022-06-05T00:00:00.000Z', done_at: '2022-06-05T00:00:00.000Z', team_id: null, room_id: null, note: null },
      { person_id: personId, step: 'notified' as const, seq: 2, due_at: due, done_at: null, team_id: teamId, room_id: null, note: null }];
    await t.db.kysely.insertInto('loop_steps').values([...step(1, '2022-06-11T00:00:00.000Z', 1), ...step(2, '2022-06-13T00:00:00.000Z', 2),
      ...step(3, '2022-06-12T01:00:00.000Z', 2)]).execute();
    const all = await board();
    expect(all.items.map((i: { id: number }) => i.id)).toEqual([1, 3, 2, 4]);
    expect(all.columns).toEqual([{ step: 'notified', count: 3, overdue: 2 }, { step: 'tested', count: 1, overdue: 1 }]);
    expect(all.items[0]).toMatchObject({ id: 1, category: 'confirmed', name: '王**', step: 'notified', dueAt: '2022-06-11T00:00:00.000Z', overdue: true,
      overdueHours: 28, escalationLevel: 3, teamId: 1, teamName: '南头村网格工作组', townshipName: '大社镇' });
    expect(all.items[1]).toMatchObject({ id: 3, overdueHours: 3, escalationLevel: 1 });
    expect(all.items[2]).toMatchObject({ id: 2, overdue: false, overdueHours: 0, escalationLevel: 0 });
    expect(all.generatedAt).toBe(FIXED_NOW.toISOString());
    expect((await board('?overdueOnly=true')).items.map((i: { id: number }) => i.id)).toEqual([1, 3, 4]);
    expect((await board('?team=2')).items.map((i: { id: number }) => i.id)).toEqual([3, 2]);
    expect((await board('?step=tested')).items.map((i: { id: number }) => i.id)).toEqual([4]);
    expect((await board('?team=2', 'fieldA')).items.map((i: { id: number }) => i.id)).toEqual([1, 4]);
    expect((await board('', 'fieldB')).items.map((i: { id: number }) => i.id)).toEqual([3, 2]);
    const wall = await board('', 'wall');
    for (const item of wall.items) for (const k of ['name', 'phone', 'idNumber']) expect(item).not.toHaveProperty(k);
    expect((await t.as('officer')('/api/v1/loops/board?overdueOnly=yes')).status).toBe(400);
  });

  it('completes a close contact\'s loop step by step, refusing every illegal move with its code', async () => {
    const c = await addContact('1');
    let r = await complete(open(c.steps, 'transferScheduled').id);
    expect([r.status, r.body.code]).toEqual([409, 'loop_step_not_next']);
    const notified = open(c.steps, 'notified').id;
    r = await complete(notified, { note: '电话告知' });
    expect(r.status).toBe(200);
    expect(r.body.step).toMatchObject({ id: notified, doneAt: FIXED_NOW.toISOString(), actor: 'officer', note: '告知管控要求；电话告知' });
    expect(r.body.effects).toEqual({ positive: false, freeRoom: false, closed: false, cancelled: 0, added: 0 });
    // review M2: the wall sees the step, but not the note an officer typed nor who did it
    const onWall = await (await t.as('wall')(`/api/v1/people/${c.id}`)).json();
    expect(onWall.steps.find((s: Step) => s.id === notified)).toMatchObject({ doneAt: FIXED_NOW.toISOString(), note: null, actor: null });
    expect(JSON.stringify(onWall)).not.toMatch(/电话告知|"officer"/);
    r = await complete(notified);
    expect([r.status, r.body.code]).toEqual([409, 'loop_step_done']);
    // transfer steps have no team here: not field A's (404, as if missing)
    expect((await complete(open(c.steps, 'transferScheduled').id, {}, 'fieldA')).status).toBe(404);
    expect((await complete(open(c.steps, 'transferScheduled').id, { at: '2022-06-13T04:00:00Z' })).body.code).toBe('validation_failed');
    // review M7: not before the identification or the last completed step
    for (const at of ['2020-01-01T00:00:00Z', new Date(FIXED_NOW.getTime() - 60_000).toISOString()]) {
      r = await complete(open(c.steps, 'transferScheduled').id, { at });
      expect([r.status, r.body.code, r.body.detail]).toEqual([400, 'validation_failed', expect.stringMatching(/^at: lies before/)]);
    }
    for (const name of ['transferScheduled', 'transferred']) expect((await complete(open(c.steps, name).id)).status).toBe(200);
    const checkIn = open(c.steps, 'quarantined');
    expect(checkIn.teamId).toBe(1);
    expect((await complete(checkIn.id, { roomId: 2 }, 'fieldB')).status).toBe(404);
    r = await complete(checkIn.id, {}, 'fieldA');
    expect([r.status, r.body.code]).toEqual([422, 'room_required']);
    r = await complete(checkIn.id, { roomId: 1 }, 'fieldA'); // person 4's
    expect([r.status, r.body.code]).toEqual([409, 'room_taken']);
    // review H2: a carer from another area (2), another group or housed already (4) gets one answer naming nobody
    for (const carerId of [2, 4, 99]) {
      r = await complete(checkIn.id, { roomId: 2, carerId }, 'fieldA');
      expect([r.status, r.body.code]).toEqual([400, 'validation_failed']);
      expect(r.body.detail).not.toMatch(/\d/);
    }
    r = await complete(checkIn.id, { roomId: 2 }, 'fieldA');
    expect(r.status).toBe(200);
    expect(r.body.step).toMatchObject({ roomId: 2, actor: 'fielda' }) // usernames are stored lower-case;
    expect((await room(2)).occupant_person_id).toBe(c.id);
    const detail = await (await t.as('officer')(`/api/v1/people/${c.id}`)).json();
    expect(detail.room).toMatchObject({ roomId: 2, block: 'A', roomNo: '102' });
    const nat = open(c.steps, 'tested').id;
    r = await complete(nat);
    expect([r.status, r.body.code]).toEqual([422, 'result_required']);
    r = await complete(nat, { result: 'negative' });
    expect(r.body.step.result).toBe('negative');
    for (const s of c.steps.filter((x) => x.step === 'tested' && x.id !== nat)) expect((await complete(s.id, { result: 'negative' })).status).toBe(200);
    r = await complete(open(c.steps, 'released').id, {}, 'fieldA');
    expect(r.body.effects).toMatchObject({ freeRoom: true, closed: false });
    expect(r.body.person).toEqual({ id: c.id, category: 'closeContact', status: 'released' });
    expect((await room(2)).occupant_person_id).toBeNull();
    expect((await complete(open(c.steps, 'homeMonitoring').id, {}, 'fieldA')).status).toBe(200);
    r = await complete(open(c.steps, 'closed').id, {}, 'fieldA');
    expect(r.body.effects.closed).toBe(true);
    expect(r.body.person.status).toBe('closed');
    expect((await board()).items.map((i: { id: number }) => i.id)).not.toContain(c.id);
    const audits = await t.db.kysely.selectFrom('audit_entries').select(['after']).where('action', '=', 'loop.complete').execute();
    expect(audits.length).toBeGreaterThanOrEqual(c.steps.length - 1);
    expect(audits.map((a) => a.after).join()).not.toMatch(/孙悟空|1370000/);
    expect((await complete(987654)).status).toBe(404);
    for (const who of ['commander', 'planner', 'admin', 'wall'] as const) expect((await complete(notified, {}, who)).status).toBe(403);
  });

  it('turns a contact who tests positive into a confirmed case: plan cancelled, case path added, red alert, room freed on transfer', async () => {
    const c = await addContact('2');
    for (const name of ['notified', 'transferScheduled', 'transferred']) expect((await complete(open(c.steps, name).id)).status).toBe(200);
    expect((await complete(open(c.steps, 'quarantined').id, { roomId: 3 })).status).toBe(200);
    const r = await complete(open(c.steps, 'tested').id, { result: 'positive' });
    expect(r.status).toBe(200);
    expect(r.body.person).toEqual({ id: c.id, category: 'confirmed', status: 'active' });
    expect(r.body.effects).toEqual({ positive: true, freeRoom: false, closed: false, cancelled: 6, added: 5 });
    const live = (r.body.steps as Step[]).filter((s) => !s.doneAt && !s.cancelledAt).map((s) => s.step);
    expect(live).toEqual(['transferScheduled', 'transferred', 'released', 'homeMonitoring', 'closed']);
    expect((r.body.steps as Step[]).filter((s) => s.cancelledAt).every((s) => s.cancelledAt === FIXED_NOW.toISOString())).toBe(true);
    const alert = await t.db.kysely.selectFrom('alerts').selectAll().where('rule', '=', 'loop_positive').executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ level: 'red', status: 'open', incident_id: 1 });
    expect(alert.title + alert.detail).not.toMatch(/孙/);
    expect((await room(3)).occupant_person_id).toBe(c.id); // still in the room until the transfer to hospital
    const steps = r.body.steps as Step[];
    expect((await complete(open(steps, 'transferScheduled').id)).status).toBe(200);
    const moved = await complete(open(steps, 'transferred').id);
    expect(moved.body.effects.freeRoom).toBe(true);
    expect((await room(3)).occupant_person_id).toBeNull();
  });

  it('counts the KPIs per day with N = the transfer deadline', async () => {
    const res = await t.as('commander')('/api/v1/loops/kpis?from=2022-06-12&to=2022-06-12');
    const k = await res.json();
    expect(k).toMatchObject({ from: '2022-06-12', to: '2022-06-12', withinHours: 12 });
    // the contact who turned positive counts as the case she now is: one contact transferred, at once
    expect(k.items).toEqual([{ date: '2022-06-12', identified: 2, notifiedWithin2h: 2, transferredWithinN: 1, transferredPct: 100,
      medianHoursToTransfer: 0, overdueOpen: expect.any(Number) }]);
    const def = await (await t.as('wall')('/api/v1/loops/kpis')).json();
    expect(def.items.map((d: { date: string }) => d.date)).toHaveLength(14);
    expect(def.to).toBe('2022-06-12');
    expect((await t.as('officer')('/api/v1/loops/kpis?from=2022-06-12&to=2022-06-01')).status).toBe(400);
    expect((await t.as('officer')('/api/v1/loops/kpis?from=2020-01-01&to=2022-06-01')).status).toBe(400);
  });

  it('configures the SLA: validated, audited, the profile still wins where it sets a deadline, new loops use it', async () => {
    const before = await (await t.as('fieldA')('/api/v1/loops/sla')).json();
    expect(before).toEqual({ effective: { notified: 2, transferScheduled: 6, transferred: 12, quarantined: 12, hospitalDays: 14, caseHomeMonitoringDays: 14, travellerHomeDays: 7 },
      defaults: before.effective, configured: {}, profile: { notified: 2, transferScheduled: 6, transferred: 12 }, profileKey: 'cn-2021-community' });
    const sla = { notified: 1, transferScheduled: 3, transferred: 24, quarantined: 30, hospitalDays: 10, caseHomeMonitoringDays: 7, travellerHomeDays: 5 };
    for (const [who, body, status] of [['officer', { ...sla, reason: '调整' }, 403], ['commander', { ...sla, notified: -1, reason: '调整' }, 400],
      ['commander', sla, 400], ['commander', { ...sla, reason: '调整', extra: 1 }, 400]] as const) {
      expect((await t.as(who)('/api/v1/loops/sla', 'PUT', body)).status).toBe(status);
    }
    const res = await t.as('commander')('/api/v1/loops/sla', 'PUT', { ...sla, reason: '本地转运能力不足，放宽入住时限' });
    expect(res.status).toBe(200);
    const after = await res.json();
    expect(after.configured).toEqual(sla);
    expect(after.effective).toEqual({ ...sla, notified: 2, transferScheduled: 6, transferred: 12 });
    const entry = await t.db.kysely.selectFrom('audit_entries').selectAll().where('entity', '=', 'meta').where('entity_id', '=', 'loop.sla_hours').executeTakeFirstOrThrow();
    expect([entry.actor, entry.action, JSON.parse(entry.after!).reason]).toEqual(['commander', 'update', '本地转运能力不足，放宽入住时限']);
    const c = await addContact('3');
    expect(open(c.steps, 'quarantined').seq).toBe(5);
    expect((c.steps as (Step & { dueAt: string })[]).find((s) => s.step === 'quarantined')!.dueAt).toBe('2022-06-13T10:00:00.000Z');
  });

  it('takes two concurrent SLA changes without an error: an upsert, the last one wins (review M10)', async () => {
    const sla = { notified: 1, transferScheduled: 3, transferred: 24, quarantined: 30, hospitalDays: 10, caseHomeMonitoringDays: 7, travellerHomeDays: 5 };
    const put = (quarantined: number) => t.as('commander')('/api/v1/loops/sla', 'PUT', { ...sla, quarantined, reason: '并发测试' });
    const answers = await Promise.all([put(20), put(21), put(22)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const stored = await t.db.kysely.selectFrom('meta').select('value').where('key', '=', 'loop.sla_hours').execute();
    expect(stored).toHaveLength(1);
    expect([20, 21, 22]).toContain(JSON.parse(stored[0].value).quarantined);
  });

  it('keeps the board, the registry and the KPIs to the open incident (review M9)', async () => {
    const beforeBoard = (await board()).items.length;
    expect(beforeBoard).toBeGreaterThan(0);
    await t.db.kysely.updateTable('incidents').set({ status: 'closed' }).execute();
    try {
      expect((await board()).items).toEqual([]);
      expect((await (await t.as('officer')('/api/v1/people')).json()).items).toEqual([]);
      expect((await (await t.as('officer')('/api/v1/chains')).json()).nodes).toEqual([]);
      const kpi = await (await t.as('officer')('/api/v1/loops/kpis?from=2022-06-01&to=2022-06-12')).json();
      expect(kpi.items.every((d: { identified: number; overdueOpen: number }) => d.identified === 0 && d.overdueOpen === 0)).toBe(true);
    } finally {
      await t.db.kysely.updateTable('incidents').set({ status: 'open' }).execute();
    }
    expect((await board()).items.length).toBe(beforeBoard);
  });
});
