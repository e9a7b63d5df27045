// The shapes of the /coverage routes (contract-issue8.md; wire types in domain/coverage/types.ts,
// which these zod twins follow for the OpenAPI document and the validation at the edge). Counts of
// residents by area and 100 m cell, facilities and roads: no personal field.
import { z } from '@hono/zod-openapi';
import { DEFAULT_BAND_MINUTES, FACILITY_TYPES, MAX_MINUTES } from '../../domain/coverage/types.ts';
import { TRAVEL_MODES } from '../../domain/routing/types.ts';

const Facility = z.enum(FACILITY_TYPES).describe('testingSites | quarantineSites | feverClinics | supplyPoints');
const Mode = z.enum(TRAVEL_MODES as ['walk', 'drive']).describe('walk (4 km/h) or drive (speeds by road class)');
const Minutes = z.number().int().min(1).max(MAX_MINUTES);
const QueryMinutes = z.coerce.number().int().min(1).max(MAX_MINUTES);
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const AvoidSealed = 'true: routes may not enter a zone of the profile\'s sealed kind, whose residents are then served at the door';
const LngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).describe('WGS-84 [lng, lat]');

export const CoverageQuerySchema = z.strictObject({
  facility: Facility.default('testingSites'),
  mode: Mode.default('walk'),
  minutes: QueryMinutes.default(15),
  avoidSealed: Flag.default(true).describe(AvoidSealed),
});

/** `minutes=5,10,15`: up to 6 distinct bands of 1–60 minutes. */
const Bands = z.string().max(40).default(DEFAULT_BAND_MINUTES.join(',')).transform((text, ctx) => {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (!items.length || items.length > 6 || items.some((m) => !Number.isInteger(m) || m < 1 || m > MAX_MINUTES)) {
    ctx.addIssue({ code: 'custom', message: `minutes: 1 to 6 whole numbers of 1–${MAX_MINUTES}, comma-separated` });
    return z.NEVER;
  }
  return [...new Set(items)].sort((a, b) => b - a);
});
export const ServiceAreasQuery = CoverageQuerySchema.omit({ minutes: true }).extend({ minutes: Bands.describe('bands, e.g. 5,10,15') });

const Query = { facility: Facility, mode: Mode, minutes: Minutes, avoidSealed: z.boolean() };
const BodyQuery = { facility: Facility.default('testingSites'), mode: Mode.default('walk'), minutes: Minutes.default(15),
  avoidSealed: z.boolean().default(true).describe(AvoidSealed) };

export const WithinBodySchema = z.strictObject({ ...BodyQuery,
  geometry: z.unknown().meta({ description: 'GeoJSON Polygon or MultiPolygon, WGS-84' }) });

export const RouteBodySchema = z.strictObject({
  from: LngLat, to: LngLat.optional().describe('a destination; or name `facility` for the nearest one'),
  facility: Facility.optional(), mode: Mode.default('walk'), avoidSealed: z.boolean().default(true).describe(AvoidSealed),
}).refine((b) => (b.to === undefined) !== (b.facility === undefined), { message: 'name either `to` or `facility`, not both', path: ['to'] });

export const PlacementBodySchema = z.strictObject({ ...BodyQuery, k: z.number().int().min(1).max(20).default(3).describe('new sites to place') });

const FacilityOut = z.object({ id: z.number(), name: z.string(), lng: z.number(), lat: z.number(),
  onNetwork: z.boolean().describe('false: no usable road within 300 m'), insideSealed: z.boolean() });
const Row = z.object({
  level: z.enum(['district', 'township', 'village', 'grid', 'polygon']), id: z.number().nullable(), code: z.string().nullable(), name: z.string(),
  parentId: z.number().nullable(), residents: z.number(), covered: z.number(), uncovered: z.number(),
  share: z.number().describe('covered ÷ (residents − insideSealed); 1 when nobody must travel'),
  insideSealed: z.number().describe('residents of sealed zones: served at the door, neither covered nor uncovered'),
}).openapi('CoverageRow');
const MultiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(LngLat))) });
const PointSchema = z.object({ type: z.literal('Point'), coordinates: LngLat });
const LineStringSchema = z.object({ type: z.literal('LineString'), coordinates: z.array(LngLat) });

export const ServiceAreasOut = z.object({
  facility: Facility, mode: Mode, avoidSealed: z.boolean(),
  bands: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ type: z.literal('Feature'), geometry: MultiPolygonSchema,
    properties: z.object({ minutes: z.number(), areaSquareMeters: z.number() }) })) }).describe('nested bands, largest first'),
  facilities: z.array(FacilityOut), sealedZoneIds: z.array(z.number()),
}).openapi('ServiceAreas');

export const SummaryOut = z.object({ ...Query, district: Row, townships: z.array(Row), villages: z.array(Row), grids: z.array(Row),
  facilities: z.number() }).openapi('CoverageSummary');

export const UncoveredOutSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ type: z.literal('Feature'),
  geometry: PointSchema, properties: z.object({ residents: z.number(), households: z.number(), minutes: z.number().nullable() }) })) })
  .describe('uncovered residents summed into 100 m cells (cell centres)').openapi('UncoveredCells');

export const WithinOut = Row;

export const RouteOutSchema = z.object({
  found: z.boolean(), reason: z.string().nullable().describe('no_road_near_start | no_road_near_end | unreachable'),
  route: LineStringSchema.nullable(), meters: z.number(), minutes: z.number(), facility: FacilityOut.nullable(), sealedZoneIds: z.array(z.number()),
}).openapi('CoverageRoute');

export const PlacementOutSchema = z.object({ ...Query, residents: z.number(), coveredBefore: z.number(), candidates: z.number(),
  picks: z.array(z.object({ placeId: z.number(), name: z.string(), kind: z.string(), lng: z.number(), lat: z.number(),
    addedResidents: z.number(), coveredAfter: z.number() })) }).openapi('CoveragePlacement');

const RuleSourceSchema = z.object({ key: z.string(), rule: z.string(), source: z.string() });
export const CapacityOutSchema = z.object({
  rows: z.array(z.object({
    level: z.enum(['district', 'township', 'zone']), id: z.number().nullable(), name: z.string(), zoneKind: z.string().nullable(), population: z.number(),
    samplingPoints: z.object({ needMin: z.number(), needMax: z.number(), present: z.number() }), samplers: z.object({ need: z.number() }),
    testHours: z.number().nullable(), targetHours: z.number(),
    quarantineRooms: z.object({ need: z.number(), present: z.number(), free: z.number() }),
  })),
  contactForecast: z.object({ recentCases: z.number(), contactsPerCase: z.number(), forecast: z.number(), roomsFree: z.number() }),
  sources: z.array(RuleSourceSchema),
}).openapi('CoverageCapacity');

export const CheckpointsOut = z.object({
  suggestions: z.array(z.object({ zoneId: z.number(), zoneName: z.string(), zoneKind: z.string(), lng: z.number(), lat: z.number(),
    roadId: z.number(), roadName: z.string().nullable(), roadClass: z.string() })),
  covered: z.number().describe('crossings that already have an active checkpoint within 50 m'),
}).openapi('CheckpointSuggestions');
