// Who was in quarantine when, from the loop steps (issue 6 item 3: "people in quarantine on that
// day"). Four kinds of interval:
// - central: the 'quarantined' step done (check-in) with a room → at the room's site;
// - a check-in with no room recorded counts as isolation at home (the room is what makes it central);
// - home isolation instead of a room: the 'quarantined' step was called off (no legal room,
//   geodata/scenario/scenario.ts sendHome) while the release it leads to was kept → at home from
//   that moment;
// - a contact whose rule has no central part (ed.9 secondary contacts, schedule.ts): at home from
//   being told (notified) to the end of the home part.
// An interval ends at the first later step that lets the person out: release, transfer (to the
// designated hospital after a positive NAT), home monitoring or closing, when done; if every such
// step was cancelled with none still open, at the earliest cancellation; otherwise it is still open.
// Not counted: the home part after a central one (home monitoring under the 2021 rules, isolation
// under the 20 measures: the steps do not say which) and a hospital stay (that is not quarantine).
import { instantMs } from '../loop/time.ts';
import type { LoopStepName } from '../loop/types.ts';
import type { LngLat, QuarantineInterval } from './types.ts';

export interface QuarantineStep {
  personId: number; category: string; id: number; step: LoopStepName; seq: number; doneAt: string | null; cancelledAt: string | null;
  /** The point of the site of the step's room, when the step names one. */
  site: LngLat | null;
  home: LngLat;
}

const ENDS: readonly LoopStepName[] = ['released', 'transferred', 'homeMonitoring', 'closed'];
const HOME_ONLY_ENDS: readonly LoopStepName[] = ['homeMonitoring', 'closed', 'transferred'];
const CONTACTS = ['closeContact', 'secondaryContact'];

/** A step with its instants parsed once (a demo holds ~10 000 of these). */
interface Timed { s: QuarantineStep; done: number; cancelled: number }
interface Span { from: number; to: number; point: LngLat; central: boolean }

const ms = (iso: string | null) => (iso === null ? NaN : instantMs(iso));
const min = (xs: number[]) => xs.reduce((m, x) => (Number.isNaN(x) || x >= m ? m : x), Infinity);

/** When the first of `ends` let the person out (ms), or Infinity while one is still to come. */
function endOf(ends: Timed[]): number {
  const done = min(ends.map((e) => e.done));
  if (done !== Infinity) return done;
  if (ends.length === 0 || ends.some((e) => e.s.cancelledAt === null)) return Infinity;
  return min(ends.map((e) => e.cancelled));
}

function personSpans(steps: Timed[]): Span[] {
  const out: Span[] = [];
  const { home, category } = steps[0].s;
  const checkIns = steps.filter((t) => t.s.step === 'quarantined');
  for (const q of checkIns) {
    const after = steps.filter((t) => t.s.seq > q.s.seq);
    const to = () => endOf(after.filter((t) => ENDS.includes(t.s.step)));
    if (!Number.isNaN(q.done)) {
      out.push({ from: q.done, to: to(), point: q.s.site ?? home, central: q.s.site !== null });
    } else if (!Number.isNaN(q.cancelled)) {
      // Sent home only if a release outlived the call-off (a whole plan cancelled at once is not).
      const kept = after.some((t) => t.s.step === 'released' && (t.s.cancelledAt === null || t.cancelled > q.cancelled));
      if (kept) out.push({ from: q.cancelled, to: to(), point: home, central: false });
    }
  }
  if (checkIns.length === 0 && CONTACTS.includes(category) && !steps.some((t) => t.s.step === 'transferred')) {
    const told = steps.find((t) => t.s.step === 'notified' && !Number.isNaN(t.done));
    if (told) out.push({ from: told.done, to: endOf(steps.filter((t) => HOME_ONLY_ENDS.includes(t.s.step))), point: home, central: false });
  }
  return out;
}

const iso = (t: number) => new Date(t).toISOString();

/** Every quarantine interval of the given steps (any order), by start time then person. */
export function quarantineIntervals(steps: QuarantineStep[]): QuarantineInterval[] {
  const byPerson = new Map<number, Timed[]>();
  for (const s of steps) {
    const t = { s, done: ms(s.doneAt), cancelled: ms(s.cancelledAt) };
    const list = byPerson.get(s.personId);
    if (list) list.push(t); else byPerson.set(s.personId, [t]);
  }
  const out: { personId: number; span: Span }[] = [];
  for (const [personId, list] of byPerson) {
    list.sort((a, b) => a.s.seq - b.s.seq || a.s.id - b.s.id);
    for (const span of personSpans(list)) out.push({ personId, span });
  }
  return out.sort((a, b) => a.span.from - b.span.from || a.personId - b.personId)
    .map(({ span }) => ({ from: iso(span.from), to: span.to === Infinity ? null : iso(span.to), point: span.point, central: span.central }));
}

/** People in quarantine at `at` (from ≤ at < to), central and at home. */
export function inQuarantineAt(intervals: QuarantineInterval[], at: string): { central: number; home: number } {
  const t = instantMs(at);
  let central = 0, home = 0;
  for (const iv of intervals) {
    if (instantMs(iv.from) > t || (iv.to !== null && instantMs(iv.to) <= t)) continue;
    if (iv.central) central++; else home++;
  }
  return { central, home };
}
