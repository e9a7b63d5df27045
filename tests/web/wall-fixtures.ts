// A small wall summary (the contract's WallSummary) for the wall's store and model tests.
import type { WallSummary } from '../../web/stores/wall-types.ts';

export function wallSummary(over: Partial<WallSummary> = {}): WallSummary {
  return {
    asOf: '2022-06-18T02:00:00.000Z',
    incident: { id: 1, name: '峰峰矿区新冠肺炎疫情（演示）', startedAt: '2022-05-27T01:00:00.000Z', today: '2022-06-18' },
    cases: { today: 2, last7: [{ date: '2022-06-17', count: 1 }, { date: '2022-06-18', count: 2 }], total: 166, active: 92 },
    zones: [
      { kind: 'sealed', label: { zh: '封控区', en: 'Sealed area' }, rank: 3, colour: '#c62828', count: 1 },
      { kind: 'controlled', label: { zh: '管控区', en: 'Controlled area' }, rank: 2, colour: '#ef6c00', count: 8 },
      { kind: 'precaution', label: { zh: '防范区', en: 'Precaution area' }, rank: 1, colour: '#1e88e5', count: 1 },
    ],
    quarantine: { central: 255, home: 663, roomsTotal: 1012, roomsFree: 746,
      sites: [{ id: 1, name: '滏阳东路宾馆集中隔离点', status: 'active', total: 104, occupied: 13 }] },
    loops: { open: 1541, overdue: 90, funnel: [{ step: 'identified', reached: 1860 }], overdueByTeam: [] },
    tasks: { open: 10, overdue: 2 },
    alerts: { byLevel: { red: 1, orange: 0, yellow: 2, blue: 0 }, latest: [] },
    epi: { dates: ['2022-06-17', '2022-06-18'], byOnset: [1, 0], byReport: [1, 2] },
    hotAreas: [{ id: 97, name: '瓷都社区', kind: 'village', cases7d: 4, bbox: [114.169, 36.498, 114.179, 36.505] }],
    coverage: { minutes: 15, residents: 459822, covered: 401053, share: 401053 / 459822 },
    ...over,
  };
}
