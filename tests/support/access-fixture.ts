// The records the generated access tests (access-matrix, idor-sweep) reason about: which ids lie
// inside field team 1's area ("own", fieldA's) and which outside it ("other": team 2's, or no
// team's), and which rows each scoped list or layer must and must not show. The tiny district
// has most of them; `makeFixture` adds checkpoints, quarantine sites and tasks on both sides of
// the border, a team-2 contact, an account to aim /users/{id} at, and a zone in team 2's village
// whose bbox (not its polygon) overlaps team 1's area: out of fieldA's scope all the same.
import { idCheckChar } from '../../domain/people/id-number.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { raiseAlert } from '../../server/db/alerts.ts';
import { insertUser } from '../../server/db/users.ts';
import { FIXED_NOW, TEST_PASSWORD } from './app.ts';
import { matrixSheet, type Operation, type TestApp } from './access-tables.ts';

export const TEAM1_POINT = [114.15, 36.45];
export const TEAM2_POINT = [114.25, 36.47];
/** In the district, outside both teams' areas: where the matrix's own creations go. */
export const OUTSIDE = [114.35, 36.55];
export const TEAM2_BBOX = '114.2,36.4,114.3,36.5';
/** East of 114.2 everywhere below 36.5; its bbox reaches 114.19 (into team 1's area). */
export const BBOX_ONLY_TRIANGLE = { type: 'Polygon', coordinates: [[[114.25, 36.42], [114.25, 36.52], [114.19, 36.52], [114.25, 36.42]]] };
export const point = (coordinates: number[]) => ({ type: 'Point', coordinates });
/** Valid (check character and all), so the PII scan would see one that leaked. */
export const idNo = (seq: string) => { const b = `13040619800101${seq}`; return b + idCheckChar(b); };

export interface Fixture {
  checkpoints: [number, number]; quarantineSites: [number, number]; tasks: [number, number] | null; contactB: number; user: number;
  /** Zone ids: 1 (the tiny district's, meets both villages) and the triangle; `zoneRows` their version rows. */
  zones: [number, number]; zoneRows: [number, number];
  /** Issue 5: the open `notified` steps of person 1 (team 1's) and of contactB (team 2's). */
  loopSteps: [number, number];
  /** Issue 5: a staged import (the officer's upload of access-tables' matrix sheet). */
  importId: number;
  /** Issue 7: an open alert (district-wide: no own scope), which the matrix acknowledges and resolves. */
  alert: number;
}

/** Records on both sides of the teams' border that the tiny district lacks, made through the API
 * where it has a route (the planner's), the rest in the database. */
export async function makeFixture(t: TestApp, ops: Operation[]): Promise<Fixture> {
  const planner = t.as('planner');
  const create = async (path: string, body: unknown) => {
    const res = await planner(`/api/v1${path}`, 'POST', body);
    if (res.status !== 201) throw new Error(`fixture POST ${path}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: number }).id;
  };
  const both = async (path: string, body: (p: number[], side: string) => unknown) =>
    [await create(path, body(TEAM1_POINT, 'A')), await create(path, body(TEAM2_POINT, 'B'))] as [number, number];
  const checkpoints = await both('/checkpoints', (p, s) => ({ name: `${s}组卡口`, kind: 'compoundGate', geometry: point(p) }));
  const quarantineSites = await both('/quarantine-sites', (p, s) => ({ name: `${s}组隔离点`, address: `${s}组`, geometry: point(p) }));
  const tasks = ops.some((o) => o.key === 'POST /tasks')
    ? await both('/tasks', (p, s) => ({ type: 'visit', title: `${s}组走访`, teamId: s === 'A' ? 1 : 2, geometry: point(p), dueAt: '2022-06-13T04:00:00Z' }))
    : null;
  const at = '2022-06-05T00:00:00.000Z';
  const contact = await t.db.kysely.insertInto('persons').values({
    incident_id: 1, category: 'closeContact', name: '孙大社', id_number: idNo('202'), phone: '13800002028', sex: 'male', age: 30,
    home_address_point_id: null, home_address: '大社社区3组', status: 'active', onset_date: null, sample_date: null, report_date: null,
    geometry: JSON.stringify(point(TEAM2_POINT)), min_lng: TEAM2_POINT[0], min_lat: TEAM2_POINT[1], max_lng: TEAM2_POINT[0], max_lat: TEAM2_POINT[1],
    valid_from: at, valid_to: null, created_at: at, updated_at: at, synthetic: 1,
  }).returning('id').executeTakeFirstOrThrow();
  const user = await insertUser(t.db, { username: 'target', displayName: 'target', role: 'wall', teamId: null,
    passwordHash: await hashPassword(TEST_PASSWORD) }, FIXED_NOW.toISOString());
  const triangle = await create('/zones', { name: '东侧三角区', kind: 'controlled', geometry: BBOX_ONLY_TRIANGLE, source: 'drawn' });
  const row = await t.db.kysely.selectFrom('control_zone_versions').select('id').where('zone_id', '=', triangle).executeTakeFirstOrThrow();
  const loopSteps = [await openLoop(t, 1, 1), await openLoop(t, contact.id, 2)] as [number, number];
  const upload = await t.as('officer')('/api/v1/imports?kind=cases&source=fixture&filename=fixture.csv', 'POST', matrixSheet());
  if (upload.status !== 201) throw new Error(`fixture POST /imports: ${upload.status} ${await upload.text()}`);
  const importId = ((await upload.json()) as { id: number }).id;
  await t.db.transaction((tx) => raiseAlert(tx, { incidentId: 1, level: 'blue', rule: 'ears_signal', title: '矩阵预警', key: 'matrix:alert',
    at: FIXED_NOW.toISOString(), detail: { params: {}, subject: { personIds: [1] } } }));
  const alert = (await t.db.kysely.selectFrom('alerts').select('id').where('dedupe_key', '=', 'matrix:alert').executeTakeFirstOrThrow()).id;
  return { checkpoints, quarantineSites, tasks, contactB: contact.id, user, zones: [1, triangle], zoneRows: [2, row.id], loopSteps, importId, alert };
}

/** A loop whose `identified` step is done and whose `notified` and `transferScheduled` steps are
 * the team's: answers the `notified` step's id (completing it leaves the loop on the board). */
async function openLoop(t: TestApp, personId: number, teamId: number): Promise<number> {
  const step = (seq: number, step: 'identified' | 'notified' | 'transferScheduled', done: boolean) => ({ person_id: personId, step, seq,
    due_at: `2022-06-1${seq}T00:00:00.000Z`, done_at: done ? '2022-06-05T00:00:00.000Z' : null, team_id: done ? null : teamId, room_id: null, note: null,
    result: null, actor: null, cancelled_at: null, escalated_at: null });
  await t.db.kysely.insertInto('loop_steps').values([step(1, 'identified', true), step(3, 'transferScheduled', false)]).execute();
  return (await t.db.kysely.insertInto('loop_steps').values(step(2, 'notified', false)).returning('id').executeTakeFirstOrThrow()).id;
}

/** own = inside team 1's area; other = outside it. Quarantine site 1 sits on the border of the two
 * villages and is left out (see idor-sweep's border test). */
export interface Targets { own: number[]; other: number[] }
export type IdEntry = Targets | { any: number[] };

/** Ids for `{id}` routes, by the path's first segment. */
export function idTable(f: Fixture): Record<string, IdEntry> {
  return {
    '/cases': { own: [1], other: [2, 3] },
    '/persons': { own: [1, 4], other: [2, 3, f.contactB] },
    '/testing-sites': { own: [2], other: [1] },
    '/checkpoints': { own: [f.checkpoints[0]], other: [f.checkpoints[1], 1, 2] },
    '/quarantine-sites': { own: [f.quarantineSites[0]], other: [f.quarantineSites[1]] },
    ...(f.tasks && { '/tasks': { own: [f.tasks[0]], other: [f.tasks[1]] } }),
    '/teams': { own: [1], other: [2] },
    '/users': { any: [f.user] },
    '/zones': { own: [f.zones[0]], other: [f.zones[1]] },
    '/profiles': { any: [1] },
    '/incidents': { any: [1] },
    '/people': { own: [1, 4], other: [2, 3, f.contactB] },
    '/loops': { own: [f.loopSteps[0]], other: [f.loopSteps[1]] },
    '/imports': { any: [f.importId] },
    '/alerts': { any: [f.alert] },
  };
}

/** Rows each list or layer must show (own) and hide (other) under scope `own`, by path. */
export function scopedReads(f: Fixture): Record<string, Targets> {
  const ids = idTable(f) as Record<string, Targets>;
  const none = { own: [], other: [] };
  const layers = {
    cases: ids['/cases'], contacts: { own: [4], other: [f.contactB] }, 'testing-sites': ids['/testing-sites'],
    checkpoints: ids['/checkpoints'], 'quarantine-sites': ids['/quarantine-sites'], zones: { own: [f.zoneRows[0]], other: [f.zoneRows[1]] },
    'address-points': none, resources: none,
  };
  return {
    ...Object.fromEntries(Object.entries(layers).map(([k, v]) => [`/layers/${k}`, v])),
    // Issue 7: the same rows as columns for display clustering.
    '/points/cases': layers.cases, '/points/contacts': layers.contacts,
    '/cases': ids['/cases'], '/checkpoints': ids['/checkpoints'], '/quarantine-sites': ids['/quarantine-sites'],
    '/testing-sites': ids['/testing-sites'], '/teams': ids['/teams'], ...(f.tasks && { '/tasks': ids['/tasks'] }), '/zones': ids['/zones'] as Targets,
    '/people': ids['/people'] as Targets, '/chains': ids['/people'] as Targets,
    // The board lists open loops by person; team 1 answers for the current steps of persons 1 and 4.
    '/loops/board': { own: [1, 4], other: [f.contactB] }, '/loops/kpis': none,
  };
}

/** The ids a list or layer answer shows (a /points answer lists them as a column). */
export const idsOf = (body: { features?: { id: number }[]; items?: { id: number }[]; nodes?: { id: number }[]; ids?: number[] }): number[] | null =>
  (body.features ?? body.items ?? body.nodes)?.map((r) => r.id) ?? body.ids ?? null;
