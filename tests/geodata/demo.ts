// Shared by the geodata specs: the demo district for a seed, generated once per test file and
// with every (lazy) table read into an array.
import { generateDemo } from '../../geodata/generate.ts';
import type { SeedRow } from '../../geodata/types.ts';
import type { DB } from '../../server/db/schema.ts';

export type Tables = { [T in keyof DB]: SeedRow<T>[] };

/** The seed the app seeds with by default (server/config.ts SHOUWANG_DEMO_SEED). */
export const DEMO_SEED = 20220607;

const cache = new Map<number, Tables>();

export function demo(seed = DEMO_SEED): Tables {
  let t = cache.get(seed);
  if (!t) {
    const data = generateDemo({ seed, scale: 'demo' });
    t = Object.fromEntries(Object.entries(data).map(([k, rows]) => [k, [...(rows as Iterable<unknown>)]])) as Tables;
    cache.set(seed, t);
  }
  return t;
}

export const EXTENT = { west: 114.047, south: 36.342, east: 114.31, north: 36.574 };
export const NOW = '2022-06-18T02:00:00.000Z';
