// The zone editor against a fake API: a drawn polygon is saved as a new zone (POST, source
// 'drawn'), a proposal with its key and provenance (source 'proposal'), an edit as a new version
// of the version it started from (PUT with baseVersion and a reason). A refusal (422 with the
// server's reason, 409 conflict) keeps the drawing and the message for the save button.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError } from '../../web/api.ts';
import { mapEditable, usePlanEditor } from '../../web/stores/plan-editor.ts';
import { fakeFetch, json, problem, proposal, square, zone, type Call } from './plan-fixtures.ts';

let calls: Call[];
let refuse: Response | null;
beforeEach(() => {
  refuse = null;
  calls = fakeFetch(() => refuse ?? json({ id: 42, current: {} }, 201));
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('plan editor', () => {
  it('cannot save a ring still being drawn, then saves the closed polygon as a drawn zone', async () => {
    const editor = usePlanEditor();
    editor.startDraw('sealed');
    expect(editor.mode).toBe('drawing');
    editor.setGeometry(square(114.2, 36.4), false);
    editor.name = '滏阳小区';
    expect(editor.canSave).toBe(false);
    editor.setGeometry(square(114.2, 36.4), true);
    expect(editor.mode).toBe('editing');
    expect(editor.canSave).toBe(true);
    expect(await editor.save()).toBe(42);
    expect(calls).toEqual([{ method: 'POST', url: '/api/v1/zones',
      body: { name: '滏阳小区', kind: 'sealed', geometry: square(114.2, 36.4), source: 'drawn' } }]);
    expect(editor.mode).toBe('idle');
    expect(editor.geometry).toBeNull();
  });

  it('saves a proposal with its key and provenance', async () => {
    const editor = usePlanEditor();
    const p = proposal('place:5', 'controlled');
    editor.load({ type: 'proposal', key: 'place:5', provenance: p.properties.provenance }, p.geometry, p.properties.name, 'controlled');
    expect(await editor.save()).toBe(42);
    expect(calls[0].body).toMatchObject({ source: 'proposal', proposalKey: 'place:5', kind: 'controlled',
      justification: p.properties.provenance });
  });

  it('edits a zone as a new version of the version it started from, and needs a reason', async () => {
    const editor = usePlanEditor();
    const before = editor.loadSeq;
    editor.editZone(zone(7, { version: 3 }));
    expect(editor.loadSeq).toBe(before + 1);
    editor.setGeometry(square(114.3, 36.4), true);
    expect(editor.canSave).toBe(false);
    editor.reason = '按小区围墙调整边界';
    expect(await editor.save()).toBe(7);
    expect(calls[0]).toEqual({ method: 'PUT', url: '/api/v1/zones/7', body: { baseVersion: 3, name: '区域7', kind: 'sealed',
      geometry: square(114.3, 36.4), reason: '按小区围墙调整边界' } });
  });

  it('keeps the drawing and the server’s reason when the geometry is refused', async () => {
    const editor = usePlanEditor();
    editor.startDraw('sealed');
    editor.setGeometry(square(114.2, 36.4), true);
    editor.name = '自相交';
    refuse = problem(422, 'self_intersection', '区域边界自相交', 'The boundary crosses itself');
    expect(await editor.save()).toBeNull();
    expect(editor.error).toBeInstanceOf(ApiError);
    expect((editor.error as ApiError).code).toBe('self_intersection');
    expect((editor.error as ApiError).messageFor('zh-CN')).toBe('区域边界自相交');
    expect(editor.geometry).toEqual(square(114.2, 36.4));
    expect(editor.mode).toBe('editing');
    editor.setGeometry(square(114.21, 36.4), true); // the next edit clears the old reason
    expect(editor.error).toBeNull();
  });

  it('lets terra-draw edit only simple polygons', () => {
    expect(mapEditable(square(1, 1))).toBe(true);
    expect(mapEditable({ type: 'Polygon', coordinates: [...square(1, 1).coordinates, square(1.001, 1.001, 0.001).coordinates[0]] })).toBe(false);
    expect(mapEditable({ type: 'MultiPolygon', coordinates: [square(1, 1).coordinates] })).toBe(false);
    expect(mapEditable(null)).toBe(false);
  });
});
