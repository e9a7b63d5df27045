// The shapes the administrator's endpoints send and take (contract-issue3.md, "Data API").
// Kept web-side because the page only reads them; the server validates with its own schemas.
import type { MultiPolygon, Polygon } from 'geojson';
import { ROLES, type Role } from '../../domain/auth/policy.ts';

export { ROLES }; // the policy table's own list, so a new role reaches the forms

export const TEAM_KINDS = ['field', 'tracing', 'transfer', 'sampling', 'command'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const AREA_KINDS = ['village', 'township', 'district', 'grid', 'drawn'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  teamId: number | null;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser { username: string; displayName: string; role: Role; teamId?: number | null }
export interface UserPatch { displayName?: string; role?: Role; teamId?: number | null; disabled?: boolean }

export interface Area {
  id: number;
  kind: AreaKind;
  adminUnitId: number | null;
  gridId: number | null;
  name: string | null;
}

export interface Team {
  id: number;
  name: string;
  kind: TeamKind;
  memberCount: number;
  areas: Area[];
}

/** One entry of PUT /teams/{id}/areas: a grid, an admin unit, or a drawn polygon. */
export type AreaInput = { gridId: number } | { adminUnitId: number } | { geometry: Polygon };
export type AreaGeometry = Polygon | MultiPolygon;

export interface PolicyRow { role: Role; resource: string; action: string; scope: 'all' | 'own' }
export interface Policy { roles: Role[]; rows: PolicyRow[] }

export interface AuditEntry {
  id: number;
  at: string;
  actor: unknown; // the contract leaves it open: a username, an id or {id, username}
  action: string;
  entity: string;
  entityId: string | number | null;
  before: unknown;
  after: unknown;
  route: string | null;
  ip: string | null;
  hash: string;
}

export interface AuditPage { items: AuditEntry[]; next: string | null }
export interface AuditVerify { ok: boolean; entries: number; firstBrokenId: number | null }
