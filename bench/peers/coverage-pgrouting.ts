// The pgRouting peer of bench/coverage-demo.ts: pgr_drivingDistance (Dijkstra with a cost limit)
// from every testing site at once, over the very edges and walking minutes of our graph, in a
// scratch database on the machine's PostgreSQL 15 (postgresql-15-pgrouting installed from Debian
// when missing). `equicost` assigns each node to its nearest site: our multi-source search.
// pgRouting starts at nodes, not at a spot along an edge, so each site starts at the nearer end of
// its snapped edge and without its walk to the road: the reached counts differ a little from ours.
import type { EdgeCosts, RoadGraph, Snapped } from '../../domain/routing/types.ts';
import { openScratch } from './pg-scratch.ts';

const SCRATCH_DB = 'shouwang_bench_coverage_routing';
const DRIVING_DISTANCE_SQL = `SELECT count(*) AS reached FROM pgr_drivingDistance(
  'SELECT id, source, target, cost, reverse_cost FROM bench_edges', $1::bigint[], $2::float8, directed => true, equicost => true)`;

export interface PgRouting { version: string; run(cutoffMinutes: number): Promise<{ ms: number; reachedNodes: number }>; close(): Promise<void> }

export async function openPgRouting(graph: RoadGraph, costs: EdgeCosts, sites: Snapped): Promise<PgRouting> {
  const scratch = await openScratch(SCRATCH_DB, 'postgresql-15-pgrouting', 'create extension pgrouting cascade');
  const { client } = scratch;
  try {
    // pgRouting's convention: a negative cost is a direction that cannot be travelled.
    const ids: number[] = [], from: number[] = [], to: number[] = [], cost: number[] = [], back: number[] = [];
    for (let e = 0; e < graph.edgeCount; e++) {
      const m = costs.minutes[e];
      ids.push(e); from.push(graph.edgeFrom[e]); to.push(graph.edgeTo[e]);
      cost.push(Number.isFinite(m) ? m : -1); back.push(Number.isFinite(m) && !costs.forwardOnly[e] ? m : -1);
    }
    await client.query(`create table bench_edges as select * from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[], $5::float8[])
      as t(id, source, target, cost, reverse_cost)`, [ids, from, to, cost, back]);
    const starts = new Set<number>();
    for (let i = 0; i < sites.edge.length; i++) {
      const e = sites.edge[i];
      if (e >= 0) starts.add(sites.t[i] < 0.5 ? graph.edgeFrom[e] : graph.edgeTo[e]);
    }
    const version = (await client.query<{ v: string }>('select pgr_version() as v')).rows[0].v;
    return {
      version: `pgRouting ${version}`,
      async run(cutoffMinutes) {
        const t0 = performance.now();
        const r = await client.query<{ reached: string }>(DRIVING_DISTANCE_SQL, [[...starts], cutoffMinutes]);
        return { ms: performance.now() - t0, reachedNodes: Number(r.rows[0].reached) };
      },
      async close() {
        await scratch.drop();
      },
    };
  } catch (e) {
    await scratch.drop();
    throw e;
  }
}
