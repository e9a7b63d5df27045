// The shapes the zone, profile, incident and impact endpoints send (contract-issue4.md, "API"),
// for their OpenAPI responses and the typed web client.
import { z } from '@hono/zod-openapi';
import { ZONE_LIFECYCLE } from '../../domain/schemas/zones.ts';

const Label = z.object({ zh: z.string(), en: z.string() });
export const AreaGeometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) });

export const ProfileSummaryOut = z.object({
  id: z.number(), key: z.string(), version: z.number(), name: z.string(), nameEn: z.string(), disease: z.string(),
  effectiveFrom: z.string(), effectiveTo: z.string().nullable(), source: z.string(), zoneKinds: z.array(z.string()),
  zones: z.record(z.string(), z.object({ label: Label, rank: z.number(), colour: z.string() })),
}).openapi('ProfileSummary');
export const ProfileOut = ProfileSummaryOut.extend({ params: z.record(z.string(), z.unknown()) }).openapi('Profile');

export const IncidentOut = z.object({
  id: z.number(), name: z.string(), disease: z.string(), status: z.string(), startedAt: z.string(), profile: ProfileSummaryOut.nullable(),
}).openapi('Incident');

export const ClockOut = z.object({
  kind: z.string(), dayZero: z.string(), lastInfectionDate: z.string().nullable(), dayNumber: z.number(),
  steps: z.array(z.object({ to: z.string().nullable(), due: z.string(), ready: z.boolean(),
    waitingFor: z.array(z.enum(['clean_days', 'nat_round', 'last_contact'])) })),
  downgradeOn: z.string().nullable(), liftOn: z.string().nullable(),
  requiredRounds: z.array(z.object({ date: z.string(), purpose: z.enum(['resident_nat', 'step']), done: z.boolean(), negative: z.boolean().nullable() })),
  restarted: z.boolean(), upgradeTo: z.string().nullable(),
}).openapi('ZoneClock');

export const ZonePropsOut = z.object({
  zoneId: z.number(), version: z.number(), name: z.string(), kind: z.string(), status: z.enum(ZONE_LIFECYCLE), source: z.string(),
  change: z.string(), reason: z.string().nullable(), actor: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable(),
  lastInfectionAt: z.string().nullable(), downgradeOn: z.string().nullable(), liftOn: z.string().nullable(),
  justification: z.array(z.unknown()), clock: ClockOut.nullable(), profileId: z.number().nullable(), proposalKey: z.string().nullable(),
}).openapi('ZoneProps');
export const ZoneFeatureOut = z.object({ type: z.literal('Feature'), id: z.number(), geometry: AreaGeometry, properties: ZonePropsOut }).openapi('ZoneFeature');
export const ZoneCollectionOut = z.object({ type: z.literal('FeatureCollection'), features: z.array(ZoneFeatureOut) });

export const TestRoundOut = z.object({
  id: z.number(), zoneId: z.number(), date: z.string(), tested: z.number(), positives: z.number(), note: z.string().nullable(),
  actor: z.string(), createdAt: z.string(),
}).openapi('ZoneTestRound');
export const ZoneDetailOut = z.object({
  id: z.number(), name: z.string(), current: ZoneFeatureOut, versions: z.array(ZoneFeatureOut), rounds: z.array(TestRoundOut),
}).openapi('Zone');
export const ZoneCreatedOut = z.object({ id: z.number(), current: ZoneFeatureOut });

export const ProvenanceOut = z.object({ personId: z.number(), exposureId: z.number().nullable(), reason: z.string(), reasonEn: z.string(), at: z.string() });
export const ProposalsOut = z.object({
  profile: ProfileSummaryOut, today: z.string(), type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), id: z.string(), geometry: AreaGeometry, properties: z.object({
    key: z.string(), kind: z.string(), unit: z.string(), name: z.string(), provenance: z.array(ProvenanceOut),
    lastInfectionDate: z.string().nullable(), contains: z.array(z.string()) }) })),
}).openapi('ZoneProposals');

export const ImpactOut = z.object({
  areaSquareMeters: z.number(), residents: z.number(), households: z.number(), buildings: z.number(), over65: z.number(), openLoopItems: z.number(),
  crossings: z.array(z.object({ lng: z.number(), lat: z.number(), roadId: z.number(), roadName: z.string().nullable(), roadClass: z.string() })),
  testing: z.object({ samplingPointsMin: z.number(), samplingPointsMax: z.number(), samplers: z.number(), completionHours: z.number() }),
  supplies: z.object({ perHouseholdPerDay: z.record(z.string(), z.number()), totalPerDay: z.record(z.string(), z.number()) }),
}).openapi('Impact');
