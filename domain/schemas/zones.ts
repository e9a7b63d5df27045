// Request bodies of the zone, profile, incident and impact endpoints (contract-issue4.md, "API"),
// shared with the web /plan forms so both refuse the same input. Geometry is accepted as any
// JSON here and checked by domain/zones/zone-geometry.ts, so that a bad polygon answers 422
// with a stable code (self_intersection, too_many_vertices, outside_district) and its reason.
import { z } from 'zod';
import { IsoDate } from './common.ts';

/** The statuses a zone version can have; a downgrade stays `active` with a lower kind. */
export const ZONE_LIFECYCLE = ['proposed', 'active', 'lifted'] as const;
export type ZoneLifecycleStatus = (typeof ZONE_LIFECYCLE)[number];
export const ZONE_SOURCES = ['drawn', 'proposal'] as const;

const Id = z.number().int().positive();
const Reason = z.string().trim().min(1).max(500);
const Kind = z.string().min(1).max(64);
const ZoneName = z.string().trim().min(1).max(100);
const BaseVersion = z.number().int().positive().describe('the version the change was made on (optimistic lock)');
const ZoneGeometry = z.unknown().meta({ description: 'GeoJSON Polygon or MultiPolygon, WGS-84 [lng, lat], inside the district' });

/** One piece of a zone's justification: which case and exposure, and why (zh + en). The server
 * also checks that the person is a case of the incident and the exposure theirs (422
 * invalid_justification): a zone's provenance must point at real records. */
export const ProvenanceInput = z.strictObject({
  personId: z.number().int().positive(),
  exposureId: z.number().int().positive().nullable(),
  reason: z.string().trim().min(1).max(200),
  reasonEn: z.string().trim().min(1).max(200),
  at: z.iso.datetime({ offset: true }).describe('ISO instant: the exposure\'s start'),
});

export const ZoneCreate = z.strictObject({
  name: ZoneName,
  kind: Kind,
  geometry: ZoneGeometry,
  source: z.enum(ZONE_SOURCES),
  proposalKey: z.string().min(1).max(64).optional(),
  justification: z.array(ProvenanceInput).max(2000).optional(),
  reason: Reason.optional(),
});

export const ZoneUpdate = z.strictObject({
  baseVersion: BaseVersion,
  name: ZoneName.optional(),
  kind: Kind.optional(),
  geometry: ZoneGeometry.optional(),
  reason: Reason,
}).refine((b) => b.name !== undefined || b.kind !== undefined || b.geometry !== undefined, { message: 'nothing to change' });

export const ZoneStep = z.strictObject({ baseVersion: BaseVersion, reason: Reason });
export const ZoneDowngrade = z.strictObject({ baseVersion: BaseVersion, toKind: Kind, reason: Reason });
/** 2021 rules: a positive inside a 管控区 makes it a 封控区 (clock.upgradeTo); the kind must rank higher. */
export const ZoneUpgrade = z.strictObject({ baseVersion: BaseVersion, toKind: Kind, reason: Reason });

export const TestRoundCreate = z.strictObject({
  date: IsoDate,
  tested: z.number().int().min(0).max(10_000_000),
  positives: z.number().int().min(0).max(10_000_000),
  note: z.string().trim().max(500).optional(),
}).refine((b) => b.positives <= b.tested, { message: 'positives cannot exceed tested', path: ['positives'] });

/** An instant, or a Shanghai calendar day meaning the end of that day. */
export const AsOf = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ProposalRequest = z.strictObject({ at: AsOf.optional() });
export const ImpactRequest = z.strictObject({ geometry: ZoneGeometry });

export const ProfileCreate = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
  name: z.string().trim().min(1).max(200),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  source: z.string().trim().min(1).max(4000),
  params: z.unknown().meta({ description: 'the profile parameters (domain/zones/profile.ts profileParams)' }),
});

export const IncidentProfile = z.strictObject({ profileId: Id, reason: Reason });
