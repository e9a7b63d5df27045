// Schema pieces shared by the resource schemas. Geometry is accepted as any JSON here and
// checked by geometry/validate.ts, so that a bad geometry answers 422 with its reason.
import { z } from 'zod';
import { FACILITY_STATUSES } from '../layers.ts';

export const PointInput = z.unknown().meta({
  description: 'GeoJSON Point, WGS-84 [lng, lat]',
  example: { type: 'Point', coordinates: [114.2039, 36.4204] },
});

export const IsoDate = z.iso.date().describe('Asia/Shanghai calendar day, YYYY-MM-DD');
export const FacilityStatus = z.enum(FACILITY_STATUSES);
export const Name = z.string().trim().min(1).max(100);
