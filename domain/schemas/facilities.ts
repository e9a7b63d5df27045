// Create/update bodies of checkpoints, quarantine sites and testing sites.
import { z } from 'zod';
import { CHECKPOINT_KINDS, TESTING_SITE_KINDS } from '../layers.ts';
import { FacilityStatus, Name, PointInput } from './common.ts';

const count = z.number().int().min(0).max(100_000);

export const CheckpointCreate = z.strictObject({
  name: Name,
  kind: z.enum(CHECKPOINT_KINDS),
  status: FacilityStatus.default('active'),
  roadName: z.string().max(100).optional(),
  shifts: count.default(3),
  staff: count.default(0),
  throughputPerDay: count.default(0),
  geometry: PointInput,
});
export const CheckpointUpdate = CheckpointCreate.partial();

export const QuarantineSiteCreate = z.strictObject({
  name: Name,
  address: z.string().trim().min(1).max(200),
  status: FacilityStatus.default('active'),
  geometry: PointInput,
});
export const QuarantineSiteUpdate = QuarantineSiteCreate.partial();

export const TestingSiteCreate = z.strictObject({
  name: Name,
  kind: z.enum(TESTING_SITE_KINDS),
  capacityPerHour: count,
  openingHours: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'HH:MM-HH:MM').default('07:00-19:00'),
  status: FacilityStatus.default('active'),
  geometry: PointInput,
});
export const TestingSiteUpdate = TestingSiteCreate.partial();
