// The write half of a rules run: brings the alerts of the state rules in line with what their
// conditions answer now, inside the run's transaction. New → raised (upsertAlert), changed
// figures or a higher level → updated, gone → resolved by 'system'; the same answer twice writes
// nothing (a run every minute must be idempotent). An alert a person resolved while its
// condition still held is not raised again until something about it changes (its figures, its
// level): resolving says "handled", and the rule should not nag about the same thing every minute.
// An open alert of another incident (the incident was closed) ends like any other.
import { LEVEL_RANK, resolveAlert, upsertAlert } from '../alerts.ts';
import type { Db } from '../database.ts';
import type { StateAlert } from './types.ts';

export interface Applied { raised: number; updated: number; resolved: number; ids: number[] }

const CHUNK = 500; // keys per `in (…)` list

async function latestResolved(tx: Db, keys: string[]): Promise<Map<string, { detail: string; level: string; by: string | null }>> {
  const out = new Map<string, { detail: string; level: string; by: string | null }>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await tx.kysely.selectFrom('alerts').select(['dedupe_key', 'detail', 'level', 'resolved_by'])
      .where('dedupe_key', 'in', keys.slice(i, i + CHUNK)).orderBy('id', 'desc').execute();
    for (const r of rows) if (!out.has(r.dedupe_key!)) out.set(r.dedupe_key!, { detail: r.detail, level: r.level, by: r.resolved_by });
  }
  return out;
}

export async function applyStateAlerts(tx: Db, a: { incidentId: number | null; rules: string[]; wanted: StateAlert[]; now: string }): Promise<Applied> {
  const out: Applied = { raised: 0, updated: 0, resolved: 0, ids: [] };
  const open = await tx.kysely.selectFrom('alerts').select(['id', 'incident_id', 'level', 'title', 'detail', 'dedupe_key'])
    .where('rule', 'in', a.rules).where('status', '!=', 'resolved').orderBy('id').execute();
  const wanted = new Map(a.wanted.map((w) => [w.key, w]));
  const have = new Map<string, (typeof open)[number]>();
  for (const o of open) {
    if (o.dedupe_key !== null && o.incident_id === a.incidentId && wanted.has(o.dedupe_key)) { have.set(o.dedupe_key, o); continue; }
    if (o.dedupe_key !== null) await resolveAlert(tx, o.dedupe_key, a.now, 'system');
    else await tx.kysely.updateTable('alerts').set({ status: 'resolved', resolved_at: a.now, resolved_by: 'system' }).where('id', '=', o.id).execute();
    out.resolved++;
    out.ids.push(o.id);
  }
  if (a.incidentId === null) return out;
  const toRaise = a.wanted.filter((w) => w.raise && !have.has(w.key));
  const resolvedBefore = await latestResolved(tx, toRaise.map((w) => w.key));
  const raisedKeys: string[] = [];
  for (const w of a.wanted) {
    const detail = JSON.stringify(w.detail);
    const o = have.get(w.key);
    if (o) {
      if (LEVEL_RANK[w.level] <= LEVEL_RANK[o.level] && detail === o.detail && w.title === o.title) continue;
    } else {
      if (!w.raise) continue;
      const last = resolvedBefore.get(w.key);
      if (last && last.by !== 'system' && last.detail === detail && LEVEL_RANK[w.level] <= LEVEL_RANK[last.level as keyof typeof LEVEL_RANK]) continue;
    }
    const r = await upsertAlert(tx, { incidentId: a.incidentId, level: w.level, rule: w.rule, title: w.title, detail: w.detail, key: w.key, at: a.now });
    if (r === 'raised') { out.raised++; raisedKeys.push(w.key); }
    if (r === 'updated') { out.updated++; out.ids.push(o!.id); }
  }
  for (let i = 0; i < raisedKeys.length; i += CHUNK) {
    const rows = await tx.kysely.selectFrom('alerts').select('id').where('dedupe_key', 'in', raisedKeys.slice(i, i + CHUNK)).where('status', '=', 'open').execute();
    out.ids.push(...rows.map((r) => r.id));
  }
  return out;
}
