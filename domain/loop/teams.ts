// Which kind of team answers for each step (issue 5: "someone answers for every step"). Tracing
// teams find and tell people, transfer teams move them, sampling teams take the NATs and the field
// (community/site) teams look after quarantine, release and home monitoring. Same table as the
// demo generator (geodata/scenario/scenario.ts TEAM_FOR), so seeded and new loops agree; the
// server picks the team of that kind whose area covers the person's township, else the command team.
import type { LoopStepName, TeamKind } from './types.ts';

export const STEP_TEAM_KIND: Readonly<Record<LoopStepName, TeamKind>> = Object.freeze({
  identified: 'tracing',
  notified: 'tracing',
  transferScheduled: 'transfer',
  transferred: 'transfer',
  quarantined: 'field',
  tested: 'sampling',
  released: 'field',
  homeMonitoring: 'field',
  closed: 'field',
});

/** The team that stands in when no team of the step's kind covers the person's township. */
export const FALLBACK_TEAM_KIND: TeamKind = 'command';
