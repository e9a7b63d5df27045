// Request bodies of the administrator's endpoints: users, teams and team areas
// (contract-issue3.md, "Data API"). Shared with the web admin forms so both reject the same input.
import { z } from 'zod';
import { ROLES } from '../auth/policy.ts';

/** Lower-case so that sign-in (which lower-cases what is typed) always finds the account. */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;
export const isUsername = (v: string): boolean => USERNAME_PATTERN.test(v);

export const TEAM_KINDS = ['field', 'tracing', 'transfer', 'sampling', 'command'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

const Id = z.number().int().positive();
const DisplayName = z.string().trim().min(1).max(64);

export const UserCreate = z.strictObject({
  username: z.string().regex(USERNAME_PATTERN, '3–32 characters: a-z 0-9 _ . -'),
  displayName: DisplayName,
  role: z.enum(ROLES),
  teamId: Id.nullable().optional(),
});

export const UserUpdate = z.strictObject({
  displayName: DisplayName.optional(),
  role: z.enum(ROLES).optional(),
  teamId: Id.nullable().optional(),
  disabled: z.boolean().optional(),
}).refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });

export const TeamCreate = z.strictObject({
  name: z.string().trim().min(1).max(64),
  kind: z.enum(TEAM_KINDS),
});

/** A team area: an admin unit, a grid, or a drawn polygon (checked by geometry/validate.ts). */
export const AreaBody = z.union([
  z.strictObject({ adminUnitId: Id }),
  z.strictObject({ gridId: Id }),
  z.strictObject({ geometry: z.unknown().meta({ description: 'GeoJSON Polygon, WGS-84 [lng, lat]' }) }),
]);

/** Replaces all of a team's areas; 200 keeps one request well below the body limit. */
export const TeamAreasBody = z.strictObject({ areas: z.array(AreaBody).max(200) });
