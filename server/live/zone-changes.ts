// A zone's change: the zone id, and the teams of its versions before and after the write
// (zone_version_teams, exact polygon overlap) — a polygon edited out of a team's area is a zone
// that team's map must drop. Call after the new version's teams are written.
import type { Db } from '../db/database.ts';
import type { Change } from './emit.ts';
import { teamsOfZoneVersions } from './event-teams.ts';

export async function zoneChange(tx: Db, zoneId: number, versionRowIds: readonly (number | undefined)[]): Promise<Change> {
  const rows = versionRowIds.filter((v): v is number => v !== undefined);
  return { resource: 'zones', ids: [zoneId], teams: await teamsOfZoneVersions(tx, rows) };
}
