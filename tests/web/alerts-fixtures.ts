// Shared by the /alerts tests: alerts, an alert's detail and the incident grade shaped like the
// answers of GET /alerts, GET /alerts/{id} and GET /incidents/{id}/grade (domain/analysis/types.ts).
import type { AlertDetail, AlertOut, IncidentGrade, SyndromicDay } from '../../domain/analysis/types.ts';
import { square } from './plan-fixtures.ts';

export function alert(id: number, over: Partial<AlertOut> = {}): AlertOut {
  return { id, level: 'yellow', rule: 'ears_signal', title: `症状监测预警：临水村发热门诊就诊12例（2022-05-20，C1/C3）`,
    params: { village: '临水村', kind: 'feverClinic', count: 12, date: '2022-05-20', methods: 'C1/C3' }, status: 'open',
    raisedAt: '2022-05-20T15:00:00.000Z', acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, escalatedAt: null, ...over };
}

const day = (date: string, count: number, methods: SyndromicDay['methods'] = []): SyndromicDay =>
  ({ date, count, c1: 0.5, c2: methods.includes('C2') ? 3.4 : 1, c3: null, methods });

export function detail(id: number, over: Partial<AlertDetail> = {}): AlertDetail {
  return { ...alert(id), geometry: square(114.2, 36.4),
    persons: [{ id: 7, category: 'confirmed', name: '张*', sex: 'male', age: 40, village: '临水村', onsetDate: '2022-05-27', reportDate: '2022-05-28', status: 'active' }],
    series: { adminUnitId: 3, name: '临水村', kind: 'feverClinic', days: [day('2022-05-18', 3), day('2022-05-19', 4, ['C1']), day('2022-05-20', 12, ['C1', 'C3'])] },
    ...over };
}

export function grade(over: Partial<IncidentGrade> = {}): IncidentGrade {
  return { incidentId: 1, disease: 'COVID-19', confirmed: null, warningColour: null, confirmedBy: null, confirmedAt: null, reason: null,
    suggested: { applicable: true, grade: 'III', colour: 'yellow', criteria: [
      { key: 'cases6d', met: true, text: { 'zh-CN': '6 天内病例 ≥ 10 例', en: '≥ 10 cases in 6 days' } },
      { key: 'counties', met: false, text: { 'zh-CN': '波及 2 个以上县', en: 'spread to 2 or more counties' } }] },
    ...over };
}
