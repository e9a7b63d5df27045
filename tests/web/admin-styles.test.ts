import { describe, expect, it } from 'vitest';
import { AREA_COLORS, pickLabelLayers, pickLayers, teamAreaLayers, TEAM_AREAS_SOURCE } from '../../web/map/admin-styles.ts';
import { AREA_KINDS } from '../../web/stores/admin-types.ts';
import { colorOf, rgba, validate } from './style-eval.ts';

describe('admin map layers', () => {
  const all = [...pickLayers('grid'), ...pickLayers('village'), ...pickLabelLayers('grid'), ...pickLabelLayers('village'), ...teamAreaLayers()];

  it('is a valid MapLibre style with unique ids', () => {
    expect(validate(all)).toEqual([]);
    const ids = all.map((l) => l.spec.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the pickable fill layer ids the browser test clicks on', () => {
    expect(pickLayers('grid').map((l) => l.spec.id)).toContain('pick-grids-fill');
    expect(pickLayers('village').map((l) => l.spec.id)).toContain('pick-villages-fill');
  });

  it('draws the selected areas above the pickable ones, coloured by kind', () => {
    const [fill] = teamAreaLayers();
    expect(fill.spec).toMatchObject({ id: `${TEAM_AREAS_SOURCE}-fill`, source: TEAM_AREAS_SOURCE });
    expect(fill.slot).toBe('zones');
    expect(pickLayers('grid')[0].slot).toBe('boundaries');
    for (const kind of AREA_KINDS) expect(colorOf(fill.spec, 'fill-color', { kind })).toBe(rgba(AREA_COLORS[kind]));
  });
});
