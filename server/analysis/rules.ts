// The alerts a day's analyses raise (issue 7 item 4), one per dedupe key so a cluster or signal
// that goes on day after day updates its alert instead of stacking new ones. `detail.params` fill
// the rule's i18n message (web/i18n alerts.rule.<rule>); `detail.subject` says what the alert is
// about — the alert detail route builds its map and line list from it. Ids, names of villages and
// figures only, never a person's data.
import type { AlertLevel, EarsSignal, OutbreakCluster, ScanClusterOut } from '../../domain/analysis/types.ts';
import type { AlertSubject } from '../db/alert-list.ts';
import type { NewAlert } from '../db/alerts.ts';

/** NYC DOHMH's daily SaTScan threshold: a recurrence interval of 100 days (Greene et al. 2016);
 * a cluster expected by chance less than once a year is orange. */
export const SCAN_ALERT_DAYS = { yellow: 100, orange: 365 };
/** An ST-DBSCAN cluster alerts when it has at least this many members and grew week on week. */
export const ST_ALERT_MIN_MEMBERS = 5;


const KIND_ZH = { feverClinic: '发热门诊就诊', feverDrug: '退热药销售' } as const;
const round1 = (x: number) => Math.round(x * 10) / 10;

function scanAlert(k: ScanClusterOut, names: ReadonlyMap<number, string>, day: string): NewAlert | null {
  if (k.recurrenceDays < SCAN_ALERT_DAYS.yellow) return null;
  const level: AlertLevel = k.recurrenceDays >= SCAN_ALERT_DAYS.orange ? 'orange' : 'yellow';
  const villages = k.locationIds.map((id) => names.get(id) ?? String(id)).join('、');
  const ri = Math.round(k.recurrenceDays);
  return { incidentId: 0, level, rule: 'scan_cluster', key: `scan_cluster:${k.locationIds.join(',')}`, at: '',
    title: `时空扫描聚集：${villages}，${k.startDay}至${k.endDay}病例${k.observed}例（期望${round1(k.expected)}），重现间隔${ri}天`,
    detail: { params: { villages, observed: k.observed, expected: round1(k.expected), relativeRisk: round1(k.relativeRisk), recurrenceDays: ri,
      startDay: k.startDay, endDay: k.endDay, status: k.status, day },
    subject: { personIds: k.memberIds, adminUnitIds: k.locationIds, date: day, geometry: k.circle } satisfies AlertSubject } };
}

/** A village's counts are small (0–8 a day in the demo), so one detector alone flags ~1 % of quiet
 * village-days — about four a day over the district's ~430 series. A village alerts only when two
 * or more detectors agree; a township (its villages summed) alerts on one (C3 or two: yellow). */
function earsAlert(s: EarsSignal, township: boolean): NewAlert | null {
  if (!township && s.methods.length < 2) return null;
  const level: AlertLevel = s.methods.includes('C3') || s.methods.length >= 2 ? 'yellow' : 'blue';
  return { incidentId: 0, level, rule: 'ears_signal', key: `ears_signal:${s.kind}:${s.adminUnitId}`, at: '',
    title: `症状监测预警：${s.name}${KIND_ZH[s.kind]}${s.count}例（${s.date}，${s.methods.join('/')}）`,
    detail: { params: { village: s.name, kind: s.kind, count: s.count, date: s.date, methods: s.methods.join('/') },
      subject: { adminUnitIds: [s.adminUnitId], kind: s.kind, date: s.date } satisfies AlertSubject } };
}

function stAlert(k: OutbreakCluster, village: string | null, day: string): NewAlert | null {
  if (k.count < ST_ALERT_MIN_MEMBERS || k.growth.last7 <= k.growth.prev7) return null;
  return { incidentId: 0, level: 'orange', rule: 'st_cluster', key: `st_cluster:${Math.min(...k.memberIds)}`, at: '',
    title: `病例时空聚集：${village ?? ''}${k.count}例（近7天${k.growth.last7}例，前7天${k.growth.prev7}例）`,
    detail: { params: { village: village ?? '', count: k.count, last7: k.growth.last7, prev7: k.growth.prev7, firstDay: k.firstDay, lastDay: k.lastDay, day },
      subject: { personIds: k.memberIds, date: day, geometry: k.hull } satisfies AlertSubject } };
}

export interface DayFindings { clusters: OutbreakCluster[]; scan: ScanClusterOut[]; signals: EarsSignal[]; townships: ReadonlySet<number> }

/** The analysis rules whose alerts end by themselves when the finding does (stale-alerts.ts). */
export const ANALYSIS_RULES = ['scan_cluster', 'st_cluster', 'ears_signal'] as const;
/** An EARS alert stays open this many days after its last signal. */
export const EARS_QUIET_DAYS = 7;

/** The alerts of a day's findings for `incidentId`, raised at `at`. `villageAt` names the
 * village holding a point (the ST-DBSCAN cluster's centroid), null outside every village. */
export function dayAlerts(f: DayFindings, incidentId: number, day: string, at: string, names: ReadonlyMap<number, string>,
  villageAt: (p: [number, number]) => string | null): NewAlert[] {
  const all = [...f.scan.map((k) => scanAlert(k, names, day)), ...f.signals.map((x) => earsAlert(x, f.townships.has(x.adminUnitId))), ...f.clusters.map((k) => stAlert(k, villageAt(k.centroid), day))];
  return all.filter((a): a is NewAlert => a !== null).map((a) => ({ ...a, incidentId, at }));
}
