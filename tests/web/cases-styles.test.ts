// The /cases map layers: valid MapLibre style with the ids the browser test queries; the
// trajectory numbers the places in time order from home and labels them with their time
// window; the chains join homes (coloured by the infector's category) and homes to places,
// and ring the selected person.
import { describe, expect, it } from 'vitest';
import {
  chainFeatures, chainLayers, HOME_COLOR, trajectoryFeatures, trajectoryLayers,
} from '../../web/map/cases-styles.ts';
import { CASE_COLORS, CONTACT_COLORS } from '../../web/map/palette.ts';
import type { SlottedLayer } from '../../web/map/style-kit.ts';
import { chronological } from '../../web/stores/cases-person.ts';
import { colorOf, evaluate, keeps, rgba, validate } from './style-eval.ts';
import { CHAINS, detail } from './cases-fixtures.ts';

const byId = (layers: SlottedLayer[], id: string) => layers.find((l) => l.spec.id === id)!.spec;
const props = (fc: { features: { properties: unknown }[] }) => fc.features.map((f) => f.properties as Record<string, unknown>);
const text = { home: '住址', window: (a: string, b: string) => `${a.slice(11, 16)}–${b.slice(11, 16)}` };

describe('cases map layers', () => {
  it('is a valid MapLibre style with the ids the browser test queries', () => {
    const all = [...trajectoryLayers(), ...chainLayers()];
    expect(validate(all)).toEqual([]);
    expect(all.map((l) => l.spec.id)).toEqual(expect.arrayContaining(['cases-trajectory-home', 'cases-trajectory-place',
      'cases-trajectory-path', 'cases-trajectory-label', 'cases-chain-person', 'cases-chain-link', 'cases-chain-visit']));
  });

  it('draws the trajectory from home through the places in time order, numbered and labelled', () => {
    const d = detail(4);
    const fc = trajectoryFeatures(d.geometry, chronological(d.exposures), [{ personId: 9, category: 'closeContact', point: [114.3, 36.3] }],
      'confirmed', text);
    const path = fc.features.find((f) => f.properties?.role === 'path')!;
    expect(path.geometry).toEqual({ type: 'LineString', coordinates: [[114.2, 36.4], [114.18, 36.38], [114.22, 36.41]] });
    const places = props(fc).filter((p) => p.role === 'place');
    expect(places.map((p) => p.label)).toEqual(['1 滏阳市场\n01:00–02:30', '2 一矿食堂\n04:00–05:00']);
    const home = props(fc).find((p) => p.role === 'home')!;
    expect(home).toMatchObject({ label: '住址', colour: CASE_COLORS.confirmed });
    expect(props(fc).filter((p) => p.role === 'contact')).toEqual([{ role: 'contact', personId: 9, colour: CONTACT_COLORS.closeContact, label: '' }]);
    const layers = trajectoryLayers();
    expect(keeps(byId(layers, 'cases-trajectory-home'), home)).toBe(true);
    expect(keeps(byId(layers, 'cases-trajectory-home'), places[0])).toBe(false);
    expect(colorOf(byId(layers, 'cases-trajectory-home'), 'circle-stroke-color', home)).toBe(rgba(HOME_COLOR));
    expect(evaluate(byId(layers, 'cases-trajectory-order'), 'layout', 'text-field', places[1])).toMatchObject({ sections: [{ text: '2' }] });
  });

  it('draws no path for a person without a home or places', () => {
    expect(trajectoryFeatures(null, [], [], 'confirmed', text).features).toEqual([]);
  });

  it('joins homes of linked persons and homes to visited places, and rings the selected person', () => {
    const fc = chainFeatures(CHAINS, 2);
    const all = props(fc);
    expect(all.filter((p) => p.role === 'link')).toHaveLength(4);
    expect(all.filter((p) => p.role === 'visit')).toHaveLength(2);
    expect(all.filter((p) => p.role === 'place')).toHaveLength(2);
    const person = (id: number) => all.find((p) => p.role === 'person' && p.personId === id)!;
    expect(person(2).selected).toBe(true);
    const layers = chainLayers();
    const circle = byId(layers, 'cases-chain-person');
    expect(Number(evaluate(circle, 'paint', 'circle-radius', person(2), 12))).toBeGreaterThan(Number(evaluate(circle, 'paint', 'circle-radius', person(1), 12)));
    expect(colorOf(circle, 'circle-color', person(3))).toBe(rgba(CONTACT_COLORS.closeContact));
    const link = all.find((p) => p.role === 'link' && p.type === 'household')!;
    expect(link).toMatchObject({ colour: CASE_COLORS.confirmed, selected: true });
    expect(keeps(byId(layers, 'cases-chain-link'), link, 'LineString')).toBe(true);
    expect(keeps(byId(layers, 'cases-chain-visit'), link, 'LineString')).toBe(false);
  });
});
