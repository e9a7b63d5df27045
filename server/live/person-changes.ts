// Changes to persons (cases, contacts) and their loops: which resource a person belongs to, and
// the teams that read them — their homes' area teams and the teams of their loop steps
// (event-teams.ts teamsOfPersons), plus any former home point (a case moved out of an area is
// a row the old area's team must drop). Ids are person ids for every resource here (the loop
// board and the registry are per person).
import type { Resource } from '../../domain/auth/policy.ts';
import { CASE_CATEGORIES } from '../../domain/layers.ts';
import type { Db } from '../db/database.ts';
import type { Change } from './emit.ts';
import { teamsAtPoints, teamsOfPersons } from './event-teams.ts';

/** The resources a change to persons of these categories concerns: 'cases' always — the registry
 * (/people) and the chains, which list contacts too, are read as 'cases' — and 'contacts' (the
 * contacts layer) when any of them is a contact, close, secondary or traveller. */
export function personResources(categories: readonly string[]): Resource[] {
  return categories.some((c) => !(CASE_CATEGORIES as readonly string[]).includes(c)) ? ['cases', 'contacts'] : ['cases'];
}

/** Persons per call of teamsOfPersons: an import commits thousands, the IN list stays small. */
const CHUNK = 1000;

/** The teams that see these persons (now) or saw them at `formerPoints`. Call after the write. */
export async function personTeams(tx: Db, personIds: readonly number[], formerPoints: readonly (readonly [number, number])[] = []): Promise<number[]> {
  const ids = [...new Set(personIds)];
  const teams = new Set(await teamsAtPoints(tx, formerPoints));
  for (let i = 0; i < ids.length; i += CHUNK) for (const t of await teamsOfPersons(tx, ids.slice(i, i + CHUNK))) teams.add(t);
  return [...teams];
}

/** One change per resource for these persons, all with the persons' teams. */
export async function personChanges(tx: Db, personIds: readonly number[], resources: readonly Resource[],
  formerPoints: readonly (readonly [number, number])[] = []): Promise<Change[]> {
  if (!personIds.length || !resources.length) return [];
  const teams = await personTeams(tx, personIds, formerPoints);
  return [...new Set(resources)].map((resource) => ({ resource, ids: personIds, teams }));
}
