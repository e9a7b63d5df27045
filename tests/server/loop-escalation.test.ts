// Escalation of overdue loop steps: one alert per step (dedupe key loop_overdue:step:<id>),
// yellow when overdue, orange after 6 h, red after 24 h (domain/loop/overdue.ts), the step's
// escalation level kept beside it; idempotent between runs; resolved when the step is done or
// cancelled. The clock is the test's: the app and escalateOverdue read the same `now`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../server/db/loop-escalation.ts';
import { testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';

const DUE = '2022-06-12T00:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(DUE) + hours * 3_600_000).toISOString();

describe.each(DIALECTS)('loop escalation on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let now = at(-1);
  let notified: number; // person 1's step, team 1's, due DUE
  let later: number; // person 1's next step
  beforeAll(async () => {
    t = await testApp(dialect, { now: () => new Date(now) });
    const row = (step: 'identified' | 'notified' | 'transferScheduled', seq: number, due: string, done: string | null) =>
      ({ person_id: 1, step, seq, due_at: due, done_at: done, team_id: done ? null : 1, room_id: null, note: null });
    await t.db.kysely.insertInto('loop_steps').values(row('identified', 1, '2022-06-11T00:00:00.000Z', '2022-06-11T00:00:00.000Z')).execute();
    notified = (await t.db.kysely.insertInto('loop_steps').values(row('notified', 2, DUE, null)).returning('id').executeTakeFirstOrThrow()).id;
    later = (await t.db.kysely.insertInto('loop_steps').values(row('transferScheduled', 3, at(100), null)).returning('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await t.close(); });

  const alertsOf = (stepId: number) => t.db.kysely.selectFrom('alerts').selectAll().where('dedupe_key', '=', `loop_overdue:step:${stepId}`).execute();
  const stepRow = (id: number) => t.db.kysely.selectFrom('loop_steps').select(['escalation_level', 'escalated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const escalations = async () => (await t.db.kysely.selectFrom('audit_entries').select('id').where('action', '=', 'loop.escalate').execute()).length;

  it('raises nothing before the deadline', async () => {
    await escalateOverdue(t.db, now);
    expect(await alertsOf(notified)).toEqual([]);
    expect(Number((await stepRow(notified)).escalation_level)).toBe(0);
  });

  it('raises one yellow alert when the step is overdue, and no second one on the next run', async () => {
    now = at(1);
    expect(await escalateOverdue(t.db, now)).toMatchObject({ raised: 1 }); // the tiny district's step 1 was raised by the first run
    const audits = await escalations();
    expect(await escalateOverdue(t.db, now)).toEqual({ raised: 0, upgraded: 0, resolved: 0 });
    expect(await escalations()).toBe(audits); // an idle run writes nothing
    const [alert] = await alertsOf(notified);
    expect(await alertsOf(notified)).toHaveLength(1);
    expect(alert).toMatchObject({ level: 'yellow', rule: 'loop_overdue', status: 'open', incident_id: 1, raised_at: at(1) });
    expect(JSON.parse(alert.detail)).toMatchObject({ stepId: notified, personId: 1, step: 'notified', teamId: 1, escalationLevel: 1, overdueHours: 1 });
    expect(alert.title).not.toMatch(/王/);
    expect(await stepRow(notified)).toEqual({ escalation_level: 1, escalated_at: at(1) });
  });

  it('upgrades the same alert to orange after 6 h and red after 24 h, reopening an acknowledged one', async () => {
    await t.db.kysely.updateTable('alerts').set({ status: 'acknowledged', acknowledged_at: at(2), acknowledged_by: 'commander' })
      .where('dedupe_key', '=', `loop_overdue:step:${notified}`).execute();
    now = at(5);
    expect((await escalateOverdue(t.db, now)).upgraded).toBe(0);
    expect((await alertsOf(notified))[0].status).toBe('acknowledged');
    now = at(7);
    expect(await escalateOverdue(t.db, now)).toEqual({ raised: 0, upgraded: 1, resolved: 0 });
    expect((await alertsOf(notified)).map((a) => [a.level, a.status])).toEqual([['orange', 'open']]);
    now = at(25);
    await escalateOverdue(t.db, now);
    expect((await alertsOf(notified)).map((a) => a.level)).toEqual(['red']);
    expect(await stepRow(notified)).toEqual({ escalation_level: 3, escalated_at: at(25) });
  });

  it('the board computes the level live from the due time and writes nothing; the timer raises the alerts (review L3)', async () => {
    now = at(26);
    const alertCount = async () => Number((await t.db.kysely.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await alertCount(), escBefore = await escalations();
    const item = (await (await t.as('wall')('/api/v1/loops/board')).json()).items.find((i: { id: number }) => i.id === 1);
    expect(item).toMatchObject({ stepId: notified, escalationLevel: 3, overdueHours: 26 });
    expect(await alertCount()).toBe(before);
    expect(await escalations()).toBe(escBefore); // no escalation run, no audit entry: a read writes nothing
    expect((await alertsOf(1)).map((a) => a.level)).toEqual(['red']); // the tiny district's step, raised by the timer's runs
  });

  it('resolves the alert when the step is done, and does not raise it again', async () => {
    const res = await t.as('officer')(`/api/v1/loops/steps/${notified}/complete`, 'POST', {});
    expect(res.status).toBe(200);
    expect((await alertsOf(notified)).map((a) => [a.status, a.resolved_at, a.resolved_by])).toEqual([['resolved', at(26), 'officer']]);
    expect(await escalateOverdue(t.db, now)).toEqual({ raised: 0, upgraded: 0, resolved: 0 });
    expect(await alertsOf(notified)).toHaveLength(1);
  });

  it('resolves on the next run when a step is cancelled, and raises a fresh alert for the next overdue step', async () => {
    now = at(101);
    expect(await escalateOverdue(t.db, now)).toMatchObject({ raised: 1 });
    expect((await alertsOf(later)).map((a) => a.level)).toEqual(['yellow']);
    await t.db.kysely.updateTable('loop_steps').set({ cancelled_at: now }).where('id', '=', later).execute();
    expect(await escalateOverdue(t.db, now)).toEqual({ raised: 0, upgraded: 0, resolved: 1 });
    expect((await alertsOf(later)).map((a) => [a.status, a.resolved_by])).toEqual([['resolved', 'system']]);
  });
});
