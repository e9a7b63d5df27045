// POST /coverage/placement: where K new sites of a type would add the most residents within the
// question's minutes (issue 8 item 4), among the candidate places (facilities.ts CANDIDATE_KINDS) that are
// not already such a site. Each candidate's reach is one cut-off Dijkstra (domain/routing/reach.ts),
// kept beside the cached answer so asking again with another K only reruns the greedy.
import { greedyPlacement } from '../../domain/coverage/placement.ts';
import { isCovered } from '../../domain/coverage/coverage-input.ts';
import type { PlacementBody, PlacementOut } from '../../domain/coverage/types.ts';
import { reachSets } from '../../domain/routing/reach.ts';
import { snapPoints } from '../../domain/routing/snap.ts';
import type { NodeTimes } from '../../domain/routing/types.ts';
import type { Db } from '../db/database.ts';
import { candidatesOf, type Candidate } from './facilities.ts';
import { coverageQuery } from './service.ts';

const reachCache = new WeakMap<NodeTimes, { key: string; reach: Int32Array[] }>();

export async function placementOut(db: Db, nowIso: string, body: PlacementBody): Promise<PlacementOut> {
  const { k, ...q } = body;
  const c = await coverageQuery(db, nowIso, q);
  const { network, input } = c;
  const { graph, points } = network.source;
  const candidates: Candidate[] = await candidatesOf(db, c.facilities);
  const key = `${q.minutes}|${candidates.map((p) => `${p.id}@${p.lng},${p.lat}`).join(';')}`;
  let reach = reachCache.get(c.times)?.key === key ? reachCache.get(c.times)!.reach : undefined;
  if (!reach) {
    const snap = snapPoints(graph, network.costs, Float64Array.from(candidates.flatMap((p) => [p.lng, p.lat])));
    // A site inside a closed zone would serve only the residents already served at the door.
    candidates.forEach((p, i) => { if (network.sealedPolygons.some((z) => z.contains(p.lng, p.lat))) snap.edge[i] = -1; });
    reach = reachSets(graph, network.costs, snap, network.points, q.minutes);
    reachCache.set(c.times, { key, reach });
  }
  // Residents of closed zones are served at the door: no site is placed to reach them.
  const residents = Float64Array.from(input.residents, (r, i) => (input.insideSealed[i] ? 0 : r));
  const covered = new Uint8Array(points.count);
  let coveredBefore = 0, total = 0;
  for (let i = 0; i < points.count; i++) {
    total += input.residents[i];
    if (isCovered(input, i, q.minutes)) { covered[i] = 1; coveredBefore += residents[i]; }
  }
  const picks = greedyPlacement(reach, residents, covered, k).map((s) => {
    const p = candidates[s.candidate];
    return { placeId: p.id, name: p.name, kind: p.kind, lng: p.lng, lat: p.lat, addedResidents: s.addedResidents, coveredAfter: s.coveredAfter };
  });
  return { ...q, residents: total, coveredBefore, candidates: candidates.length, picks };
}
