// The control zones the coverage analyses read, per request: the active zones of the open incident
// (capacity rows, checkpoint suggestions) and among them the sealed ones — the kind of the
// profile's highest rank (封控区 in cn-2021-community, 高风险区 in ed.9 and the 20 measures), whose
// residents may not leave and whose roads outsiders may not use (domain-rules.md §1.1).
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../db/database.ts';
import { incidentProfile } from '../db/profiles.ts';
import { openIncidentId } from '../db/records.ts';
import { versionsAt } from '../db/zones.ts';

export interface ActiveZone { zoneId: number; rowId: number; name: string; kind: string; geometry: Polygon | MultiPolygon }
export interface IncidentZones { incidentId: number | null; active: ActiveZone[]; sealedKind: string | null; sealed: ActiveZone[] }

/** The sealed kind of a profile: its highest-ranked zone kind (null: the profile has none). */
export function sealedKindOf(zones: Record<string, { rank: number }>): string | null {
  let best: string | null = null;
  for (const [kind, z] of Object.entries(zones)) if (best === null || z.rank > zones[best].rank) best = kind;
  return best;
}

export async function incidentZones(db: Db, now: string): Promise<IncidentZones> {
  const incidentId = await openIncidentId(db);
  if (incidentId === undefined) return { incidentId: null, active: [], sealedKind: null, sealed: [] };
  // Seed rows call a stepped-down zone 'downgraded'; it is in force like 'active' (db/zones.ts).
  const versions = (await versionsAt(db, { at: now, statuses: ['active', 'downgraded'] })).filter((v) => v.incidentId === incidentId);
  const active = versions.map((v): ActiveZone => ({ zoneId: v.zoneId, rowId: v.rowId, name: v.name, kind: v.kind, geometry: v.geometry }));
  const profile = await incidentProfile(db, incidentId);
  const sealedKind = profile ? sealedKindOf(profile.params.zones) : null;
  return { incidentId, active, sealedKind, sealed: active.filter((z) => z.kind === sealedKind) };
}
