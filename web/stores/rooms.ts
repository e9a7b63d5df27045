// Quarantine rooms (issue 5 item 4): occupancy per site and block with the group each block holds
// (GET /rooms/occupancy), the rooms freed by release dates over the next 7 days (GET
// /rooms/forecast?days=7), and allocation (POST /rooms/allocate: commit false previews the
// domain's assignment, commit true writes it). The rules (one person per room, groups kept apart,
// nearest site first) are the server's (domain/quarantine); this only shows and sends.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { LoopStepName, PersonCategory } from '../../domain/loop/types.ts';
import { blockGroups, roomGroup, roomRefusal, type RoomGroup, type RoomState } from '../../domain/quarantine/groups.ts';
import { apiGet, apiSend, isAbort } from '../api.ts';

export const FORECAST_DAYS = 7;

/** 'mixed': a block holding several groups (older data); it takes no one new until it empties. */
export type BlockGroup = RoomGroup | 'mixed' | null;
export interface BlockOccupancy { block: string; rooms: number; occupied: number; free: number; group: BlockGroup }
export interface RoomRow { id: number; block: string; floor: number; roomNo: string; kind: 'single' | 'multi' | 'accessible'; capacity: number;
  occupantId: number | null; carerId: number | null; group: RoomGroup | null; releaseOn: string | null }
export interface SiteOccupancy { siteId: number; name: string; status: 'active' | 'standby' | 'closed'; rooms: number; occupied: number; free: number;
  byBlock: BlockOccupancy[]; roomList?: RoomRow[] }
export interface OccupancyAnswer { sites: SiteOccupancy[]; totals: { rooms: number; occupied: number; free: number } }
export interface ForecastDay { date: string; bySite: Record<string, number>; total: number }
/** `undated`: occupants whose release day is not planned yet (not in any day's count). */
export interface ForecastAnswer { from: string; days: ForecastDay[]; undated: number }

export interface Assignment { personId: number; roomId: number; siteId: number; siteName: string; block: string; floor: number; roomNo: string;
  carerId: number | null; distanceMeters: number | null }
export interface HeldRoom { roomId: number; siteId: number; siteName: string; block: string; floor: number; roomNo: string; asCarer: boolean }
export interface Unplaced { personId: number; reason: 'no_room' | 'no_room_for_carer' }
export interface AllocateAnswer { committed: boolean; assignments: Assignment[]; unplaced: Unplaced[] }

/** Someone the board shows before 'quarantined': the people a room may be allocated to. */
export interface WaitingPerson { personId: number; name?: string; category: PersonCategory; step: LoopStepName }
export const WAITING_STEPS: readonly LoopStepName[] = ['identified', 'notified', 'transferScheduled', 'transferred'];
const WAITING_LIMIT = 1000;

export interface RoomChoice { siteId: number; siteName: string; rooms: { id: number; block: string; floor: number; roomNo: string }[] }

/**
 * The rooms a person of `category` may be put in by hand: free rooms of active sites whose block
 * admits the person's group, by the same rules the server checks (domain/quarantine/groups.ts
 * roomRefusal), so the choice list never offers a room the server would refuse as room_taken.
 */
export function roomChoices(o: OccupancyAnswer | null, category: PersonCategory): RoomChoice[] {
  const sites = (o?.sites ?? []).filter((s) => s.status === 'active' && s.roomList);
  const states: (RoomState & { floor: number; roomNo: string })[] = sites.flatMap((s) => s.roomList!.map((r) => ({
    id: r.id, siteId: s.siteId, block: r.block, kind: r.kind, capacity: r.capacity, occupantId: r.occupantId,
    occupantGroup: r.group, carerId: r.carerId, floor: r.floor, roomNo: r.roomNo })));
  const groups = blockGroups(states);
  const group = roomGroup(category);
  return sites.map((s) => ({ siteId: s.siteId, siteName: s.name, rooms: states
    .filter((r) => r.siteId === s.siteId && roomRefusal(groups, r, group, false) === null)
    .sort((a, b) => a.block.localeCompare(b.block) || a.floor - b.floor || a.roomNo.localeCompare(b.roomNo, undefined, { numeric: true }))
    .map(({ id, block, floor, roomNo }) => ({ id, block, floor, roomNo })) }))
    .filter((c) => c.rooms.length > 0);
}

export const useRooms = defineStore('rooms', () => {
  const occupancy = shallowRef<OccupancyAnswer | null>(null);
  const forecast = shallowRef<ForecastAnswer | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  /** Occupancy and forecast together: both change with every allocation and release. */
  async function load(): Promise<void> {
    controller?.abort();
    const mine = (controller = new AbortController());
    loading.value = true;
    try {
      const [o, f] = await Promise.all([
        apiGet<OccupancyAnswer>('/api/v1/rooms/occupancy', { signal: mine.signal }),
        apiGet<ForecastAnswer>(`/api/v1/rooms/forecast?days=${FORECAST_DAYS}`, { signal: mine.signal }),
      ]);
      occupancy.value = o;
      forecast.value = f;
      error.value = null;
    } catch (err) {
      if (!isAbort(err)) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  /** The people before the quarantine step, from the board, most urgent first (its order). */
  async function waiting(): Promise<WaitingPerson[]> {
    const answer = await apiGet<{ items: { id: number; name?: string; category: PersonCategory; step: LoopStepName }[] }>(
      `/api/v1/loops/board?step=${WAITING_STEPS.join(',')}&limit=${WAITING_LIMIT}`);
    return answer.items.map(({ id, name, category, step }) => ({ personId: id, name, category, step }));
  }

  /** The room a person already holds (given at transfer in the demo), from GET /people/{id}. */
  async function roomOf(personId: number): Promise<HeldRoom | null> {
    return (await apiGet<{ room: HeldRoom | null }>(`/api/v1/people/${personId}`)).room;
  }

  /** Preview (commit false) or write (commit true); a refusal is thrown as the server's ApiError. */
  function allocate(personIds: number[], commit: boolean): Promise<AllocateAnswer> {
    return apiSend<AllocateAnswer>('POST', '/api/v1/rooms/allocate', { personIds, commit });
  }

  return { occupancy, forecast, loading, error, load, waiting, roomOf, allocate };
});
