// rest_of_county (§1.1 防范区, §1.2 低风险区, §1.3 低风险区): the district minus every other
// proposed zone, one (Multi)Polygon keyed 'rest'.
// turf's difference (polyclip-ts, exact arithmetic in bignumber.js) took 3–5 s for the 6,500
// building zones of 10,000 cases under the 20 measures, and ~80 ms for two townships of the demo.
// So: zones on the district line (and whatever meets their edges) are cut exactly — by edge
// cancellation when they share the line's vertices (propose-rest-edges.ts), else by turf. Every
// other zone lies strictly inside: clusters of overlapping ones are unioned (small, cheap), and
// each result's outer ring becomes a hole of the rest (its own holes islands of the rest).
import { difference, feature, featureCollection, union } from '@turf/turf';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { geometryBbox, type Bbox } from '../geometry/bbox.ts';
import type { ProfileParams } from './profile.ts';
import { newDraft, type Draft } from './propose-drafts.ts';
import { EdgeIndex, polygonsOf, wound, type Rings } from './propose-edge-index.ts';
import { subtractTiles } from './propose-rest-edges.ts';
import type { ProposalUnits } from './propose-types.ts';
import { areaOf } from './propose-units.ts';

const asPolygon = (p: Rings): Polygon => ({ type: 'Polygon', coordinates: p });

/** Indices grouped by overlapping boxes, transitively (union–find over a Flatbush). */
function clusters(ids: number[], boxes: Bbox[]): number[][] {
  if (ids.length === 0) return [];
  const index = new Flatbush(ids.length), parent = ids.map((_, i) => i);
  for (const i of ids) index.add(boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][3]);
  index.finish();
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  ids.forEach((id, a) => { for (const b of index.search(...boxes[id])) parent[find(a)] = find(b); });
  const groups = new Map<number, number[]>();
  ids.forEach((id, a) => (groups.get(find(a)) ?? groups.set(find(a), []).get(find(a))!).push(id));
  return [...groups.values()];
}

/** The district minus the zones, or null when nothing is left. */
export function subtractZones(district: Polygon | MultiPolygon, zones: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon | null {
  const parts = zones.flatMap(polygonsOf), boxes = parts.map((p) => geometryBbox(asPolygon(p)));
  const districtPolys = polygonsOf(district), districtEdges = new EdgeIndex(districtPolys);
  const onLine = parts.map((_, i) => districtEdges.meets(boxes[i]));
  const lineEdges = new EdgeIndex(parts.filter((_, i) => onLine[i]));
  const exact = parts.filter((_, i) => onLine[i]), inner: Rings[] = [];
  for (const group of clusters(parts.flatMap((_, i) => (onLine[i] ? [] : [i])), boxes)) {
    if (group.some((i) => lineEdges.meets(boxes[i]))) {
      exact.push(...group.map((i) => parts[i]));
      continue;
    }
    // no district edge meets these boxes: each part lies wholly inside the district or outside
    const kept = group.filter((i) => districtEdges.polygonAt(parts[i][0][0][0], parts[i][0][0][1]) >= 0).map((i) => parts[i]);
    const merged = kept.length > 1 ? union(featureCollection(kept.map((p) => feature(asPolygon(p))))) : null;
    inner.push(...(merged ? polygonsOf(merged.geometry) : kept));
  }
  let base = districtPolys, baseEdges = districtEdges;
  if (exact.length > 0) {
    const tiles = subtractTiles(districtPolys, exact);
    const cut = tiles ? null : difference(featureCollection([feature(district), ...exact.map((p) => feature(asPolygon(p)))]));
    base = tiles ?? (cut ? polygonsOf(cut.geometry) : []);
    if (base.length === 0) return null; // nothing left, so no inner zone either
    baseEdges = new EdgeIndex(base);
  }
  const out: Rings[] = base.map((rings) => [...rings]);
  for (const p of inner) {
    // against the base rings: the holes added so far cannot hold it (their boxes are apart)
    const host = baseEdges.polygonAt(p[0][0][0], p[0][0][1]);
    if (host < 0) continue; // inside a zone on the line: already cut away
    out[host].push(wound(p[0], false));
    for (const hole of p.slice(1)) out.push([wound(hole, true)]); // a zone's courtyard stays in the rest
  }
  return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

export function restOfCounty(params: ProfileParams, zones: readonly Draft[], district: ProposalUnits['district']): Draft | null {
  const kind = params.proposal.rest_of_county;
  if (kind === null) return null;
  const rest = subtractZones(areaOf(district.geometry), zones.map((z) => z.geometry));
  if (rest === null) return null;
  return newDraft(params, { key: 'rest', unit: 'rest_of_county', name: `${district.name}其余区域`, geometry: rest }, kind);
}
