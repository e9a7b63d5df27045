// The importer's view of the district geocoder (helper ADDRESS: domain/address, built once per
// database by server/db/gazetteer-source.ts). Addresses repeat within a sheet (a household, a
// compound), so each distinct text is geocoded once per mapping run.
import { geocode } from '../../domain/address/geocode.ts';
import { REVIEW_BELOW, type GeocodeResult } from '../../domain/address/types.ts';
import type { Db } from '../db/database.ts';
import { gazetteerFor } from '../db/gazetteer-source.ts';

export { REVIEW_BELOW };
export type Geocoder = (text: string) => GeocodeResult;

export async function geocoderFor(db: Db): Promise<Geocoder> {
  const gaz = await gazetteerFor(db);
  const cache = new Map<string, GeocodeResult>();
  return (text) => {
    const hit = cache.get(text);
    if (hit) return hit;
    const r: GeocodeResult = geocode(gaz, text);
    cache.set(text, r);
    return r;
  };
}
