// The record resources of the API and what a new row of each needs beyond its body.
import { CaseCreate, CaseUpdate } from '../../domain/schemas/cases.ts';
import {
  CheckpointCreate, CheckpointUpdate, QuarantineSiteCreate, QuarantineSiteUpdate, TestingSiteCreate, TestingSiteUpdate,
} from '../../domain/schemas/facilities.ts';
import { openIncidentId } from '../db/records.ts';
import { ApiError } from '../errors.ts';
import type { RecordSpec } from './records.ts';

const facility = (now: string) => ({ valid_from: now, created_at: now, updated_at: now, synthetic: 0 });

export const RESOURCES: RecordSpec[] = [
  {
    path: '/cases', layer: 'cases', resource: 'cases', tag: 'cases', create: CaseCreate, update: CaseUpdate,
    async createDefaults(db, now, body) {
      const incidentId = (body.incidentId as number | undefined) ?? (await openIncidentId(db));
      if (incidentId === undefined) throw new ApiError('conflict', 'there is no open incident to add the case to');
      return { ...facility(now), incident_id: incidentId, status: 'active' };
    },
  },
  { path: '/checkpoints', layer: 'checkpoints', resource: 'checkpoints', tag: 'checkpoints', create: CheckpointCreate, update: CheckpointUpdate,
    createDefaults: async (_db, now) => facility(now) },
  { path: '/quarantine-sites', layer: 'quarantine-sites', resource: 'quarantineSites', tag: 'quarantine sites', create: QuarantineSiteCreate, update: QuarantineSiteUpdate,
    createDefaults: async (_db, now) => facility(now) },
  { path: '/testing-sites', layer: 'testing-sites', resource: 'testingSites', tag: 'testing sites', create: TestingSiteCreate, update: TestingSiteUpdate,
    createDefaults: async (_db, now) => facility(now) },
];
