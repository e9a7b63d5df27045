// bbox queries over the city-scale set (≥ 1,000,000 tracked persons, ≥ 100,000 cases): p50 and
// p95 per query for 1 km and 5 km boxes centred on random persons, through the same query
// function the API uses, beside a plain scan of the same rows (no spatial index).
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boxAround, type Bbox } from '../domain/geometry/bbox.ts';
import { LAYER_LIMIT_MAX } from '../domain/layers.ts';
import { generateDemo } from '../geodata/generate.ts';
import { openDatabase, type Db } from '../server/db/database.ts';
import { queryLayer } from '../server/db/layers.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';
import { loadRows } from '../server/db/seed.ts';
import { ms, ratio, summarise, type Row } from './harness.ts';

const QUERIES = 200;

function mulberry32(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function boxes(db: Db, halfSideMeters: number): Promise<Bbox[]> {
  const rnd = mulberry32(halfSideMeters);
  const max = (await db.kysely.selectFrom('persons').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m as number;
  const out: Bbox[] = [];
  while (out.length < QUERIES) {
    const p = await db.kysely.selectFrom('persons').select(['min_lng', 'min_lat']).where('id', '=', 1 + Math.floor(rnd() * max)).executeTakeFirst();
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
    const indexed = (b: Bbox) => db.kysely.selectFrom('persons').select(['id', 'geometry']).where(db.inBbox('persons', b)).execute();
    const scan = ([a, b, c, d]: Bbox) => sql`select id, geometry from persons where max_lng >= ${a} and min_lng <= ${c} and max_lat >= ${b} and min_lat <= ${d}`.execute(db.kysely).then((r) => r.rows);
    const layer = (b: Bbox) => queryLayer(db, 'cases', { bbox: b, limit: LAYER_LIMIT_MAX }).then((r) => r.rows);
    for (const [label, half, target] of [['1 km', 500, 'p95 ≤ 5 ms'], ['5 km', 2500, '']] as const) {
      const bs = await boxes(db, half);
      const ours = await time(indexed, bs);
      const peer = await time(scan, bs.slice(0, 40));
      const viaLayer = await time(layer, bs);
      rows.push({ figure: `${label} box, all persons (R*Tree; avg ${ours.rows.toLocaleString()} rows)`, ours: `p50 ${ms(ours.p50)} / p95 ${ms(ours.p95)}`,
        target, peer: 'plain scan, same rows', peerValue: `p50 ${ms(peer.p50)} / p95 ${ms(peer.p95)}`, ratio: ratio(ours.p50, peer.p50) });
      rows.push({ figure: `${label} box, cases layer query (avg ${viaLayer.rows.toLocaleString()} rows)`, ours: `p50 ${ms(viaLayer.p50)} / p95 ${ms(viaLayer.p95)}`,
        target: '', peer: '', peerValue: '', ratio: '' });
    }
    return rows;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
