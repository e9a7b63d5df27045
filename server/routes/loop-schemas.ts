// The shapes the registry, chain, loop-board, KPI and SLA endpoints send (contract-issue5.md,
// "LOOPS-SERVER"), for their OpenAPI responses. Personal fields (name, idNumber, phone,
// homeAddress) are masked for every role that gets them and absent for the wall.
import { z } from '@hono/zod-openapi';
import { LOOP_STEPS } from '../../domain/loop/types.ts';
import { PERSON_CATEGORIES } from '../../domain/layers.ts';

const masked = z.string().optional().describe('masked (e.g. 张*, 130406**********12, 138****5678); absent for the wall');
const Lnglat = z.tuple([z.number(), z.number()]);

export const StepOut = z.object({
  id: z.number(), step: z.enum(LOOP_STEPS), seq: z.number(), dueAt: z.string(), doneAt: z.string().nullable(), cancelledAt: z.string().nullable(),
  result: z.enum(['negative', 'positive']).nullable(), roomId: z.number().nullable(), teamId: z.number().nullable(), teamName: z.string().nullable(),
  escalationLevel: z.number(), note: z.string().nullable(), actor: z.string().nullable(), overdue: z.boolean(),
}).openapi('LoopStep');

export const PersonOut = z.object({
  id: z.number(), incidentId: z.number(), category: z.enum(PERSON_CATEGORIES), status: z.enum(['active', 'released', 'closed']),
  name: masked, idNumber: masked, phone: masked, homeAddress: masked.nullable(), sex: z.enum(['male', 'female']), age: z.number(),
  onsetDate: z.string().nullable(), sampleDate: z.string().nullable(), reportDate: z.string().nullable(), identifiedAt: z.string(),
  source: z.enum(['seed', 'manual', 'import']), geocodeLevel: z.string().nullable(), geocodeConfidence: z.number().nullable(),
  townshipId: z.number().nullable(), townshipName: z.string().nullable(),
  currentStepId: z.number().nullable(), currentStep: z.enum(LOOP_STEPS).nullable(), currentDueAt: z.string().nullable(),
  overdue: z.boolean(), escalationLevel: z.number().nullable(), teamId: z.number().nullable(), teamName: z.string().nullable(),
}).openapi('RegistryPerson');

export const ExposureOut = z.object({
  id: z.number(), placeId: z.number().nullable(), buildingId: z.number().nullable(), name: z.string().nullable(), kind: z.string().nullable(),
  startAt: z.string(), endAt: z.string(), note: z.string().nullable(), point: Lnglat,
});
export const ContactOut = z.object({
  linkId: z.number(), direction: z.enum(['to', 'from']).describe('to: this person named them; from: they named this person'),
  contactType: z.string(), lastExposureAt: z.string(),
  person: z.object({ id: z.number(), category: z.enum(PERSON_CATEGORIES), status: z.string().optional(), name: masked, idNumber: masked, phone: masked,
    homeAddress: masked.nullable() }).describe('outside a field member\'s areas: id and category only'),
});
export const RoomOut = z.object({ roomId: z.number(), siteId: z.number(), siteName: z.string(), block: z.string(), floor: z.number(), roomNo: z.string(), asCarer: z.boolean() });

export const PersonDetailOut = PersonOut.extend({
  geometry: z.object({ type: z.literal('Point'), coordinates: Lnglat }),
  exposures: z.array(ExposureOut), contacts: z.array(ContactOut), steps: z.array(StepOut), room: RoomOut.nullable(),
}).openapi('PersonDetail');

export const ScheduleOut = z.object({
  category: z.enum(['closeContact', 'secondaryContact']), centralDays: z.number(), homeDays: z.number(), homeKind: z.enum(['monitoring', 'isolation']).nullable(),
  centralFrom: z.string().nullable(), centralTo: z.string().nullable(), homeFrom: z.string().nullable(), homeTo: z.string().nullable(),
  natDates: z.array(z.object({ date: z.string(), phase: z.enum(['central', 'home']), day: z.number() })),
}).passthrough();
export const ContactCreatedOut = PersonDetailOut.extend({ schedule: ScheduleOut.nullable() }).openapi('ContactCreated');

export const ChainOut = z.object({
  nodes: z.array(z.object({ id: z.number(), category: z.enum(PERSON_CATEGORIES), reportDate: z.string().nullable(), onsetDate: z.string().nullable(),
    identifiedAt: z.string(), point: Lnglat })),
  links: z.array(z.object({ from: z.number(), to: z.number(), type: z.string(), lastExposureAt: z.string() })),
  places: z.array(z.object({ personId: z.number(), placeId: z.number().nullable(), name: z.string().nullable(), point: Lnglat, startAt: z.string(), endAt: z.string() })),
}).openapi('Chains');

export const BoardItemOut = z.object({
  id: z.number().describe('the person (one open loop per person)'), category: z.enum(PERSON_CATEGORIES), name: masked, phone: masked,
  townshipName: z.string().nullable(), stepId: z.number(), step: z.enum(LOOP_STEPS), dueAt: z.string(), overdue: z.boolean(),
  overdueHours: z.number(), escalationLevel: z.number(), teamId: z.number().nullable(), teamName: z.string().nullable(),
}).openapi('BoardItem');
export const BoardOut = z.object({
  generatedAt: z.string(), truncated: z.boolean(),
  columns: z.array(z.object({ step: z.enum(LOOP_STEPS), count: z.number(), overdue: z.number() })),
  items: z.array(BoardItemOut).describe('by step (loop order), then due time: overdue first within a step'),
}).openapi('LoopBoard');

export const CompleteOut = z.object({
  step: StepOut, steps: z.array(StepOut), person: z.object({ id: z.number(), category: z.enum(PERSON_CATEGORIES), status: z.string() }),
  effects: z.object({ positive: z.boolean(), freeRoom: z.boolean(), closed: z.boolean(), cancelled: z.number(), added: z.number() }),
}).openapi('StepCompleted');

export const KpiOut = z.object({
  from: z.string(), to: z.string(), withinHours: z.number(),
  items: z.array(z.object({ date: z.string(), identified: z.number(), notifiedWithin2h: z.number(), transferredWithinN: z.number(),
    transferredPct: z.number().nullable(), medianHoursToTransfer: z.number().nullable(), overdueOpen: z.number() })),
}).openapi('LoopKpis');

const Sla = z.object({ notified: z.number(), transferScheduled: z.number(), transferred: z.number(), quarantined: z.number(),
  hospitalDays: z.number(), caseHomeMonitoringDays: z.number(), travellerHomeDays: z.number() });
export const SlaOut = z.object({
  effective: Sla.describe('what new loops are planned with'), defaults: Sla, configured: Sla.partial().describe('PUT /loops/sla'),
  profile: Sla.partial().describe('the incident profile\'s loop_deadlines_hours: wins where set'), profileKey: z.string().nullable(),
}).openapi('LoopSla');
