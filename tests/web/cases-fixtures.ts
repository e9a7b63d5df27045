// Shared by the /cases tests: registry rows, a person's detail and the chains shaped like the
// answers of GET /people, GET /people/{id} and GET /chains (server/routes/loop-schemas.ts).
import type { ChainData, PersonDetail, RegistryRow } from '../../web/stores/cases-types.ts';

export function row(id: number, over: Partial<RegistryRow> = {}): RegistryRow {
  return { id, category: 'confirmed', status: 'active', name: '张*', sex: 'male', age: 40, onsetDate: '2022-06-01', reportDate: '2022-06-02',
    townshipName: '临水镇', currentStep: 'notified', currentDueAt: '2022-06-02T04:00:00.000Z', overdue: false, teamName: '流调一组', ...over };
}

export function detail(id: number): PersonDetail {
  return {
    ...row(id), geometry: { type: 'Point', coordinates: [114.2, 36.4] },
    exposures: [
      { id: 2, placeId: 8, name: '一矿食堂', kind: 'workplace', startAt: '2022-06-01T04:00:00.000Z', endAt: '2022-06-01T05:00:00.000Z', point: [114.22, 36.41] },
      { id: 1, placeId: 7, name: '滏阳市场', kind: 'market', startAt: '2022-05-31T01:00:00.000Z', endAt: '2022-05-31T02:30:00.000Z', point: [114.18, 36.38] },
    ],
    contacts: [
      { linkId: 5, direction: 'from', contactType: 'household', lastExposureAt: '2022-05-30T12:00:00.000Z', person: { id: 3, category: 'confirmed', name: '李*' } },
      { linkId: 6, direction: 'to', contactType: 'work', lastExposureAt: '2022-06-01T05:00:00.000Z', person: { id: 9, category: 'closeContact', name: '王*' } },
    ],
    steps: [{ id: 11, step: 'identified', seq: 1, dueAt: '2022-06-02T02:00:00.000Z', doneAt: '2022-06-02T02:00:00.000Z' },
      { id: 12, step: 'notified', seq: 2, dueAt: '2022-06-02T04:00:00.000Z', doneAt: null }],
    room: null,
  };
}

/** 1 → 2 → (3, 4), 5 alone; 6 is a contact of 2 identified later. */
export const CHAINS: ChainData = {
  nodes: [
    { id: 1, category: 'confirmed', reportDate: '2022-06-01', onsetDate: null, identifiedAt: '2022-06-01T02:00:00.000Z', point: [114.1, 36.4] },
    { id: 2, category: 'confirmed', reportDate: '2022-06-04', onsetDate: null, identifiedAt: '2022-06-04T02:00:00.000Z', point: [114.2, 36.4] },
    { id: 3, category: 'closeContact', reportDate: null, onsetDate: null, identifiedAt: '2022-06-05T02:00:00.000Z', point: [114.21, 36.41] },
    { id: 4, category: 'asymptomatic', reportDate: '2022-06-06', onsetDate: null, identifiedAt: '2022-06-06T02:00:00.000Z', point: [114.22, 36.42] },
    { id: 5, category: 'confirmed', reportDate: '2022-06-10', onsetDate: null, identifiedAt: '2022-06-10T02:00:00.000Z', point: [114.3, 36.5] },
    { id: 6, category: 'closeContact', reportDate: null, onsetDate: null, identifiedAt: '2022-06-12T02:00:00.000Z', point: [114.25, 36.45] },
  ],
  links: [
    { from: 1, to: 2, type: 'household', lastExposureAt: '2022-06-02T10:00:00.000Z' },
    { from: 2, to: 3, type: 'work', lastExposureAt: '2022-06-04T01:00:00.000Z' },
    { from: 2, to: 4, type: 'social', lastExposureAt: '2022-06-03T10:00:00.000Z' },
    { from: 2, to: 6, type: 'other', lastExposureAt: '2022-06-03T12:00:00.000Z' },
  ],
  places: [
    { personId: 1, placeId: 7, name: '滏阳市场', point: [114.15, 36.39], startAt: '2022-05-31T01:00:00.000Z', endAt: '2022-05-31T02:00:00.000Z' },
    { personId: 5, placeId: 8, name: '一矿食堂', point: [114.31, 36.51], startAt: '2022-06-09T04:00:00.000Z', endAt: '2022-06-09T05:00:00.000Z' },
  ],
};
