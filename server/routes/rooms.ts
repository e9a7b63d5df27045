// GET /rooms/occupancy, GET /rooms/forecast, POST /rooms/allocate (issue 5 item 4). Occupancy is
// counted from quarantine_rooms.occupant_person_id, the same column the quarantine-sites layer
// counts, so every view agrees. Allocation runs domain/quarantine/allocate.ts on the rooms as they
// are: commit=false previews; commit=true recomputes inside one transaction and writes all of it
// or nothing — a wave of transfers is planned as a whole, so a partial write would strand the
// people left over without anyone deciding it (409 no_room_available names them; preview first
// to see the reasons per person). The wall gets counts only: no room list, no person ids.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { allocateRooms, type Assignment, type Unplaced } from '../../domain/quarantine/allocate.ts';
import { releaseForecast } from '../../domain/quarantine/forecast.ts';
import { roomGroup } from '../../domain/quarantine/groups.ts';
import { RoomAllocate } from '../../domain/schemas/rooms.ts';
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { openIncidentId } from '../db/records.ts';
import { candidates, releaseDates, roomDetails, siteSummaries } from '../db/room-occupancy.ts';
import { assignRoom, roomStates, siteStates } from '../db/rooms.ts';
import { ApiError } from '../errors.ts';
import { emitChanges } from '../live/emit.ts';
import { allocationChanges } from '../live/room-changes.ts';
import { problems, validationHook } from './openapi.ts';
import { occupancy } from './room-occupancy.ts';
import { AllocateOut, ForecastOut, ForecastQuery, OccupancyOut } from './room-schemas.ts';
import { body, json } from './task-schemas.ts';

const readPolicy = { resource: 'rooms', action: 'read' } as const;
const occupancyRoute = policyRoute(readPolicy, { method: 'get', path: '/rooms/occupancy', tags: ['rooms'], summary: 'Rooms, occupied and free, per site and block',
  responses: { 200: { description: 'Occupancy', ...json(OccupancyOut) }, ...problems(401, 403) } });
const forecastRoute = policyRoute(readPolicy, { method: 'get', path: '/rooms/forecast', tags: ['rooms'], summary: 'Rooms freed per day by release dates',
  request: { query: ForecastQuery },
  responses: { 200: { description: 'One entry per day from today (Asia/Shanghai)', ...json(ForecastOut) }, ...problems(400, 401, 403) } });
const allocateRoute = policyRoute({ resource: 'rooms', action: 'update' }, { method: 'post', path: '/rooms/allocate', tags: ['rooms'],
  summary: 'Allocate rooms to people (preview, or commit all or none)', request: { body: body(RoomAllocate) },
  responses: { 200: { description: 'Assignments and the people left unplaced', ...json(AllocateOut) }, ...problems(400, 401, 403, 409, 413, 415, 422) } });

/** The allocator's input for the people of a request, refused when one cannot be housed at all. */
async function requests(db: Db, b: RoomAllocate) {
  const carerOf = new Map((b.carers ?? []).map((c) => [c.personId, c.carerId]));
  const people = await candidates(db, [...b.personIds, ...carerOf.values()]);
  const incidentId = await openIncidentId(db);
  for (const id of [...b.personIds, ...carerOf.values()]) {
    const p = people.get(id);
    if (!p || p.incidentId !== incidentId) throw new ApiError('unknown_reference', `person ${id}`);
    if (p.roomId !== null || p.caresIn !== null) throw new ApiError('conflict', `person ${id} is housed in room ${p.roomId ?? p.caresIn} already`);
    if (p.status !== 'active') throw new ApiError('conflict', `person ${id} is ${p.status}`);
  }
  return b.personIds.map((id) => {
    const p = people.get(id)!, carerId = carerOf.get(id);
    if (carerId !== undefined && roomGroup(people.get(carerId)!.category) !== roomGroup(p.category)) {
      throw new ApiError('validation_failed', `carers: carer ${carerId} is not of person ${id}'s group; a room holds one group`);
    }
    return { personId: id, category: p.category, home: p.home, ...(carerId === undefined ? {} : { carerId }) };
  });
}

/** The answer with each assigned room's site name, block, floor and number. */
async function labelled(db: Db, committed: boolean, a: { assignments: Assignment[]; unplaced: Unplaced[] }) {
  const rooms = new Map((await roomDetails(db, a.assignments.map((x) => x.roomId))).map((r) => [r.id, r]));
  return { committed, unplaced: a.unplaced, assignments: a.assignments.map((x) => {
    const r = rooms.get(x.roomId)!;
    return { ...x, siteName: r.siteName, block: r.block, floor: r.floor, roomNo: r.roomNo };
  }) };
}

export function rooms(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const who = (c: Context<AppEnv>) => ({ at: deps.now().toISOString(), actor: access(c).viewer.username, entity: 'quarantine_rooms',
    route: 'POST /rooms/allocate', ip: clientIp(c, deps.trustProxy) });

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(occupancyRoute, async (c) => {
      const withRooms = personalFieldsFor(access(c).viewer.role) !== 'hidden';
      const details = await roomDetails(db);
      const release = withRooms ? await releaseDates(db, details.flatMap((r) => (r.occupantId === null ? [] : [r.occupantId]))) : new Map<number, string>();
      return c.json(occupancy(await siteSummaries(db), details, withRooms ? release : null), 200);
    })
    .openapi(forecastRoute, async (c) => {
      const { days } = c.req.valid('query');
      const all = await roomDetails(db);
      const housed = all.filter((r) => r.occupantId !== null);
      const release = await releaseDates(db, housed.map((r) => r.occupantId!));
      const from = shanghaiDate(deps.now().toISOString());
      const dated = housed.flatMap((r) => { const on = release.get(r.occupantId!); return on ? [{ roomId: r.id, siteId: r.siteId, releaseOn: on }] : []; });
      return c.json({ from, days: releaseForecast(dated, from, days, [...new Set(all.map((r) => r.siteId))]), undated: housed.length - dated.length }, 200);
    })
    .openapi(allocateRoute, async (c) => {
      const b = c.req.valid('json');
      if (!b.commit) {
        const asks = await requests(db, b);
        return c.json(await labelled(db, false, allocateRooms(await siteStates(db), await roomStates(db), asks)), 200);
      }
      const out = await db.transaction(async (tx) => {
        await tx.lockAuditChain(); // one allocation at a time sees and fills the rooms (see assignRoom)
        const result = allocateRooms(await siteStates(tx), await roomStates(tx), await requests(tx, b));
        if (result.unplaced.length) {
          throw new ApiError('no_room_available', `nothing was assigned; no legal free room for: ${result.unplaced.map((u) => `person ${u.personId} (${u.reason})`).join(', ')}`);
        }
        for (const a of result.assignments) await assignRoom(tx, { personId: a.personId, roomId: a.roomId, carerId: a.carerId });
        const w = who(c);
        await appendAudit(tx, { ...w, action: 'allocate', entityId: null,
          after: { assignments: result.assignments.map(({ personId, roomId, carerId }) => ({ personId, roomId, carerId })) } });
        await emitChanges(tx, w.at, await allocationChanges(tx, result.assignments));
        return labelled(tx, true, result);
      });
      return c.json(out, 200);
    });
}
