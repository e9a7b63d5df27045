// Request shapes of the registry, contact, closed-loop and SLA endpoints (contract-issue5.md,
// "LOOPS-SERVER"), shared with the web forms so both refuse the same input. Personal data come in
// clear and leave masked (server/serialize.ts). Geometry is any JSON here and checked by
// domain/geometry/validate.ts, so a bad point answers 422 invalid_geometry with its reason.
import { z } from 'zod';
import { LOOP_STEPS } from '../loop/types.ts';
import { PERSON_CATEGORIES } from '../layers.ts';
import { isValidIdNumber } from '../people/id-number.ts';
import { DbId, IsoDate, MAX_DB_ID, Name, PointInput } from './common.ts';

export const CONTACT_TYPES = ['household', 'work', 'social', 'transport', 'healthcare', 'other'] as const;
export const PERSON_STATUSES = ['active', 'released', 'closed'] as const;
const Instant = z.iso.datetime({ offset: true });
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const csv = <T extends string>(values: readonly T[], what: string) => z.string().max(300).optional()
  .transform((text, ctx) => {
    const items = text?.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = items?.find((s) => !(values as readonly string[]).includes(s));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `${what}: ${bad} is not one of ${values.join(', ')}` });
    return items as T[] | undefined;
  }).describe(`comma-separated: ${values.join(', ')}`);

/** GET /people: every filter is an allow-listed value; `q` matches only what is safe to search by
 * (the person's id, the township name, the category), never names, ID or phone numbers. */
export const PeopleQuery = z.strictObject({
  category: csv(PERSON_CATEGORIES, 'category'),
  status: csv(PERSON_STATUSES, 'status'),
  step: csv(LOOP_STEPS, 'step').describe('the current (first open) loop step'),
  township: DbId.optional().describe('admin unit id of a township'),
  overdue: Flag.optional(),
  from: IsoDate.optional().describe('identified on or after this Asia/Shanghai day'),
  to: IsoDate.optional().describe('identified on or before this Asia/Shanghai day'),
  q: z.string().trim().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(64).optional(),
});

export const ChainQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });

/** POST /people/{id}/contacts: a close contact of a case, or a secondary contact of a close
 * contact. Without geometry the home address is geocoded against the district's address points. */
export const ContactCreate = z.strictObject({
  name: Name,
  idNumber: z.string().refine(isValidIdNumber, 'not a valid 18-character ID number (GB 11643 check digit)'),
  phone: z.string().regex(/^1\d{10}$/, 'an 11-digit mobile number'),
  sex: z.enum(['male', 'female']),
  age: z.number().int().min(0).max(130),
  homeAddress: z.string().trim().min(1).max(200).optional(),
  geometry: PointInput.optional(),
  contactType: z.enum(CONTACT_TYPES),
  lastExposureAt: Instant.describe('ISO instant of the last exposure to the index person'),
}).refine((b) => b.geometry !== undefined || b.homeAddress !== undefined, { message: 'give geometry or homeAddress', path: ['homeAddress'] });
export type ContactCreate = z.infer<typeof ContactCreate>;

export const BoardQuery = z.strictObject({
  team: DbId.optional().describe('responsible team id (field members: always their own)'),
  step: csv(LOOP_STEPS, 'step'),
  overdueOnly: Flag.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** POST /loops/steps/{id}/complete. `result` for tested steps; `roomId` for quarantined. */
export const StepComplete = z.strictObject({
  at: Instant.optional().describe('when it was done (default: now; never in the future)'),
  result: z.enum(['negative', 'positive']).optional(),
  roomId: z.number().int().positive().max(MAX_DB_ID).optional(),
  carerId: z.number().int().positive().max(MAX_DB_ID).optional().describe('a carer sharing the room (ed.9: children, the elderly)'),
  note: z.string().trim().max(500).optional(),
});
export type StepComplete = z.infer<typeof StepComplete>;

export const KpiQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });

const hours = z.number().positive().max(720);
const days = z.number().int().min(1).max(60);
/** PUT /loops/sla: every deadline of domain/loop SlaHours. Hours count from the previous step
 * (quarantined: from identification); *Days are calendar days. The profile's
 * loop_deadlines_hours still wins where it sets a value. */
export const SlaInput = z.strictObject({
  notified: hours, transferScheduled: hours, transferred: hours, quarantined: hours,
  hospitalDays: days, caseHomeMonitoringDays: days, travellerHomeDays: days,
  reason: z.string().trim().min(1).max(500),
});
export type SlaInput = z.infer<typeof SlaInput>;
