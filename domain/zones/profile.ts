// Rule profiles are data (domain-rules.md §0: every rule changed at least once between 2021 and
// 2023, and cities made local variants): this schema is what a profile version must hold for the
// zone engine — its zone kinds with rank, colour and clock steps, and how proposals are drawn.
// The JSON files in ./profiles/ are the versions the demo seeds; POST /profiles adds new ones.
// Keys the zone engine does not read (close_contact, resources, reporting, …) pass through.
import { z } from 'zod';

const day = z.number().int().min(0).max(60);
const label = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** One step of a zone's clock, counted in Asia/Shanghai calendar days after the last infection
 * inside it (day 0). `to: null` lifts the zone. */
export const clockStep = z.object({
  to: z.string().min(1).nullable(),
  /** Cumulative clean days since the last infection before this step may happen. */
  after_clean_days: day,
  /** A NAT round of everyone in the zone on this day, all negative (ed.9: day 7). */
  nat_round_on_day: day.nullable().default(null),
  /** A NAT round within this many days before the step, all negative (2021: 2 days). */
  nat_round_within_days_before: day.nullable().default(null),
  /** The last close contact must be past their last exposure by more than this (2021: 14). */
  last_contact_clear_days: day.nullable().default(null),
}).strict();

export const zoneKindRule = z.object({
  label,
  /** Stricter kinds rank higher; proposals keep the highest kind where zones overlap. */
  rank: z.number().int().min(0).max(9),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i),
  measures: z.array(z.string()).default([]),
  /** NAT days for the residents while the zone is in force (day 1 = the first day). */
  nat_days: z.array(day).default([]),
  steps: z.array(clockStep).default([]),
  /** 'restart': a new infection inside restarts the clock; 'upgrade': also raises the zone to `upgrade_to` (2021 管控区 → 封控区). */
  on_positive: z.enum(['restart', 'upgrade']).default('restart'),
  upgrade_to: z.string().nullable().default(null),
  /** The lowest kind covers the rest of the county and is lifted when every higher zone is. */
  lifted_with_higher: z.boolean().default(false),
}).passthrough(); // documented extras (home_isolation_days, leave_city_requires_nat_within_hours) ride along

export const proposalRules = z.object({
  /** Days before onset (or positive sample, for the asymptomatic) that exposures count (ed.8/9: 2). */
  lookback_days: day,
  /** A case's residence: kind and the unit drawn around it. */
  residence: z.object({ kind: z.string(), unit: z.enum(['building', 'compound_or_village']) }).strict(),
  /** Activity places, first match wins: place kinds (or any), a minimum stay, the kind proposed. */
  activity: z.array(z.object({
    place_kinds: z.array(z.string()).nullable(),
    min_stay_hours: z.number().min(0).default(0),
    kind: z.string(),
  }).strict()).default([]),
  /** Mixed granularity: a township with this many distinct residence units of the top kind is
   * proposed whole (Fengfeng 2022-06-07: 大社镇 sealed). null: never enlarge. */
  escalate_township: z.object({ min_units: z.number().int().min(2), kind: z.string() }).strict().nullable(),
  /** The kind for the rest of the county outside every other zone; null: none drawn. */
  rest_of_county: z.string().nullable(),
}).strict();

export const profileParams = z.object({
  name_en: z.string().min(1),
  disease: z.string().min(1),
  zone_kinds: z.array(z.string().min(1)).min(1),
  zones: z.record(z.string(), zoneKindRule),
  proposal: proposalRules,
}).passthrough().superRefine((p, ctx) => {
  const kinds = new Set(p.zone_kinds);
  const known = (k: string | null, path: (string | number)[]) => {
    if (k !== null && !kinds.has(k)) ctx.addIssue({ code: 'custom', path, message: `unknown zone kind "${k}"` });
  };
  for (const k of p.zone_kinds) if (!p.zones[k]) ctx.addIssue({ code: 'custom', path: ['zones', k], message: `zone kind "${k}" has no rule` });
  for (const [k, rule] of Object.entries(p.zones)) {
    known(k, ['zones', k]);
    rule.steps.forEach((s, i) => known(s.to, ['zones', k, 'steps', i, 'to']));
    known(rule.upgrade_to, ['zones', k, 'upgrade_to']);
  }
  known(p.proposal.residence.kind, ['proposal', 'residence', 'kind']);
  p.proposal.activity.forEach((a, i) => known(a.kind, ['proposal', 'activity', i, 'kind']));
  known(p.proposal.escalate_township?.kind ?? null, ['proposal', 'escalate_township', 'kind']);
  known(p.proposal.rest_of_county, ['proposal', 'rest_of_county']);
});
export type ProfileParams = z.infer<typeof profileParams>;
export type ZoneKindRule = z.infer<typeof zoneKindRule>;
export type ClockStep = z.infer<typeof clockStep>;

/** A stored profile version: the row of `rule_profiles` with its params parsed. */
export const profileVersion = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
  version: z.number().int().min(1),
  name: z.string().min(1).max(200),
  effective_from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  effective_to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  source: z.string().min(1).max(4000),
  params: profileParams,
}).strict();
export type ProfileVersion = z.infer<typeof profileVersion>;
