// The step lists of each kind of loop, with each step's own deadline (plan.ts orders them):
// - hour deadlines (notified, transferScheduled, transferred, quarantined) count from identification;
// - a NAT step is due by the end of its Shanghai calendar day (schedule.ts);
// - leaving central quarantine (or hospital) is due at 08:00 Shanghai on the day after the last
//   day of that part: the last day is served whole, and 08:00 is the start of the working day,
//   when the release paperwork and the transfer home happen (a local-practice choice, not a rule);
// - home monitoring/isolation and closing the loop are due by the end of the home part's last day.
import { addDays, endOfShanghaiDay, shanghaiDate } from '../zones/calendar.ts';
import type { ContactSchedule } from './schedule.ts';
import { hoursAfter, shanghaiTime } from './time.ts';
import type { LoopStepName, Phase, SlaHours } from './types.ts';

/** A step before sequencing: `at` is its own deadline. */
export interface StepDraft { step: LoopStepName; at: string; note: string | null; phase: Phase | null; day: number | null }

/** The hour at which a release (or discharge) falls due on the day after the part ends. */
export const RELEASE_HOUR_SHANGHAI = 8;

const draft = (step: LoopStepName, at: string, note: string | null = null, phase: Phase | null = null, day: number | null = null): StepDraft =>
  ({ step, at, note, phase, day });

const HOME_LABEL = { monitoring: '居家健康监测', isolation: '居家隔离' } as const;

/** identified → notified → transferScheduled → transferred, deadlines in hours after `t0`. */
function head(t0: string, sla: SlaHours, transferNote: string, transferPhase: Phase): StepDraft[] {
  return [
    draft('identified', t0, '流调判定'),
    draft('notified', hoursAfter(t0, sla.notified), '告知管控要求'),
    draft('transferScheduled', hoursAfter(t0, sla.transferScheduled), '安排闭环转运'),
    draft('transferred', hoursAfter(t0, sla.transferred), transferNote, transferPhase),
  ];
}

/** Close and secondary contacts: the central part (transfer, check-in, NATs, release) when the
 * rule has one, then the home part (NATs, home monitoring/isolation), then closing. */
export function contactDrafts(t0: string, s: ContactSchedule, sla: SlaHours): StepDraft[] {
  const out: StepDraft[] = [];
  const centralNats = s.natDates.filter((n) => n.phase === 'central');
  if (s.centralTo) {
    out.push(...head(t0, sla, '闭环转运至集中隔离点', 'central'));
    out.push(draft('quarantined', hoursAfter(t0, sla.quarantined), '入住集中隔离点', 'central'));
    centralNats.forEach((n, i) => {
      const dual = s.dualSampleBeforeRelease && i === centralNats.length - 1 ? '（双采双检）' : '';
      out.push(draft('tested', endOfShanghaiDay(n.date), `集中隔离第${n.day}天核酸${dual}`, 'central', n.day));
    });
    out.push(draft('released', shanghaiTime(addDays(s.centralTo, 1), RELEASE_HOUR_SHANGHAI), '解除集中隔离', 'central'));
  } else {
    out.push(draft('identified', t0, '流调判定'), draft('notified', hoursAfter(t0, sla.notified), '告知管控要求'));
  }
  if (s.homeTo && s.homeKind) {
    const label = HOME_LABEL[s.homeKind];
    for (const n of s.natDates.filter((x) => x.phase === 'home')) {
      out.push(draft('tested', endOfShanghaiDay(n.date), `${label}第${n.day}天核酸`, 'home', n.day));
    }
    out.push(draft('homeMonitoring', endOfShanghaiDay(s.homeTo), `${label}${s.homeDays}天`, 'home'));
    out.push(draft('closed', endOfShanghaiDay(s.homeTo)));
  } else {
    out.push(draft('closed', out[out.length - 1].at));
  }
  return out;
}

/** Cases (confirmed, asymptomatic, suspected): to the designated hospital, discharged after
 * sla.hospitalDays (day 1 = the day of `t0`), then home health monitoring. */
export function caseDrafts(t0: string, sla: SlaHours): StepDraft[] {
  const day1 = shanghaiDate(t0);
  const discharge = draft('released', shanghaiTime(addDays(day1, sla.hospitalDays), RELEASE_HOUR_SHANGHAI), '出院', 'hospital');
  const out = [...head(t0, sla, '闭环转运至定点医院', 'hospital'), discharge];
  if (sla.caseHomeMonitoringDays > 0) {
    const homeTo = addDays(day1, sla.hospitalDays + sla.caseHomeMonitoringDays - 1);
    out.push(draft('homeMonitoring', endOfShanghaiDay(homeTo), `出院后居家健康监测${sla.caseHomeMonitoringDays}天`, 'home'));
  }
  out.push(draft('closed', out[out.length - 1].at));
  return out;
}

/** At-risk travellers: told, tested on arrival (day 1), home health monitoring for
 * sla.travellerHomeDays from the day identified (ed.9 medium-area travellers, §1.2). */
export function travellerDrafts(t0: string, sla: SlaHours): StepDraft[] {
  const day1 = shanghaiDate(t0);
  const homeTo = endOfShanghaiDay(addDays(day1, Math.max(1, sla.travellerHomeDays) - 1));
  return [
    draft('identified', t0, '流调判定'),
    draft('notified', hoursAfter(t0, sla.notified), '告知管控要求'),
    draft('tested', endOfShanghaiDay(day1), '第1天核酸（落地检）', 'home', 1),
    draft('homeMonitoring', homeTo, `居家健康监测${sla.travellerHomeDays}天`, 'home'),
    draft('closed', homeTo),
  ];
}
