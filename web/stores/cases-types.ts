// The people API's answers as /cases reads them (contract of issue 5: GET /people, GET /people/{id},
// GET /chains, POST /people/{id}/contacts) and the value lists the filters offer. Personal fields arrive masked by the
// server (server/serialize.ts); the page shows them as sent and never unmasks anything.
import type { Point } from 'geojson';
import { CASE_CATEGORIES, type PersonCategory } from '../../domain/layers.ts';
import type { LoopStepName } from '../../domain/loop/types.ts';

export { PERSON_CATEGORIES } from '../../domain/layers.ts';
export { LOOP_STEPS as LOOP_STEP_NAMES } from '../../domain/loop/types.ts';
export type { LoopStepName, PersonCategory };
export const CASE_CATEGORY_SET: ReadonlySet<string> = new Set(CASE_CATEGORIES);

// As domain/schemas/loops.ts, repeated so the page does not bundle zod for two lists.
export const PERSON_STATUSES = ['active', 'released', 'closed'] as const;
export const CONTACT_TYPES = ['household', 'work', 'social', 'transport', 'healthcare', 'other'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** One row of GET /people (server/routes/loop-schemas.ts PersonOut). */
export interface RegistryRow {
  id: number;
  incidentId?: number;
  category: PersonCategory;
  status: string;
  name?: string; // masked; absent for the wall
  idNumber?: string; // masked
  phone?: string; // masked
  homeAddress?: string | null; // masked
  sex?: 'male' | 'female';
  age?: number;
  onsetDate: string | null;
  sampleDate?: string | null;
  reportDate: string | null;
  identifiedAt?: string;
  townshipId?: number | null;
  townshipName: string | null;
  currentStep: LoopStepName | null;
  currentDueAt: string | null;
  overdue: boolean;
  escalationLevel?: number | null;
  teamName: string | null;
}
export interface RegistryPage { items: RegistryRow[]; next: string | null; total?: number }

export interface Exposure {
  id: number;
  placeId: number | null;
  name: string | null;
  kind?: string | null;
  startAt: string;
  endAt: string;
  note?: string | null;
  point: [number, number] | null;
}

/** A contact link of the opened person. 'to': the link runs from this person to `person`
 * (downstream, they were exposed by this person); 'from': `person` exposed this person (upstream). */
export interface ContactLinkView {
  linkId: number;
  direction: 'from' | 'to';
  contactType: ContactType;
  lastExposureAt: string;
  person: { id: number; category: PersonCategory; status?: string; name?: string };
}

export interface LoopStepView {
  id: number;
  step: LoopStepName;
  seq: number;
  dueAt: string;
  doneAt: string | null;
  cancelledAt?: string | null;
  result?: 'negative' | 'positive' | null;
  teamName?: string | null;
  overdue?: boolean;
  note?: string | null;
}

export interface RoomView { roomId: number; siteId: number; siteName: string; block: string; floor?: number; roomNo: string; asCarer?: boolean }

/** GET /people/{id}: the registry row plus home, exposures, contacts both ways, steps, room. */
export interface PersonDetail extends RegistryRow {
  geometry: Point | null;
  exposures: Exposure[];
  contacts: ContactLinkView[];
  steps: LoopStepView[];
  room: RoomView | null;
}

export interface ContactSchedule {
  category: 'closeContact' | 'secondaryContact';
  centralDays: number; homeDays: number; homeKind: 'monitoring' | 'isolation' | null;
  centralFrom: string | null; centralTo: string | null; homeFrom: string | null; homeTo: string | null;
  natDates: { date: string; phase: 'central' | 'home'; day: number }[];
}

export interface NewContact {
  name: string; idNumber: string; phone: string; sex: 'male' | 'female'; age: number; homeAddress?: string;
  contactType: ContactType; lastExposureAt: string;
}
/** POST /people/{id}/contacts answers with the new person's detail and the computed schedule. */
export interface CreatedContact extends PersonDetail { schedule: ContactSchedule | null }

export interface ChainNode { id: number; category: PersonCategory; reportDate: string | null; onsetDate: string | null; identifiedAt?: string;
  point: [number, number] | null }
export interface ChainLink { from: number; to: number; type: ContactType; lastExposureAt: string }
export interface ChainPlace { personId: number; placeId: number | null; name: string | null; point: [number, number]; startAt: string; endAt: string }
export interface ChainData { nodes: ChainNode[]; links: ChainLink[]; places: ChainPlace[] }
