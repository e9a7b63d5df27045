// Escalation of overdue loop steps (issue 5 item 2: "a step past its deadline raises an alert and
// escalates"): one alert per step (rule loop_overdue, dedupe key loop_overdue:step:<id>), raised
// yellow for the responsible team, upgraded to orange (commander) and red as the step stays open
// (domain/loop/overdue.ts thresholds), resolved when the step is done or cancelled. Idempotent:
// a run changes only what moved since the last one. The 60 s timer (server/main.ts) is the only
// caller in the server (the board computes levels live and writes nothing). On PostgreSQL runs
// are serialised on the audit-chain lock; on SQLite the lock is a no-op, but the single-process
// server and its one writer connection serialise the transactions anyway. Only the open
// incident's steps escalate: a closed incident's alerts resolve on the next run. A run that changed
// anything tells the live stream in its transaction: 'dashboard' (the alerts) and, when a step's
// escalation level rose, 'loops' for those persons (the board shows the level).
import { ESCALATION_ALERT_LEVEL, escalationLevel, overdueHours, type EscalationLevel } from '../../domain/loop/overdue.ts';
import type { LoopStepName } from '../../domain/loop/types.ts';
import { emitChanges, type Change } from '../live/emit.ts';
import { personChanges } from '../live/person-changes.ts';
import { LEVEL_RANK, raiseAlert, resolveAlert } from './alerts.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './database.ts';
import { openIncidentId } from './records.ts';

export const OVERDUE_RULE = 'loop_overdue';
export const POSITIVE_RULE = 'loop_positive';
const STEP_ZH: Record<LoopStepName, string> = {
  identified: '判定', notified: '告知', transferScheduled: '安排转运', transferred: '转运', quarantined: '入住隔离',
  tested: '核酸检测', released: '解除隔离', homeMonitoring: '居家监测', closed: '闭环',
};
export const overdueKey = (stepId: number) => `${OVERDUE_RULE}:step:${stepId}`;

export interface EscalationRun { raised: number; upgraded: number; resolved: number }

export async function escalateOverdue(db: Db, now: string): Promise<EscalationRun> {
  return db.transaction(async (tx) => {
    await tx.lockAuditChain();
    const run: EscalationRun = { raised: 0, upgraded: 0, resolved: 0 };
    const open = new Map((await tx.kysely.selectFrom('alerts').select(['id', 'level', 'dedupe_key']).where('rule', '=', OVERDUE_RULE)
      .where('status', '!=', 'resolved').execute()).map((a) => [a.dedupe_key ?? '', a]));
    const late = await tx.kysely.selectFrom('loop_steps').innerJoin('persons', 'persons.id', 'loop_steps.person_id')
      .select(['loop_steps.id', 'loop_steps.person_id', 'loop_steps.step', 'loop_steps.due_at', 'loop_steps.team_id', 'loop_steps.escalation_level', 'persons.incident_id'])
      .where('loop_steps.done_at', 'is', null).where('loop_steps.cancelled_at', 'is', null).where('loop_steps.due_at', '<', now)
      .where('persons.incident_id', '=', (await openIncidentId(tx)) ?? -1) // a closed incident's loops raise nothing; their alerts resolve (review M9)
      .orderBy('loop_steps.id').execute();
    const stillLate = new Set<string>();
    const escalated: number[] = []; // persons whose step's level rose
    for (const s of late) {
      const state = { dueAt: s.due_at, doneAt: null, cancelledAt: null };
      const level = escalationLevel(state, now);
      if (level === 0) continue;
      const key = overdueKey(s.id);
      stillLate.add(key);
      if (level > Number(s.escalation_level)) {
        await tx.kysely.updateTable('loop_steps').set({ escalation_level: level, escalated_at: now }).where('id', '=', s.id).execute();
        escalated.push(s.person_id);
      }
      const colour = ESCALATION_ALERT_LEVEL[level as EscalationLevel]!;
      const detail = { stepId: s.id, personId: s.person_id, step: s.step, dueAt: s.due_at, teamId: s.team_id, escalationLevel: level,
        overdueHours: Math.round(overdueHours(state, now) * 10) / 10 };
      const have = open.get(key);
      if (!have) {
        await raiseAlert(tx, { incidentId: s.incident_id, level: colour, rule: OVERDUE_RULE, key, at: now, detail,
          title: `闭环环节超时：${STEP_ZH[s.step]}（人员 #${s.person_id}）` });
        run.raised++;
      } else if (LEVEL_RANK[colour] > LEVEL_RANK[have.level]) {
        // A higher level needs attention again, even if the lower one was acknowledged.
        await tx.kysely.updateTable('alerts').set({ level: colour, status: 'open', detail: JSON.stringify(detail) }).where('id', '=', have.id).execute();
        run.upgraded++;
      }
    }
    for (const key of open.keys()) {
      if (!stillLate.has(key)) run.resolved += await resolveAlert(tx, key, now, 'system');
    }
    if (run.raised || run.upgraded || run.resolved) {
      await appendAudit(tx, { at: now, actor: 'system', action: 'loop.escalate', entity: 'loop_steps', after: run, route: null, ip: null });
    }
    const changes: Change[] = run.raised || run.upgraded || run.resolved ? [{ resource: 'dashboard' }] : [];
    await emitChanges(tx, now, [...changes, ...await personChanges(tx, escalated, ['loops'])]);
    return run;
  });
}
