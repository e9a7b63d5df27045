// Zone kinds on the wall: every kind of the incident's profile with its label, colour and rank,
// most severe first, 0 for a kind not in force; a kind the profile does not know comes last, grey.
import { describe, expect, it } from 'vitest';
import { kindStyle, UNKNOWN_KIND_COLOUR, zoneKindCounts, type ProfileKinds } from '../../../domain/wall/zones.ts';
import { BUNDLED_PROFILES } from '../../../domain/zones/bundled-profiles.ts';

const profile = (key: string): ProfileKinds => {
  const p = BUNDLED_PROFILES.find((b) => b.key === key)!.params;
  return { kinds: p.zone_kinds, styles: Object.fromEntries(p.zone_kinds.map((k) => [k, { label: p.zones[k].label, rank: p.zones[k].rank, colour: p.zones[k].colour }])) };
};

describe('zoneKindCounts', () => {
  it('lists every kind of the profile, highest rank first, with 0 for those not in force', () => {
    const rows = zoneKindCounts(profile('cn-2021-community'), [{ kind: 'controlled', count: 2 }]);
    expect(rows.map((r) => [r.kind, r.count])).toEqual([['sealed', 0], ['controlled', 2], ['precaution', 0]]);
    expect(rows[0]).toMatchObject({ label: { zh: '封控区', en: 'Sealed area' }, rank: 3 });
    expect(rows.map((r) => r.rank)).toEqual([3, 2, 1]);
  });

  it('follows the profile in force (ed.9: high, medium, low)', () => {
    expect(zoneKindCounts(profile('cn-2022-ed9'), []).map((r) => r.kind)).toEqual(['high', 'medium', 'low']);
  });

  it('appends a kind in force that the profile does not know, in grey under its key; no profile: only those', () => {
    const rows = zoneKindCounts(profile('cn-2022-ed9'), [{ kind: 'sealed', count: 1 }]);
    expect(rows.at(-1)).toEqual({ kind: 'sealed', label: { zh: 'sealed', en: 'sealed' }, rank: 0, colour: UNKNOWN_KIND_COLOUR, count: 1 });
    expect(zoneKindCounts(null, [{ kind: 'x', count: 2 }]).map((r) => [r.kind, r.count])).toEqual([['x', 2]]);
    expect(kindStyle(null, 'x').colour).toBe(UNKNOWN_KIND_COLOUR);
  });
});
