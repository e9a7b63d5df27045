// The outbreak scenario as seed rows: persons (cases and contacts), contact links, exposures,
// loop steps with rooms, and control zones — all from one named PRNG stream each.
import type { RoomDraft } from '../facilities/quarantine.ts';
import type { TeamIndex } from '../facilities/teams.ts';
import { toLngLat } from '../frame.ts';
import { IdRegistry } from '../people/identity.ts';
import { rng } from '../prng.ts';
import type { SeedRow } from '../types.ts';
import type { World } from '../world.ts';
import { iso } from '../facilities/common.ts';
import { planCases } from './cases.ts';
import { exposureRows } from './exposures.ts';
import { type Homes, indexHomes } from './homes.ts';
import { plan, progress, type StepDraft, type StepName } from './loops.ts';
import { buildPersons, type PersonDraft } from './persons.ts';
import { allocateRooms } from './rooms.ts';

const TEAM_FOR: Record<StepName, 'tracing' | 'transfer' | 'field' | 'sampling'> = {
  identified: 'tracing', notified: 'tracing', transferScheduled: 'transfer', transferred: 'transfer', quarantined: 'field',
  tested: 'sampling', released: 'field', homeMonitoring: 'field', closed: 'field',
};

export interface Scenario {
  homes: Homes;
  persons: PersonDraft[];
  personRows: SeedRow<'persons'>[];
  links: SeedRow<'contact_links'>[];
  exposures: SeedRow<'exposures'>[];
  steps: SeedRow<'loop_steps'>[];
  rooms: SeedRow<'quarantine_rooms'>[];
}

export function personRow(p: PersonDraft, id: number, homes: Homes, steps: StepDraft[]): SeedRow<'persons'> {
  const c = p.caseDraft, validFrom = iso(p.validFrom);
  const done = steps.filter((s) => s.done !== null).map((s) => s.done!);
  const status = steps.some((s) => s.step === 'closed' && s.done !== null) ? 'closed'
    : steps.some((s) => s.step === 'released' && s.done !== null) ? 'released' : 'active';
  return {
    id, incident_id: 1, category: p.category, name: p.identity.name, id_number: p.identity.idNumber, phone: p.identity.phone,
    sex: p.identity.sex, age: p.identity.age, home_address_point_id: p.home + 1, home_address: homes.address(p.home), status,
    onset_date: c?.onsetDate ?? null, sample_date: c?.sampleDate ?? null, report_date: c?.reportDate ?? null,
    created_at: validFrom, updated_at: done.length ? iso(Math.max(p.validFrom, ...done)) : validFrom,
    valid_from: validFrom, valid_to: null, synthetic: 1, geometry: { type: 'Point', coordinates: toLngLat(...homes.at(p.home)) },
  };
}

export function buildScenario(w: World, rooms: RoomDraft[], teams: TeamIndex, seed: number): Scenario {
  const homes = indexHomes(w);
  const cases = planCases(w, homes, rng(seed, 'cases'));
  const { persons, links } = buildPersons(w, homes, cases, new IdRegistry(1, 499), rng(seed, 'persons'));
  const rLoop = rng(seed, 'loops');
  const steps = persons.map((p) => progress(plan(p), rLoop));
  const { roomOf, occupant } = allocateRooms(rooms, persons, steps);
  const personRows = persons.map((p, i) => personRow(p, i + 1, homes, steps[i]));
  const stepRows: SeedRow<'loop_steps'>[] = [];
  persons.forEach((p, i) => {
    const town = w.layout.units[homes.unit[p.home]].town;
    steps[i].forEach((s, k) => stepRows.push({
      id: stepRows.length + 1, person_id: i + 1, step: s.step, seq: k + 1, due_at: iso(s.due), done_at: s.done === null ? null : iso(s.done),
      team_id: teams.byTown[town][TEAM_FOR[s.step]], note: s.note,
      room_id: (s.step === 'transferred' || s.step === 'quarantined') && roomOf[i] >= 0 ? roomOf[i] + 1 : null,
    }));
  });
  return {
    homes, persons, personRows, steps: stepRows,
    links: links.map((l, i) => ({ id: i + 1, from_person_id: l.from + 1, to_person_id: l.to + 1, contact_type: l.type, last_exposure_at: iso(l.at) })),
    exposures: exposureRows(w, homes, persons, rng(seed, 'exposures')),
    rooms: rooms.map((r, k) => ({ id: k + 1, site_id: r.site, block: r.block, floor: r.floor, room_no: r.roomNo, kind: r.kind,
      capacity: r.capacity, occupant_person_id: occupant[k] >= 0 ? occupant[k] + 1 : null })),
  };
}

