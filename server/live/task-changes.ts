// A task's change goes to the teams it belongs to: scope `own` for tasks is the task's team, so a
// reassignment tells the old team (the task leaves its list) and the new one.
import type { Change } from './emit.ts';

export const taskChange = (id: number, ...teamIds: readonly (number | null | undefined)[]): Change =>
  ({ resource: 'tasks', ids: [id], teams: teamIds.filter((t): t is number => typeof t === 'number') });
