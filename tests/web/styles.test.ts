import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, CONTACT_CATEGORIES } from '../../domain/layers.ts';
import { CASE_COLORS, CONTACT_COLORS, OCCUPANCY_STOPS, ZONE_COLORS } from '../../web/map/palette.ts';
import {
  caseLayers, checkpointLayers, contactLayers, INTERACTIVE_LAYERS, OPERATIONAL_STYLES, quarantineSiteLayers,
  testingSiteLayers, zoneLabelLayers, zoneLayers,
} from '../../web/map/styles.ts';
import type { SlottedLayer } from '../../web/map/style-kit.ts';
import { colorOf, evaluate, keeps, rgba, validate } from './style-eval.ts';

const byId = (layers: SlottedLayer[], id: string) => {
  const found = layers.find((l) => l.spec.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found.spec;
};
const allOperational = (): SlottedLayer[] => Object.values(OPERATIONAL_STYLES).flatMap((f) => f());

describe('operational layer specs', () => {
  it('keeps the layer ids the browser tests query', () => {
    const ids = allOperational().map((l) => l.spec.id);
    for (const id of ['cases-circle', 'checkpoints-circle', 'quarantine-sites-circle', 'testing-sites-circle', 'zones-fill']) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is a valid MapLibre style', () => {
    expect(validate([...allOperational(), ...zoneLabelLayers()])).toEqual([]);
  });

  it('reads each layer from the source named after the API layer', () => {
    expect(byId(caseLayers(), 'cases-circle')).toMatchObject({ source: 'cases', type: 'circle' });
    expect(byId(zoneLayers(), 'zones-fill')).toMatchObject({ source: 'zones', type: 'fill' });
    expect(byId(testingSiteLayers(), 'testing-sites-circle')).toMatchObject({ source: 'testing-sites' });
  });

  it('colours cases red, orange and yellow by category', () => {
    const layer = byId(caseLayers(), 'cases-circle');
    for (const category of CASE_CATEGORIES) {
      expect(colorOf(layer, 'circle-color', { category })).toBe(rgba(CASE_COLORS[category]));
    }
    expect(CASE_COLORS.confirmed).toBe('#d62828');
  });

  it('draws only case categories on the cases layer and contact categories on the contacts layer', () => {
    const cases = byId(caseLayers(), 'cases-circle');
    const contacts = byId(contactLayers(), 'contacts-circle');
    expect(keeps(cases, { category: 'confirmed' })).toBe(true);
    expect(keeps(cases, { category: 'closeContact' })).toBe(false);
    for (const category of CONTACT_CATEGORIES) {
      expect(keeps(contacts, { category })).toBe(true);
      expect(colorOf(contacts, 'circle-color', { category })).toBe(rgba(CONTACT_COLORS[category]));
    }
  });

  it('fills zones by kind, sealed dark red, and fades lifted ones', () => {
    const fill = byId(zoneLayers(), 'zones-fill');
    expect(colorOf(fill, 'fill-color', { kind: 'sealed' })).toBe(rgba(ZONE_COLORS.sealed));
    expect(colorOf(fill, 'fill-color', { kind: 'medium' })).toBe(rgba(ZONE_COLORS.medium));
    const active = evaluate(fill, 'paint', 'fill-opacity', { kind: 'sealed', status: 'active' }, 11) as number;
    const lifted = evaluate(fill, 'paint', 'fill-opacity', { kind: 'sealed', status: 'lifted' }, 11) as number;
    expect(lifted).toBeLessThan(active);
    expect(byId(zoneLayers(), 'zones-line').type).toBe('line');
  });

  it('colours quarantine sites by occupancy and labels them occupied/total', () => {
    const layers = quarantineSiteLayers();
    const circle = byId(layers, 'quarantine-sites-circle');
    expect(colorOf(circle, 'circle-color', { occupancyRatio: 0, roomsTotal: 100 })).toBe(rgba(OCCUPANCY_STOPS[0][1]));
    expect(colorOf(circle, 'circle-color', { occupancyRatio: 1, roomsTotal: 100 })).toBe(rgba(OCCUPANCY_STOPS[3][1]));
    const label = byId(layers, 'quarantine-sites-label');
    expect(String(evaluate(label, 'layout', 'text-field', { roomsOccupied: 85, roomsTotal: 120, name: '某宾馆' }, 11)))
      .toBe('85/120');
    expect(String(evaluate(label, 'layout', 'text-field', { roomsOccupied: 85, roomsTotal: 120, name: '某宾馆' }, 14)))
      .toBe('某宾馆\n85/120');
  });

  it('labels checkpoints with their name', () => {
    const label = byId(checkpointLayers(), 'checkpoints-label');
    expect(String(evaluate(label, 'layout', 'text-field', { name: '滏阳大街卡口' }, 14))).toBe('滏阳大街卡口');
  });

  it('lets points win a click over the zone under them', () => {
    expect(INTERACTIVE_LAYERS.indexOf('cases-circle')).toBeLessThan(INTERACTIVE_LAYERS.indexOf('zones-fill'));
    expect(INTERACTIVE_LAYERS).toContain('buildings-fill');
  });

  it('puts zones under the labels and points under nothing', () => {
    expect(zoneLayers().map((l) => l.slot)).toEqual(['zones', 'zones']);
    expect(caseLayers()[0].slot).toBe('points');
  });
});
