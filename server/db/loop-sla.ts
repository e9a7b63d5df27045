// The loop deadlines in force (issue 5 item 2: "from the active rule profile where the profile
// says, otherwise a configurable SLA"). Three layers, later ones winning key by key: the built-in
// defaults (domain/loop DEFAULT_SLA), the SLA configured for this installation (meta key
// `loop.sla_hours`, PUT /loops/sla), and the incident profile's `loop_deadlines_hours`. No
// national hard limit exists for "close contact → transferred within N hours" (domain-rules.md
// §1.6), hence configuration, not code. A change applies to loops planned afterwards.
import { effectiveSla } from '../../domain/loop/contact-rules.ts';
import { DEFAULT_SLA, type SlaHours } from '../../domain/loop/types.ts';
import type { Db } from './database.ts';

export const SLA_META_KEY = 'loop.sla_hours';
const KEYS = Object.keys(DEFAULT_SLA) as (keyof SlaHours)[];

/** Only the known keys with positive finite numbers: stored or profile text never breaks planning. */
function pickSla(value: unknown): Partial<SlaHours> {
  if (!value || typeof value !== 'object') return {};
  const out: Partial<SlaHours> = {};
  for (const k of KEYS) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[k] = v;
  }
  return out;
}

export async function configuredSla(db: Db): Promise<Partial<SlaHours>> {
  const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', SLA_META_KEY).executeTakeFirst();
  if (!row) return {};
  try { return pickSla(JSON.parse(row.value)); } catch { return {}; }
}

/** The profile's own deadlines (`loop_deadlines_hours`), from its params object. */
export const profileSla = (params: unknown): Partial<SlaHours> =>
  pickSla((params as { loop_deadlines_hours?: unknown } | null)?.loop_deadlines_hours);

export interface SlaLayers { effective: SlaHours; defaults: SlaHours; configured: Partial<SlaHours>; profile: Partial<SlaHours> }

export async function slaLayers(db: Db, params: unknown): Promise<SlaLayers> {
  const configured = await configuredSla(db);
  const profile = profileSla(params);
  return { effective: effectiveSla(params, { ...DEFAULT_SLA, ...configured }), defaults: { ...DEFAULT_SLA }, configured, profile };
}

/** Replaces the configured SLA (inside the caller's transaction, beside its audit entry). */
export async function storeSla(tx: Db, sla: SlaHours): Promise<void> {
  const value = JSON.stringify(pickSla(sla));
  // One upsert (both dialects support ON CONFLICT): two concurrent PUTs on PostgreSQL cannot both
  // insert the key after a delete and fail on the primary key (review M10); the last one wins.
  await tx.kysely.insertInto('meta').values({ key: SLA_META_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}
