// Query functions for the record endpoints (read, create, update), reusing each layer's
// scope (e.g. cases = persons of case categories) and computed columns from layers.ts.
import type { LayerId } from '../../domain/layers.ts';
import type { Db } from './database.ts';
import { keysetPage, LAYERS } from './layers.ts';

type Row = Record<string, unknown> & { id: number };

/** `teamId`: scope `own`, only rows inside that team's areas (an out-of-scope id reads as missing). */
function base(db: Db, layer: LayerId, teamId: number | undefined) {
  const spec = LAYERS[layer];
  // Dynamic table per layer spec; the spec's own builders keep the types honest enough.
  let q = db.kysely.selectFrom(spec.table).selectAll(spec.table) as never as ReturnType<NonNullable<typeof spec.where>>;
  if (spec.where) q = spec.where(q);
  if (spec.extend) q = spec.extend(q);
  if (teamId !== undefined) q = q.where(db.inTeamAreas(spec.table, teamId, spec.scopeBy));
  return { q, table: spec.table };
}

export async function getRecord(db: Db, layer: LayerId, id: number, teamId?: number): Promise<Row | undefined> {
  const { q, table } = base(db, layer, teamId);
  return (await q.where(`${table}.id` as never, '=', id as never).executeTakeFirst()) as Row | undefined;
}

export async function listRecords(db: Db, layer: LayerId, args: { limit: number; afterId?: number; teamId?: number }): Promise<{ rows: Row[]; more: boolean }> {
  const { q, table } = base(db, layer, args.teamId);
  return keysetPage<Row>(q, table, args);
}

export async function insertRecord(db: Db, layer: LayerId, values: Record<string, unknown>): Promise<number> {
  const r = await db.kysely.insertInto(LAYERS[layer].table).values(values as never).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRecord(db: Db, layer: LayerId, id: number, values: Record<string, unknown>): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await db.kysely.updateTable(LAYERS[layer].table).set(values as never).where('id', '=', id).execute();
}

/** The incident new records belong to when the request names none: the newest open one. */
export async function openIncidentId(db: Db): Promise<number | undefined> {
  const r = await db.kysely.selectFrom('incidents').select('id').where('status', '=', 'open').orderBy('id', 'desc').executeTakeFirst();
  return r?.id;
}
