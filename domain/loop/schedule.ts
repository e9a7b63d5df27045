// A contact's quarantine and NAT calendar under the active rule profile (domain-rules.md §1.5
// "Management durations", §7 "Quick test oracles"):
//   ed.8 / 2021   close: 14 d central + 7 d home health monitoring, NAT central days 1, 4, 7, 14;
//                 secondary: 7 d central, NAT days 1, 7
//   ed.9          close: 7 d central + 3 d home health monitoring, NAT central 1, 2, 3, 5, 7 + home 3;
//                 secondary: 7 d home isolation, NAT days 1, 4, 7
//   20 measures   close: 5 d central + 3 d home isolation, NAT central 1, 2, 3, 5 + home 1, 3;
//                 secondary contacts are not identified (§1.3)
// Days are Asia/Shanghai calendar days and day 1 is the day the contact was identified (the
// oracle: identified 2022-07-01 under ed.9 → central until 07-07 inclusive, home 07-08 to 07-10).
// The home part starts the day after the central part; its day 1 is that day.
import { addDays, shanghaiDate } from '../zones/calendar.ts';
import { phaseRules } from './contact-rules.ts';

export interface NatDate { date: string; phase: 'central' | 'home'; day: number }

export interface ContactSchedule {
  category: 'closeContact' | 'secondaryContact';
  centralDays: number;
  homeDays: number;
  homeKind: 'monitoring' | 'isolation' | null;
  /** 'YYYY-MM-DD' Asia/Shanghai, inclusive; null when the rule has no such part. */
  centralFrom: string | null;
  centralTo: string | null;
  homeFrom: string | null;
  homeTo: string | null;
  /** In date order; day 1 = the first day of the phase. */
  natDates: NatDate[];
  /** ed.8: 双采双检 (two samples, two labs) on the last central NAT before release. */
  dualSampleBeforeRelease: boolean;
}

export type ScheduleResult = { ok: true; schedule: ContactSchedule } | { ok: false; reason: 'not_identified' | 'no_rules' };

const RULE_KEY = { closeContact: 'close_contact', secondaryContact: 'secondary_contact' } as const;

/**
 * @param params the rule profile's params object (as stored in rule_profiles.params)
 * @param identifiedOn the Shanghai date the contact was identified ('YYYY-MM-DD'); an ISO instant
 *   is converted, so 2022-07-01T23:30+08:00 is 07-01 and 2022-07-02T00:30+08:00 is 07-02
 */
export function contactSchedule(params: unknown, category: 'closeContact' | 'secondaryContact', identifiedOn: string): ScheduleResult {
  const rules = phaseRules(params, RULE_KEY[category]);
  if (!rules.ok) return rules;
  const { centralDays, homeDays, homeKind, natCentral, natHome, dualSample } = rules.rules;
  const day1 = shanghaiDate(identifiedOn);
  const centralFrom = centralDays > 0 ? day1 : null;
  const centralTo = centralDays > 0 ? addDays(day1, centralDays - 1) : null;
  const homeFrom = homeDays > 0 ? addDays(day1, centralDays) : null;
  const homeTo = homeDays > 0 ? addDays(day1, centralDays + homeDays - 1) : null;
  const natDates: NatDate[] = [
    ...natCentral.map((day) => ({ date: addDays(day1, day - 1), phase: 'central' as const, day })),
    ...natHome.map((day) => ({ date: addDays(day1, centralDays + day - 1), phase: 'home' as const, day })),
  ];
  return {
    ok: true,
    schedule: {
      category, centralDays, homeDays, homeKind, centralFrom, centralTo, homeFrom, homeTo, natDates,
      dualSampleBeforeRelease: dualSample && centralDays > 0 && natCentral.length > 0,
    },
  };
}
