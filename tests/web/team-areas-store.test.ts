// The admin's area editor against a fake API: open a team, pick, draw, save the full list; a
// refused save keeps the edits and shows the server's message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { FeatureCollection, Polygon } from 'geojson';
import { useTeamAreas } from '../../web/stores/team-areas.ts';
import { useAdminTeams } from '../../web/stores/admin-teams.ts';
import { ApiError } from '../../web/api.ts';

const square = (x: number, y: number): Polygon =>
  ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });

let areas: FeatureCollection;
let calls: { method: string; url: string; body?: unknown }[];
let refuse: boolean;

beforeEach(() => {
  calls = [];
  refuse = false;
  areas = { type: 'FeatureCollection', features: [
    { type: 'Feature', geometry: square(114.1, 36.4), properties: { id: 1, kind: 'grid', name: '一网格', gridId: 7, adminUnitId: 40 } },
  ] };
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method: init.method ?? 'GET', url, body });
    if (init.method === 'PUT') {
      if (refuse) return json({ type: 'about:blank', title: 'Bad', status: 422, code: 'invalid_area', message: { 'zh-CN': '区域无效', en: 'Invalid area' } }, 422);
      areas = { type: 'FeatureCollection', features: body.areas.map((a: Record<string, unknown>, i: number) => ({
        type: 'Feature', geometry: a.geometry ?? square(114 + i / 10, 36.4),
        properties: { id: 10 + i, kind: a.gridId ? 'grid' : 'drawn', gridId: a.gridId ?? null, adminUnitId: null, name: null } })) };
      return json({ id: 3, name: '第一队', kind: 'field', memberCount: 0, areas: [] });
    }
    return json(areas);
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('team areas store', () => {
  it('opens a team with its saved areas and is not dirty', async () => {
    const store = useTeamAreas();
    await store.open(3);
    expect(calls).toEqual([{ method: 'GET', url: '/api/v1/teams/3/areas', body: undefined }]);
    expect(store.items.map((i) => i.key)).toEqual(['grid:7']);
    expect(store.dirty).toBe(false);
  });

  it('saves the whole edited list with PUT and reloads the server’s areas', async () => {
    const store = useTeamAreas();
    await store.open(3);
    store.toggle({ kind: 'grid', id: 8, name: '二网格', geometry: square(114.2, 36.4) });
    store.addPolygon(square(114.3, 36.4));
    expect(store.dirty).toBe(true);
    expect(await store.save()).toBe(true);
    expect(calls[1]).toEqual({ method: 'PUT', url: '/api/v1/teams/3/areas',
      body: { areas: [{ gridId: 7 }, { gridId: 8 }, { geometry: square(114.3, 36.4) }] } });
    expect(store.items).toHaveLength(3);
    expect(store.dirty).toBe(false);
    expect(store.savedCount).toBe(1);
    expect(useAdminTeams().byId.get(3)?.name).toBe('第一队');
  });

  it('keeps the edits and the server’s problem when the save is refused', async () => {
    const store = useTeamAreas();
    await store.open(3);
    store.remove('grid:7');
    refuse = true;
    expect(await store.save()).toBe(false);
    expect(store.error).toBeInstanceOf(ApiError);
    expect((store.error as ApiError).messageFor('zh-CN')).toBe('区域无效');
    expect(store.items).toEqual([]);
    expect(store.dirty).toBe(true);
    store.revert();
    expect(store.items.map((i) => i.key)).toEqual(['grid:7']);
  });
});
