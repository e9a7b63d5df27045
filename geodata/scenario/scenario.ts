// The outbreak scenario as seed rows: persons (cases and contacts), contact links, exposures,
// loop steps with rooms, and control zones — all from one named PRNG stream each. Contacts get
// quarantine rooms by the allocation rules (rooms.ts); one for whom no active site had a legal room
// when the transfer was booked is isolated at home: the central part of the loop (transfer booked,
// transferred, checked in) is cancelled at that instant, and the NATs and the release that follow
// are those of home isolation (notified → tested is a legal move, domain/loop/machine.ts).
import type { Point } from 'geojson';
import type { SiteState } from '../../domain/quarantine/groups.ts';
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

/** A loop step as written: planned and progressed (loops.ts), or called off (`cancelled`). */
type Step = StepDraft & { cancelled?: number };

const CENTRAL: readonly StepName[] = ['transferScheduled', 'transferred', 'quarantined'];

/** Cancels the central part of a contact's loop at `at` (the booking said why); the NATs and the
 * release that follow are those of home isolation. */
function sendHome(steps: StepDraft[], at: number): Step[] {
  return steps.map((s) => {
    if (CENTRAL.includes(s.step)) return { ...s, done: null, cancelled: at, note: s.step === 'transferScheduled' ? '集中隔离点无可用房间，改居家隔离' : s.note };
    return s.step === 'released' ? { ...s, note: '解除居家隔离' } : s;
  });
}

export interface Scenario {
  homes: Homes;
  persons: PersonDraft[];
  personRows: SeedRow<'persons'>[];
  links: SeedRow<'contact_links'>[];
  exposures: SeedRow<'exposures'>[];
  steps: SeedRow<'loop_steps'>[];
  rooms: SeedRow<'quarantine_rooms'>[];
}

export function personRow(p: PersonDraft, id: number, homes: Homes, steps: Step[]): SeedRow<'persons'> {
  const c = p.caseDraft, validFrom = iso(p.validFrom);
  const done = steps.flatMap((s) => (s.done !== null ? [s.done] : s.cancelled !== undefined ? [s.cancelled] : []));
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

export interface QuarantineDraft { sites: SeedRow<'quarantine_sites'>[]; rooms: RoomDraft[] }

export function buildScenario(w: World, quarantine: QuarantineDraft, teams: TeamIndex, seed: number): Scenario {
  const { rooms } = quarantine;
  const sites: SiteState[] = quarantine.sites.map((s) => ({ id: s.id, status: s.status ?? 'active',
    point: (s.geometry as Point).coordinates as [number, number] }));
  const homes = indexHomes(w);
  const cases = planCases(w, homes, rng(seed, 'cases'));
  const { persons, links } = buildPersons(w, homes, cases, new IdRegistry(1, 499), rng(seed, 'persons'));
  const rLoop = rng(seed, 'loops');
  const progressed = persons.map((p) => progress(plan(p), rLoop));
  const homeOf = (i: number) => toLngLat(...homes.at(persons[i].home)) as [number, number];
  const { roomOf, occupant, unplacedAt } = allocateRooms(sites, rooms, persons, progressed, homeOf);
  const steps: Step[][] = progressed.map((s, i) => (Number.isNaN(unplacedAt[i]) ? s : sendHome(s, unplacedAt[i])));
  const personRows = persons.map((p, i) => personRow(p, i + 1, homes, steps[i]));
  const stepRows: SeedRow<'loop_steps'>[] = [];
  persons.forEach((p, i) => {
    const town = w.layout.units[homes.unit[p.home]].town;
    steps[i].forEach((s, k) => stepRows.push({
      id: stepRows.length + 1, person_id: i + 1, step: s.step, seq: k + 1, due_at: iso(s.due), done_at: s.done === null ? null : iso(s.done),
      team_id: teams.byTown[town][TEAM_FOR[s.step]], note: s.note, cancelled_at: s.cancelled === undefined ? null : iso(s.cancelled),
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

