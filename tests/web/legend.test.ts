import { describe, expect, it } from 'vitest';
import { legendFor } from '../../web/map/legend.ts';
import { CASE_COLORS, OCCUPANCY_STOPS, ZONE_COLORS } from '../../web/map/palette.ts';
import { TOGGLEABLE_LAYERS } from '../../web/stores/layers.ts';

describe('legend', () => {
  it('has entries for every layer the panel can switch', () => {
    for (const id of TOGGLEABLE_LAYERS) expect(legendFor(id).length, id).toBeGreaterThan(0);
  });

  it('uses the same colours as the map', () => {
    expect(legendFor('cases')).toEqual([
      { key: 'category.confirmed', color: CASE_COLORS.confirmed, shape: 'circle' },
      { key: 'category.asymptomatic', color: CASE_COLORS.asymptomatic, shape: 'circle' },
      { key: 'category.suspected', color: CASE_COLORS.suspected, shape: 'circle' },
    ]);
    expect(legendFor('quarantine-sites').map((e) => e.color)).toEqual(OCCUPANCY_STOPS.map(([, c]) => c));
  });

  it('shows the zone kinds of the active profile when known, 封控/管控/防范 otherwise', () => {
    expect(legendFor('zones').map((e) => e.key)).toEqual(['zoneKind.sealed', 'zoneKind.controlled', 'zoneKind.precaution']);
    expect(legendFor('zones', new Set(['high', 'low']))).toEqual([
      { key: 'zoneKind.high', color: ZONE_COLORS.high, shape: 'fill' },
      { key: 'zoneKind.low', color: ZONE_COLORS.low, shape: 'fill' },
    ]);
  });
});
