// English: the /alerts page. Same keys as alerts.zh-CN.ts.
import type zhCN from './alerts.zh-CN.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  title: 'Alerts',
  nav: { alerts: 'Alerts', openCount: '{n} unacknowledged alerts', map: 'Command map' },
  level: { red: 'Red alert', orange: 'Orange alert', yellow: 'Yellow alert', blue: 'Blue alert' },
  levelShort: { red: 'Red', orange: 'Orange', yellow: 'Yellow', blue: 'Blue' },
  status: { open: 'Unacknowledged', acknowledged: 'Acknowledged', resolved: 'Resolved' },
  filter: {
    status: 'Status', level: 'Level', allLevels: 'All levels', rule: 'Kind', allRules: 'All kinds', warning: 'Clusters and syndromic signals',
    statuses: { active: 'To handle', open: 'Unacknowledged', acknowledged: 'Acknowledged', resolved: 'Resolved', all: 'All' },
  },
  list: {
    heading: 'Alerts', empty: 'No alert matches the filters', loading: 'Loading…', more: 'Load more', count: '{n} shown',
    escalated: 'Escalated', escalatedAt: 'Escalated at {at}: not acknowledged in time', ackBy: 'Acknowledged by {who}', resolvedBy: 'Resolved by {who}',
  },
  detail: {
    pick: 'Pick an alert on the left to see its area, the people behind it and its surveillance series.', back: 'Alerts', close: 'Close',
    loading: 'Loading the alert…',
    raisedAt: 'Raised', status: 'Status', acknowledged: 'Acknowledged', resolved: 'Resolved', escalated: 'Escalated', by: '{who}, {at}',
    acknowledge: 'Acknowledge', resolve: 'Resolve', acking: 'Acknowledging…', resolving: 'Resolving…', readOnly: 'Your role can only read alerts',
    actionFailed: 'Not done: {message}', map: 'Area of the alert', noArea: 'This alert has no area on the map', persons: 'Line list ({n} people)',
    noPersons: 'No person is behind this alert', openPerson: 'Open in the case registry', series: 'Syndromic series',
    resolveTitle: 'Resolve the alert', resolveHint: 'A resolved alert leaves the list to handle; if the situation comes back, the system raises it again.',
    note: 'Note (optional)', cancel: 'Cancel',
  },
  table: {
    caption: 'People behind the alert (names masked)', category: 'Category', name: 'Name', sex: 'Sex', age: 'Age', village: 'Village',
    onset: 'Onset', report: 'Reported', status: 'Status',
  },
  series: {
    count: 'Daily count', flagged: 'Flagged day', methods: 'Flagged by {m}', signalDay: 'Signal day',
    kind: { feverClinic: 'fever-clinic visits', feverDrug: 'fever-drug sales' }, district: 'Whole district', empty: 'No surveillance data yet',
  },
  grade: {
    heading: 'Incident grade', suggested: 'Suggested', confirmed: 'Confirmed grade', none: 'Not confirmed yet', notApplicable: 'Not applicable',
    notApplicableHint: "The 2006 plan's criteria do not cover this disease: the command grades it on its own assessment.",
    basis: 'Basis: National Public Health Emergency Plan (2006)', met: 'Met', notMet: 'Not met', noCriteria: 'No criterion can be judged yet',
    suggestionNote: 'A suggestion only: it takes effect when the commander confirms it.', by: 'Confirmed by {who} on {at}', reason: 'Reason: {reason}',
    confirm: 'Confirm grade…', change: 'Change grade…', loading: 'Loading the grade…', loadFailed: 'Grade failed to load: {message}',
    names: { I: 'Grade I (extremely serious)', II: 'Grade II (serious)', III: 'Grade III (major)', IV: 'Grade IV (general)' },
    dialog: {
      title: 'Confirm the incident grade', intro: 'Who confirmed it, when and why are recorded, and the wall is told.', grade: 'Grade',
      colour: 'Warning colour', colourDefault: "(the grade's own)", reason: 'Reason',
      reasonPlaceholder: "e.g. new cases in the last 6 days, spread, the experts' assessment",
      reasonRequired: 'Please give a reason', submit: 'Confirm', saving: 'Saving…', cancel: 'Cancel', failed: 'Not confirmed: {message}',
    },
  },
  rule: {
    loop_overdue: 'Loop step overdue: {step} (person #{personId}), {overdueHours} h late',
    loop_positive: 'Positive test: person #{personId} is now a confirmed case; the loop was rescheduled',
    scan_cluster: 'Space-time scan cluster: {villages}, {observed} cases from {startDay} to {endDay} (expected {expected}), recurrence interval {recurrenceDays} days',
    ears_signal: 'Syndromic signal: {kind} in {village} reached {count} on {date}, flagged by {methods}',
    st_cluster: 'Growing case cluster near {village}: {count} cases, {last7} in the last 7 days ({prev7} in the 7 before)',
    case_outside_zone: 'Case living outside every active zone: person #{personId} ({village}), reported {reportDate}',
    site_near_full: 'Quarantine site nearly full: {site}, {occupied} of {rooms} rooms in use ({percent}%)',
    zone_due: 'Zone due: {zone} may {action} from {due}',
  },
  ruleAlt: {
    st_cluster: 'Growing case cluster: {count} cases, {last7} in the last 7 days ({prev7} in the 7 before)',
    case_outside_zone: 'Case living outside every active zone: person #{personId}, reported {reportDate}',
  },
  ruleName: {
    loop_overdue: 'Loop step overdue', loop_positive: 'Positive test', scan_cluster: 'Space-time scan cluster', ears_signal: 'Syndromic signal',
    st_cluster: 'Case cluster', case_outside_zone: 'Case outside zones', site_near_full: 'Site nearly full', zone_due: 'Zone due',
  },
  ruleShort: {
    loop_overdue: 'Loop step overdue',
    loop_positive: 'Positive test: the loop was rescheduled',
    scan_cluster: 'Space-time scan found a case cluster',
    ears_signal: 'Syndromic counts rose unusually',
    st_cluster: 'A case cluster is growing',
    case_outside_zone: 'A case lives outside every active zone',
    site_near_full: 'A quarantine site is nearly full',
    zone_due: 'A zone is due for downgrade or lift',
  },
  param: {
    action: { downgrade: 'be downgraded', lift: 'be lifted' },
    step: {
      identified: 'identification', notified: 'notification', transferScheduled: 'transfer scheduling', transferred: 'transfer',
      quarantined: 'admission to quarantine', tested: 'test', released: 'release', homeMonitoring: 'home monitoring', closed: 'closure',
    },
    methodsJoin: ', ',
    listJoin: ', ',
  },
};

export default en;
