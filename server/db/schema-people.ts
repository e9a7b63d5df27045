// Tables of the incident and its people: incidents, rule profiles, persons, exposures, contact
// links, teams and their areas, closed-loop steps.
import type { Generated } from 'kysely';
import type { Flag, Id, IsoDate, IsoTime, Json, Spatial, Temporal } from './schema-common.ts';

export interface IncidentTable {
  id: Id;
  name: string;
  disease: string;
  grade_suggested: 'I' | 'II' | 'III' | 'IV' | null;
  grade_confirmed: 'I' | 'II' | 'III' | 'IV' | null;
  warning_colour: 'red' | 'orange' | 'yellow' | 'blue' | null;
  rule_profile_id: number | null;
  status: 'open' | 'closed';
  started_at: IsoTime;
  closed_at: IsoTime | null;
  /** Migration 007: the person who confirmed the grade, when, and why. */
  grade_confirmed_by: string | null;
  grade_confirmed_at: IsoTime | null;
  grade_reason: string | null;
}

export interface RuleProfileTable {
  id: Id;
  key: string; // e.g. cn-2022-ed9
  version: number;
  name: string;
  params: Json; // versioned parameters, domain-rules.md §7
  effective_from: IsoDate;
  effective_to: IsoDate | null;
  source: string;
}

export interface PersonTable extends Spatial, Temporal {
  id: Id;
  incident_id: number;
  category: 'confirmed' | 'asymptomatic' | 'suspected' | 'closeContact' | 'secondaryContact' | 'atRiskTraveller';
  name: string; // personal data: masked at serialization
  id_number: string; // personal data
  phone: string; // personal data
  sex: 'male' | 'female';
  age: number;
  home_address_point_id: number | null;
  home_address: string | null; // personal data
  status: 'active' | 'released' | 'closed';
  onset_date: IsoDate | null;
  sample_date: IsoDate | null;
  report_date: IsoDate | null;
  created_at: IsoTime;
  updated_at: IsoTime;
  synthetic: Flag;
  /** Migration 005: where the row came from and how well its home address was geocoded. */
  source: Generated<'seed' | 'manual' | 'import'>;
  import_id: number | null;
  geocode_level: string | null; // domain/address GeocodeLevel
  geocode_confidence: number | null; // 0..1
}

export interface ExposureTable extends Spatial {
  id: Id;
  person_id: number;
  place_id: number | null;
  building_id: number | null;
  start_at: IsoTime;
  end_at: IsoTime;
  note: string | null;
}

export interface ContactLinkTable {
  id: Id;
  from_person_id: number;
  to_person_id: number;
  contact_type: 'household' | 'work' | 'social' | 'transport' | 'healthcare' | 'other';
  last_exposure_at: IsoTime;
}

export interface TeamTable {
  id: Id;
  name: string;
  kind: 'field' | 'tracing' | 'transfer' | 'sampling' | 'command';
}

export interface TeamAreaTable {
  id: Id;
  team_id: number;
  admin_unit_id: number | null;
  grid_id: number | null;
  geometry: Json | null; // a drawn polygon, when neither unit nor grid
}

export interface LoopStepTable {
  id: Id;
  person_id: number;
  step: 'identified' | 'notified' | 'transferScheduled' | 'transferred' | 'quarantined' | 'tested' | 'released' | 'homeMonitoring' | 'closed';
  seq: number; // order within the person's loop (tests repeat)
  due_at: IsoTime;
  done_at: IsoTime | null;
  team_id: number | null;
  room_id: number | null;
  note: string | null;
  /** Migration 005. */
  result: 'negative' | 'positive' | null; // tested steps
  actor: string | null; // who completed it
  cancelled_at: IsoTime | null; // left the plan (e.g. a contact who turned positive)
  escalation_level: Generated<number>; // 0 none, 1 team, 2 commander, 3 red
  escalated_at: IsoTime | null;
}
