// The closed-loop board against a fake API: one column per step in loop order, overdue first, the
// server's counts even when the item list was cut; filters in the URL (and the export's); a step
// completed refreshes the board, the KPIs and the rooms together; a refusal keeps the server's words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { LOOP_STEPS } from '../../domain/loop/types.ts';
import { ApiError } from '../../web/api.ts';
import { boardColumns, boardUrl, exportUrl, filenameFrom, useLoopBoard, type BoardAnswer, type BoardItem } from '../../web/stores/loop-board.ts';
import { fakeFetch, json, problem, type Call } from './plan-fixtures.ts';

function item(stepId: number, over: Partial<BoardItem> = {}): BoardItem {
  return { id: 100 + stepId, category: 'closeContact', name: '张*', townshipName: '滏阳东路街道', stepId, step: 'tested',
    dueAt: '2022-06-18T02:00:00.000Z', overdue: false, overdueHours: 0, escalationLevel: 0, teamId: 3, teamName: '滏阳东路采样队', ...over };
}

const answer: BoardAnswer = {
  generatedAt: '2022-06-18T04:00:00.000Z', truncated: true,
  columns: [{ step: 'notified', count: 1, overdue: 1 }, { step: 'tested', count: 40, overdue: 2 }],
  items: [
    item(1),
    item(2, { overdue: true, overdueHours: 3, escalationLevel: 1 }),
    item(3, { dueAt: '2022-06-18T01:00:00.000Z' }),
    item(4, { overdue: true, overdueHours: 30, escalationLevel: 3 }),
    item(5, { step: 'notified', overdue: true, overdueHours: 8, escalationLevel: 2 }),
  ],
};

let calls: Call[];
let refuse: boolean;
beforeEach(() => {
  refuse = false;
  calls = fakeFetch((call) => {
    if (call.url.startsWith('/api/v1/loops/board')) return json(answer);
    if (call.url.startsWith('/api/v1/loops/kpis')) return json({ from: '2022-06-05', to: '2022-06-18', withinHours: 12, items: [] });
    if (call.url === '/api/v1/rooms/occupancy') return json({ sites: [], totals: { rooms: 0, occupied: 0, free: 0 } });
    if (call.url.startsWith('/api/v1/rooms/forecast')) return json({ from: '2022-06-18', days: [], undated: 0 });
    if (call.url === '/api/v1/teams') return json({ items: [{ id: 3, name: '滏阳东路采样队', kind: 'sampling', memberCount: 2, areas: [] }] });
    if (refuse) return problem(409, 'loop_step_not_next', '该环节不是此人当前的下一步', 'This is not the next step of the loop');
    return json({ step: {}, steps: [], person: {}, effects: {} });
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('loop board', () => {
  it('shows every step as a column in loop order, overdue first, with the server’s counts', async () => {
    const board = useLoopBoard();
    await board.load();
    expect(board.columns.map((c) => c.step)).toEqual([...LOOP_STEPS]);
    const tested = board.columns.find((c) => c.step === 'tested')!;
    expect(tested.items.map((i) => i.stepId)).toEqual([4, 2, 3, 1]); // 30 h late, 3 h late, then the nearest deadline
    expect(tested).toMatchObject({ count: 40, overdue: 2 }); // the cut list still counts everyone
    expect(board.columns.find((c) => c.step === 'identified')).toMatchObject({ items: [], count: 0, overdue: 0 });
    expect(board.total).toBe(41);
    expect(board.overdue).toBe(3);
    expect(board.byLevel).toEqual([1, 1, 1]); // yellow, orange, red
    expect(board.loadedAt).toBe('2022-06-18T04:00:00.000Z');
    expect(boardColumns(null).every((c) => c.count === 0)).toBe(true);
  });

  it('puts the filters in the board’s and the export’s URL', async () => {
    const board = useLoopBoard();
    await board.setFilters({ team: 3, step: 'transferred', overdueOnly: true });
    expect(calls.at(-1)?.url).toBe('/api/v1/loops/board?team=3&step=transferred&overdueOnly=true&limit=5000');
    expect(boardUrl({ team: null, step: null, overdueOnly: false })).toBe('/api/v1/loops/board?limit=5000');
    expect(exportUrl('csv', board.filters)).toBe('/api/v1/exports/board?format=csv&team=3&step=transferred&overdueOnly=true');
    expect(exportUrl('xlsx', { team: null, step: null, overdueOnly: false })).toBe('/api/v1/exports/board?format=xlsx');
  });

  it('completes a step and then refreshes the board, the KPIs and the rooms together', async () => {
    const board = useLoopBoard();
    await board.complete(7, { result: 'negative' });
    expect(calls[0]).toEqual({ method: 'POST', url: '/api/v1/loops/steps/7/complete', body: { result: 'negative' } });
    const after = calls.slice(1).map((c) => c.url.split('?')[0]).sort();
    expect(after).toEqual(['/api/v1/loops/board', '/api/v1/loops/kpis', '/api/v1/rooms/forecast', '/api/v1/rooms/occupancy']);
  });

  it('hands a refusal to the dialog in the server’s words and refreshes nothing', async () => {
    const board = useLoopBoard();
    refuse = true;
    const err = await board.complete(7, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).messageFor('zh-CN')).toBe('该环节不是此人当前的下一步');
    expect((err as ApiError).messageFor('en')).toBe('This is not the next step of the loop');
    expect(calls).toHaveLength(1);
  });

  it('offers the teams as filter options, loading them once', async () => {
    const board = useLoopBoard();
    await board.loadTeams();
    await board.loadTeams();
    expect(board.teams).toEqual([{ id: 3, name: '滏阳东路采样队' }]);
    expect(calls.filter((c) => c.url === '/api/v1/teams')).toHaveLength(1);
  });

  it('downloads the export under the server’s filename, and reports a refusal', async () => {
    vi.stubGlobal('fetch', async (url: string) => (url.includes('format=csv')
      ? new Response('\ufeff编号,类别\n', { headers: { 'content-disposition': 'attachment; filename="shouwang-board-20220618.csv"' } })
      : problem(403, 'forbidden', '无权导出')));
    const board = useLoopBoard();
    const file = await board.exportFile('csv');
    expect(file.filename).toBe('shouwang-board-20220618.csv');
    expect(await file.blob.text()).toContain('编号');
    await expect(board.exportFile('xlsx')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('reads the filename from Content-Disposition, RFC 6266 filename* first', () => {
    expect(filenameFrom("attachment; filename=\"a.csv\"; filename*=UTF-8''%E7%9C%8B%E6%9D%BF.csv", 'x')).toBe('看板.csv');
    expect(filenameFrom('attachment; filename=board.xlsx', 'x')).toBe('board.xlsx');
    expect(filenameFrom(null, 'shouwang-board.xlsx')).toBe('shouwang-board.xlsx');
  });
});
