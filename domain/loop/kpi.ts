// Daily tracing KPIs (issue 5: "% of contacts transferred within N h per day", the KPI SORMAS users
// ask for). A loop counts on the Asia/Shanghai date it was identified (its `identified` step: done
// time, else the planned time). The transfer KPIs count contacts only (close and secondary) whose
// plan has a transfer; a secondary contact isolated at home is never transferred and would only
// dilute the figure.
import { addDays, daysBetween, endOfShanghaiDay, shanghaiDate } from '../zones/calendar.ts';
import { hoursBetween, instantMs } from './time.ts';
import { isContact, type LoopStepState, type PersonCategory } from './types.ts';

/** The notification KPI's window: the profiles' 2-hour notification deadline (loop_deadlines_hours). */
export const NOTIFY_KPI_HOURS = 2;
/** Longest range one call computes, a guard against a typo asking for a century. */
export const KPI_MAX_DAYS = 400;

export interface KpiLoop { category: PersonCategory; steps: LoopStepState[] }
export interface DailyKpi {
  date: string;
  /** Loops identified that day (every category). */
  identified: number;
  /** Of those, notified within NOTIFY_KPI_HOURS of identification. */
  notifiedWithin2h: number;
  /** Contacts identified that day and transferred within `withinHours`. */
  transferredWithinN: number;
  /** transferredWithinN as a percentage (one decimal) of the contacts identified that day whose
   * plan has a transfer; null when there are none. */
  transferredPct: number | null;
  /** Median hours (one decimal) from identification to transfer of that day's transferred contacts. */
  medianHoursToTransfer: number | null;
  /** Steps of any loop past their deadline and still open at the end of that day (or at `now`). */
  overdueOpen: number;
}

interface Facts { date: string; notifyHours: number | null; contactTransfer: { hours: number | null } | null }

const round1 = (x: number): number => Math.round(x * 10) / 10;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b), mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function first(steps: LoopStepState[], name: LoopStepState['step']): LoopStepState | undefined {
  return steps.filter((s) => s.step === name && s.cancelledAt === null).sort((a, b) => a.seq - b.seq)[0];
}

function facts(loop: KpiLoop): Facts | null {
  const id = first(loop.steps, 'identified');
  if (!id) return null;
  const t0 = id.doneAt ?? id.dueAt;
  const notified = first(loop.steps, 'notified');
  const transferred = isContact(loop.category) ? first(loop.steps, 'transferred') : undefined;
  return {
    date: shanghaiDate(t0),
    notifyHours: notified?.doneAt ? hoursBetween(t0, notified.doneAt) : null,
    contactTransfer: transferred ? { hours: transferred.doneAt ? hoursBetween(t0, transferred.doneAt) : null } : null,
  };
}

/**
 * One row per Shanghai date from `from` to `to` inclusive. `now` (optional) caps the overdue count
 * of today and later dates: without it a step due later today would count as overdue already.
 */
export function dailyKpis(loops: KpiLoop[], from: string, to: string, withinHours: number, now?: string): DailyKpi[] {
  const span = daysBetween(from, to);
  if (span < 0) return [];
  if (span >= KPI_MAX_DAYS) throw new RangeError(`at most ${KPI_MAX_DAYS} days per call, got ${span + 1}`);
  const all = loops.map(facts).filter((f): f is Facts => f !== null);
  const steps = loops.flatMap((l) => l.steps).map(stepTimes);
  const nowMs = now === undefined ? Infinity : instantMs(now);
  const rows: DailyKpi[] = [];
  for (let i = 0; i <= span; i++) {
    const date = addDays(from, i);
    const day = all.filter((f) => f.date === date);
    const transfers = day.flatMap((f) => (f.contactTransfer ? [f.contactTransfer.hours] : []));
    const done = transfers.filter((h): h is number => h !== null);
    const within = done.filter((h) => h <= withinHours).length;
    const m = median(done);
    const asOf = Math.min(instantMs(endOfShanghaiDay(date)), nowMs);
    rows.push({
      date,
      identified: day.length,
      notifiedWithin2h: day.filter((f) => f.notifyHours !== null && f.notifyHours <= NOTIFY_KPI_HOURS).length,
      transferredWithinN: within,
      transferredPct: transfers.length ? round1((100 * within) / transfers.length) : null,
      medianHoursToTransfer: m === null ? null : round1(m),
      overdueOpen: steps.filter((s) => openAndLate(s, asOf)).length,
    });
  }
  return rows;
}

interface StepTimes { due: number; closedAt: number }

/** Parsed once: a step is open until it is done or cancelled, whichever came first. */
function stepTimes(s: LoopStepState): StepTimes {
  const ends = [s.doneAt, s.cancelledAt].filter((t): t is string => t !== null).map(instantMs);
  return { due: instantMs(s.dueAt), closedAt: ends.length ? Math.min(...ends) : Infinity };
}

/** Past its deadline and still open at `asOf` (ms). */
function openAndLate(s: StepTimes, asOf: number): boolean {
  return s.due < asOf && s.closedAt > asOf;
}
