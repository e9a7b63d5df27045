// proposeZones: the control zones the rule profile implies on a given day, for a planner to
// accept, edit or reject (issue 4). Pure: cases, exposures and unit polygons in, zones out.
// Steps: count the cases still inside the profile's horizon (propose-window.ts), draw a zone per
// residence and per qualifying activity place (propose-units.ts), merge by unit, escalate
// townships, fold nested zones (propose-absorb.ts), then the rest of the county (propose-rest.ts).
import { absorbContained, escalateTownships, sortZones } from './propose-absorb.ts';
import { addToDrafts, toZone, type Draft } from './propose-drafts.ts';
import { activityReason, residenceReason } from './propose-reasons.ts';
import { restOfCounty } from './propose-rest.ts';
import type { ProposalInput, ProposedZone } from './propose-types.ts';
import { activityKind, activityUnit, residenceUnit } from './propose-units.ts';
import { countedCases, inWindow, stayHours } from './propose-window.ts';

export type { ProposalCase, ProposalExposure, ProposalInput, ProposedZone, Provenance, UnitGeometry } from './propose-types.ts';

/** The proposed zones, strictest first; the rest of the county (key 'rest') comes last. */
export function proposeZones(input: ProposalInput): ProposedZone[] {
  const { params, today, units } = input;
  const counted = countedCases(params, today, input.cases);
  const drafts = new Map<string, Draft>();
  for (const e of input.exposures) {
    const c = counted.get(e.personId);
    if (!c) continue;
    if (e.residence) {
      // the home counts whatever the window (§1.1: "the residential compound of a case"); the
      // window is for work and activity places
      const unit = residenceUnit(e, params, units);
      if (!unit) continue;
      const why = { personId: e.personId, exposureId: e.id, ...residenceReason(unit.unit), at: e.startAt };
      addToDrafts(params, drafts, unit, params.proposal.residence.kind, why, c.infectionDate, e.townshipId);
      continue;
    }
    if (!inWindow(e, c)) continue;
    const kind = activityKind(params, e.placeKind, stayHours(e));
    const unit = kind === null ? null : activityUnit(e, units);
    if (kind === null || !unit) continue;
    const why = { personId: e.personId, exposureId: e.id, ...activityReason(e), at: e.startAt };
    addToDrafts(params, drafts, unit, kind, why, c.infectionDate, null);
  }
  escalateTownships(params, drafts, units);
  const kept = sortZones(absorbContained([...drafts.values()]));
  // ed.9 §1.2: a county without a higher zone draws none, so no "rest" either
  const rest = kept.length > 0 ? restOfCounty(params, kept, units.district) : null;
  return [...kept, ...(rest ? [rest] : [])].map(toZone);
}
