// Shared by the /plan tests: a profile summary shaped like GET /profiles' (cn-2021-community's
// kinds, ranks and colours), zone and proposal features, and a fake fetch that records calls.
import { vi } from 'vitest';
import type { Polygon } from 'geojson';
import type { ProfileSummary, ProposalFeature, ZoneFeature, ZoneProps } from '../../web/stores/plan-types.ts';

export const PROFILE: ProfileSummary = {
  id: 1, key: 'cn-2021-community', version: 1, name: '封控区/管控区/防范区', nameEn: 'Sealed / controlled / precaution',
  disease: 'COVID-19', effectiveFrom: '2021-07-01', effectiveTo: '2022-06-27', source: '§1.1',
  zoneKinds: ['sealed', 'controlled', 'precaution'],
  zones: {
    sealed: { label: { zh: '封控区', en: 'Sealed area' }, rank: 3, colour: '#c62828' },
    controlled: { label: { zh: '管控区', en: 'Controlled area' }, rank: 2, colour: '#ef6c00' },
    precaution: { label: { zh: '防范区', en: 'Precaution area' }, rank: 1, colour: '#1e88e5' },
  },
};

export const square = (x: number, y: number, size = 0.01): Polygon =>
  ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });

export function zone(zoneId: number, over: Partial<ZoneProps> = {}): ZoneFeature {
  return { type: 'Feature', id: zoneId, geometry: square(114.1 + zoneId / 100, 36.4), properties: {
    zoneId, version: 1, name: `区域${zoneId}`, kind: 'sealed', status: 'active', source: 'drawn', change: 'create', reason: null,
    actor: 'planner', validFrom: '2022-06-10T02:00:00.000Z', validTo: null, lastInfectionAt: null, downgradeOn: null, liftOn: null,
    justification: [], clock: null, ...over } };
}

export function proposal(key: string, kind = 'sealed'): ProposalFeature {
  return { type: 'Feature', id: key, geometry: square(114.2, 36.45), properties: {
    key, kind, unit: 'compound', name: `建议${key}`, lastInfectionDate: '2022-06-12', contains: [],
    provenance: [{ personId: 7, exposureId: null, reason: '病例居住地（小区）', reasonEn: 'case residence (compound)', at: '2022-06-12' }] } };
}

export interface Call { method: string; url: string; body?: unknown }

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body),
  { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });

export const problem = (status: number, code: string, zh: string, en = zh) =>
  json({ type: 'about:blank', title: code, status, code, message: { 'zh-CN': zh, en } }, status);

/** Stubs global fetch with `answer`, recording every call (body parsed) into the returned array. */
export function fakeFetch(answer: (call: Call, signal?: AbortSignal | null) => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const call = { method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    return answer(call, init.signal);
  });
  return calls;
}
