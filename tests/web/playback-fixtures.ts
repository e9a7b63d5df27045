// The web tests' copy of tests/domain/playback/fixtures.ts (the two tsconfig projects cannot share a
// test file). A five-day incident (2022-06-01 … 06-05, Asia/Shanghai) with intervals on the day boundaries
// that matter: before the first day, ending at Shanghai midnight (16:00Z), ending the same day.
import type { Polygon } from 'geojson';
import type { Playback, PlaybackZone } from '../../domain/playback/types.ts';

export const SQUARE: Polygon = { type: 'Polygon', coordinates: [[[114.2, 36.4], [114.21, 36.4], [114.21, 36.41], [114.2, 36.4]]] };
export const SITE: [number, number] = [114.3, 36.5];

const zone = (id: number, zoneId: number, kind: string, from: string, to: string | null): PlaybackZone =>
  ({ id, zoneId, kind, colour: kind === 'sealed' ? '#8b0000' : '#e9c300', from, to, geometry: SQUARE });

export const PLAYBACK: Playback = {
  days: ['2022-06-01', '2022-06-02', '2022-06-03', '2022-06-04', '2022-06-05'],
  zones: [
    zone(1, 1, 'sealed', '2022-05-20T02:00:00.000Z', '2022-06-02T16:00:00.000Z'), // until 06-03 00:00 +08: days 0, 1
    zone(2, 1, 'precaution', '2022-06-02T16:00:00.000Z', null), // from 06-03: days 2 …
    zone(3, 2, 'sealed', '2022-06-03T04:00:00.000Z', '2022-06-03T08:00:00.000Z'), // noon to 4 pm on 06-03: never at a day's end
    zone(4, 3, 'sealed', '2022-06-01T08:00:00.000Z', '2022-06-01T15:59:59.999Z'), // ends at 23:59:59.999 on 06-01
  ],
  cases: [
    { id: 10, category: 'confirmed', knownOn: '2022-06-02', closedOn: '2022-06-04', point: [114.2, 36.4] }, // days 1, 2
    { id: 11, category: 'asymptomatic', knownOn: '2022-06-01T17:30:00.000Z', closedOn: null, point: [114.21, 36.41] }, // 06-02 01:30 +08
  ],
  quarantine: [
    { from: '2022-05-30T02:00:00.000Z', to: '2022-06-03T02:00:00.000Z', point: SITE, central: true }, // days 0, 1
    { from: '2022-06-02T02:00:00.000Z', to: null, point: SITE, central: true }, // days 1 …
    { from: '2022-06-04T02:00:00.000Z', to: '2022-06-05T02:00:00.000Z', point: [114.25, 36.45], central: false }, // day 3
    { from: '2022-06-09T02:00:00.000Z', to: null, point: SITE, central: true }, // after the last day: never
  ],
};
