// The syndromic series behind an EARS alert (GET /alerts/{id}): the village's (or township's) daily counts of the
// signal's kind from 28 days before the signal day to 7 after (not past today), with the EARS
// C1/C2/C3 statistics of each day (domain/syndromic/ears.ts; Hutwagner et al. 2003). The
// detectors look back up to 11 days (C3 sums C2 over three days, C2 skips a 2-day guard band
// before its 7-day baseline), so the counts are read from 14 days earlier and those lead days cut
// off: each day's statistics are the ones the daily analysis computed on the whole series.
import type { SyndromicKind, SyndromicSeries } from '../../domain/analysis/types.ts';
import { ears } from '../../domain/syndromic/ears.ts';
import { addDays, daysBetween } from '../../domain/zones/calendar.ts';
import { districtUnits } from '../analysis/areas.ts';
import { syndromicTotals } from '../analysis/inputs.ts';
import type { AlertSubject } from './alert-list.ts';
import type { Db } from './database.ts';

export const SERIES_DAYS_BEFORE = 28;
export const SERIES_DAYS_AFTER = 7;
const LEAD_DAYS = 14;
const KINDS: readonly string[] = ['feverClinic', 'feverDrug'];

/** The series of an EARS alert's subject (a village, a kind, the signal day), or null when the
 * subject does not name one. `today`: the server's Shanghai day (no counts exist after it). */
export async function alertSeries(db: Db, s: AlertSubject, today: string): Promise<SyndromicSeries | null> {
  const unit = s.adminUnitIds?.[0] ?? s.adminUnitId;
  if (unit === undefined || !s.kind || !KINDS.includes(s.kind) || !s.date || !/^\d{4}-\d{2}-\d{2}$/.test(s.date)) return null;
  const kind = s.kind as SyndromicKind;
  const from = addDays(s.date, -SERIES_DAYS_BEFORE);
  const after = addDays(s.date, SERIES_DAYS_AFTER);
  const to = after < today ? after : today;
  const name = (await db.kysely.selectFrom('admin_units').select('name').where('id', '=', unit).executeTakeFirst())?.name ?? String(unit);
  // A township's signal is on its villages summed (server/analysis/analyses.ts earsDay).
  const villages = (await districtUnits(db)).villages.filter((v) => v.townshipId === unit).map((v) => v.id);
  const totals = await syndromicTotals(db, villages.length ? villages : [unit], kind, addDays(from, -LEAD_DAYS), to);
  const rows = [...totals].map(([date, count]) => ({ date, count })).sort((a, b) => a.date.localeCompare(b.date));
  if (!rows.length) return { adminUnitId: unit, name, kind, days: [] };
  // A day without a row had no visits or sales; days before the first row are unknown, not zero.
  const start = rows[0].date;
  const counts = new Array<number>(daysBetween(start, to) + 1).fill(0);
  for (const r of rows) counts[daysBetween(start, r.date)] += Number(r.count);
  const stats = ears(counts);
  const days = counts.flatMap((count, i) => {
    const date = addDays(start, i);
    if (date < from) return [];
    const e = stats[i];
    return [{ date, count, c1: e?.c1 ?? null, c2: e?.c2 ?? null, c3: e?.c3 ?? null, methods: e?.methods ?? [] }];
  });
  return { adminUnitId: unit, name, kind, days };
}
