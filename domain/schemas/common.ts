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

/** The largest id a record can have: ids are 32-bit integer columns on PostgreSQL (serial), so a
 * bigger number is refused at the edge (400) rather than failing in the database (review H4). */
export const MAX_DB_ID = 2147483647;
/** Every record id in a path, query or body: a positive integer a database id column can hold. */
export const DbId = z.coerce.number().int().positive().max(MAX_DB_ID);
