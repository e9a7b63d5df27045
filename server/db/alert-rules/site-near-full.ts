// site_near_full (issue 7 item 4): a quarantine site in service whose rooms are ≥ 85 % occupied
// (yellow) or ≥ 95 % (orange), so the case officers open another site before transfers queue
// (domain-rules.md §1.7). The alert clears only below 80 %: a site hovering at the threshold
// would otherwise raise and resolve one alert after another. Occupied = a room with an occupant
// (quarantine_rooms.occupant_person_id, as server/db/room-occupancy.ts and the wall count it); a
// site whose record has ended counts as closed. One aggregate query.
import type { Db } from '../database.ts';
import type { RuleContext, StateAlert, StateRule } from './types.ts';

export const SITE_NEAR_FULL = 'site_near_full';
/** Shares of rooms occupied: raise yellow, raise orange, clear below. */
export const SITE_FULL_SHARE = { yellow: 0.85, orange: 0.95, clear: 0.8 } as const;

async function evaluate(db: Db, _ctx: RuleContext): Promise<StateAlert[]> {
  const rows = await db.kysely.selectFrom('quarantine_sites as s').innerJoin('quarantine_rooms as r', 'r.site_id', 's.id')
    .select(['s.id', 's.name', (eb) => eb.fn.count('r.id').as('total'), (eb) => eb.fn.count('r.occupant_person_id').as('occupied')])
    .where('s.status', '=', 'active').where('s.valid_to', 'is', null).groupBy(['s.id', 's.name']).orderBy('s.id').execute();
  return rows.flatMap((s): StateAlert[] => {
    const total = Number(s.total), occupied = Number(s.occupied); // PostgreSQL counts arrive as bigint text
    const share = total > 0 ? occupied / total : 0;
    if (share < SITE_FULL_SHARE.clear) return [];
    const percent = Math.floor(share * 100);
    return [{ rule: SITE_NEAR_FULL, key: `${SITE_NEAR_FULL}:site:${s.id}`, level: share >= SITE_FULL_SHARE.orange ? 'orange' : 'yellow',
      raise: share >= SITE_FULL_SHARE.yellow, title: `隔离点房间将满：${s.name} 已用 ${occupied}/${total} 间（${percent}%）`,
      detail: { params: { siteId: s.id, site: s.name, occupied, rooms: total, percent }, subject: { siteId: s.id } } }];
  });
}

export const siteNearFull: StateRule = { rule: SITE_NEAR_FULL, evaluate };
