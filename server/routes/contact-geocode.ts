// A new contact's home point when the form gives only an address: geocoded against the district's
// gazetteer (domain/address, built once per database by server/db/gazetteer-source.ts). A match
// vaguer than a village (only the township, or nothing) cannot place anybody on a map or in a
// team's area, so it is refused (422 validation_failed naming the field, never echoing the text).
import { geocode, type GeocodeLevel } from '../../domain/address/geocode.ts';
import type { Db } from '../db/database.ts';
import { gazetteerFor } from '../db/gazetteer-source.ts';
import { ApiError } from '../errors.ts';

const PRECISE_ENOUGH: readonly GeocodeLevel[] = ['room', 'doorplate', 'building', 'compound', 'village'];

export interface HomePoint { point: [number, number]; level: GeocodeLevel; confidence: number }

export async function geocodeHome(db: Db, address: string): Promise<HomePoint> {
  const best = geocode(await gazetteerFor(db), address).best;
  if (!best || !PRECISE_ENOUGH.includes(best.level)) {
    throw new ApiError('validation_failed', `homeAddress: could not be placed at village level or finer (best match: ${best?.level ?? 'none'}); give geometry`);
  }
  return { point: best.point, level: best.level, confidence: best.confidence };
}
