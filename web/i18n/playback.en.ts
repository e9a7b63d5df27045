// English: the playback strings (issue 6). Same keys as playback.zh-CN.ts.
import type zhCN from './playback.zh-CN.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  title: 'Playback',
  open: 'Playback',
  openHint: 'Replay day by day how zones, quarantine and cases changed',
  play: 'Play',
  pause: 'Pause',
  close: 'Close playback',
  slider: 'Playback day',
  dayOf: 'Day {n} of {total}',
  cumulative: 'Cumulative',
  cumulativeHint: 'Show every zone, quarantine and case begun by that day (ended ones faded)',
  keys: 'Space: play or pause; arrow keys: day by day; Esc: close',
  state: { zones: 'Zones in force', quarantine: 'In quarantine', cases: 'Active cases' },
  total: { zones: 'Zones so far', quarantine: 'Quarantined so far', cases: 'Cases so far' },
  people: '{n}',
  central: 'central {n}',
  home: 'home {n}',
  noZones: 'none',
  histogram: 'Cases (top) and people in quarantine (bottom) per day',
  loading: 'Loading the playback…',
  failed: 'The playback could not be loaded: {reason}',
  empty: 'No open incident: nothing to replay',
};

export default en;
