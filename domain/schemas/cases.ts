// Case create/update bodies. Personal data come in clear and leave masked (server/serialize.ts).
import { z } from 'zod';
import { CASE_CATEGORIES } from '../layers.ts';
import { isValidIdNumber } from '../people/id-number.ts';
import { IsoDate, Name, PointInput } from './common.ts';

export const CaseCreate = z.strictObject({
  incidentId: z.number().int().positive().optional().describe('defaults to the open incident'),
  category: z.enum(CASE_CATEGORIES),
  name: Name,
  idNumber: z.string().refine(isValidIdNumber, 'not a valid 18-character ID number (GB 11643 check digit)'),
  phone: z.string().regex(/^1\d{10}$/, 'an 11-digit mobile number'),
  sex: z.enum(['male', 'female']),
  age: z.number().int().min(0).max(130),
  homeAddress: z.string().max(200).optional(),
  geometry: PointInput,
  onsetDate: IsoDate.optional(),
  sampleDate: IsoDate.optional(),
  reportDate: IsoDate.optional(),
});
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CaseUpdate = CaseCreate.omit({ incidentId: true }).partial().extend({
  status: z.enum(['active', 'released', 'closed']).optional(),
});
export type CaseUpdate = z.infer<typeof CaseUpdate>;
