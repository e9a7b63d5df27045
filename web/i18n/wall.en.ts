// English: the wall strings (issue 6). Same keys as wall.zh-CN.ts.
import type zhCN from './wall.zh-CN.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  title: 'Shouwang · Command Wall',
  noIncident: 'No open incident',
  dayOf: 'Day {n}',
  playback: 'Replay',
  playbackHint: 'Replay how the outbreak evolved',
  loading: 'Loading the wall…',
  stale: 'Summary unavailable: showing the last data received',
  kpi: {
    casesToday: 'New cases today', last7: 'Last 7 days', total: 'Total', active: 'Active',
    zones: 'Zones in force', quarantine: 'People in quarantine', central: 'Central', home: 'At home', roomsFree: 'Rooms free', roomsTotal: '{n} quarantine rooms in all',
    loops: 'Loop steps', open: 'Open', overdue: 'Overdue', tasks: 'Tasks', tasksOpen: 'Open', tasksOverdue: 'Overdue',
    coverage: 'Testing ≤ 15 min walk', coverageCovered: 'of residents', coverageUncovered: '{n} residents farther', coverageNone: 'No roads or residents',
    alerts: 'Open alerts',
  },
  level: { red: 'Red', orange: 'Orange', yellow: 'Yellow', blue: 'Blue' },
  panel: { epi: 'Epidemic curve (cases/day)', funnel: 'Closed-loop progress (people)', overdue: 'Overdue steps by team', occupancy: 'Quarantine rooms occupied' },
  epi: { byOnset: 'By onset date', byReport: 'By report date', empty: 'No cases yet' },
  overdue: { steps: '{n} overdue', worst: 'up to {h} h', none: 'Every loop step is on time', noTeam: 'No team assigned' },
  occupancy: { none: 'No quarantine site yet', standby: 'standby', closed: 'closed' },
  ticker: { label: 'Latest alerts', none: 'No open alert' },
  map: {
    overview: 'Whole district', focus: 'Focus: {name}', cases7d: '{n} new cases in 7 days', cluster: 'Case cluster (count)', caseKinds: 'Confirmed / asympt. / suspected',
    quarantineSite: 'Quarantine site, by occupancy', checkpoint: 'Checkpoint', testingSite: 'Testing site', playback: 'Replaying',
    hotspots: 'Hot / cold spot cells', stCluster: 'Case cluster (cases)', scan: 'Scan cluster (dashed: new)', stCount: '{n} cases', scanRecurrence: 'Cluster RI ≥ {n} d',
  },
};

export default en;
