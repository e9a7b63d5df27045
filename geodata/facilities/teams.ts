// Teams: the district command, and in each township a field team (现场工作组), a tracing team
// (流调组), a transfer team (转运组) and a sampling team (采样组); the sealed township also has a
// grid team per village/community. Areas: the township (or the village) they serve.
import { townShort } from '../address-book.ts';
import { DISTRICT, TOWNSHIPS } from '../design.ts';
import type { AdminIds } from '../rows/admin.ts';
import type { SeedRow } from '../types.ts';
import type { Unit } from '../villages.ts';

export type TeamKind = SeedRow<'teams'>['kind'];
export interface TeamIndex { command: number; byTown: Record<TeamKind, number>[] }

const KINDS: [TeamKind, string][] = [['field', '现场工作组'], ['tracing', '流调组'], ['transfer', '转运组'], ['sampling', '采样组']];

export function teamRows(units: readonly Unit[], ids: AdminIds, busyTown: number) {
  const teams: SeedRow<'teams'>[] = [], areas: SeedRow<'team_areas'>[] = [];
  const add = (name: string, kind: TeamKind, unitId: number) => {
    teams.push({ id: teams.length + 1, name, kind });
    areas.push({ id: areas.length + 1, team_id: teams.length, admin_unit_id: unitId, grid_id: null });
    return teams.length;
  };
  const command = add(`${DISTRICT.name}疫情防控指挥部`, 'command', ids.districtId);
  const byTown = TOWNSHIPS.map((t, k) => {
    const out = {} as Record<TeamKind, number>;
    for (const [kind, label] of KINDS) out[kind] = add(`${townShort(t.name)}${label}`, kind, ids.townshipId[k]);
    out.command = command;
    return out;
  });
  for (const u of units.filter((x) => x.town === busyTown)) add(`${u.name}网格工作组`, 'field', ids.unitId[u.index]);
  return { teams, areas, index: { command, byTown } satisfies TeamIndex };
}
