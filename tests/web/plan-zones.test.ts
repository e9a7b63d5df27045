// Zones on /plan against a fake API: the live list and a replayed day (?at=YYYY-MM-DD), proposed
// zones first; lifecycle writes name their base version; a 409 is reported as a conflict to
// reload, not overwritten; accepting a proposal stores it once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { usePlanZoneDetail } from '../../web/stores/plan-zone-detail.ts';
import { sortZones, usePlanZones, zonesUrl } from '../../web/stores/plan-zones.ts';
import { defaultAsOf, usePlanProposals } from '../../web/stores/plan-proposals.ts';
import { fakeFetch, json, problem, proposal, zone, type Call } from './plan-fixtures.ts';

let calls: Call[];
let conflict: boolean;
const live = [zone(1), zone(2, { status: 'proposed', validFrom: '2022-06-15T00:00:00.000Z' }), zone(3, { status: 'lifted' })];

beforeEach(() => {
  conflict = false;
  calls = fakeFetch((call) => {
    if (call.url.startsWith('/api/v1/zones?at=')) return json({ type: 'FeatureCollection', features: [zone(1)] });
    if (call.url === '/api/v1/zones' && call.method === 'GET') return json({ type: 'FeatureCollection', features: live });
    if (call.url === '/api/v1/zones/1' && call.method === 'GET') {
      return json({ id: 1, name: '区域1', current: zone(1, { version: 2 }), versions: [zone(1), zone(1, { version: 2 })], rounds: [] });
    }
    if (call.url === '/api/v1/zones/proposals') return json({ type: 'FeatureCollection', today: '2022-06-18', profile: {}, features: [proposal('place:5')] });
    if (call.method === 'POST' && call.url === '/api/v1/zones') return json({ id: 9, current: zone(9) }, 201);
    if (conflict) return problem(409, 'version_conflict', '版本冲突');
    return json({}, 200);
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('plan zones', () => {
  it('lists proposed zones first and hides lifted ones until asked', async () => {
    const zones = usePlanZones();
    await zones.load();
    expect(zones.sorted.map((z) => z.properties.zoneId)).toEqual([2, 1, 3]);
    expect(zones.listed.map((z) => z.properties.zoneId)).toEqual([2, 1]);
    expect(zones.liftedCount).toBe(1);
    zones.showLifted = true;
    expect(zones.listed).toHaveLength(3);
    expect(sortZones([])).toEqual([]);
  });

  it('replays a past day read-only and returns to the live view', async () => {
    const zones = usePlanZones();
    await zones.setDay('2022-06-12');
    expect(calls.at(-1)?.url).toBe('/api/v1/zones?at=2022-06-12');
    expect(zones.replaying).toBe(true);
    expect(zones.sorted).toHaveLength(1);
    await zones.setDay(null);
    expect(calls.at(-1)?.url).toBe('/api/v1/zones');
    expect(zones.replaying).toBe(false);
    expect(zonesUrl('2022-06-12')).toBe('/api/v1/zones?at=2022-06-12');
  });

  it('publishes, downgrades and lifts from the current version, with the reason', async () => {
    const zones = usePlanZones();
    const detail = usePlanZoneDetail();
    zones.select(1);
    await detail.open(1);
    expect(await detail.transition('downgrade', '连续 14 天无新增', 'precaution')).toBe(true);
    const write = calls.find((c) => c.method === 'POST');
    expect(write).toEqual({ method: 'POST', url: '/api/v1/zones/1/downgrade', body: { baseVersion: 2, reason: '连续 14 天无新增', toKind: 'precaution' } });
    await detail.transition('lift', '解封');
    expect(calls.filter((c) => c.method === 'POST').at(-1)).toEqual({ method: 'POST', url: '/api/v1/zones/1/lift', body: { baseVersion: 2, reason: '解封' } });
    expect(calls.at(-1)?.url).toMatch(/^\/api\/v1\/zones/); // reloaded after the write
  });

  it('reports someone else’s newer version as a conflict to reload', async () => {
    const zones = usePlanZones();
    const detail = usePlanZoneDetail();
    zones.select(1);
    await detail.open(1);
    conflict = true;
    expect(await detail.transition('publish', '审定通过')).toBe(false);
    expect(detail.conflict).toBe(true);
    conflict = false;
    await detail.reload();
    expect(detail.conflict).toBe(false);
  });

  it('records a test round of the zone', async () => {
    const zones = usePlanZones();
    const detail = usePlanZoneDetail();
    zones.select(1);
    await detail.open(1);
    await detail.addRound({ date: '2022-06-17', tested: 1200, positives: 0 });
    expect(calls.find((c) => c.url.endsWith('/test-rounds'))?.body).toEqual({ date: '2022-06-17', tested: 1200, positives: 0 });
  });

  it('accepts a proposal once, as a proposed zone with its provenance', async () => {
    const proposals = usePlanProposals();
    await proposals.generate();
    expect(proposals.items).toHaveLength(1);
    const p = proposals.items[0];
    expect(await proposals.accept(p)).toBe(9);
    expect(await proposals.accept(p)).toBe(9);
    const posts = calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/zones');
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({ name: '建议place:5', kind: 'sealed', geometry: p.geometry, source: 'proposal', proposalKey: 'place:5',
      justification: p.properties.provenance });
  });

  it('draws proposals by default for the latest case report up to today', () => {
    expect(defaultAsOf(['2022-06-03', '2022-06-17', null, '2022-06-11', 'bad'], '2026-11-29')).toBe('2022-06-17');
    expect(defaultAsOf(['2022-06-17', '2030-01-01'], '2026-11-29')).toBe('2022-06-17'); // a future date is a typo, not today
    expect(defaultAsOf([], '2026-11-29')).toBe('2026-11-29');
  });
});
