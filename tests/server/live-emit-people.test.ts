// The change events writes record, part 2 (part 1: live-emit.test.ts): people and their loops,
// rooms, the SLA, imports and the overdue escalation. Loops, cases and contacts name person ids,
// each with the teams whose own reads show the person: loops their steps' teams (the board, the
// KPIs), cases and contacts their homes' area teams (registry, file, chains, layers); a room's
// site goes to the teams that read that site — checked against the field members' own reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/people/id-number.ts';
import { escalateOverdue } from '../../server/db/loop-escalation.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { eventLog, fieldReaders, type Emitted } from '../support/emitted-events.ts';
import { HEADER, importFlow, row } from '../support/import-flow.ts';
import { addRoomsFixture } from '../support/rooms-fixture.ts';

const AT = FIXED_NOW.toISOString();
const idNo = (seq: string) => { const b = `1304061991020${seq.padStart(4, '0')}`; return b + idCheckChar(b); };
type Step = { id: number; step: string; doneAt: string | null; cancelledAt: string | null };
const open = (steps: Step[], name: string) => steps.find((s) => s.step === name && !s.doneAt && !s.cancelledAt)!;
const summary = (events: { resource: string; ids: number[] | null; teams: number[] }[]) => events.map((e) => [e.resource, e.ids, e.teams]);

describe.each(DIALECTS)('live change events of people, loops, rooms and imports on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let log: ReturnType<typeof eventLog>;
  beforeAll(async () => { t = await testApp(dialect); log = eventLog(t.db); });
  afterAll(async () => { await t.close(); });

  const readers = fieldReaders((u) => t.as(u));
  /** The teams a person's steps answer to: a field member's KPIs count the loops their team has
   * a step in (db/loops.ts kpiLoops), their board shows those whose current step is theirs. */
  const stepTeams = async (id: number) => (await t.db.kysely.selectFrom('loop_steps').select('team_id').distinct()
    .where('person_id', '=', id).where('team_id', 'is not', null).orderBy('team_id').execute()).map((r) => r.team_id);
  /** Each person event reaches the teams that read the person there, and no other: cases and
   * contacts exactly the teams that read the file; loops every team whose board lists the person,
   * and only teams with one of the person's steps (their KPIs count it). */
  const readable = async (events: readonly Emitted[]) => {
    for (const e of events.filter((x) => ['cases', 'contacts', 'loops'].includes(x.resource))) {
      for (const id of e.ids ?? []) {
        if (e.resource !== 'loops') expect([e.resource, id, await readers.file(id)]).toEqual([e.resource, id, e.teams]);
        else {
          expect(e.teams).toEqual(expect.arrayContaining(await readers.board(id)));
          expect(await stepTeams(id)).toEqual(expect.arrayContaining(e.teams));
        }
      }
    }
  };
  const complete = async (id: number, body: Record<string, unknown> = {}) => (await t.as('officer')(`/api/v1/loops/steps/${id}/complete`, 'POST', body));

  it('escalation: the dashboard\'s alerts and the loops whose level rose; a run that changes nothing emits nothing', async () => {
    expect(await escalateOverdue(t.db, AT)).toMatchObject({ raised: 1 }); // contact 4's step, team 1's, overdue since 06-05
    const events = await log.fresh();
    expect(summary(events)).toEqual([['dashboard', null, []], ['loops', [4], [1]]]);
    await readable(events);
    expect(await escalateOverdue(t.db, AT)).toEqual({ raised: 0, upgraded: 0, resolved: 0 });
    expect(await log.fresh()).toEqual([]);
  });

  let contact: { id: number; steps: Step[] };
  it('a new contact: cases, contacts and loops for them, cases for the index person; a duplicate leaves nothing', async () => {
    const body = { name: '孙悟空', idNumber: idNo('1'), phone: '13700000001', sex: 'male', age: 8, geometry: { type: 'Point', coordinates: [114.13, 36.43] },
      contactType: 'household', lastExposureAt: '2022-06-11T10:00:00+08:00' };
    const res = await t.as('officer')('/api/v1/people/1/contacts', 'POST', body);
    expect(res.status).toBe(201);
    contact = await res.json();
    const c = contact.id;
    const events = await log.fresh();
    expect(summary(events)).toEqual([['cases', [c], [1]], ['contacts', [c], [1]], ['loops', [c], [1]], ['cases', [1], [1]]]);
    await readable(events);
    expect((await t.as('officer')('/api/v1/people/1/contacts', 'POST', body)).status).toBe(409);
    expect(await log.fresh()).toEqual([]);
  });

  it('loop steps: loops always; rooms and the site on check-in; cases, contacts and the dashboard on a positive NAT', async () => {
    const c = contact.id;
    expect((await complete(open(contact.steps, 'transferScheduled').id)).status).toBe(409); // not next: nothing
    expect(await log.fresh()).toEqual([]);
    for (const name of ['notified', 'transferScheduled', 'transferred']) {
      expect((await complete(open(contact.steps, name).id)).status).toBe(200);
      expect(summary(await log.fresh())).toEqual([['loops', [c], [1]]]);
    }
    expect((await complete(open(contact.steps, 'quarantined').id, { roomId: 1 })).status).toBe(409); // contact 4's room
    expect(await log.fresh()).toEqual([]);
    expect((await complete(open(contact.steps, 'quarantined').id, { roomId: 2 })).status).toBe(200);
    expect(summary(await log.fresh())).toEqual([['loops', [c], [1]], ['rooms', [2], []], ['quarantineSites', [1], await readers.of('/api/v1/quarantine-sites/1')]]);
    expect((await complete(open(contact.steps, 'tested').id, { result: 'positive' })).status).toBe(200);
    const positive = await log.fresh();
    expect(summary(positive)).toEqual([['loops', [c], [1]], ['cases', [c], [1]], ['contacts', [c], [1]], ['dashboard', null, []]]);
    await readable(positive);
  });

  it('the SLA: loops and the incident (GET /loops/sla is read as incidents)', async () => {
    const sla = { notified: 1, transferScheduled: 3, transferred: 24, quarantined: 30, hospitalDays: 10, caseHomeMonitoringDays: 7, travellerHomeDays: 5 };
    expect((await t.as('commander')('/api/v1/loops/sla', 'PUT', { ...sla, reason: '调整' })).status).toBe(200);
    expect(summary(await log.fresh())).toEqual([['loops', null, []], ['incidents', null, []]]);
    expect((await t.as('commander')('/api/v1/loops/sla', 'PUT', sla)).status).toBe(400);
    expect(await log.fresh()).toEqual([]);
  });

  it('room allocation: the rooms, their sites and the loops whose check-in step took the room; a preview or a refusal nothing', async () => {
    const f = await addRoomsFixture(t.db);
    const allocate = (personIds: number[], commit: boolean) => t.as('officer')('/api/v1/rooms/allocate', 'POST', { personIds, commit });
    expect((await allocate([f.p.close5], false)).status).toBe(200);
    expect((await allocate(Object.values(f.p), true)).status).toBe(409); // seven people, three free rooms: none placed
    expect(await log.fresh()).toEqual([]);
    const res = await allocate([f.p.close5, f.p.close10], true);
    expect(res.status).toBe(200);
    const rooms = (await res.json()).assignments.map((a: { roomId: number }) => a.roomId);
    const sites = await t.db.kysely.selectFrom('quarantine_rooms').select('site_id').distinct().where('id', 'in', rooms).orderBy('site_id').execute();
    const siteIds = sites.map((s) => s.site_id);
    const siteTeams = [...new Set((await Promise.all(siteIds.map((s) => readers.of(`/api/v1/quarantine-sites/${s}`)))).flat())].sort();
    expect(rooms).toHaveLength(2);
    // both live in team 2's area and their check-in steps are team 1's: team 1's board shows them, team 2's does not
    const events = await log.fresh();
    expect(summary(events)).toEqual([['rooms', rooms, []], ['quarantineSites', siteIds, siteTeams], ['loops', [f.p.close5, f.p.close10], [1]]]);
    await readable(events);
    expect(await readers.board(f.p.close5)).toEqual([1]);
    expect(await readers.file(f.p.close5)).toEqual([2]);
  });

  it('imports: every step tells imports; the commit also the new cases and their loops, with their teams', async () => {
    const flow = importFlow(t, t.as('officer'));
    const west = row(1, '张三', '河北省邯郸市峰峰矿区大社镇南头村5组12号'), east = row(4, '赵六', '河北省邯郸市峰峰矿区大社镇大社社区和平路8号');
    const imp = await flow.upload([HEADER, west, east].join('\n'));
    expect(summary(await log.fresh())).toEqual([['imports', [imp.id], []]]);
    expect((await flow.map(imp.id, { mapping: imp.suggestedMapping })).status).toBe(200);
    expect(summary(await log.fresh())).toEqual([['imports', [imp.id], []]]);
    expect((await t.as('officer')(`/api/v1/imports/${imp.id}/rows/2`, 'PUT', { skip: true })).status).toBe(200);
    expect(summary(await log.fresh())).toEqual([['imports', [imp.id], []]]);
    expect((await t.as('officer')(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' })).status).toBe(200);
    const made = (await flow.persons(imp.id)).map((p) => p.id);
    expect(made).toHaveLength(1);
    const committed = await log.fresh();
    expect(summary(committed)).toEqual([['imports', [imp.id], []], ['cases', made, [2]], ['loops', made, [2]]]);
    await readable(committed);
    expect((await t.as('officer')(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' })).status).toBe(409); // closed
    expect(await log.fresh()).toEqual([]);
    const other = await flow.upload([HEADER, row(5, '钱七', '河北省邯郸市峰峰矿区大社镇南头村5组12号')].join('\n'));
    await log.skip();
    expect((await t.as('officer')(`/api/v1/imports/${other.id}`, 'DELETE')).status).toBe(204);
    expect(summary(await log.fresh())).toEqual([['imports', [other.id], []]]);
  });
});
