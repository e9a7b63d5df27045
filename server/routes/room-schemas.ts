// The shapes GET /rooms/occupancy, GET /rooms/forecast and POST /rooms/allocate send
// (contract-issue5.md, "ROOMS"). Person ids appear only in roomList and allocation answers, never
// for the wall.
import { z } from '@hono/zod-openapi';
import { ROOM_GROUPS } from '../../domain/quarantine/groups.ts';

const Group = z.enum(ROOM_GROUPS as [string, ...string[]]);
const Counts = { rooms: z.number(), occupied: z.number(), free: z.number() };

export const OccupancyOut = z.object({
  sites: z.array(z.object({
    siteId: z.number(), name: z.string(), status: z.enum(['active', 'standby', 'closed']), ...Counts,
    byBlock: z.array(z.object({ block: z.string(), ...Counts, group: z.union([Group, z.literal('mixed')]).nullable()
      .describe('the group the block holds; mixed = older data holding two (the block takes no one new)') })),
    roomList: z.array(z.object({
      id: z.number(), block: z.string(), floor: z.number(), roomNo: z.string(), kind: z.enum(['single', 'multi', 'accessible']), capacity: z.number(),
      occupantId: z.number().nullable(), carerId: z.number().nullable(), group: Group.nullable(), releaseOn: z.string().nullable(),
    })).optional().describe('every room; not for the wall (counts only)'),
  })),
  totals: z.object(Counts),
}).openapi('RoomOccupancy');

export const ForecastQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(31).default(7) });

export const ForecastOut = z.object({
  from: z.string().describe('today, Asia/Shanghai'),
  days: z.array(z.object({ date: z.string(), bySite: z.record(z.string(), z.number()), total: z.number() })),
  undated: z.number().describe('occupied rooms whose occupant has no release step (cases, replanned loops)'),
}).openapi('RoomForecast');

export const AllocateOut = z.object({
  committed: z.boolean(),
  assignments: z.array(z.object({
    personId: z.number(), roomId: z.number(), siteId: z.number(), siteName: z.string(), block: z.string(), floor: z.number(), roomNo: z.string(),
    carerId: z.number().nullable(), distanceMeters: z.number().nullable(),
  })),
  unplaced: z.array(z.object({ personId: z.number(), reason: z.enum(['no_room', 'no_room_for_carer']) })),
}).openapi('RoomAllocation');
