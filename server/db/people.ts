// A person and the planned closed loop that comes with them, written together: every person
// found is in a loop from the moment they are registered (issue 5 item 2), by hand (a contact
// of a case, POST /people/{id}/contacts) or by the importer's commit. The plan is domain/loop
// planLoop's (§1.5 schedules of the incident's profile, deadlines of the SLA in force); each step
// gets the team that answers for it (person-teams.ts). Call inside the caller's transaction.
import { planLoop } from '../../domain/loop/plan.ts';
import type { ContactSchedule } from '../../domain/loop/schedule.ts';
import type { PersonCategory, PlannedStep, SlaHours } from '../../domain/loop/types.ts';
import { ApiError } from '../errors.ts';
import type { Db } from './database.ts';
import { slaLayers } from './loop-sla.ts';
import { teamForStep, teamsAt, teamsResolver, type TeamsByKind } from './person-teams.ts';
import { incidentProfile } from './profiles.ts';

export interface NewPerson {
  incidentId: number; category: PersonCategory; name: string; idNumber: string; phone: string;
  sex: 'male' | 'female'; age: number; homeAddress: string | null; point: [number, number] /* WGS-84, required */;
  onsetDate?: string | null; sampleDate?: string | null; reportDate?: string | null; source: 'manual' | 'import'; importId?: number | null;
  geocodeLevel?: string | null; geocodeConfidence?: number | null; identifiedAt: string;
}

export interface LoopContext { params: unknown; sla: SlaHours }

/** The profile parameters and deadlines new loops of an incident are planned with. */
export async function incidentLoopContext(db: Db, incidentId: number): Promise<LoopContext> {
  const params: unknown = (await incidentProfile(db, incidentId))?.params ?? {};
  return { params, sla: (await slaLayers(db, params)).effective };
}

/** The plan's refusal as the API's error: 422 either way. */
function refusal(reason: 'not_identified' | 'no_rules', category: PersonCategory): ApiError {
  if (reason === 'not_identified') return new ApiError('not_identified_under_profile', `the incident's rule profile does not identify ${category}`);
  return new ApiError('no_contact_rules', `the incident's rule profile has no rules for ${category}`);
}

export type Inserted = { personId: number; steps: PlannedStep[]; schedule: ContactSchedule | null };
export type PersonOutcome = ({ ok: true } & Inserted) | { ok: false; error: ApiError };

/** Inserts the person and their planned loop. The `identified` step is done at identification:
 * registering the person is that step. Throws ApiError 422 when the profile plans no loop. */
export async function insertPersonWithLoop(tx: Db, p: NewPerson, ctx: LoopContext): Promise<Inserted> {
  const [r] = await insertPeopleWithLoops(tx, [p], ctx);
  if (!r.ok) throw r.error;
  return { personId: r.personId, steps: r.steps, schedule: r.schedule };
}

// Bind parameters per statement stay under SQLite's 32,766 (and PostgreSQL's 65,535):
// persons have 27 columns, steps 12.
const PERSON_CHUNK = 500;
const STEP_CHUNK = 2000;

/** insertPersonWithLoop for many persons (the importer's commit: thousands in one transaction),
 * in multi-row statements. A person the profile plans no loop for is not written and comes back
 * as { ok: false, error } in its place; the caller decides whether that fails the whole batch.
 * planLoop is pure, so one plan serves every person of the same category identified at the same
 * instant (an import's persons share it); teams are resolved in memory (teamsResolver). */
export async function insertPeopleWithLoops(tx: Db, people: readonly NewPerson[], ctx: LoopContext): Promise<PersonOutcome[]> {
  const plans = new Map<string, ReturnType<typeof planLoop>>();
  const out: PersonOutcome[] = people.map((p) => {
    const key = `${p.category} ${p.identifiedAt}`;
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = planLoop({ category: p.category, identifiedAt: p.identifiedAt, params: ctx.params, sla: ctx.sla })));
    return plan.ok ? { ok: true, personId: 0, steps: plan.steps, schedule: plan.schedule } : { ok: false, error: refusal(plan.reason, p.category) };
  });
  const todo = out.flatMap((o, i) => (o.ok ? [i] : []));
  if (!todo.length) return out;
  const teams = await teamsResolver(tx);
  for (let c = 0; c < todo.length; c += PERSON_CHUNK) {
    const idx = todo.slice(c, c + PERSON_CHUNK);
    const made = await tx.kysely.insertInto('persons').values(idx.map((i) => personRow(people[i]))).returning(['id', 'id_number']).execute();
    // Ids ascend in VALUES order on both dialects (SQLite: max(rowid) + 1 row by row inside the
    // write transaction; PostgreSQL: nextval row by row), but RETURNING's order is not promised:
    // sort, and check against the ID numbers rather than trust it.
    made.sort((a, b) => a.id - b.id);
    if (made.length !== idx.length || made.some((m, k) => m.id_number !== people[idx[k]].idNumber)) throw new Error('persons: inserted ids do not line up with the rows');
    const steps = idx.flatMap((i, k) => {
      const o = out[i] as { ok: true } & Inserted;
      o.personId = made[k].id;
      return stepRows(o.personId, teams(people[i].point), o.steps, people[i].identifiedAt);
    });
    for (let s = 0; s < steps.length; s += STEP_CHUNK) await tx.kysely.insertInto('loop_steps').values(steps.slice(s, s + STEP_CHUNK)).execute();
  }
  return out;
}

function personRow(p: NewPerson) {
  const [lng, lat] = p.point;
  return {
    incident_id: p.incidentId, category: p.category, name: p.name, id_number: p.idNumber, phone: p.phone, sex: p.sex, age: p.age,
    home_address_point_id: null, home_address: p.homeAddress, status: 'active' as const,
    onset_date: p.onsetDate ?? null, sample_date: p.sampleDate ?? null, report_date: p.reportDate ?? null,
    geometry: JSON.stringify({ type: 'Point', coordinates: [lng, lat] }), min_lng: lng, min_lat: lat, max_lng: lng, max_lat: lat,
    valid_from: p.identifiedAt, valid_to: null, created_at: p.identifiedAt, updated_at: p.identifiedAt, synthetic: 0,
    source: p.source, import_id: p.importId ?? null, geocode_level: p.geocodeLevel ?? null, geocode_confidence: p.geocodeConfidence ?? null,
  };
}

/** Planned steps as rows, each with its responsible team; `identified` done at `identifiedAt`
 * (null when appending to an existing loop). */
function stepRows(personId: number, teams: TeamsByKind, steps: readonly PlannedStep[], identifiedAt: string | null) {
  return steps.map((s) => ({
    person_id: personId, step: s.step, seq: s.seq, due_at: s.dueAt, team_id: teamForStep(teams, s.step), room_id: null, note: s.note,
    done_at: s.step === 'identified' && identifiedAt !== null ? identifiedAt : null, result: null, actor: null, cancelled_at: null, escalated_at: null,
  }));
}

/** Planned steps appended to a person's loop (a contact turned positive: the case path). */
export async function insertSteps(tx: Db, personId: number, point: readonly [number, number], steps: PlannedStep[], identifiedAt: string | null): Promise<void> {
  if (!steps.length) return;
  await tx.kysely.insertInto('loop_steps').values(stepRows(personId, await teamsAt(tx, point), steps, identifiedAt)).execute();
}

/** The home point of a person, for planning their steps' teams. */
export async function personPoint(db: Db, personId: number): Promise<[number, number] | undefined> {
  const r = await db.kysely.selectFrom('persons').select(['min_lng', 'min_lat']).where('id', '=', personId).executeTakeFirst();
  return r && [r.min_lng, r.min_lat];
}
