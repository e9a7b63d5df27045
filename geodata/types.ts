// The contract between the demo generator and the seeder: one iterable of rows per table.
// Rows carry their own ids (so foreign keys resolve without a round trip) and geometry as a
// GeoJSON object; the seeder serialises it and fills the bbox columns.
import type { Geometry } from 'geojson';
import type { Insertable } from 'kysely';
import type { DB } from '../server/db/schema.ts';

type BboxColumns = 'geometry' | 'min_lng' | 'min_lat' | 'max_lng' | 'max_lat';

export type SeedRow<T extends keyof DB> = Omit<Insertable<DB[T]>, BboxColumns | 'id'> &
  (DB[T] extends { id: unknown } ? { id: number } : unknown) &
  (DB[T] extends { min_lng: number } ? { geometry: Geometry } : unknown);

export type DemoData = { [T in keyof DB]?: Iterable<SeedRow<T>> };

export interface GenerateOptions {
  seed: number;
  scale: 'demo' | 'city';
}
