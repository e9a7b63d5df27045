// Registry rows, loop steps and board items as the API sends them. Personal fields pass through
// serialize.ts `toProperties` (masked, or left out for the wall) and nothing else; the rest are
// ids, categories, dates and steps.
import { escalationLevel, overdueHours } from '../../domain/loop/overdue.ts';
import type { RegistryRow } from '../db/people-registry.ts';
import type { StepRow } from '../db/loops.ts';
import { toProperties, type PersonalFields } from '../serialize.ts';

const isLate = (dueAt: string | null, now: string) => dueAt !== null && dueAt < now;

export function personJson(r: RegistryRow, personal: PersonalFields, now: string): Record<string, unknown> {
  const masked = toProperties('persons', {
    id: r.id, incident_id: r.incident_id, category: r.category, status: r.status, name: r.name, id_number: r.id_number, phone: r.phone,
    home_address: r.home_address, sex: r.sex, age: r.age, onset_date: r.onset_date, sample_date: r.sample_date, report_date: r.report_date,
    identified_at: r.identified_at, source: r.source, geocode_level: r.geocode_level,
    geocode_confidence: r.geocode_confidence === null ? null : Number(r.geocode_confidence),
  }, personal);
  return {
    ...masked, townshipId: r.township_id, townshipName: r.township_name, currentStepId: r.current_step_id, currentStep: r.current_step,
    currentDueAt: r.current_due_at, overdue: isLate(r.current_due_at, now), escalationLevel: r.escalation_level, teamId: r.team_id, teamName: r.team_name,
  };
}

/** A loop step. The note is free text an officer typed (it may name people or numbers) and the
 * actor is a staff username: the wall, which gets no personal fields, gets neither (review M2). */
export const stepJson = (s: StepRow, now: string, personal: PersonalFields) => ({
  id: s.id, step: s.step, seq: s.seq, dueAt: s.dueAt, doneAt: s.doneAt, cancelledAt: s.cancelledAt, result: s.result, roomId: s.roomId,
  teamId: s.teamId, teamName: s.teamName, escalationLevel: s.escalationLevel,
  note: personal === 'hidden' ? null : s.note, actor: personal === 'hidden' ? null : s.actor,
  overdue: s.doneAt === null && s.cancelledAt === null && isLate(s.dueAt, now),
});

/** One open loop on the board: who (masked), where, which step, how late (the level computed from
 * the due time now, the same rule the escalation timer applies), who answers. */
export function boardItem(r: RegistryRow, personal: PersonalFields, now: string): Record<string, unknown> {
  const due = r.current_due_at!;
  return {
    ...toProperties('persons', { id: r.id, category: r.category, name: r.name, phone: r.phone }, personal),
    townshipName: r.township_name, stepId: r.current_step_id, step: r.current_step, dueAt: due, overdue: isLate(due, now),
    overdueHours: Math.round(overdueHours({ dueAt: due, doneAt: null, cancelledAt: null }, now) * 10) / 10,
    escalationLevel: escalationLevel({ dueAt: due, doneAt: null, cancelledAt: null }, now), teamId: r.team_id, teamName: r.team_name,
  };
}
