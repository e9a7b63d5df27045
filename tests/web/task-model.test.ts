import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../web/stores/outbox-queue.ts';
import {
  effectiveStatus, geoUri, history, isOverdue, sortByDue, taskFeatures, taskLocation, type Task, type TaskDetail,
} from '../../web/stores/task-model.ts';

const NOW = Date.parse('2022-04-01T08:00:00Z');
const task = (id: number, dueAt: string, extra: Partial<Task> = {}): Task => ({
  id, incidentId: 1, type: 'visit', title: `任务 ${id}`, teamId: 1, teamName: '一网格', placeId: null, placeName: null,
  status: 'open', dueAt, note: null, geometry: { type: 'Point', coordinates: [114.2039, 36.4204] },
  createdAt: '2022-03-31T00:00:00Z', updatedAt: '2022-03-31T00:00:00Z', ...extra,
});
const queued = (clientId: string, taskId: number, at: string, status: OutboxItem['status'] = 'done'): OutboxItem =>
  ({ clientId, taskId, status, note: '', at, attempts: 0, nextAttemptAtMs: 0 });

describe('task rules for the field view', () => {
  it('sorts by due time, soonest first, ties by id', () => {
    const sorted = sortByDue([task(3, '2022-04-02T00:00:00Z'), task(2, '2022-04-01T00:00:00Z'), task(1, '2022-04-02T00:00:00Z')]);
    expect(sorted.map((t) => t.id)).toEqual([2, 1, 3]);
  });

  it('calls open or in-progress tasks past their due time overdue, never done ones', () => {
    expect(isOverdue(task(1, '2022-04-01T07:59:00Z'), NOW)).toBe(true);
    expect(isOverdue(task(1, '2022-04-01T07:59:00Z', { status: 'inProgress' }), NOW)).toBe(true);
    expect(isOverdue(task(1, '2022-04-01T08:01:00Z'), NOW)).toBe(false);
    expect(isOverdue(task(1, '2022-04-01T07:59:00Z', { status: 'done' }), NOW)).toBe(false);
  });

  it('navigates to a point, or to a point inside a polygon, with a WGS-84 geo: URI (lat first)', () => {
    expect(taskLocation(task(1, ''))).toEqual([114.2039, 36.4204]);
    const ring = [[114, 36], [114.01, 36], [114.01, 36.01], [114, 36.01], [114, 36]];
    const [lng, lat] = taskLocation({ geometry: { type: 'Polygon', coordinates: [ring] } })!;
    expect(lng).toBeGreaterThan(114); expect(lng).toBeLessThan(114.01);
    expect(lat).toBeGreaterThan(36); expect(lat).toBeLessThan(36.01);
    expect(taskLocation({ geometry: null })).toBeNull();
    expect(geoUri([114.2039, 36.4204])).toBe('geo:36.420400,114.203900');
    expect(geoUri([114.2039, 36.4204], '和村 3号')).toBe('geo:36.420400,114.203900?q=36.420400,114.203900(%E5%92%8C%E6%9D%91%203%E5%8F%B7)');
  });

  it('merges stored updates with queued ones newest first, showing a queued one the server already has once', () => {
    const detail: TaskDetail = { ...task(7, ''), updates: [
      { id: 1, taskId: 7, clientId: 'a', status: 'inProgress', note: '到达', userId: 5, displayName: '王*', at: '2022-04-01T07:00:00Z', receivedAt: '2022-04-01T07:00:01Z' },
    ] };
    const rows = history(detail, [queued('a', 7, '2022-04-01T07:00:00Z'), queued('b', 7, '2022-04-01T07:30:00Z'), queued('c', 8, '2022-04-01T07:40:00Z')]);
    expect(rows.map((r) => [r.clientId, r.pending])).toEqual([['b', true], ['a', false]]);
  });

  it('shows the newest queued status as the task’s status', () => {
    expect(effectiveStatus(task(7, ''), [])).toBe('open');
    expect(effectiveStatus(task(7, ''), [queued('a', 7, '', 'inProgress'), queued('b', 7, '', 'done'), queued('c', 8, '', 'open')])).toBe('done');
  });

  it('turns tasks into map features marked overdue and selected, skipping tasks without a place', () => {
    const fc = taskFeatures([task(1, '2022-04-01T07:00:00Z'), task(2, '2022-04-02T00:00:00Z'), task(3, '', { geometry: null })], NOW, 2);
    expect(fc.features.map((f) => [f.id, f.properties?.overdue, f.properties?.selected])).toEqual([[1, true, false], [2, false, true]]);
  });
});
