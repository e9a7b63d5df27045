// Coverage on the demo's roads (issue 8): (a) 15-minute walking service areas of every active
// testing site, bands 5/10/15 (target ≤ 2 s), step by step as the server computes one question —
// walking costs, snapping the sites, the multi-source cut-off Dijkstra, the band polygons — with
// the graph and its edge index (built once per database) on their own row, and the residents
// within 15 minutes (every address point snapped once per database, then pointMinutes);
// (b) placement of 10 new sites among the candidate places: reachSets (one cut-off Dijkstra per
// candidate) + greedyPlacement (lazy greedy), with each pick's added residents, beside the plain
// greedy (every candidate recounted at every step; must pick the same). The demo's sites already
// serve every candidate's neighbourhood but a few, so the greedy is also run from scratch (no
// existing site) on the same reach sets: ten real steps. Peer for the Dijkstra:
// pgRouting's pgr_drivingDistance over the same edges and minutes (bench/peers/coverage-pgrouting.ts);
// nothing in PostGIS/pgRouting draws road-following band polygons, so that step has no peer.
// Medians of 3 runs after one untimed warm-up.
import { serviceAreas } from '../domain/coverage/isochrones.ts';
import { greedyPlacement } from '../domain/coverage/placement.ts';
import { edgeCosts } from '../domain/routing/costs.ts';
import { travelTimes } from '../domain/routing/dijkstra.ts';
import { buildRoadGraph } from '../domain/routing/graph.ts';
import { pointMinutes } from '../domain/routing/point-times.ts';
import { reachSets } from '../domain/routing/reach.ts';
import { edgeIndex, snapPoints } from '../domain/routing/snap.ts';
import type { RoadGraph, Snapped } from '../domain/routing/types.ts';
import { loadDemoWorld, type DemoWorld } from './coverage-demo-data.ts';
import { ms, ratio, summarise, type Row } from './harness.ts';
import { openPgRouting, type PgRouting } from './peers/coverage-pgrouting.ts';

const RUNS = 3;
const MINUTES = 15;
const BANDS = [5, 10, 15];
const NEW_SITES = 10;

type Step = 'graph' | 'index' | 'costs' | 'snapSites' | 'dijkstra' | 'areas' | 'snapPoints' | 'pointMinutes' | 'snapCandidates' | 'reach' | 'greedy' | 'plainGreedy' | 'greedyScratch' | 'plainScratch';

/** The plain greedy of Church & ReVelle: every candidate's gain recounted at every step. */
function plainGreedy(reach: readonly Int32Array[], residents: Float64Array, covered: Uint8Array, k: number): number[] {
  const done = Uint8Array.from(covered), picks: number[] = [];
  for (let step = 0; step < k; step++) {
    let best = -1, bestGain = 0;
    for (let c = 0; c < reach.length; c++) {
      let g = 0;
      for (const i of reach[c]) if (!done[i]) g += residents[i];
      if (g > bestGain) { best = c; bestGain = g; }
    }
    if (best < 0) break;
    picks.push(best);
    for (const i of reach[best]) done[i] = 1;
  }
  return picks;
}

function oneRun(w: DemoWorld) {
  const t: Partial<Record<Step, number>> = {};
  let last = performance.now();
  const lap = (s: Step) => { const now = performance.now(); t[s] = now - last; last = now; };
  const graph = buildRoadGraph(w.roads); lap('graph');
  edgeIndex(graph); lap('index');
  const costs = edgeCosts(graph, 'walk'); lap('costs');
  const sites = snapPoints(graph, costs, w.sitesLngLat); lap('snapSites');
  const times = travelTimes(graph, costs, sites, MINUTES); lap('dijkstra');
  const areas = serviceAreas(graph, costs, times, BANDS, sites); lap('areas');
  const points = snapPoints(graph, costs, w.points.lngLat); lap('snapPoints');
  const { minutes } = pointMinutes(graph, costs, times, points, sites); lap('pointMinutes');
  const candidates = snapPoints(graph, costs, w.candidatesLngLat); lap('snapCandidates');
  const reach = reachSets(graph, costs, candidates, points, MINUTES); lap('reach');
  const covered = new Uint8Array(minutes.length);
  for (let i = 0; i < minutes.length; i++) covered[i] = minutes[i] <= MINUTES ? 1 : 0;
  last = performance.now();
  const picks = greedyPlacement(reach, w.points.residents, covered, NEW_SITES); lap('greedy');
  const plain = plainGreedy(reach, w.points.residents, covered, NEW_SITES); lap('plainGreedy');
  const none = new Uint8Array(covered.length);
  const scratch = greedyPlacement(reach, w.points.residents, none, NEW_SITES); lap('greedyScratch');
  const plainScratch = plainGreedy(reach, w.points.residents, none, NEW_SITES); lap('plainScratch');
  return { t: t as Record<Step, number>, graph, costs, sites, times, areas, minutes, covered, picks, plain, scratch, plainScratch, reachedNodes: times.minutes.filter((m) => m <= MINUTES).length };
}

const sumOf = (a: ArrayLike<number>, pick?: (i: number) => boolean) => { let s = 0; for (let i = 0; i < a.length; i++) if (!pick || pick(i)) s += a[i]; return s; };
const km2 = (m2: number) => `${(m2 / 1e6).toFixed(1)} km²`;

export async function benchCoverageDemo(): Promise<Row[]> {
  const world = await loadDemoWorld();
  const runs = [oneRun(world)]; // warm-up (JIT), not timed
  runs.length = 0;
  for (let run = 0; run < RUNS; run++) runs.push(oneRun(world));
  const r = runs[0];
  const med = (s: Step | Step[]) => summarise(runs.map((x) => [s].flat().reduce((a, k) => a + x.t[k], 0))).p50;
  let pgr: PgRouting | null = null, pgrError = '';
  const pgrMs: number[] = [];
  let pgrReached = 0;
  try {
    pgr = await openPgRouting(r.graph, r.costs, r.sites);
    await pgr.run(MINUTES); // warm-up
    for (let run = 0; run < RUNS; run++) { const p = await pgr.run(MINUTES); pgrMs.push(p.ms); pgrReached = p.reachedNodes; }
  } catch (e) { pgrError = (e as Error).message.split('\n')[0]; }
  finally { await pgr?.close(); }
  return rowsOf(world, r, med, { pgr, pgrError, pgrMs: pgrMs.length ? summarise(pgrMs).p50 : null, pgrReached });
}

function rowsOf(w: DemoWorld, r: ReturnType<typeof oneRun>, med: (s: Step | Step[]) => number,
  p: { pgr: PgRouting | null; pgrError: string; pgrMs: number | null; pgrReached: number }): Row[] {
  const blank = { target: '', peer: '', peerValue: '', ratio: '' };
  const total = sumOf(w.points.residents), within = sumOf(w.points.residents, (i) => r.covered[i] === 1);
  const onNet = (s: Snapped) => s.edge.filter((e) => e >= 0).length;
  const g: RoadGraph = r.graph;
  const request = med(['costs', 'snapSites', 'dijkstra', 'areas']);
  const rows: Row[] = [
    { figure: `demo road graph (${w.from}: ${w.roads.length.toLocaleString()} roads → ${g.nodeCount.toLocaleString()} nodes, ${g.edgeCount.toLocaleString()} edges) + edge index, once per database`,
      ours: `${ms(med('graph'))} + ${ms(med('index'))}`, ...blank },
    { figure: `${MINUTES}-min walking service areas, ${w.sitesLngLat.length / 2} testing sites, bands ${BANDS.join('/')} min (median of ${RUNS})`,
      ours: ms(request), target: '≤ 2 s', peer: '', peerValue: '', ratio: '' },
    { figure: '  walking costs (per question: sealed zones change them)', ours: ms(med('costs')), ...blank },
    { figure: `  snap the sites (${onNet(r.sites)} on the network)`, ours: ms(med('snapSites')), ...blank },
    { figure: `  multi-source Dijkstra, cut-off ${MINUTES} min (${r.reachedNodes.toLocaleString()} nodes reached)`, ours: ms(med('dijkstra')), target: '',
      peer: p.pgr ? `${p.pgr.version} pgr_drivingDistance(equicost), same edges, from each site's nearer edge end` : 'pgRouting pgr_drivingDistance',
      peerValue: p.pgrMs !== null ? `${ms(p.pgrMs)}, ${p.pgrReached.toLocaleString()} nodes reached` : `unavailable: ${p.pgrError}`,
      ratio: p.pgrMs !== null ? ratio(med('dijkstra'), p.pgrMs) : '' },
    { figure: `  band polygons (${r.areas.map((a) => `${a.minutes} min ${km2(a.areaSquareMeters)}`).join(', ')})`, ours: ms(med('areas')),
      target: '', peer: 'none: pgRouting/PostGIS draw no road-following bands', peerValue: '', ratio: '' },
    { figure: `residents within ${MINUTES} min walk: snap ${(w.points.lngLat.length / 2).toLocaleString()} address points (once per database) + pointMinutes`,
      ours: `${ms(med('snapPoints'))} + ${ms(med('pointMinutes'))}; ${within.toLocaleString()} of ${total.toLocaleString()} (${((100 * within) / total).toFixed(1)} %)`, ...blank },
  ];
  const samePicks = (a: { candidate: number }[], b: number[]) => a.length === b.length && a.every((x, i) => x.candidate === b[i]);
  const pickRows = (picks: { candidate: number; addedResidents: number; coveredAfter: number }[]) => {
    picks.forEach((s, i) => {
      const c = w.candidates[s.candidate];
      rows.push({ figure: `  pick ${i + 1}: ${c.kind} ${c.name}`, ours: `+${s.addedResidents.toLocaleString()} → ${s.coveredAfter.toLocaleString()} (${((100 * s.coveredAfter) / total).toFixed(1)} %)`, ...blank });
    });
    if (picks.length < NEW_SITES) {
      rows.push({ figure: `  picks ${picks.length + 1}–${NEW_SITES}: none (no other candidate adds a resident within ${MINUTES} min; the greedy stops)`, ours: '', ...blank });
    }
  };
  rows.push({ figure: `placement of ${NEW_SITES} new sites beside the ${w.sitesLngLat.length / 2} existing, ${w.candidates.length} candidates, ${MINUTES}-min walk (median of ${RUNS})`,
    ours: `${ms(med(['snapCandidates', 'reach', 'greedy']))}: snap ${ms(med('snapCandidates'))} + reachSets ${ms(med('reach'))} + greedy ${ms(med('greedy'))}`,
    target: '', peer: 'plain greedy (every gain recounted each step), same reach sets',
    peerValue: `${ms(med('plainGreedy'))}, ${samePicks(r.picks, r.plain) ? 'same picks' : 'DIFFERENT picks'}`, ratio: ratio(med('greedy'), med('plainGreedy')) });
  pickRows(r.picks);
  rows.push({ figure: `placement of ${NEW_SITES} sites from scratch (no existing site), same reach sets`, ours: `greedy ${ms(med('greedyScratch'))}`,
    target: '', peer: 'plain greedy', peerValue: `${ms(med('plainScratch'))}, ${samePicks(r.scratch, r.plainScratch) ? 'same picks' : 'DIFFERENT picks'}`,
    ratio: ratio(med('greedyScratch'), med('plainScratch')) });
  pickRows(r.scratch);
  return rows;
}

// `npx tsx bench/coverage-demo.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchCoverageDemo());
}
