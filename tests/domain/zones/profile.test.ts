// Rule profiles as data (domain-rules.md §0, §7): the bundled versions parse, carry the numbers of
// their editions, and a profile that names a zone kind it does not define is refused with a path.
import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../../../domain/zones/bundled-profiles.ts';
import { profileParams, profileVersion } from '../../../domain/zones/profile.ts';
import { resourcesOf } from '../../../domain/zones/supplies.ts';

const byKey = (key: string) => BUNDLED_PROFILES.find((p) => p.key === key)!;

describe('bundled profiles', () => {
  it('are the three COVID editions and a non-COVID one, each version 1', () => {
    expect(BUNDLED_PROFILES.map((p) => [p.key, p.version, p.params.disease])).toEqual([
      ['cn-2021-community', 1, 'COVID-19'], ['cn-2022-ed9', 1, 'COVID-19'], ['cn-2022-20measures', 1, 'COVID-19'], ['generic-norovirus-school', 1, 'norovirus'],
    ]);
  });
  it('rank their kinds strictly, and exactly one COVID kind is lifted with the higher ones (rest of county)', () => {
    for (const p of BUNDLED_PROFILES) {
      const ranks = p.params.zone_kinds.map((k) => p.params.zones[k].rank);
      expect(new Set(ranks).size).toBe(ranks.length);
      if (p.params.disease === 'COVID-19') {
        expect(p.params.zone_kinds.filter((k) => p.params.zones[k].lifted_with_higher)).toEqual([p.params.proposal.rest_of_county]);
      }
    }
  });
  it('hold the clock steps of their editions (§1.1–1.3)', () => {
    expect(byKey('cn-2022-ed9').params.zones.high.steps.map((s) => [s.to, s.after_clean_days, s.nat_round_on_day])).toEqual([['medium', 7, 7], ['low', 10, null]]);
    expect(byKey('cn-2022-20measures').params.zones.high.steps.map((s) => [s.to, s.after_clean_days])).toEqual([['low', 5]]);
    expect(byKey('cn-2021-community').params.zones.sealed.steps[0]).toMatchObject({ after_clean_days: 14, nat_round_within_days_before: 2, last_contact_clear_days: 14 });
    expect(byKey('cn-2021-community').params.zones.controlled).toMatchObject({ on_positive: 'upgrade', upgrade_to: 'sealed' });
    expect(byKey('generic-norovirus-school').params.zones.closure.steps).toEqual([expect.objectContaining({ to: null, after_clean_days: 3 })]);
  });
  it('keep the resources block the impact panel reads (§1.8)', () => {
    for (const p of BUNDLED_PROFILES) {
      expect(resourcesOf(p.params)).toMatchObject({ sampling_point_per_people: [2000, 3000], samplers_divisor: 360, quarantine_rooms_per_10k_pop: 20 });
    }
  });
});

describe('profile validation', () => {
  const base = structuredClone(byKey('cn-2022-20measures').params) as unknown as Record<string, unknown> & { zones: Record<string, { steps: { to: string }[] }>; proposal: Record<string, unknown> };
  it('refuses a step to an undefined kind, naming the path', () => {
    const bad = structuredClone(base);
    bad.zones.high.steps[0].to = 'medium';
    const r = profileParams.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['zones.high.steps.0.to']);
  });
  it('refuses a proposal kind and a rest-of-county kind the profile lacks', () => {
    const bad = structuredClone(base);
    bad.proposal.rest_of_county = 'precaution';
    bad.proposal.residence = { kind: 'sealed', unit: 'building' };
    expect(profileParams.safeParse(bad).error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['proposal.residence.kind', 'proposal.rest_of_county']);
  });
  it('fills defaults for optional step conditions and keeps unknown blocks', () => {
    const p = structuredClone(base);
    p.zones.high.steps = [{ to: 'low', after_clean_days: 5 } as never];
    const r = profileParams.parse({ ...p, my_local_rule: { x: 1 } });
    expect(r.zones.high.steps[0]).toEqual({ to: 'low', after_clean_days: 5, nat_round_on_day: null, nat_round_within_days_before: null, last_contact_clear_days: null });
    expect((r as Record<string, unknown>).my_local_rule).toEqual({ x: 1 });
  });
  it('requires a key, version and dates in the stored form', () => {
    expect(profileVersion.safeParse({ ...byKey('cn-2022-ed9'), key: 'Bad Key' }).success).toBe(false);
    expect(profileVersion.safeParse({ ...byKey('cn-2022-ed9'), effective_from: '2022/06/28' }).success).toBe(false);
  });
});
