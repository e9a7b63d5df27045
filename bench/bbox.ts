// bbox queries over the city-scale set (≥ 1,000,000 tracked persons, ≥ 100,000 cases): p50 and
// p95 per query for 1 km and 5 km boxes centred on random persons, through the same query
// function the API uses, beside a plain scan of the same rows (no spatial index).
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boxAround, type Bbox } from '../domain/geometry/bbox.ts';
import { LAYER_LIMIT_DEFAULT } from '../domain/layers.ts';
import { generateDemo } from '../geodata/generate.ts';
import { mulberry32 } from '../geodata/prng.ts';
import { openDatabase, type Db } from '../server/db/database.ts';
import { queryLayer } from '../server/db/layers.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';
import { loadRows } from '../server/db/seed.ts';
import { ms, ratio, summarise, type Row } from './harness.ts';

/** Boxes centred on random rows of `table` (persons, or address points: where people live). */
async function boxes(db: Db, halfSideMeters: number, count: number, table: 'persons' | 'address_points' = 'persons'): Promise<Bbox[]> {
  const rnd = mulberry32(halfSideMeters);
  const max = (await db.kysely.selectFrom(table).select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m as number;
  const out: Bbox[] = [];
  while (out.length < count) {
    const p = await db.kysely.selectFrom(table).select(['min_lng', 'min_lat']).where('id', '=', 1 + Math.floor(rnd() * max)).executeTakeFirst();
    if (p) out.push(boxAround(p.min_lng, p.min_lat, halfSideMeters));
  }
  return out;
}

async function time(fn: (b: Bbox) => Promise<unknown>, bs: Bbox[]): Promise<{ p50: number; p95: number; rows: number }> {
  const samples: number[] = [];
  let rows = 0;
  for (const b of bs) {
    const t0 = performance.now();
    const r = (await fn(b)) as unknown[];
    samples.push(performance.now() - t0);
    rows += r.length;
  }
  return { ...summarise(samples), rows: Math.round(rows / bs.length) };
}

/** The product's own scale: 1 km viewports over the demo township district, as the map asks for
 *  buildings (zoom ≥ 14) and cases, beside a plain scan of the buildings table. */
export async function benchDemoBbox(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-demo-'));
  const db = openDatabase({ file: join(dir, 'demo.sqlite') });
  try {
    await migrateToLatest(db.kysely as never);
    await loadRows(db, generateDemo({ seed: 20220607, scale: 'demo' }));
    const bs = await boxes(db, 500, 200, 'address_points');
    const scan = ([w, s, e, n]: Bbox) => sql`select id, geometry from buildings where max_lng >= ${w} and min_lng <= ${e} and max_lat >= ${s} and min_lat <= ${n}`
      .execute(db.kysely).then((r) => r.rows);
    const buildings = await time((x) => queryLayer(db, 'buildings', { bbox: x, limit: LAYER_LIMIT_DEFAULT }).then((r) => r.rows), bs);
    const peer = await time(scan, bs);
    const cases = await time((x) => queryLayer(db, 'cases', { bbox: x, limit: LAYER_LIMIT_DEFAULT }).then((r) => r.rows), bs);
    return [
      { figure: `demo, 1 km box, buildings layer page (avg ${buildings.rows.toLocaleString()} rows)`, ours: `p50 ${ms(buildings.p50)} / p95 ${ms(buildings.p95)}`,
        target: 'p95 ≤ 5 ms', peer: 'plain scan, same rows', peerValue: `p50 ${ms(peer.p50)} / p95 ${ms(peer.p95)}`, ratio: ratio(buildings.p50, peer.p50) },
      { figure: `demo, 1 km box, cases layer page (avg ${cases.rows.toLocaleString()} rows)`, ours: `p50 ${ms(cases.p50)} / p95 ${ms(cases.p95)}`,
        target: 'p95 ≤ 5 ms', peer: '', peerValue: '', ratio: '' },
    ];
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchBbox(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-city-'));
  const db = openDatabase({ file: join(dir, 'city.sqlite') });
  try {
    await migrateToLatest(db.kysely as never);
    const t0 = performance.now();
    const counts = await loadRows(db, generateDemo({ seed: 20220607, scale: 'city' }));
    const seedS = (performance.now() - t0) / 1000;
    const cases = await db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('category', 'in', ['confirmed', 'asymptomatic', 'suspected']).executeTakeFirstOrThrow();
    const rows: Row[] = [{ figure: `city-scale seed (${counts.persons.toLocaleString()} persons, ${Number(cases.n).toLocaleString()} cases)`,
      ours: `${seedS.toFixed(1)} s`, target: '', peer: '', peerValue: '', ratio: '' }];
    // Three questions per box size: the index alone (ids), whole rows with geometry, and the
    // API's own page of the cases layer (default limit), each beside a plain scan where it applies.
    const ids = (b: Bbox) => db.kysely.selectFrom('persons').select('id').where(db.inBbox('persons', b)).execute();
    const full = (b: Bbox) => db.kysely.selectFrom('persons').select(['id', 'geometry']).where(db.inBbox('persons', b)).execute();
    const scanWhere = ([a, b, c, d]: Bbox) => sql`max_lng >= ${a} and min_lng <= ${c} and max_lat >= ${b} and min_lat <= ${d}`;
    const scanIds = (b: Bbox) => sql`select id from persons where ${scanWhere(b)}`.execute(db.kysely).then((r) => r.rows);
    const scanFull = (b: Bbox) => sql`select id, geometry from persons where ${scanWhere(b)}`.execute(db.kysely).then((r) => r.rows);
    const page = (b: Bbox) => queryLayer(db, 'cases', { bbox: b, limit: LAYER_LIMIT_DEFAULT }).then((r) => r.rows);
    for (const [label, half, queries, target] of [['1 km', 500, 200, 'p95 ≤ 5 ms'], ['5 km', 2500, 50, '']] as const) {
      const bs = await boxes(db, half, queries);
      const peerBs = bs.slice(0, 30); // a scan reads all 1M rows each time: fewer samples suffice
      type Query = (b: Bbox) => Promise<unknown[]>;
      const pair = async (what: string, ours: Query, peer: Query | null, tgt: string) => {
        const o = await time(ours, bs);
        const p = peer ? await time(peer, peerBs) : null;
        rows.push({ figure: `${label} box, ${what} (avg ${o.rows.toLocaleString()} rows)`, ours: `p50 ${ms(o.p50)} / p95 ${ms(o.p95)}`, target: tgt,
          peer: p ? 'plain scan, same rows' : '', peerValue: p ? `p50 ${ms(p.p50)} / p95 ${ms(p.p95)}` : '', ratio: p ? ratio(o.p50, p.p50) : '' });
      };
      await pair('ids through the R*Tree', ids, scanIds, target);
      await pair('ids + geometry of all persons', full, scanFull, '');
      await pair(`cases layer page (limit ${LAYER_LIMIT_DEFAULT})`, page, null, '');
    }
    return rows;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
