// Tasks as the field view sees them (contract issue 3, "Tasks"), and the pure rules the view
// applies: order by due time, overdue, where to navigate to, and the history with the phone's
// still-unsent updates. No clock: callers pass `nowMs`.
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { OutboxItem, TaskUpdateStatus } from './outbox-queue.ts';

export type TaskType = 'visit' | 'sampling' | 'transfer' | 'delivery' | 'patrol' | 'other';
export type TaskStatus = 'open' | 'inProgress' | 'done' | 'cancelled';
export const TASK_TYPES: readonly TaskType[] = ['visit', 'sampling', 'transfer', 'delivery', 'patrol', 'other'];
export const TASK_STATUSES: readonly TaskStatus[] = ['open', 'inProgress', 'done', 'cancelled'];
/** The statuses a field member may report, in the order the buttons show them. */
export const REPORTABLE_STATUSES: readonly TaskUpdateStatus[] = ['inProgress', 'done', 'open'];

export interface Task {
  id: number;
  incidentId: number | null;
  type: TaskType;
  title: string;
  teamId: number;
  teamName: string | null;
  placeId: number | null;
  placeName: string | null;
  status: TaskStatus;
  dueAt: string;
  note: string | null;
  geometry: Point | Polygon | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskUpdate {
  id: number;
  taskId: number;
  clientId: string;
  status: TaskUpdateStatus;
  note: string | null;
  userId: number;
  displayName: string;
  at: string;
  receivedAt: string;
}

export interface TaskDetail extends Task { updates: TaskUpdate[] }

/** A history row: a stored update, or one still in the phone's outbox (`pending`). */
export interface HistoryRow { clientId: string; status: TaskUpdateStatus; note: string | null; at: string;
  displayName: string | null; pending: boolean }

const dueMs = (t: Pick<Task, 'dueAt'>): number => Date.parse(t.dueAt);

/** Pass the effective status (with the phone's queued update) so a task just done is not red. */
export function isOverdue(task: Pick<Task, 'status' | 'dueAt'>, nowMs: number): boolean {
  return (task.status === 'open' || task.status === 'inProgress') && dueMs(task) < nowMs;
}

/** Soonest due first; the id breaks ties so the order is stable across refreshes. */
export function sortByDue(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => dueMs(a) - dueMs(b) || a.id - b.id);
}

/** Where to go: the point itself, or a point inside a polygon (a centroid may fall outside). */
export function taskLocation(task: Pick<Task, 'geometry'>): [number, number] | null {
  const g = task.geometry;
  if (!g) return null;
  const [lng, lat] = g.type === 'Point' ? g.coordinates : pointOnFeature(g).geometry.coordinates;
  return [lng, lat];
}

/**
 * RFC 5870 `geo:` URI, which phones hand to the installed map app. geo: is defined on WGS-84,
 * the datum we store, so no conversion; AMap/Baidu links would need GCJ-02/BD-09 offsets.
 * 6 decimals ≈ 0.1 m.
 */
export function geoUri([lng, lat]: [number, number], label?: string): string {
  const ll = `${lat.toFixed(6)},${lng.toFixed(6)}`;
  return label ? `geo:${ll}?q=${ll}(${encodeURIComponent(label)})` : `geo:${ll}`;
}

/** Stored updates and this task's queued ones, newest first; a queued one the server already has is shown once. */
export function history(detail: TaskDetail, queued: readonly OutboxItem[]): HistoryRow[] {
  const stored: HistoryRow[] = detail.updates.map((u) => ({
    clientId: u.clientId, status: u.status, note: u.note, at: u.at, displayName: u.displayName, pending: false,
  }));
  const known = new Set(stored.map((r) => r.clientId));
  const pending: HistoryRow[] = queued
    .filter((q) => q.taskId === detail.id && !known.has(q.clientId))
    .map((q) => ({ clientId: q.clientId, status: q.status, note: q.note || null, at: q.at, displayName: null, pending: true }));
  return [...stored, ...pending].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** The status the phone will report next for a task: its newest queued update, else the server's. */
export function effectiveStatus(task: Task, queued: readonly OutboxItem[]): TaskStatus {
  const mine = queued.filter((q) => q.taskId === task.id);
  return mine.length > 0 ? mine[mine.length - 1].status : task.status;
}

/** The team's tasks as map features: Points stay points, polygons keep their shape. */
export function taskFeatures(tasks: readonly Task[], nowMs: number, selectedId: number | null): FeatureCollection {
  const features: Feature[] = [];
  for (const t of tasks) {
    if (!t.geometry) continue;
    features.push({ type: 'Feature', id: t.id, geometry: t.geometry, properties: {
      id: t.id, title: t.title, type: t.type, status: t.status, dueAt: t.dueAt, placeName: t.placeName,
      overdue: isOverdue(t, nowMs), selected: t.id === selectedId,
    } });
  }
  return { type: 'FeatureCollection', features };
}
