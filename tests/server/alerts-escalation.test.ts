// Escalation of unacknowledged alerts in the minute run (issue 7 item 4, server/db/
// alert-escalation.ts): an open alert rises one level after 240 min at blue, 120 at yellow, 60 at
// orange since it was raised or last escalated, with escalated_at and an audit entry by 'system'
// and the live events; red stays red; an acknowledged alert and issue 5's loop_overdue (its own
// clock) never move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlertRules } from '../../server/db/alert-rules.ts';
import { raiseAlert, type NewAlert } from '../../server/db/alerts.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { byResource, eventLog } from '../support/emitted-events.ts';

const T0 = FIXED_NOW.getTime();
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

describe.each(DIALECTS)('alert escalation on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let events: ReturnType<typeof eventLog>;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    const raise = async (name: string, a: Pick<NewAlert, 'level' | 'rule' | 'at'>, acknowledged = false) => {
      const key = `${a.rule}:test:${name}`;
      await t.db.transaction((tx) => raiseAlert(tx, { incidentId: 1, title: name, detail: { params: {}, subject: {} }, key, ...a }));
      id[name] = (await t.db.kysely.selectFrom('alerts').select('id').where('dedupe_key', '=', key).executeTakeFirstOrThrow()).id;
      if (acknowledged) await t.db.kysely.updateTable('alerts').set({ status: 'acknowledged', acknowledged_at: a.at, acknowledged_by: 'officer' }).where('id', '=', id[name]).execute();
    };
    await raise('A', { level: 'blue', rule: 'ears_signal', at: at(-241) });
    await raise('B', { level: 'yellow', rule: 'scan_cluster', at: at(-119) });
    await raise('C', { level: 'yellow', rule: 'loop_overdue', at: at(-1000) });
    await raise('D', { level: 'blue', rule: 'st_cluster', at: at(-1000) }, true);
    await raise('E', { level: 'red', rule: 'loop_positive', at: at(-1000) });
    events = eventLog(t.db);
    await events.skip();
  });
  afterAll(async () => { await t.close(); });

  const levels = async () => Object.fromEntries((await t.db.kysely.selectFrom('alerts').select(['id', 'level', 'escalated_at']).orderBy('id').execute())
    .map((r) => [Object.keys(id).find((k) => id[k] === r.id)!, [r.level, r.escalated_at]]));

  it('steps each open alert up one level when its time at the level is over, and only then', async () => {
    const steps: [minutes: number, escalated: string[]][] = [[0, ['A']], [0, []], [1, ['B']], [60, []], [61, ['B']], [119, []], [120, ['A']], [180, ['A']], [400, []]];
    for (const [minutes, expected] of steps) {
      const r = await runAlertRules(t.db, at(minutes));
      expect([minutes, r.escalated, r.ids]).toEqual([minutes, expected.length, expected.map((k) => id[k])]);
      const fired = await events.fresh();
      if (expected.length) {
        expect(byResource(fired).alerts.ids).toEqual(expected.map((k) => id[k]));
        expect(byResource(fired).dashboard).toBeDefined();
      } else expect(fired).toEqual([]);
    }
    expect(await levels()).toEqual({ A: ['red', at(180)], B: ['red', at(61)], C: ['yellow', null], D: ['blue', null], E: ['red', null] });
  });

  it('records each step in the audit log by system, with the level before and after', async () => {
    const rows = await t.db.kysely.selectFrom('audit_entries').selectAll().where('action', '=', 'alert.escalate').orderBy('id').execute();
    expect(rows.map((r) => [r.actor, r.entity, Number(r.entity_id), JSON.parse(r.before!).level, JSON.parse(r.after!).level, r.at])).toEqual([
      ['system', 'alerts', id.A, 'blue', 'yellow', at(0)], ['system', 'alerts', id.B, 'yellow', 'orange', at(1)],
      ['system', 'alerts', id.B, 'orange', 'red', at(61)], ['system', 'alerts', id.A, 'yellow', 'orange', at(120)],
      ['system', 'alerts', id.A, 'orange', 'red', at(180)]]);
  });

  it('shows the escalation time on the wire', async () => {
    const res = await t.as('commander')(`/api/v1/alerts/${id.A}`);
    expect(await res.json()).toMatchObject({ level: 'red', status: 'open', escalatedAt: at(180) });
  });
});
