// Shared fixtures of the loop specs: the bundled rule profiles' params (as the DB stores them)
// and a tiny in-memory loop that applies completions the way the server does.
import { completeStep, replanAfterPositive, type CompleteInput } from '../../../domain/loop/machine.ts';
import type { LoopStepName, LoopStepState, PlannedStep, SlaHours } from '../../../domain/loop/types.ts';
import { BUNDLED_PROFILES } from '../../../domain/zones/bundled-profiles.ts';

export const params = (key: string): unknown => BUNDLED_PROFILES.find((p) => p.key === key)!.params;
export const Y2021 = params('cn-2021-community');
export const ED9 = params('cn-2022-ed9');
export const TWENTY = params('cn-2022-20measures');
export const NORO = params('generic-norovirus-school');

/** A Shanghai wall-clock time as an ISO instant with its offset. */
export const sh = (dateTime: string): string => `${dateTime}+08:00`;
/** A UTC ISO instant shown as Shanghai wall time 'YYYY-MM-DD HH:mm', to read deadlines in specs. */
export const local = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Planned steps as stored rows: ids from 100 so an id is never mistaken for a seq. */
export function toStates(steps: PlannedStep[], firstId = 100): LoopStepState[] {
  return steps.map((s, i) => ({
    id: firstId + i, step: s.step, seq: s.seq, dueAt: s.dueAt, doneAt: null, cancelledAt: null,
    result: null, roomId: null, teamId: null, escalationLevel: 0,
  }));
}

/** A step row with defaults, for hand-written loops. */
export function row(id: number, step: LoopStepName, over: Partial<LoopStepState> = {}): LoopStepState {
  return { id, step, seq: id, dueAt: '2022-07-01T00:00:00.000Z', doneAt: null, cancelledAt: null, result: null,
    roomId: null, teamId: null, escalationLevel: 0, ...over };
}

/** Completes a step as the server would (done_at, result, room) after the machine allowed it. */
export function apply(steps: LoopStepState[], input: CompleteInput): LoopStepState[] {
  const verdict = completeStep(steps, input);
  if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`);
  return steps.map((s) => s.id !== input.stepId ? s : {
    ...s, doneAt: input.at, result: s.step === 'tested' ? input.result ?? null : s.result,
    roomId: s.step === 'quarantined' ? input.roomId ?? s.roomId : s.roomId,
  });
}

/** The input that completes `s` successfully: a negative NAT, room 7 for a check-in. */
export const okInput = (s: LoopStepState, at = s.dueAt): CompleteInput =>
  ({ stepId: s.id, at, ...(s.step === 'tested' ? { result: 'negative' as const } : {}), ...(s.step === 'quarantined' ? { roomId: 7 } : {}) });

/** Applies a replan after a positive result: cancels and appends, like the server. */
export function applyReplan(steps: LoopStepState[], at: string, sla: SlaHours): LoopStepState[] {
  const { cancel, add } = replanAfterPositive(steps, at, sla);
  const nextId = Math.max(...steps.map((s) => s.id)) + 1;
  return [...steps.map((s) => (cancel.includes(s.id) ? { ...s, cancelledAt: at } : s)), ...toStates(add, nextId)];
}
