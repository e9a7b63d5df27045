// Capacity against the §1.7/§1.8 oracles (Fengfeng, 460 000 people), the test-hours figure, the
// close-contact forecast and the sources shown beside each number.
import { describe, expect, it } from 'vitest';
import { CAPACITY_SOURCES, capacityRow, capacitySources, contactForecast } from '../../../domain/coverage/capacity.ts';
import { BUNDLED_PROFILES } from '../../../domain/zones/bundled-profiles.ts';
import { resourcesOf } from '../../../domain/zones/supplies.ts';

const resources = resourcesOf(BUNDLED_PROFILES.find((p) => p.key === 'cn-2021-community')!.params);
const district = { level: 'district' as const, id: 1, name: '峰峰矿区', zoneKind: null, population: 460_000,
  samplingPointsPresent: 184, throughputPerHour: 184 * 100, roomsPresent: 1012, roomsFree: 700 };

describe('capacityRow', () => {
  it('Fengfeng 460 000: rooms ≥ 920 (NHC 2021-09-29), points 154–230 and 1 278 samplers (指南第三版)', () => {
    expect(capacityRow(district, resources)).toEqual({
      level: 'district', id: 1, name: '峰峰矿区', zoneKind: null, population: 460_000,
      samplingPoints: { needMin: 154, needMax: 230, present: 184 },
      samplers: { need: 1278 },
      testHours: 25, targetHours: 24,
      quarantineRooms: { need: 920, present: 1012, free: 700 },
    });
  });
  it('a zone: rounded up; no site or no throughput: testHours null; nobody: all zero', () => {
    const zone = { ...district, level: 'zone' as const, id: 7, name: '封控区1', zoneKind: 'sealed', population: 2001,
      samplingPointsPresent: 0, throughputPerHour: 0, roomsPresent: 0, roomsFree: 0 };
    expect(capacityRow(zone, resources)).toMatchObject({ samplingPoints: { needMin: 1, needMax: 2, present: 0 }, samplers: { need: 6 },
      testHours: null, quarantineRooms: { need: 5, present: 0, free: 0 }, zoneKind: 'sealed', level: 'zone' });
    expect(capacityRow({ ...zone, population: 0, throughputPerHour: 300 }, resources)).toMatchObject({
      samplingPoints: { needMin: 0, needMax: 0 }, samplers: { need: 0 }, testHours: 0, quarantineRooms: { need: 0 } });
    expect(capacityRow({ ...zone, throughputPerHour: 300 }, resources).testHours).toBe(6.7);
  });
  it('a profile that changes the ratios changes the figures and the rule text', () => {
    const r = resourcesOf({ resources: { quarantine_rooms_per_10k_pop: 30, sampling_point_per_people: [1500, 2500], samplers_divisor: 300, mass_test_completion_hours: 48 } });
    expect(capacityRow(district, r)).toMatchObject({ samplingPoints: { needMin: 184, needMax: 307 }, samplers: { need: 1534 },
      targetHours: 48, quarantineRooms: { need: 1380 } });
    expect(capacitySources(r).find((s) => s.key === 'quarantineRooms')!.rule).toContain('每万人口不少于30间');
    expect(r.walk_minutes_to_sampling_point).toBe(15);
  });
});

describe('contactForecast', () => {
  it('recent cases × contacts per traced case, rounded up (exact: 3 × 10/3 = 10, not 11)', () => {
    expect(contactForecast(3, 10, 3, 50)).toEqual({ recentCases: 3, contactsPerCase: 3.3, forecast: 10, roomsFree: 50 });
    expect(contactForecast(4, 10, 3, 5)).toEqual({ recentCases: 4, contactsPerCase: 3.3, forecast: 14, roomsFree: 5 });
    expect(contactForecast(0, 10, 3, 5).forecast).toBe(0);
  });
  it('no traced case yet: no ratio, forecast 0', () => {
    expect(contactForecast(5, 0, 0, 9)).toEqual({ recentCases: 5, contactsPerCase: 0, forecast: 0, roomsFree: 9 });
  });
});

describe('CAPACITY_SOURCES', () => {
  it('names each figure, its rule in Chinese and its source with date', () => {
    expect(CAPACITY_SOURCES.map((s) => s.key)).toEqual(['samplingPoints', 'samplers', 'testHours', 'quarantineRooms', 'walkMinutes', 'contactForecast']);
    const by = Object.fromEntries(CAPACITY_SOURCES.map((s) => [s.key, s]));
    expect(by.samplingPoints.rule).toContain('每2000～3000人设置1个采样点');
    expect(by.samplingPoints.source).toContain('《区域新型冠状病毒核酸检测组织实施指南（第三版）》');
    expect(by.samplingPoints.source).toContain('2022-03-22');
    expect(by.samplers.rule).toContain('人口÷360');
    expect(by.testHours.rule).toContain('24小时');
    expect(by.quarantineRooms.source).toContain('2021-09-29');
    expect(by.quarantineRooms.rule).toContain('每万人口不少于20间');
    expect(by.walkMinutes.source).toContain('2022-05-23');
    for (const s of CAPACITY_SOURCES) expect(s.rule.length * s.source.length).toBeGreaterThan(0);
  });
});
