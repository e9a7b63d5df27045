// The closed-loop board (issue 5 item 2): every open loop at its current step, overdue first, with
// the responsible team (GET /loops/board, filtered by team, step and overdue only). Completing a
// step is a POST the server may refuse (409/422 with the domain reason); after it, and after any
// room allocation, `refreshAll` reloads the board, the KPIs and the room occupancy together so
// every panel shows the same state ("occupancy updates everywhere at once").
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { LOOP_STEPS, type LoopStepName, type PersonCategory } from '../../domain/loop/types.ts';
import { ApiError, apiGet, apiSend, isAbort, toApiError } from '../api.ts';
import { useLoopKpis } from './loop-kpis.ts';
import { useRooms } from './rooms.ts';

export type { LoopStepName, PersonCategory };

/** One open loop as GET /loops/board sends it (server/routes/loop-schemas.ts BoardItemOut; personal fields masked). */
export interface BoardItem {
  id: number; // the person: one open loop per person
  category: PersonCategory;
  name?: string;
  townshipName: string | null;
  stepId: number;
  step: LoopStepName;
  dueAt: string;
  overdue: boolean;
  overdueHours: number;
  escalationLevel: number; // 0 on time, 1 team, 2 commander (> 6 h), 3 red (> 24 h): domain/loop/overdue.ts
  teamId: number | null;
  teamName: string | null;
}
/** `columns` count every open loop of the filter; `items` stop at `limit` (`truncated`). */
export interface BoardAnswer {
  generatedAt: string;
  truncated: boolean;
  columns: { step: LoopStepName; count: number; overdue: number }[];
  items: BoardItem[];
}
export interface BoardColumn { step: LoopStepName; items: BoardItem[]; count: number; overdue: number }

/** Every open loop of the demo district (≈1,500) fits; the server's cap is 5,000 (BoardQuery). */
export const BOARD_LIMIT = 5000;

export interface BoardFilters { team: number | null; step: LoopStepName | null; overdueOnly: boolean }
export interface CompleteInput { result?: 'negative' | 'positive'; roomId?: number; note?: string }

/** The filters as a query string, shared by the board and its export. */
export function filterQuery(f: BoardFilters): string {
  const q = new URLSearchParams();
  if (f.team !== null) q.set('team', String(f.team));
  if (f.step !== null) q.set('step', f.step);
  if (f.overdueOnly) q.set('overdueOnly', 'true');
  return q.toString();
}

export type ExportFormat = 'xlsx' | 'csv';

/** GET /exports/board with the board's filters: the file holds what the officer is looking at. */
export function exportUrl(format: ExportFormat, f: BoardFilters): string {
  const query = filterQuery(f);
  return `/api/v1/exports/board?format=${format}${query ? `&${query}` : ''}`;
}

export function boardUrl(f: BoardFilters, limit = BOARD_LIMIT): string {
  const query = filterQuery(f);
  return `/api/v1/loops/board?${query ? `${query}&` : ''}limit=${limit}`;
}

/** The server's filename from Content-Disposition (RFC 6266: filename* first), else `fallback`. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  const star = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null;
  if (star) { try { return decodeURIComponent(star[1].trim()); } catch { /* malformed: try the plain one */ } }
  const plain = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return plain ? plain[1].trim() : fallback;
}

/** Overdue first (most overdue first), then the nearest deadline: who must be chased now. */
export function byUrgency(a: BoardItem, b: BoardItem): number {
  return b.overdueHours - a.overdueHours || a.dueAt.localeCompare(b.dueAt) || a.stepId - b.stepId;
}

/** One column per step in loop order, every step present (an empty column still says so); the
 * counts are the server's, which include what a truncated answer left out. */
export function boardColumns(answer: BoardAnswer | null): BoardColumn[] {
  const byStep = new Map<string, BoardItem[]>();
  for (const item of answer?.items ?? []) {
    const list = byStep.get(item.step);
    if (list) list.push(item);
    else byStep.set(item.step, [item]);
  }
  const counts = new Map((answer?.columns ?? []).map((c) => [c.step, c]));
  return LOOP_STEPS.map((step) => {
    const items = (byStep.get(step) ?? []).sort(byUrgency);
    const c = counts.get(step);
    return { step, items, count: c?.count ?? items.length, overdue: c?.overdue ?? items.filter((i) => i.overdue).length };
  });
}

export const useLoopBoard = defineStore('loopBoard', () => {
  const answer = shallowRef<BoardAnswer | null>(null);
  const filters = ref<BoardFilters>({ team: null, step: null, overdueOnly: false });
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const loadedAt = ref<string | null>(null);
  const teams = ref<{ id: number; name: string }[]>([]);
  let controller: AbortController | null = null;

  const columns = computed(() => boardColumns(answer.value));
  const total = computed(() => columns.value.reduce((n, c) => n + c.count, 0));
  const overdue = computed(() => columns.value.reduce((n, c) => n + c.overdue, 0));
  /** Overdue loops per escalation level 1, 2, 3 (yellow, orange, red) among the items listed. */
  const byLevel = computed(() => {
    const out = [0, 0, 0];
    for (const i of answer.value?.items ?? []) if (i.escalationLevel >= 1 && i.escalationLevel <= 3) out[i.escalationLevel - 1]++;
    return out;
  });

  /** Loads with the current filters; a newer load aborts an older one (filter clicks, live refreshes). */
  async function load(): Promise<void> {
    controller?.abort();
    const mine = (controller = new AbortController());
    loading.value = true;
    try {
      answer.value = await apiGet<BoardAnswer>(boardUrl(filters.value), { signal: mine.signal });
      loadedAt.value = answer.value.generatedAt;
      error.value = null;
    } catch (err) {
      if (!isAbort(err)) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  function setFilters(next: Partial<BoardFilters>): Promise<void> {
    filters.value = { ...filters.value, ...next };
    return load();
  }

  /** The teams the filter offers (GET /teams), once per page. */
  async function loadTeams(): Promise<void> {
    if (teams.value.length > 0) return;
    try {
      teams.value = (await apiGet<{ items: { id: number; name: string }[] }>('/api/v1/teams')).items.map(({ id, name }) => ({ id, name }));
    } catch { /* the filter then offers "all teams" only; the board itself still loads */ }
  }

  /** Fetches the export as a file; the page hands it to the browser. A refusal is an ApiError. */
  async function exportFile(format: ExportFormat): Promise<{ blob: Blob; filename: string }> {
    let res: Response;
    try {
      res = await fetch(exportUrl(format, filters.value), { credentials: 'same-origin' });
    } catch (err) {
      throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network', detail: String(err) });
    }
    if (!res.ok) throw await toApiError(res);
    return { blob: await res.blob(), filename: filenameFrom(res.headers.get('content-disposition'), `shouwang-board.${format}`) };
  }

  /** Board, KPIs and occupancy in one go: after a write here or in the rooms tab, and when the tab opens. */
  async function refreshAll(): Promise<void> {
    await Promise.all([load(), useLoopKpis().load(), useRooms().load()]);
  }

  /** Completes a step; the refusal (ApiError with the server's message) is thrown to the dialog. */
  async function complete(stepId: number, input: CompleteInput): Promise<void> {
    await apiSend('POST', `/api/v1/loops/steps/${stepId}/complete`, input);
    await refreshAll();
  }

  return { answer, filters, loading, error, loadedAt, teams, columns, total, overdue, byLevel,
    load, setFilters, loadTeams, exportFile, refreshAll, complete };
});
