// The audit log: append-only (migration 002's triggers refuse UPDATE and DELETE) and hash-chained:
// each entry's hash covers the previous entry's hash and its own fields, so changing, removing or
// reordering any row breaks every hash after it (`verifyAuditChain`, `npm run audit:verify`).
// Entries never carry personal data in clear: callers pass serialized (masked) records.
import { createHash } from 'node:crypto';
import type { Db } from './database.ts';

export interface AuditInput {
  at: string;
  actor: string; // username, or `anonymous` / `system`
  action: string; // e.g. create, update, read, reveal, login, login.failed
  entity: string; // table or resource, e.g. persons, tasks, users
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  route?: string | null;
  ip?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

type Stored = { at: string; actor: string; action: string; entity: string; entity_id: string | null;
  before: string | null; after: string | null; route: string | null; ip: string | null };

export function entryHash(prevHash: string, e: Stored): string {
  const fields = [e.at, e.actor, e.action, e.entity, e.entity_id, e.before, e.after, e.route, e.ip];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** Appends one entry; must run inside `db.transaction` (with the business write it records). */
export async function appendAudit(tx: Db, input: AuditInput): Promise<void> {
  await tx.lockAuditChain();
  const last = await tx.kysely.selectFrom('audit_entries').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS_HASH;
  const row: Stored = {
    at: input.at, actor: input.actor, action: input.action, entity: input.entity,
    entity_id: input.entityId == null ? null : String(input.entityId),
    before: input.before === undefined ? null : JSON.stringify(input.before),
    after: input.after === undefined ? null : JSON.stringify(input.after),
    route: input.route ?? null, ip: input.ip ?? null,
  };
  await tx.kysely.insertInto('audit_entries').values({ ...row, prev_hash: prev, hash: entryHash(prev, row) }).execute();
}

/** An entry on its own, for reads and auth events that have no business write to join. */
export const audit = (db: Db, input: AuditInput): Promise<void> => db.transaction((tx) => appendAudit(tx, input));

export interface ChainCheck { ok: boolean; entries: number; firstBrokenId: number | null }

/** Walks the chain in id order, 5,000 rows at a time, recomputing every hash. */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  let prev = GENESIS_HASH, afterId = 0, entries = 0;
  for (;;) {
    const rows = await db.kysely.selectFrom('audit_entries').selectAll().where('id', '>', afterId).orderBy('id').limit(5000).execute();
    for (const r of rows) {
      entries++;
      if (r.prev_hash !== prev || r.hash !== entryHash(prev, r as Stored)) return { ok: false, entries, firstBrokenId: r.id };
      prev = r.hash;
    }
    if (rows.length < 5000) return { ok: true, entries, firstBrokenId: null };
    afterId = rows[rows.length - 1].id;
  }
}

export interface AuditSearch {
  actor?: string; action?: string; entity?: string; entityId?: string; from?: string; to?: string;
  limit: number; beforeId?: number;
}

/** Newest first, keyset-paged by id. Every filter is an exact column match or a time bound. */
export async function searchAudit(db: Db, q: AuditSearch) {
  let s = db.kysely.selectFrom('audit_entries').selectAll();
  if (q.actor) s = s.where('actor', '=', q.actor);
  if (q.action) s = s.where('action', '=', q.action);
  if (q.entity) s = s.where('entity', '=', q.entity);
  if (q.entityId) s = s.where('entity_id', '=', q.entityId);
  if (q.from) s = s.where('at', '>=', q.from);
  if (q.to) s = s.where('at', '<', q.to);
  if (q.beforeId !== undefined) s = s.where('id', '<', q.beforeId);
  const rows = await s.orderBy('id', 'desc').limit(q.limit + 1).execute();
  return { rows: rows.slice(0, q.limit), more: rows.length > q.limit };
}
