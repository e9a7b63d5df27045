// Wording on /plan: kinds named by the profile in the UI language, downgrade targets ranked
// below, areas in m² or km², short dates, Shanghai clock times whatever the browser's zone.
import { describe, expect, it } from 'vitest';
import { areaParts, formatNumber, higherKinds, kindLabel, lowerKinds, shanghaiTime, shortDate } from '../../web/components/plan/format.ts';
import { PROFILE } from './plan-fixtures.ts';

describe('plan wording', () => {
  it('names kinds from the profile, falling back to the key', () => {
    expect(kindLabel(PROFILE, 'sealed', 'zh-CN')).toBe('封控区');
    expect(kindLabel(PROFILE, 'sealed', 'en')).toBe('Sealed area');
    expect(kindLabel(PROFILE, 'high', 'en')).toBe('high');
    expect(kindLabel(null, 'sealed', 'zh-CN')).toBe('sealed');
  });

  it('offers only lower-ranked kinds for a downgrade, strictest first', () => {
    expect(lowerKinds(PROFILE, 'sealed')).toEqual(['controlled', 'precaution']);
    expect(lowerKinds(PROFILE, 'precaution')).toEqual([]);
    expect(lowerKinds(PROFILE, 'unknown')).toEqual([]);
    expect(higherKinds(PROFILE, 'precaution')).toEqual(['controlled', 'sealed']);
    expect(higherKinds(PROFILE, 'sealed')).toEqual([]);
  });

  it('shows a compound in m² and a township in km²', () => {
    expect(areaParts(42_000)).toEqual({ unit: 'm2', value: 42_000, digits: 0 });
    expect(areaParts(3_456_000)).toMatchObject({ unit: 'km2', value: 3.456, digits: 2 });
    expect(areaParts(45_000_000)).toMatchObject({ unit: 'km2', digits: 1 });
    expect(formatNumber(460000, 'zh-CN')).toBe('460,000');
  });

  it('writes dates short, and instants on the Shanghai clock', () => {
    expect(shortDate('2022-06-21', 'zh-CN')).toBe('6月21日');
    expect(shortDate('2022-06-21', 'en')).toBe('Jun 21');
    expect(shortDate(null, 'en')).toBe('');
    expect(shanghaiTime('2022-06-17T16:30:00.000Z')).toBe('2022-06-18 00:30');
    expect(shanghaiTime(null)).toBe('');
  });
});
