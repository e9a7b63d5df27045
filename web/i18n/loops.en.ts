// English: the closed-loop board and quarantine rooms tabs of /cases. Same keys as loops.zh-CN.ts.
import type zhCN from './loops.zh-CN.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  step: {
    identified: 'Identified', notified: 'Notified', transferScheduled: 'Transfer scheduled', transferred: 'Transferred',
    quarantined: 'In quarantine', tested: 'Tested', released: 'Released', homeMonitoring: 'Home monitoring', closed: 'Closed',
  },
  categoryShort: {
    confirmed: 'Case', asymptomatic: 'Asympt.', suspected: 'Suspect', closeContact: 'Close', secondaryContact: 'Second.', atRiskTraveller: 'Traveller',
  },
  escalation: {
    level0: 'On time', level1: 'Overdue (team follows up)', level2: 'Overdue over 6 h (commander told)', level3: 'Overdue over 24 h (red alert)',
  },
  board: {
    heading: 'Loop board', loading: 'Loading…', failed: 'Board failed to load: {message}', retry: 'Retry',
    open: '{n} open loops', overdue: '{n} overdue', empty: 'No open loop matches the filters', columnEmpty: 'None', truncated: 'Too many to list: the {n} most urgent are shown (column counts are complete)', more: 'More ({n})',
    person: '#{id}', due: 'Due {time}', overdueBy: '{h} h overdue', dueIn: '{h} h left', noTeam: 'No team',
    complete: 'Complete step', completeShort: 'Done', refresh: 'Refresh', updatedAt: 'Updated {time}, refreshes every 30 s',
    filters: { team: 'Team', allTeams: 'All teams', step: 'Current step', allSteps: 'All steps', overdueOnly: 'Overdue only' },
    export: 'Export board', exportXlsx: 'Export Excel', exportCsv: 'Export CSV', exporting: 'Exporting…', exportFailed: 'Export failed: {message}',
  },
  kpis: {
    heading: 'Loop KPIs', transferredPct: 'Transferred within {h} h', transferredPctShort: 'In {h} h', open: 'Open', overdue: 'Overdue', filtered: 'filtered',
    latest: '{date}: {pct}', noPct: 'none new', identified: 'Identified that day', median: 'Median time to transfer {h} h', failed: 'KPIs failed to load: {message}',
    chartLabel: 'Share of contacts transferred within {h} h per day (last {n} days)',
  },
  complete: {
    title: 'Complete step: {step}', who: 'Person #{id} ({category})', due: 'Due: {time}', result: 'Test result', negative: 'Negative', positive: 'Positive',
    resultRequired: 'Choose the test result', positiveHint: 'Positive: the person becomes a confirmed case, the remaining contact steps are cancelled and a red alert is raised.',
    room: 'Quarantine room', roomRequired: 'Choose a quarantine room', suggesting: 'Finding a room…', suggested: 'suggested', current: 'current room',
    noRoom: 'No room can be allocated: {reason}', roomOption: '{site}, block {block}, room {room}',
    note: 'Note (optional)', submit: 'Complete', submitting: 'Saving…', cancel: 'Cancel', refused: 'Not completed: {message}',
  },
  rooms: {
    heading: 'Quarantine rooms', loading: 'Loading…', failed: 'Rooms failed to load: {message}', empty: 'No quarantine site yet',
    totals: '{rooms} rooms, {occupied} occupied, {free} free', site: 'Site', rooms: 'Rooms', occupied: 'Occupied', free: 'Free',
    siteRooms: '{occupied} / {rooms} occupied', siteFree: '{n} free', siteFreed: '{n} freed in the next 7 days', block: 'Block {block}', blockRooms: '{occupied} / {rooms}',
    group: { case: 'Cases', close: 'Close contacts', secondary: 'Secondary contacts', traveller: 'Travellers', mixed: 'Mixed (to empty)', none: 'Empty' },
    legend: 'Room group legend',
    status: { active: 'Active', standby: 'Standby', closed: 'Closed' },
    allocate: 'Allocate rooms',
  },
  forecast: {
    heading: 'Rooms freed in the next 7 days', total: '{n} in total', day: '{date}', empty: 'Nobody is released in the next 7 days', undated: '{n} more without a release day yet', failed: 'Forecast failed to load: {message}',
  },
  allocate: {
    title: 'Allocate quarantine rooms', intro: 'Tick the people waiting for a room and preview the allocation (one person per room, categories kept apart, nearest site first); confirm to save it.',
    waiting: 'Waiting for a room ({n})', none: 'Nobody is waiting for a room', selectAll: 'Select all', preview: 'Preview', previewing: 'Working…',
    commit: 'Allocate', committing: 'Allocating…', cancel: 'Cancel', close: 'Close', assigned: '{n} can be placed', unplaced: '{n} cannot be placed',
    row: '#{person} → {site} {block} {room}', distance: '{km} km from home', reason: { no_room: 'no suitable free room', no_room_for_carer: 'no room for a carer' },
    done: '{n} allocated', refused: 'Allocation failed: {message}', stale: 'The selection changed, preview again',
  },
};

export default en;
