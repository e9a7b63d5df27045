// English for the /plan page; the same keys as plan.zh-CN.ts.
import type planZh from './plan.zh-CN.ts';
import coverage from './coverage.en.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const plan: Messages<typeof planZh> = {
  coverage,
  title: 'Zone planning',
  nav: { map: 'Command map', plan: 'Zone planning', go: 'Go to' },
  profile: {
    heading: 'Rule profile', version: 'version {n}', effective: 'in force {from} to {to}', open: 'now', change: 'Change profile',
    changeTitle: "Change the incident's rule profile", current: 'Current profile: {name}', pick: 'New profile', reason: 'Reason',
    reasonHint: 'For example: the 9th edition of the national protocol was published. The reason goes to the audit log.',
    submit: 'Change profile', cancel: 'Cancel', kinds: 'Zone kinds', loadFailed: 'Profile failed to load: {message}',
    same: 'Choose a different profile',
  },
  tabs: { draw: 'Draw', proposals: 'Proposals', zones: 'Zones', coverage: 'Coverage' },
  draw: {
    start: 'Draw a new zone', restart: 'Draw again', cancel: 'Discard',
    hint: 'Click on the map to place corners; click the first corner (or double-click the last) to close; Esc discards. Corners snap to nearby building and compound corners and edges.',
    editHint: "Drag the white corners to move the boundary, drag an edge's midpoint to add a corner, or drag the whole zone.",
    idle: 'Draw a polygon to see at once the people, buildings, checkpoints and supplies inside it; saved, it becomes a proposed zone for the commander to publish.',
    name: 'Zone name', namePlaceholder: 'e.g. Fuyang compound sealed area', kindLocked: 'A published zone changes kind only by an upgrade or a downgrade', kind: 'Zone kind', reason: 'Reason for the change',
    reasonOptional: 'Note (optional)', save: 'Save as proposed zone', saveVersion: 'Save as a new version', saving: 'Saving…',
    editing: 'Editing: {name} (from version {v})', fromProposal: 'From proposal: {name}',
    notEditable: 'This zone has several parts or holes, so its boundary cannot be dragged on the map; its name and kind can be changed.',
    needName: 'Enter a zone name', needReason: 'Enter the reason for the change', needShape: 'Finish (close) the polygon on the map first',
    refused: 'Not saved: {message}', saved: 'Saved as zone #{id}', readOnly: 'Replaying the past: drawing is off. Return to now first.',
    noRight: 'Your role can view zones only.',
  },
  impact: {
    heading: 'Impact', draft: 'The zone being drawn', draftNamed: 'Drawing: {name}', zone: 'Zone: {name}', proposal: 'Proposal: {name}', pending: 'Calculating…',
    close: 'Close', failed: 'Cannot calculate: {message}', area: 'Area', residents: 'Residents', households: 'Households',
    buildings: 'Buildings', over65: 'Aged 65+', openLoops: 'Open loop items', checkpoints: 'Checkpoints needed',
    noCrossings: 'No road crosses the boundary', crossingsMore: '{n} more roads', testing: 'Mass testing', samplingPoints: 'Sampling points',
    samplers: 'Samplers', completion: 'for one round in {h} h', supplies: 'Daily supplies', perHousehold: 'Per household',
    total: 'Total', unnamedRoad: 'Unnamed road',
    units: { people: 'people', households: 'households', buildings: 'buildings', points: 'sites', m2: 'm²', km2: 'km²' },
    kg: '{n} kg', litre: '{n} L',
    supply: { staples_kg: 'Staples', vegetables_kg: 'Vegetables', meat_eggs_kg: 'Meat and eggs', milk_kg: 'Milk', drinking_water_l: 'Drinking water' },
  },
  roadClass: {
    expressway: 'Expressway', trunk: 'Trunk road', primary: 'Primary road', secondary: 'Secondary road', tertiary: 'Tertiary road',
    residential: 'Street', lane: 'Lane',
  },
  proposals: {
    asOf: 'As of', generate: 'Propose zones from the cases', regenerate: 'Propose again', generating: 'Working…',
    intro: 'Zones the current rule profile calls for, from the homes and investigated movements of the cases up to the chosen day (by default the day the latest case was reported). Nothing takes effect by itself: an accepted proposal becomes a proposed zone.',
    count: '{n} proposed zones (as of {date})', empty: 'No zone is called for', accept: 'Accept', accepted: 'Accepted #{id}',
    edit: 'Edit, then save', provenance: '{n} reasons', contains: 'absorbs {n} zones', lastInfection: 'last infection {date}',
    showAll: 'All {n} reasons', hideAll: 'Fewer', failed: 'Could not propose: {message}', acceptFailed: 'Could not accept: {message}',
    unit: { building: 'Building', compound: 'Compound', village: 'Village', grid: 'Grid', place: 'Place', township: 'Township', rest_of_county: 'Rest of the district' },
  },
  zones: {
    empty: 'No control zones yet', showLifted: 'Show lifted zones ({n})', version: 'v{n}', day: 'day {n}',
    downgradeOn: 'downgrade {date}', liftOn: 'lift {date}', noClock: 'no clock yet', restarted: 'New infection: the clock restarted',
    upgradeTo: 'should become {kind}', publish: 'Publish', downgrade: 'Downgrade', upgrade: 'Upgrade', lift: 'Lift', edit: 'Edit', history: 'Versions',
    rounds: 'Zone test rounds', addRound: 'Record round', roundDate: 'Date', tested: 'Tested', positives: 'Positives', note: 'Note',
    noRounds: 'No test rounds recorded', roundLine: '{date}: {tested} tested, {positives} positive',
    conflict: 'Someone else has just changed this zone. Reload to see the latest version before you act.', reload: 'Reload',
    reason: 'Reason', reasonRequired: 'Enter a reason', toKind: 'Downgrade to', confirm: 'Confirm', cancel: 'Cancel',
    dialog: { publish: 'Publish zone: {name}', downgrade: 'Downgrade zone: {name}', upgrade: 'Upgrade zone: {name}', lift: 'Lift zone: {name}' },
    dialogHint: { publish: 'Published, the zone takes effect at once and appears on the maps of the grid workers concerned.',
      downgrade: "Downgraded, the zone's clock goes on under its profile (a high-risk area made medium turns low after 3 more clean days).",
      upgrade: 'Upgraded (e.g. a new infection inside), the stricter kind applies at once and the clock restarts.', lift: 'Lifted, the zone no longer applies; its record is kept.' },
    change: { seed: 'Initial data', create: 'Created', edit: 'Edited', publish: 'Published', downgrade: 'Downgraded', upgrade: 'Upgraded', lift: 'Lifted' },
    source: { seed: 'Initial data', drawn: 'Drawn', proposal: 'Proposal' },
    by: '{actor}, {time}', justification: 'Why this zone', steps: 'Downgrade and lift', stepTo: 'to {kind}: {date}', stepLift: 'lift: {date}',
    ready: 'conditions met', waiting: { clean_days: 'waiting for clean days', nat_round: 'waiting for a test round', last_contact: 'waiting for the last contact to clear' },
    requiredRounds: 'Required rounds:', done: 'done', notDone: 'not done', failed: 'Failed: {message}', loadFailed: 'Failed to load: {message}',
    current: 'current', lastInfection: 'last infection {date}', noInfection: 'no infection recorded',
  },
  replay: {
    label: 'Replay', live: 'Now', backToLive: 'Back to now', prev: 'Previous day', next: 'Next day', showing: 'Zones at the end of {date}',
    readOnly: 'Replay (read-only)', changes: 'Days with changes',
  },
  legend: { heading: 'Legend', proposed: 'Proposed (dashed)', proposal: 'Proposal', checkpoint: 'Checkpoint needed', lifted: 'Lifted' },
  analysis: {
    heading: 'Clusters and hot spots', asOf: 'Analysed day {date}', none: 'No analysis yet', failed: 'Analyses failed to load',
    stClusters: 'Case clusters (ST-DBSCAN)', scan: 'Space-time scan clusters', hotspots: 'Hot-spot grid cells (Gi*)',
    hot: 'Hot spot 99/95/90%', cold: 'Cold spot 99/95/90%', scanNew: 'New (dashed)', scanOngoing: 'Ongoing (solid)', count: '{n}',
    stCount: '{n} cases', scanRecurrence: 'Cluster RI ≥ {n} d',
    popup: {
      stTitle: 'Case cluster #{id}', scanTitle: 'Scan cluster #{id}', hotTitle: 'Hot-spot cell #{id}', coldTitle: 'Cold-spot cell #{id}',
      cases: 'Cases', period: 'Period', periodValue: '{from} to {to}', growth: 'Last 7 d / previous 7 d', growthValue: '{last7} / {prev7} cases',
      status: 'Status', new: 'New', ongoing: 'Ongoing', observed: 'Observed / expected', observedValue: '{observed} / {expected}',
      relativeRisk: 'Relative risk', pValue: 'p-value', recurrence: 'Recurrence interval', days: '{n} days', villages: 'Villages', villagesValue: '{n}',
      radius: 'Radius', meters: '{n} m', significance: 'Confidence', confidence: '{n}%', z: 'Gi* z-score', cellCases: 'Cases, last {d} days',
    },
  },
};

export default plan;
