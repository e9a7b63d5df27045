// Migration 003: `sw_ring_contains(rings, lng, lat)` on PostgreSQL — the same even–odd test over
// all of a polygon's rings (so holes are outside), in the same float order, as
// domain/geometry/point-in-ring.ts, which SQLite calls as a registered function. PostgreSQL's polygon `@>` counts boundary points (with a fuzzy epsilon), so a record
// on the border of two teams' areas was in both teams' scope there and in one on SQLite; now
// both dialects put every point in exactly the same teams. Frozen once landed.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return; // SQLite: registered per connection
  // Nested CASE: PostgreSQL does not promise to evaluate AND operands in order, and the edge
  // test must guard the division (yi = yj).
  await sql`create function sw_ring_contains(rings text, lng double precision, lat double precision) returns boolean
    language sql immutable strict parallel safe as $$
      select coalesce(sum(case when (yi > lat) <> (yj > lat) then
        case when lng < (xj - xi) * (lat - yi) / (yj - yi) + xi then 1 else 0 end else 0 end) % 2 = 1, false)
      from (select (p->>0)::float8 as xi, (p->>1)::float8 as yi,
                   lag((p->>0)::float8) over (partition by r order by n) as xj, lag((p->>1)::float8) over (partition by r order by n) as yj
            from jsonb_array_elements(rings::jsonb) with ordinality as rr(ring, r),
                 jsonb_array_elements(rr.ring) with ordinality as e(p, n)) edges
      where xj is not null
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop function sw_ring_contains(text, double precision, double precision)`.execute(db);
}
