import { describe, expect, it } from 'vitest';
import { formatIso, occupancyText, popupRows, popupTitle } from '../../web/components/popup-fields.ts';

describe('popup fields', () => {
  it('lists a case with translated category and status keys, age with its unit, and dates', () => {
    const rows = popupRows('cases', {
      id: 7, category: 'confirmed', status: 'active', sex: 'female', age: 34, onsetDate: '2022-04-08',
      reportDate: '2022-04-11T10:20:00+08:00', name: '张*', homeAddress: '峰峰镇**小区', sampleDate: null,
    });
    expect(rows).toEqual([
      { label: 'field.category', text: 'confirmed', valueKey: 'category.confirmed' },
      { label: 'field.status', text: 'active', valueKey: 'personStatus.active' },
      { label: 'field.sex', text: 'female', valueKey: 'sex.female' },
      { label: 'field.age', text: '34', unitKey: 'unit.years' },
      { label: 'field.onsetDate', text: '2022-04-08' },
      { label: 'field.reportDate', text: '2022-04-11' },
      { label: 'field.homeAddress', text: '峰峰镇**小区' },
    ]);
    expect(popupTitle({ name: '张*' })).toBe('张*');
  });

  it('shows quarantine occupancy as occupied/total with the percentage', () => {
    const rows = popupRows('quarantine-sites', { name: 'A', status: 'active', roomsOccupied: 85, roomsTotal: 120, occupancyRatio: 0.7083 });
    expect(rows.at(-1)).toEqual({ label: 'field.occupancy', text: '85/120 (71%)' });
    expect(occupancyText({ roomsTotal: 10 })).toBeNull();
  });

  it('keeps zone clock dates and the last infection time as written, without a time-zone shift', () => {
    const rows = popupRows('zones', { kind: 'sealed', status: 'active', lastInfectionAt: '2022-04-11T23:30:00+08:00', liftOn: '2022-04-25' });
    expect(rows.find((r) => r.label === 'field.lastInfectionAt')?.text).toBe('2022-04-11 23:30');
    expect(rows.find((r) => r.label === 'field.liftOn')?.text).toBe('2022-04-25');
    expect(formatIso('not a date', 'date')).toBe('not a date');
  });

  it('returns text only, never markup: a name with tags stays a string', () => {
    expect(popupTitle({ name: '<img src=x onerror=alert(1)>' })).toBe('<img src=x onerror=alert(1)>');
    expect(popupRows('checkpoints', { roadName: '<b>x</b>' })).toEqual([{ label: 'field.roadName', text: '<b>x</b>' }]);
  });

  it('has nothing to show for layers without a field list', () => {
    expect(popupRows('address-points', { kind: 'x' })).toEqual([]);
  });
});
