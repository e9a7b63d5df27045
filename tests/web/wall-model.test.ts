// The wall's pure helpers: the map tour over the hot areas, the 1080p-to-4K scale, and what the
// panels print (incident day, site names and order, level colours, Shanghai clock).
import { describe, expect, it } from 'vitest';
import { AREA_DWELL_MS, DISTRICT_DWELL_MS, dwellMs, focusStop, framedBbox, isSoftwareRenderer } from '../../web/stores/wall-focus.ts';
import { wallScale } from '../../web/components/wall/use-wall-scale.ts';
import {
  clockTime, escalationHex, incidentDay, LEVEL_HEX, monthDay, shortSiteName, sitesByLoad, zoneKindLabel,
} from '../../web/components/wall/wall-format.ts';
import { wallSummary } from './wall-fixtures.ts';

const areas = [...wallSummary().hotAreas, { id: 116, name: '北黄集村', kind: 'village' as const, cases7d: 4,
  bbox: [114.167, 36.483, 114.181, 36.494] as [number, number, number, number] }];

describe('wall map tour', () => {
  it('alternates the district with each hot area in turn, then starts over', () => {
    const stops = [0, 1, 2, 3, 4, 5].map((s) => focusStop(s, areas));
    expect(stops.map((s) => (s.kind === 'area' ? s.area.id : 'district'))).toEqual(['district', 97, 'district', 116, 'district', 97]);
    expect(dwellMs(stops[1])).toBe(AREA_DWELL_MS);
    expect(dwellMs(stops[0])).toBe(DISTRICT_DWELL_MS);
    expect(AREA_DWELL_MS).toBe(20_000);
  });

  it('rests on the district when there is no hot area', () => {
    expect(focusStop(1, [])).toEqual({ kind: 'district' });
  });

  it('widens a bbox too small to frame, and leaves a large one as it is', () => {
    const [w, s, e, n] = framedBbox([114.2, 36.4, 114.2, 36.4]);
    expect(e - w).toBeCloseTo(0.01);
    expect(n - s).toBeCloseTo(0.01);
    expect(framedBbox([114.1, 36.4, 114.2, 36.5])).toEqual([114.1, 36.4, 114.2, 36.5]);
  });
});

describe('wall scale', () => {
  it('is 1 at 1920×1080 and 2 at 3840×2160, bound by the tighter side otherwise', () => {
    expect(wallScale(1920, 1080)).toBe(1);
    expect(wallScale(3840, 2160)).toBe(2);
    expect(wallScale(1920, 1200)).toBe(1);
    expect(wallScale(2560, 1080)).toBe(1);
  });
});

describe('wall panel text', () => {
  it('counts the incident’s days on the Shanghai calendar, its first day being day 1', () => {
    expect(incidentDay('2022-05-27T01:00:00.000Z', '2022-06-18')).toBe(23);
    expect(incidentDay('2022-05-26T17:00:00.000Z', '2022-05-27')).toBe(1); // 01:00 on the 27th in Shanghai
  });

  it('shortens site names by their kind and lists sites in service first, fullest first', () => {
    expect(shortSiteName('滏阳东路宾馆集中隔离点')).toBe('滏阳东路宾馆');
    expect(shortSiteName('隔离点')).toBe('隔离点');
    const sites = [
      { id: 1, name: 'a', status: 'active', total: 100, occupied: 10 },
      { id: 2, name: 'b', status: 'standby', total: 100, occupied: 0 },
      { id: 3, name: 'c', status: 'active', total: 100, occupied: 90 },
      { id: 4, name: 'd', status: 'active', total: 0, occupied: 0 },
    ];
    expect(sitesByLoad(sites).map((s) => s.id)).toEqual([3, 1, 4, 2]);
  });

  it('colours escalation levels yellow, orange, red and prints Shanghai time', () => {
    expect([1, 2, 3].map((l) => escalationHex(l as 1 | 2 | 3))).toEqual([LEVEL_HEX.yellow, LEVEL_HEX.orange, LEVEL_HEX.red]);
    expect(clockTime(Date.parse('2022-06-18T02:01:00Z'), 'zh-CN')).toBe('10:01');
    expect(clockTime(Date.parse('2022-06-17T16:05:09Z'), 'en', true)).toBe('00:05:09');
    expect(monthDay('2022-06-18')).toBe('06-18');
  });

  it('names zone kinds from the summary in the UI language, without the word "area" in English', () => {
    const sealed = wallSummary().zones[0].label;
    expect(zoneKindLabel(sealed, 'zh-CN')).toBe('封控区');
    expect(zoneKindLabel(sealed, 'en')).toBe('Sealed');
    expect(zoneKindLabel({ zh: '高风险区', en: 'High-risk zone' }, 'en')).toBe('High-risk');
  });
});

describe('wall tour on software rendering', () => {
  it('recognises software rasterisers, where the tour cuts instead of flying', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
  });
});
