// Escalation of overdue steps: team, then commander (orange, > 6 h), then red (> 24 h).
import { describe, expect, it } from 'vitest';
import {
  ESCALATE_TO_COMMANDER_AFTER_HOURS, ESCALATE_TO_RED_AFTER_HOURS, ESCALATION_ALERT_LEVEL, escalationLevel, overdueHours,
} from '../../../domain/loop/overdue.ts';

const DUE = '2022-07-01T04:00:00.000Z'; // 12:00 in Shanghai
const open = { dueAt: DUE, doneAt: null, cancelledAt: null };
const after = (hours: number, ms = 0) => new Date(Date.parse(DUE) + hours * 3_600_000 + ms).toISOString();

describe('escalationLevel', () => {
  it('thresholds are 6 h and 24 h', () => {
    expect([ESCALATE_TO_COMMANDER_AFTER_HOURS, ESCALATE_TO_RED_AFTER_HOURS]).toEqual([6, 24]);
  });
  it.each([
    ['an hour before the deadline', after(-1), 0],
    ['exactly at the deadline', after(0), 0],
    ['1 ms late', after(0, 1), 1],
    ['6 h late', after(6), 1],
    ['6 h and 1 ms late', after(6, 1), 2],
    ['24 h late', after(24), 2],
    ['24 h and 1 ms late', after(24, 1), 3],
    ['a week late', after(24 * 7), 3],
  ])('an open step %s → level %i', (_, now, level) => {
    expect(escalationLevel(open, now)).toBe(level);
  });
  it('a done or cancelled step never escalates, however late', () => {
    expect(escalationLevel({ ...open, doneAt: after(30) }, after(48))).toBe(0);
    expect(escalationLevel({ ...open, cancelledAt: after(-2) }, after(48))).toBe(0);
  });
  it('reads instants with any offset: 20:00 +08:00 is 12:00Z', () => {
    expect(escalationLevel(open, '2022-07-01T20:00:01+08:00')).toBe(2);
  });
  it('maps to the alert colours yellow, orange, red', () => {
    expect(ESCALATION_ALERT_LEVEL).toEqual({ 0: null, 1: 'yellow', 2: 'orange', 3: 'red' });
  });
});

describe('overdueHours', () => {
  it('hours past the deadline of an open step, 0 otherwise', () => {
    expect(overdueHours(open, after(7.5))).toBe(7.5);
    expect(overdueHours(open, after(-3))).toBe(0);
    expect(overdueHours({ ...open, doneAt: after(1) }, after(9))).toBe(0);
  });
});
