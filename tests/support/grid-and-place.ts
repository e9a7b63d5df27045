// The tiny district has no grids or places; the team and task tests add one of each:
// grid 1 (大社社区第1网格) around persons 2 and 3 in the east, place 1 (南头村小区) in the west
// inside team 1's village.
import type { Db } from '../../server/db/database.ts';

export const box = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
const spatial = (x0: number, y0: number, x1: number, y1: number) =>
  ({ geometry: JSON.stringify(box(x0, y0, x1, y1)), min_lng: x0, min_lat: y0, max_lng: x1, max_lat: y1 });

export async function addGridAndPlace(db: Db): Promise<{ gridId: number; placeId: number }> {
  const grid = await db.kysely.insertInto('grids').values({ code: '130406103001-01', name: '大社社区第1网格', admin_unit_id: 4,
    population: 300, households: 100, synthetic: 1, ...spatial(114.24, 36.44, 114.27, 36.47) }).returning('id').executeTakeFirstOrThrow();
  const place = await db.kysely.insertInto('places').values({ kind: 'compound', subkind: null, name: '南头村小区', admin_unit_id: 3,
    grid_id: null, population: 200, households: 60, synthetic: 1, ...spatial(114.12, 36.42, 114.14, 36.44) }).returning('id').executeTakeFirstOrThrow();
  return { gridId: grid.id, placeId: place.id };
}
