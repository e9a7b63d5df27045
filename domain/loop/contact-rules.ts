// How a rule profile states contact management (domain-rules.md §1.5 table, §7 skeleton), read
// from the profile's params (domain/zones/profiles/*.v1.json `close_contact`, `secondary_contact`,
// `loop_deadlines_hours`). The zone schema (domain/zones/profile.ts) lets these keys pass through
// unchecked, so they are checked here, where they are used.
import { z } from 'zod';
import type { SlaHours } from './types.ts';

const day = z.number().int().min(1).max(60);
const days = z.number().int().min(0).max(60);

export const contactRulesSchema = z.object({
  /** false: the edition does not identify this category at all (20 measures: no 次密接, §1.3). */
  identify: z.boolean().optional(),
  central_days: days.optional(),
  home_monitoring_days: days.optional(),
  home_isolation_days: days.optional(),
  /** NAT days of the single phase the rule has (2021: [1,4,7,14] of the central part; ed.9
   * secondary contacts: [1,4,7] of home isolation). */
  nat_days: z.array(day).optional(),
  nat_days_central: z.array(day).optional(),
  nat_days_home: z.array(day).optional(),
  swab: z.string().optional(),
  /** ed.8: 双采双检 (two samples, two labs) before release. */
  dual_sample_before_release: z.boolean().optional(),
}).passthrough();

export type ContactRules = z.infer<typeof contactRulesSchema>;

export interface PhaseRules {
  centralDays: number;
  homeDays: number;
  homeKind: 'monitoring' | 'isolation' | null;
  natCentral: number[];
  natHome: number[];
  dualSample: boolean;
}

const hoursSchema = z.object({
  notified: z.number().positive().optional(),
  transferScheduled: z.number().positive().optional(),
  transferred: z.number().positive().optional(),
  quarantined: z.number().positive().optional(),
});

function paramsObject(params: unknown): Record<string, unknown> {
  return params !== null && typeof params === 'object' ? (params as Record<string, unknown>) : {};
}

/**
 * The SLA with the profile's loop_deadlines_hours laid over it: where the rule profile sets a
 * deadline it wins (issue 5: "from the active rule profile where the profile says, otherwise a
 * configurable SLA"); an unreadable block is ignored rather than half-applied. Use this N for the
 * "% of contacts transferred within N h" KPI too.
 */
export function effectiveSla(params: unknown, sla: SlaHours): SlaHours {
  const parsed = hoursSchema.safeParse(paramsObject(params).loop_deadlines_hours ?? {});
  if (!parsed.success) return { ...sla };
  const set = Object.entries(parsed.data).filter(([, v]) => v !== undefined);
  return { ...sla, ...Object.fromEntries(set) };
}

const sortedUnique = (list: number[]): number[] => [...new Set(list)].sort((a, b) => a - b);

/**
 * The phases of one contact category under a profile: 'no_rules' when the profile has no block
 * for it or one that cannot be read (NAT days outside their phase, no duration at all) — a
 * profile we cannot follow must not plan a wrong quarantine; 'not_identified' when the edition
 * says `identify: false`.
 */
export function phaseRules(params: unknown, key: 'close_contact' | 'secondary_contact')
  : { ok: true; rules: PhaseRules } | { ok: false; reason: 'not_identified' | 'no_rules' } {
  const block = paramsObject(params)[key];
  if (block === undefined || block === null) return { ok: false, reason: 'no_rules' };
  const parsed = contactRulesSchema.safeParse(block);
  if (!parsed.success) return { ok: false, reason: 'no_rules' };
  const r = parsed.data;
  if (r.identify === false) return { ok: false, reason: 'not_identified' };
  const centralDays = r.central_days ?? 0;
  // 20 measures turned ed.9's home health monitoring into home isolation (§1.3); a block naming
  // both is read as the stricter one.
  const homeKind = r.home_isolation_days !== undefined ? 'isolation' : r.home_monitoring_days !== undefined ? 'monitoring' : null;
  const homeDays = r.home_isolation_days ?? r.home_monitoring_days ?? 0;
  // `nat_days` without a phase belongs to the rule's first phase (central when there is one).
  const natCentral = sortedUnique(r.nat_days_central ?? (centralDays > 0 ? r.nat_days ?? [] : []));
  const natHome = sortedUnique(r.nat_days_home ?? (centralDays === 0 ? r.nat_days ?? [] : []));
  if (centralDays + homeDays === 0) return { ok: false, reason: 'no_rules' };
  if (natCentral.some((d) => d > centralDays) || natHome.some((d) => d > homeDays)) return { ok: false, reason: 'no_rules' };
  return {
    ok: true,
    rules: { centralDays, homeDays, homeKind: homeDays > 0 ? homeKind : null, natCentral, natHome, dualSample: r.dual_sample_before_release === true },
  };
}
