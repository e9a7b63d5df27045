// The hottest areas: villages by cases known in the 7 days ending today (≥ 1), most first, top 5,
// with their bbox; a case in no village counts for its township.
import { describe, expect, it } from 'vitest';
import type { CaseFacts } from '../../../domain/wall/cases.ts';
import { areaAt } from '../../../domain/geometry/point-in-ring.ts';
import { hotAreas, HOT_AREAS_TOP, type Area } from '../../../domain/wall/hot-areas.ts';

const square = (id: number, x: number, kind: Area['kind'] = 'village', w = 0.1): Area => ({ id, name: `区${id}`, kind, bbox: [x, 36.4, x + w, 36.5],
  polygons: [[[[x, 36.4], [x + w, 36.4], [x + w, 36.5], [x, 36.5], [x, 36.4]]]] });
const at = (id: number, x: number, knownOn: string): CaseFacts => ({ id, category: 'confirmed', onsetOn: null, knownOn, closedOn: null, point: [x, 36.45] });
const VILLAGES = Array.from({ length: 7 }, (_, i) => square(i + 1, 114 + i * 0.1));
const TOWN = square(100, 113, 'township', 2);

describe('hotAreas', () => {
  it('ranks villages by cases known in the last 7 days, most first, ties by id, top 5, with the bbox', () => {
    const cases = [at(1, 114.05, '2022-06-12'), at(2, 114.05, '2022-06-06'), at(3, 114.15, '2022-06-10'), at(4, 114.35, '2022-06-11'),
      at(5, 114.35, '2022-06-11'), at(6, 114.35, '2022-06-05'), // 06-05 is 8 days before 06-12: outside the window
      at(7, 114.45, '2022-06-12'), at(8, 114.55, '2022-06-12'), at(9, 114.65, '2022-06-12'), at(10, 114.25, '2022-06-13')];
    const hot = hotAreas(cases, VILLAGES, [TOWN], '2022-06-12');
    expect(hot.map((h) => [h.id, h.cases7d])).toEqual([[1, 2], [4, 2], [2, 1], [5, 1], [6, 1]]);
    expect(hot).toHaveLength(HOT_AREAS_TOP);
    expect(hot[0]).toEqual({ id: 1, name: '区1', kind: 'village', cases7d: 2, bbox: [114, 36.4, 114.1, 36.5] });
  });

  it('counts a case outside every village for its township, and leaves out one outside both', () => {
    const hot = hotAreas([at(1, 113.5, '2022-06-12'), at(2, 120, '2022-06-12')], VILLAGES, [TOWN], '2022-06-12');
    expect(hot).toEqual([{ id: 100, name: '区100', kind: 'township', cases7d: 1, bbox: [113, 36.4, 115, 36.5] }]);
    expect(areaAt(VILLAGES, 120, 36.45)).toBeNull();
  });
});
