// Rule profiles (domain/zones/profiles/*.json, domain-rules.md §7) and the demo incident.
import { BUNDLED_PROFILES } from '../../domain/zones/bundled-profiles.ts';
import type { SeedRow } from '../types.ts';

export function profileRows(): SeedRow<'rule_profiles'>[] {
  return BUNDLED_PROFILES.map((p, i) => ({ id: i + 1, key: p.key, version: p.version, name: p.name, params: JSON.stringify(p.params),
    effective_from: p.effective_from, effective_to: p.effective_to, source: p.source }));
}

export const INCIDENT_STARTED = '2022-05-27T01:00:00.000Z';

export function incidentRows(profileId: number): SeedRow<'incidents'>[] {
  return [{ id: 1, name: '峰峰矿区新冠肺炎疫情（演示）', disease: 'COVID-19', grade_suggested: 'III', grade_confirmed: null,
    warning_colour: 'yellow', rule_profile_id: profileId, status: 'open', started_at: INCIDENT_STARTED, closed_at: null }];
}
