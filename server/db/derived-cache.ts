// Indexes derived from a whole layer (the impact index, the address gazetteer) are read in keyset
// pages and built once per database, then kept for the life of the process.
import type { Db } from './database.ts';

export const PAGE = 50_000;

/** Reads a table in keyset pages so no single result holds every row twice over. */
export async function paged<R extends { id: number }>(page: (afterId: number) => Promise<R[]>, each: (r: R) => void): Promise<void> {
  for (let after = 0; ;) {
    const rows = await page(after);
    rows.forEach(each);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/** `build` once per database on first use; a failed build is retried next time; `forget` drops it
 * (after the layers it reads changed). */
export function perDatabase<T>(build: (db: Db) => Promise<T>): { get: (db: Db) => Promise<T>; forget: (db: Db) => void } {
  const cache = new WeakMap<Db, Promise<T>>();
  return {
    get(db) {
      let p = cache.get(db);
      if (!p) {
        p = build(db);
        p.catch(() => cache.delete(db));
        cache.set(db, p);
      }
      return p;
    },
    forget: (db) => { cache.delete(db); },
  };
}
