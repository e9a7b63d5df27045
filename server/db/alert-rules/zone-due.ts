// zone_due (issue 7 item 4): a zone in force whose downgrade or lift day has come (today or
// earlier) — the commander's decision is due (domain-rules.md §1.1–1.3: N clean days, then the
// step). Blue, one alert per zone and action; it ends when the zone takes the step (a new
// version, or lifted) or a new infection moves the day. The days are the zone clock's as the
// zones API shows them now (routes/zone-features.ts: cases inside by then, test rounds, the
// profile's steps, the rest-of-county lift), not the snapshot stored when the version was
// written, which a later case inside would leave stale. A district has tens of zones: one
// clock each per run.
import { zoneFeatures } from '../../routes/zone-features.ts';
import type { Db } from '../database.ts';
import { IN_FORCE } from '../wall-intervals.ts';
import { versionsAt } from '../zones.ts';
import type { RuleContext, StateAlert, StateRule } from './types.ts';

export const ZONE_DUE = 'zone_due';
const ACTION_ZH = { downgrade: '降级', lift: '解除' } as const;

async function evaluate(db: Db, ctx: RuleContext): Promise<StateAlert[]> {
  const versions = (await versionsAt(db, { at: ctx.now, statuses: [...IN_FORCE] })).filter((v) => v.incidentId === ctx.incidentId);
  if (!versions.length) return [];
  const features = await zoneFeatures(db, versions, ctx.now, { provenance: false });
  return features.flatMap((f) => (['downgrade', 'lift'] as const).flatMap((action): StateAlert[] => {
    const p = f.properties;
    const due = action === 'downgrade' ? p.downgradeOn : p.liftOn;
    if (due === null || due > ctx.today) return [];
    return [{ rule: ZONE_DUE, key: `${ZONE_DUE}:zone:${p.zoneId}:${action}`, level: 'blue', raise: true,
      title: `管控区域到期可${ACTION_ZH[action]}：${p.name}（${due}）`,
      detail: { params: { zoneId: p.zoneId, zone: p.name, kind: p.kind, version: p.version, action, due }, subject: { zoneId: p.zoneId } } }];
  }));
}

export const zoneDue: StateRule = { rule: ZONE_DUE, evaluate };
