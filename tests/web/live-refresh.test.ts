// What a live refresh does to the data on screen, store by store, against a fake API: it fetches
// the same thing again (the same layer query, registry page, open person, proposals day), keeps the
// selection and any unsaved edit, and when it fails keeps what was shown instead of wiping it.
// Also the "data as of" wording (Shanghai time, red when stale).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { FeatureCollection } from 'geojson';
import { asOfClock, asOfDateTime, liveTone } from '../../web/live/format-as-of.ts';
import { useCasesChains } from '../../web/stores/cases-chains.ts';
import { useCasesPerson } from '../../web/stores/cases-person.ts';
import { useCasesRegistry } from '../../web/stores/cases-registry.ts';
import { useLayerDataStore } from '../../web/stores/layer-data.ts';
import { usePlanProposals } from '../../web/stores/plan-proposals.ts';
import { useTeamAreas } from '../../web/stores/team-areas.ts';
import { CHAINS, detail, row } from './cases-fixtures.ts';
import { fakeFetch, json, problem, proposal, square, type Call } from './plan-fixtures.ts';

let calls: Call[];
let answer: (call: Call) => Response;
const down = () => problem(503, 'unavailable', '服务暂不可用');
const fc = (...ids: number[]): FeatureCollection & { next: null } => ({ type: 'FeatureCollection', next: null,
  features: ids.map((id) => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [114.2, 36.4] }, properties: { id } })) });

beforeEach(() => {
  calls = fakeFetch((call) => answer(call));
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); });

describe('data as of', () => {
  it('shows the server time in Shanghai and the tone of the status', () => {
    expect(asOfClock('2022-06-18T16:03:27.000Z')).toBe('00:03:27'); // next day in Shanghai
    expect(asOfDateTime('2022-06-18T04:03:27.000Z')).toBe('2022-06-18 12:03:27');
    expect([asOfClock(null), asOfClock('nonsense')]).toEqual(['', '']);
    expect((['open', 'connecting', 'stale', 'down', 'idle'] as const).map(liveTone)).toEqual(['live', 'pending', 'stale', 'stale', 'off']);
  });
});

describe('layer data refresh', () => {
  it('refetches only the loaded layers it is given, with their last query, quietly', async () => {
    answer = () => json(fc(1));
    const data = useLayerDataStore();
    await data.loadAll([{ layer: 'cases', query: { bbox: [114, 36, 115, 37] } }, { layer: 'zones' }]);
    calls.length = 0;
    answer = () => json(fc(1, 2));
    const refreshing = data.refresh(['cases', 'contacts']);
    expect(data.pending.size).toBe(0); // no "loading…" in the panel
    await refreshing;
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/layers/cases?bbox=114,36,115,37&limit=10000']);
    expect(data.collections.cases?.features).toHaveLength(2);
    expect(data.collections.zones?.features).toHaveLength(1);
  });

  it('keeps the drawn features when the refetch fails', async () => {
    answer = () => json(fc(1, 2, 3));
    const data = useLayerDataStore();
    await data.load({ layer: 'zones' });
    answer = down;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await data.refresh(['zones']);
    expect(data.collections.zones?.features).toHaveLength(3);
    expect(data.errors.zones).toBeUndefined();
  });
});

describe('cases refresh', () => {
  it('fetches the registry page on screen again, not page 1, and keeps the rows on failure', async () => {
    answer = (c) => json(c.url.includes('cursor=c2') ? { items: [row(3)], next: null } : { items: [row(1), row(2)], next: 'c2' });
    const registry = useCasesRegistry();
    await registry.load();
    await registry.nextPage();
    answer = () => json({ items: [row(3, { status: 'closed' })], next: null });
    await registry.refresh();
    expect(calls.at(-1)?.url).toBe('/api/v1/people?limit=50&cursor=c2');
    expect(registry.rows[0].status).toBe('closed');
    expect(registry.page).toBe(2);
    answer = down;
    await registry.refresh();
    expect(registry.rows.map((r) => r.id)).toEqual([3]);
  });

  it('grows a chain range that spanned every day, and leaves a narrowed one', async () => {
    answer = () => json(CHAINS);
    const chains = useCasesChains();
    await chains.load();
    expect(chains.range).toEqual({ from: '2022-06-01', to: '2022-06-12' });
    const later = { ...CHAINS, nodes: [...CHAINS.nodes, { id: 7, category: 'confirmed' as const, reportDate: '2022-06-15', onsetDate: null, point: null }] };
    answer = () => json(later);
    await chains.refresh();
    expect(chains.range).toEqual({ from: '2022-06-01', to: '2022-06-15' });
    chains.setRange({ from: '2022-06-03', to: '2022-06-10' });
    answer = () => json({ ...later, nodes: [...later.nodes, { ...later.nodes[6], id: 8, reportDate: '2022-06-16' }] });
    await chains.refresh();
    expect(chains.range).toEqual({ from: '2022-06-03', to: '2022-06-10' });
    expect(chains.all.nodes).toHaveLength(8);
    answer = down;
    await chains.refresh();
    expect(chains.all.nodes).toHaveLength(8);
  });

  it('refetches the open person without blanking the file, and keeps it on failure', async () => {
    answer = () => json(detail(1));
    const person = useCasesPerson();
    await person.open(1);
    expect(person.shownPersons).toEqual([1, 3, 9]); // the person and their contacts
    answer = () => json({ ...detail(1), currentStep: 'transferScheduled' });
    const refreshing = person.refresh();
    expect(person.detail?.id).toBe(1);
    await refreshing;
    expect(person.detail?.currentStep).toBe('transferScheduled');
    answer = down;
    await person.refresh();
    expect(person.detail?.currentStep).toBe('transferScheduled');
    expect(person.error).toBeNull();
  });
});

describe('plan and admin refresh', () => {
  it('draws the proposals again for the same day and keeps the selection', async () => {
    answer = () => json({ type: 'FeatureCollection', features: [proposal('a'), proposal('b')], profile: {}, today: '2022-06-18' });
    const proposals = usePlanProposals();
    await proposals.generate('2022-06-12');
    proposals.select('b');
    await proposals.refresh();
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/v1/zones/proposals', body: { at: '2022-06-12' } });
    expect(proposals.selectedKey).toBe('b');
    answer = () => json({ type: 'FeatureCollection', features: [proposal('a')], profile: {}, today: '2022-06-18' });
    await proposals.refresh();
    expect(proposals.selectedKey).toBeNull(); // b is no longer proposed
    answer = down;
    await proposals.refresh();
    expect(proposals.items).toHaveLength(1);
  });

  it('takes another administrator’s saved areas, but never over an unsaved edit', async () => {
    const area = (gridId: number) => ({ type: 'Feature', geometry: square(114 + gridId / 100, 36.4),
      properties: { id: gridId, kind: 'grid', gridId, adminUnitId: null, name: null } });
    answer = () => json({ type: 'FeatureCollection', features: [area(1)] });
    const areas = useTeamAreas();
    await areas.open(3);
    answer = () => json({ type: 'FeatureCollection', features: [area(1), area(2)] });
    await areas.refresh();
    expect(areas.items.map((i) => i.key)).toEqual(['grid:1', 'grid:2']);
    areas.remove('grid:1');
    answer = () => json({ type: 'FeatureCollection', features: [area(1), area(2), area(4)] });
    await areas.refresh();
    expect(areas.items.map((i) => i.key)).toEqual(['grid:2']); // the edit in progress stays
    expect(areas.saved.map((i) => i.key)).toEqual(['grid:1', 'grid:2', 'grid:4']);
    expect(areas.dirty).toBe(true);
  });
});
