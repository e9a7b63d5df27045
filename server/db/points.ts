// The point layers (cases, contacts) as columns for display clustering (issue 7 item 1): id,
// lng, lat and a category index of every row /layers/<layer> would send, but nothing else — no
// geometry text to parse, no personal columns, no paging. The same rows as queryLayer: the
// layer's base filter, the as-of (`at=`) interval and, for scope `own`, the team's areas.
import type { SelectQueryBuilder } from 'kysely';
import { CASE_CATEGORIES, CONTACT_CATEGORIES } from '../../domain/layers.ts';
import type { Db } from './database.ts';
import { LAYERS } from './layers.ts';
import type { DB, SpatialTable } from './schema.ts';

type Q = SelectQueryBuilder<DB, SpatialTable, Record<string, unknown>>;
type Row = { id: number; min_lng: number; min_lat: number; category: string };

export const POINT_LAYERS = ['cases', 'contacts'] as const;
export type PointLayer = (typeof POINT_LAYERS)[number];

/** The categories of each point layer in a fixed order: `category[i]` indexes this list. */
export const POINT_CATEGORIES: Record<PointLayer, readonly string[]> = { cases: CASE_CATEGORIES, contacts: CONTACT_CATEGORIES };

export interface PointQuery {
  at: string; // ISO time: rows valid then
  /** Scope `own`: only rows inside this team's areas. */
  teamId?: number;
}

export interface PointColumns { ids: number[]; lng: number[]; lat: number[]; category: number[] }

/** 6 decimals ≈ 0.1 m: finer than any home point, and a third shorter on the wire than doubles. */
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export async function queryPoints(db: Db, layer: PointLayer, args: PointQuery): Promise<PointColumns> {
  const spec = LAYERS[layer];
  const t = spec.table;
  // A point's bbox is the point (min = max), so the bbox columns are its coordinates. The layer's
  // own filter (which categories), validity and team scope are queryLayer's, so both stay equal.
  let q = db.kysely.selectFrom(t).select([`${t}.id`, `${t}.min_lng`, `${t}.min_lat`, 'category'] as never) as unknown as Q;
  if (spec.where) q = spec.where(q);
  if (spec.temporal) {
    const at = args.at;
    q = q.where('valid_from' as never, '<=', at as never)
      .where((eb) => eb.or([eb('valid_to' as never, 'is', null), eb('valid_to' as never, '>', at as never)]));
  }
  if (args.teamId !== undefined) q = q.where(spec.scope ? spec.scope(args.teamId) : db.inTeamAreas(t, args.teamId, spec.scopeBy));
  const rows = (await q.orderBy(`${t}.id` as never).execute()) as unknown as Row[];
  const index = new Map(POINT_CATEGORIES[layer].map((c, i) => [c, i]));
  const out: PointColumns = { ids: new Array(rows.length), lng: new Array(rows.length), lat: new Array(rows.length), category: new Array(rows.length) };
  rows.forEach((r, i) => {
    out.ids[i] = Number(r.id);
    out.lng[i] = round6(Number(r.min_lng));
    out.lat[i] = round6(Number(r.min_lat));
    out.category[i] = index.get(r.category) ?? 0;
  });
  return out;
}
