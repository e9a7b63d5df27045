// Changes to persons (cases, contacts) and their loops: which resource a person belongs to, and
// the teams that read each — own-scope reads draw the two differently, so each resource has its
// own team set (event-teams.ts): 'loops' goes to the teams of the persons' loop steps (the board
// and the KPIs scope by step team), 'cases' and 'contacts' to the area teams of their homes (the
// registry, file, chains and layers scope by home point), plus any former home point (a case
// moved out of an area is a row the old area's team must drop). Ids are person ids for every
// resource here (the loop board and the registry are per person).
import type { Resource } from '../../domain/auth/policy.ts';
import { CASE_CATEGORIES } from '../../domain/layers.ts';
import type { Db } from '../db/database.ts';
import type { Change } from './emit.ts';
import { teamsAtPoints, teamsOfHomes, teamsOfSteps } from './event-teams.ts';

/** The resources a change to persons of these categories concerns: 'cases' always — the registry
 * (/people) and the chains, which list contacts too, are read as 'cases' — and 'contacts' (the
 * contacts layer) when any of them is a contact, close, secondary or traveller. */
export function personResources(categories: readonly string[]): Resource[] {
  return categories.some((c) => !(CASE_CATEGORIES as readonly string[]).includes(c)) ? ['cases', 'contacts'] : ['cases'];
}

/** Persons per query: an import commits thousands, the IN list stays small. */
const CHUNK = 1000;

async function chunked(tx: Db, ids: readonly number[], teamsOf: (db: Db, ids: readonly number[]) => Promise<number[]>): Promise<Set<number>> {
  const teams = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) for (const t of await teamsOf(tx, ids.slice(i, i + CHUNK))) teams.add(t);
  return teams;
}

/** One change per resource for these persons, each with the teams that read it now (or, for
 * records, read it at `formerPoints`). Call after the write. */
export async function personChanges(tx: Db, personIds: readonly number[], resources: readonly Resource[],
  formerPoints: readonly (readonly [number, number])[] = []): Promise<Change[]> {
  if (!personIds.length || !resources.length) return [];
  const ids = [...new Set(personIds)];
  const wanted = [...new Set(resources)];
  const steps = wanted.includes('loops') ? [...await chunked(tx, ids, teamsOfSteps)] : [];
  let homes: number[] = [];
  if (wanted.some((r) => r !== 'loops')) {
    const set = await chunked(tx, ids, teamsOfHomes);
    for (const t of await teamsAtPoints(tx, formerPoints)) set.add(t);
    homes = [...set];
  }
  return wanted.map((resource) => ({ resource, ids: personIds, teams: resource === 'loops' ? steps : homes }));
}
