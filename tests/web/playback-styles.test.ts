// The playback on the map without WebGL: the features carry day indices, a day's filters keep
// exactly what domain/playback/at-day.ts shows that day, cumulative mode adds the ended intervals
// on faded layers, and the layers are valid MapLibre style at any scale.
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { atDay } from '../../domain/playback/at-day.ts';
import { indexPlayback } from '../../domain/playback/day-index.ts';
import { playbackFeatures, PLAYBACK_SOURCES } from '../../web/map/playback-features.ts';
import { CASE_COLOR, modeProperties, playbackFilters, playbackLayers, QUARANTINE_COLOR, siteRadius } from '../../web/map/playback-styles.ts';
import { PLAYBACK } from './playback-fixtures.ts';
import { colorOf, evaluate, keeps, rgba, validate } from './style-eval.ts';

const data = indexPlayback(PLAYBACK);
const fc = playbackFeatures(data);
const layer = (id: string) => playbackLayers().find((l) => l.spec.id === id)!.spec;
/** The properties of `source`'s features that layer `id` keeps on `day` in `mode`. */
function kept(id: string, source: keyof typeof fc, day: number, mode: 'state' | 'cumulative'): Record<string, unknown>[] {
  const spec = { ...layer(id), filter: playbackFilters(day, mode)[id] } as LayerSpecification;
  return fc[source].features.map((f) => f.properties!).filter((p) => keeps(spec, p));
}

describe('playback layers', () => {
  it('are valid MapLibre style at scale 1 and 2, hidden until a day is picked', () => {
    for (const scale of [1, 2]) expect(validate(playbackLayers('state', scale))).toEqual([]);
    const ids = playbackLayers().map((l) => l.spec.id);
    expect(ids).toEqual(expect.arrayContaining(['playback-zones-fill', 'playback-zones-past-fill', 'playback-cases-circle',
      'playback-home-circle', 'playback-sites-circle', 'playback-sites-count']));
    expect(Object.keys(playbackFilters(0, 'state')).sort()).toEqual([...ids].sort());
    for (const l of playbackLayers()) expect(keeps(l.spec, fc.zones.features[0].properties!)).toBe(false);
  });

  it('fills zones in their kind colour, draws cases red and quarantine in one colour', () => {
    const sealed = fc.zones.features.find((f) => f.properties!.kind === 'sealed')!.properties!;
    expect(colorOf(layer('playback-zones-fill'), 'fill-color', sealed)).toBe(rgba('#8b0000'));
    expect(colorOf(layer('playback-cases-circle'), 'circle-color', {})).toBe(rgba(CASE_COLOR));
    expect(colorOf(layer('playback-home-circle'), 'circle-color', {})).toBe(rgba(QUARANTINE_COLOR));
    const opacity = (p: Record<string, unknown>) => Number(evaluate(layer('playback-zones-fill'), 'paint', 'fill-opacity', p, 11));
    expect(opacity({ ...sealed, tint: true })).toBeLessThan(opacity(sealed) / 2); // 防范区 covers much: a tint
  });

  it('scales sizes for the wall', () => {
    const at = (scale: number) => Number(evaluate(playbackLayers('state', scale).find((l) => l.spec.id === 'playback-cases-circle')!.spec,
      'paint', 'circle-radius', {}, 13));
    expect(at(2)).toBeCloseTo(2 * at(1));
  });
});

describe('playback features and filters', () => {
  it('carry the day indices, stricter zones last, people at a site as one feature per day', () => {
    expect(fc.zones.features.map((f) => f.properties!.kind)).toEqual(['precaution', 'sealed', 'sealed', 'sealed']);
    expect(fc.cases.features[0].properties).toMatchObject({ knownDay: 1, closedDay: 3 });
    expect(fc.home.features).toHaveLength(1);
    expect(fc.sites.features.map((f) => f.properties!.day)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keep on each day and mode exactly what atDay shows', () => {
    for (let d = 0; d < data.days.length; d += 1) {
      for (const mode of ['state', 'cumulative'] as const) {
        const shown = atDay(data, d, mode);
        const zones = [...kept('playback-zones-fill', 'zones', d, mode), ...kept('playback-zones-past-fill', 'zones', d, mode)];
        expect(zones.map((p) => p.id).sort(), `zones ${d} ${mode}`).toEqual(shown.zones.map((z) => z.id).sort());
        const cases = [...kept('playback-cases-circle', 'cases', d, mode), ...kept('playback-cases-past-circle', 'cases', d, mode)];
        expect(cases.map((p) => p.id).sort(), `cases ${d} ${mode}`).toEqual(shown.cases.map((c) => c.id).sort());
        const home = [...kept('playback-home-circle', 'home', d, mode), ...kept('playback-home-past-circle', 'home', d, mode)];
        expect(home.length).toBe(shown.quarantine.filter((q) => !q.central).length);
        const sites = kept('playback-sites-circle', 'sites', d, mode);
        expect(sites.reduce((n, p) => n + Number(p[mode]), 0)).toBe(shown.quarantine.filter((q) => q.central).length);
      }
    }
  });

  it('draws only what stands on the current layers, the ended ones on the past layers when cumulative', () => {
    expect(kept('playback-zones-fill', 'zones', 4, 'cumulative').map((p) => p.id)).toEqual([2]);
    expect(kept('playback-zones-past-fill', 'zones', 4, 'cumulative').map((p) => p.id).sort()).toEqual([1, 3, 4]);
    expect(kept('playback-zones-past-fill', 'zones', 4, 'state')).toEqual([]);
  });

  it('sizes and labels a site by the count of the mode', () => {
    const radius = (mode: 'state' | 'cumulative', p: Record<string, unknown>) =>
      Number(evaluate({ ...layer('playback-sites-circle'), paint: { 'circle-radius': siteRadius(mode) } } as LayerSpecification,
        'paint', 'circle-radius', p));
    expect(radius('state', { state: 100, cumulative: 1 })).toBeGreaterThan(radius('cumulative', { state: 100, cumulative: 1 }));
    expect(modeProperties('cumulative').siteCount).toEqual(['to-string', ['get', 'cumulative']]);
    expect(PLAYBACK_SOURCES.sites).toBe('playback-sites');
  });
});
