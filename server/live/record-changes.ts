// Changes to a record resource row (routes/records.ts: cases, checkpoints, quarantine and
// testing sites) — point rows, so the teams are those whose areas hold the row's point before
// or after the write (a checkpoint moved across a boundary leaves one team and enters another).
// A case also shows in the registry and on the loop board (per person: its home's teams read
// the one, its steps' teams the other, person-changes.ts);
// a quarantine site's name and status also show in the room occupancy view.
import type { Resource } from '../../domain/auth/policy.ts';
import type { Db } from '../db/database.ts';
import type { Change } from './emit.ts';
import { teamsAtPoints } from './event-teams.ts';
import { personChanges } from './person-changes.ts';

/** A stored point row: min = max is the point (every spatial table keeps its bbox columns). */
type PointRow = Record<string, unknown>;

const pointOf = (r: PointRow): [number, number] => [Number(r.min_lng), Number(r.min_lat)];

/** `rows`: the row as it was (on an update) and as it is now. */
export async function recordChanges(tx: Db, resource: Resource, id: number, rows: readonly PointRow[]): Promise<Change[]> {
  const points = rows.map(pointOf);
  if (resource === 'cases') return personChanges(tx, [id], ['cases', 'loops'], points);
  const change: Change = { resource, ids: [id], teams: await teamsAtPoints(tx, points) };
  return resource === 'quarantineSites' ? [change, { resource: 'rooms' }] : [change];
}
