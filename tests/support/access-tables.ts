// The requests the generated access tests (access-matrix, idor-sweep, security-headers) send:
// every operation of /api/v1/openapi.json with its x-policy, and a valid request for each route
// that needs more than a path. `uncovered` names every route these tables (and the ids in
// access-fixture.ts) cannot serve, so a new route fails the suite until someone decides what it
// should do.
import { randomUUID } from 'node:crypto';
import { ROLES, scopeOf } from '../../domain/auth/policy.ts';
import { BUNDLED_PROFILES } from '../../domain/zones/bundled-profiles.ts';
import type { RoutePolicy } from '../../server/auth/middleware.ts';
import { idTable, idNo, OUTSIDE, point, scopedReads, type Fixture } from './access-fixture.ts';
import { TEST_PASSWORD, type testApp } from './app.ts';

export type TestApp = Awaited<ReturnType<typeof testApp>>;

export interface Operation { key: string; method: string; path: string; policy: RoutePolicy; pathParams: string[]; query: string[]; requiredQuery: string[] }

type OpenApiOp = { 'x-policy'?: RoutePolicy; parameters?: { name: string; in: string; required?: boolean }[] };

/** Every operation (path × method) of the running app's OpenAPI document. */
export async function operations(t: TestApp): Promise<Operation[]> {
  const doc = (await (await t.as('admin')('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, OpenApiOp>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => {
    const params = op.parameters ?? [];
    return { key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path, policy: op['x-policy']!,
      pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]),
      query: params.filter((p) => p.in === 'query').map((p) => p.name),
      requiredQuery: params.filter((p) => p.in === 'query' && p.required).map((p) => p.name) };
  }));
}

export interface RequestSpec {
  body?: (id: number | null) => unknown;
  params?: Record<string, string>;
  /** Statuses besides 2xx that mean "let through" for this route. */
  allowed?: number[];
  /** Sign in afresh for this request: it ends or replaces the session it is sent with. */
  fresh?: boolean;
  /** A query string the route requires (e.g. `kind=cases&source=…` of POST /imports), appended to the URL. */
  query?: string;
  /** The answer never ends (an event stream): runners take status and headers, then cancel the body (`bodyText`). */
  stream?: true;
}

let n = 0;
const seq = () => `${Date.now().toString(36)}${n++}`;
const square = ([x, y]: number[], d = 0.005) =>
  ({ type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]] });
const newCase = () => ({ category: 'suspected', name: '测试病例', idNumber: idNo('203'), phone: '13800002030', sex: 'male', age: 30, geometry: point(OUTSIDE) });

/** The import sheet of the access tests (access-fixture.ts makes one; the matrix uploads more). */
export const matrixSheet = () => new Blob(['姓名,身份证号,手机,性别,年龄,现住址,类别\n矩阵,130406198001019999,13800002060,男,30,南头村,确诊\n'], { type: 'text/csv' });
export const MATRIX_MAPPING = { name: '姓名', idNumber: '身份证号', phone: '手机', sex: '性别', age: '年龄', homeAddress: '现住址', category: '类别' };

/** A valid request for every route that needs more than a path. */
export const REQUESTS: Record<string, RequestSpec> = {
  'POST /session': { body: () => ({ username: 'wall', password: TEST_PASSWORD }), fresh: true },
  'DELETE /session': { fresh: true },
  'GET /layers/{layer}': { params: { layer: 'no-such-layer' }, allowed: [404] },
  'POST /cases': { body: newCase },
  'PATCH /cases/{id}': { body: () => ({ age: 41 }) },
  'POST /checkpoints': { body: () => ({ name: `矩阵卡口${seq()}`, kind: 'trunkRoad', geometry: point(OUTSIDE) }) },
  'PATCH /checkpoints/{id}': { body: () => ({ staff: 10 }) },
  'POST /quarantine-sites': { body: () => ({ name: `矩阵隔离点${seq()}`, address: '测试地址', geometry: point(OUTSIDE) }) },
  'PATCH /quarantine-sites/{id}': { body: () => ({ status: 'active' }) },
  'POST /testing-sites': { body: () => ({ name: `矩阵采样点${seq()}`, kind: 'mobile', capacityPerHour: 50, geometry: point(OUTSIDE) }) },
  'PATCH /testing-sites/{id}': { body: () => ({ capacityPerHour: 150 }) },
  'POST /persons/{id}/reveal': { body: () => ({ reason: '核实联系方式' }) },
  'POST /tasks': { body: () => ({ type: 'patrol', title: `矩阵任务${seq()}`, teamId: 1, geometry: point(OUTSIDE), dueAt: '2022-06-13T04:00:00Z' }) },
  'PATCH /tasks/{id}': { body: () => ({ title: '矩阵任务（已核对）' }) },
  'POST /tasks/{id}/updates': { body: () => ({ clientId: randomUUID(), status: 'inProgress', note: '矩阵' }) },
  'POST /teams': { body: () => ({ name: `矩阵队${seq()}`, kind: 'sampling' }) },
  // The same areas the team already has: the matrix must not move anybody's scope.
  'PUT /teams/{id}/areas': { body: (id) => ({ areas: [{ adminUnitId: id === 1 ? 3 : 4 }] }) },
  'POST /users': { body: () => ({ username: `m${seq()}`, displayName: '矩阵用户', role: 'wall' }) },
  'PATCH /users/{id}': { body: () => ({ displayName: 'target' }) },
  'POST /users/{id}/password': { body: () => ({}) },
  'POST /profiles': { body: () => ({ key: `matrix-${seq()}`, name: '矩阵方案', effectiveFrom: '2022-06-01', effectiveTo: null, source: 'test',
    params: BUNDLED_PROFILES[0].params }) },
  // The profile the incident already has: the matrix must not change the rules.
  'PUT /incidents/{id}/profile': { body: () => ({ profileId: 1, reason: '矩阵核对' }) },
  'POST /zones': { body: () => ({ name: `矩阵区${seq()}`, kind: 'controlled', geometry: square(OUTSIDE), source: 'drawn' }) },
  'POST /zones/proposals': { body: () => ({}) },
  'POST /impact': { body: () => ({ geometry: square(OUTSIDE) }) },
  // A zone moves on with every allowed step, so a later step on the same zone may find it at
  // another version or status: 409 is what a permitted caller gets then (the policy let it through).
  'PUT /zones/{id}': { body: () => ({ baseVersion: 1, name: '矩阵改名', reason: '矩阵' }), allowed: [409] },
  'POST /zones/{id}/publish': { body: () => ({ baseVersion: 1, reason: '矩阵' }), allowed: [409] },
  'POST /zones/{id}/downgrade': { body: () => ({ baseVersion: 1, toKind: 'precaution', reason: '矩阵' }), allowed: [409, 422] },
  'POST /zones/{id}/upgrade': { body: () => ({ baseVersion: 1, toKind: 'sealed', reason: '矩阵' }), allowed: [409, 422] },
  'POST /zones/{id}/lift': { body: () => ({ baseVersion: 1, reason: '矩阵' }), allowed: [409] },
  // A zone the matrix has lifted takes no more rounds (409).
  'POST /zones/{id}/test-rounds': { body: () => ({ date: '2022-06-11', tested: 120, positives: 0 }), allowed: [409] },
  // Issue 5 imports: a one-row sheet whose row has a bad ID number (an error row), so the matrix's
  // commit (after its skip) creates nobody; a later step finds the import committed (409).
  'POST /imports': { query: 'kind=cases&source=%E7%9F%A9%E9%98%B5&filename=matrix.csv', body: () => matrixSheet() },
  'PUT /imports/{id}/mapping': { body: () => ({ mapping: MATRIX_MAPPING }), allowed: [409] },
  'PUT /imports/{id}/rows/{rowNo}': { params: { rowNo: '2' }, body: () => ({ skip: true }), allowed: [409] },
  'POST /imports/{id}/commit': { body: () => ({ mode: 'all' }), allowed: [409] },
  'DELETE /imports/{id}': { allowed: [409] },
  // A preview only: the matrix must not fill rooms (person 2 is housed in none; the tiny district has free rooms for her).
  'POST /rooms/allocate': { body: () => ({ personIds: [2], commit: false }) },
  // Issue 5 loops: a contact of a case (own: case 1; other: case 2) placed outside both teams' areas; the
  // fixture's next steps of persons 1 and contactB (notified), which a later caller finds done (409).
  // A new ID number on every call: a number the incident has registered is a 409.
  'POST /people/{id}/contacts': { body: () => ({ name: '矩阵密接', idNumber: idNo(String(500 + (n++ % 400))), phone: '13800002050', sex: 'male', age: 30,
    geometry: point(OUTSIDE), contactType: 'household', lastExposureAt: '2022-06-10T08:00:00Z' }) },
  'POST /loops/steps/{id}/complete': { body: () => ({ note: '矩阵' }), allowed: [409] },
  // The deadlines the tiny district runs with already (domain/loop DEFAULT_SLA): the matrix must not move them.
  'PUT /loops/sla': { body: () => ({ notified: 2, transferScheduled: 6, transferred: 12, quarantined: 12, hospitalDays: 14,
    caseHomeMonitoringDays: 14, travellerHomeDays: 7, reason: '矩阵核对' }) },
  // Issue 6: the live event stream, open to every signed-in role (what it carries is live*.test.ts's concern).
  'GET /live': { stream: true },
  // Issue 6 wall data (dashboard:read): district-wide aggregates and intervals for every role that reads the
  // whole district; field members 403. Plain reads: nothing to build, listed so the choice is on record.
  'GET /wall/summary': {},
  'GET /playback': {},
  // Issue 7 display clustering: /points/cases and /points/contacts are scoped like their layers (scopedReads);
  // any other name is a 400 for everybody.
  'GET /points/{layer}': { params: { layer: 'no-such-layer' }, allowed: [400] },
  // Issue 7 analyses (analysis:read; the run is analysis:create = commander, planner): district-wide figures
  // and geometries, no personal field. The run analyses the newest complete day of the tiny district (3 cases,
  // no syndromic counts: quick) and may run again for every permitted role; 409 would mean no open incident.
  'GET /analysis/latest': {},
  'GET /analysis/syndromic': {},
  'POST /analysis/run': { body: () => ({}) },
  // Issue 7 alerts (alerts:read for every district-wide role; acknowledge and resolve are alerts:update = commander,
  // planner, case officer; field members 403). The fixture's alert (access-fixture.ts) is resolved by the first
  // permitted caller: acknowledging or resolving it again is 409 alert_resolved (the policy let the caller through).
  'GET /alerts': {},
  'GET /alerts/{id}': {},
  'POST /alerts/{id}/acknowledge': { body: () => ({ note: '矩阵' }), allowed: [409] },
  'POST /alerts/{id}/resolve': { body: () => ({ note: '矩阵' }), allowed: [409] },
  // Issue 7 incident grade: read by every incidents reader; confirmed by incidents:update (commander, admin) with a reason.
  'GET /incidents/{id}/grade': {},
  'PUT /incidents/{id}/grade': { body: () => ({ grade: 'IV', reason: '矩阵核对分级' }) },
  // Issue 8 coverage (coverage:read: every role that reads the district, never a field member): district-wide figures,
  // facilities and roads, no personal field, nothing written. The GETs take defaults for every query parameter; the
  // POSTs ask about the tiny district (a square outside both teams' areas, a route there, 3 new sites).
  'GET /coverage/service-areas': {},
  'GET /coverage/summary': {},
  'GET /coverage/uncovered': {},
  'GET /coverage/capacity': {},
  'GET /coverage/checkpoints': {},
  'POST /coverage/within': { body: () => ({ facility: 'testingSites', mode: 'walk', minutes: 15, avoidSealed: true, geometry: square(OUTSIDE) }) },
  'POST /coverage/route': { body: () => ({ from: OUTSIDE, facility: 'testingSites', mode: 'walk', avoidSealed: true }) },
  'POST /coverage/placement': { body: () => ({ facility: 'testingSites', mode: 'walk', minutes: 15, avoidSealed: true, k: 3 }) },
  // Issue 8 road import (basemap:create = planner, admin): one short service road appended outside both teams' areas, meeting no
  // other road; every permitted caller adds one more (append never deletes, so the matrix's other routes keep their roads).
  'POST /roads/import': { body: () => ({ crs: 'WGS84', mode: 'append', data: { type: 'FeatureCollection', features: [{ type: 'Feature',
    properties: { highway: 'service', name: '矩阵路' }, geometry: { type: 'LineString', coordinates: [OUTSIDE, [OUTSIDE[0] + 0.001, OUTSIDE[1]]] } }] } }) },
};

/** Routes the tables cannot build a valid request for, with the reason. */
export function uncovered(ops: Operation[], f: Fixture): string[] {
  const ids = idTable(f), reads = scopedReads(f);
  return ops.flatMap((op) => {
    const spec = REQUESTS[op.key];
    const why: string[] = [];
    const p = op.policy;
    if (!p || (p !== 'public' && p !== 'signedIn' && !(typeof p === 'object' && p.resource && p.action))) why.push('no x-policy');
    for (const name of op.pathParams) {
      if (name === 'id' && !ids[`/${op.path.split('/')[1]}`]) why.push('no ids for {id} in idTable');
      if (name !== 'id' && !spec?.params?.[name]) why.push(`no value for {${name}}`);
    }
    if (op.method !== 'GET' && !spec) why.push('no request in REQUESTS (every state-changing route needs one)');
    if (['POST', 'PUT', 'PATCH'].includes(op.method) && spec && !spec.body) why.push('no body');
    for (const q of op.requiredQuery) if (!new URLSearchParams(spec?.query).has(q)) why.push(`required query ${q} not supported`);
    const ownSomewhere = typeof p === 'object' && ROLES.some((r) => scopeOf(r, p.resource, p.action) === 'own');
    if (ownSomewhere && !op.pathParams.includes('id') && op.method === 'GET' && !reads[op.path]) why.push('scope own: no rows in scopedReads');
    if (ownSomewhere && !op.pathParams.includes('id') && op.method !== 'GET') why.push('scope own on a route without {id}: what is "own" here?');
    return why.length ? [`${op.key}: ${why.join('; ')}`] : [];
  });
}

/** A response's body as text; a stream's (REQUESTS `stream`) is cancelled once it is known to be
 * one, which also ends it on the server, so a runner never waits on an endless answer. */
export async function bodyText(res: Response, spec: RequestSpec | undefined): Promise<string> {
  if (spec?.stream && (res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await res.body?.cancel();
    return '';
  }
  return res.text();
}

/** The URL of an operation for an id (or none). */
export function urlOf(op: Operation, id: number | null): string {
  const spec = REQUESTS[op.key];
  return `/api/v1${op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' ? String(id) : spec?.params?.[name] ?? `{${name}}`))}${spec?.query ? `?${spec.query}` : ''}`;
}
