// The /plan map's layers: valid MapLibre style, zones filled in their profile colour (a tint for
// the lowest kind, which covers the rest of the district), proposed outlines dashed, labels with
// name and kind, stricter zones drawn last, checkpoints at road crossings.
import { describe, expect, it } from 'vitest';
import {
  crossingFeatures, crossingLayers, planZoneLabelLayers, planZoneLayers, proposalLabelLayers, proposalLayers, proposalMapFeatures,
  zoneMapFeatures,
} from '../../web/map/zone-styles.ts';
import type { SlottedLayer } from '../../web/map/style-kit.ts';
import { colorOf, evaluate, keeps, rgba, validate } from './style-eval.ts';
import { PROFILE, proposal, zone } from './plan-fixtures.ts';

const text = { kind: (k: string) => PROFILE.zones[k]?.label.zh ?? k, proposed: '待审定' };
const byId = (layers: SlottedLayer[], id: string) => layers.find((l) => l.spec.id === id)!.spec;
const props = (fc: { features: { properties: unknown }[] }) => fc.features.map((f) => f.properties as Record<string, unknown>);

describe('plan zone layers', () => {
  it('is a valid MapLibre style with the ids the browser test queries', () => {
    const all = [...planZoneLayers(), ...planZoneLabelLayers(), ...proposalLayers(), ...proposalLabelLayers(), ...crossingLayers()];
    expect(validate(all)).toEqual([]);
    expect(all.map((l) => l.spec.id)).toEqual(expect.arrayContaining(['plan-zones-fill', 'plan-zones-line', 'plan-zones-label',
      'plan-proposals-line', 'plan-crossings-circle']));
  });

  it('fills each zone in its profile colour, strongest while active, a tint for the lowest kind', () => {
    const [sealed, precaution] = props(zoneMapFeatures([zone(1), zone(2, { kind: 'precaution' })], PROFILE, text, null))
      .sort((a, b) => Number(a.zoneId) - Number(b.zoneId));
    const fill = byId(planZoneLayers(), 'plan-zones-fill');
    expect(colorOf(fill, 'fill-color', sealed)).toBe(rgba('#c62828'));
    expect(colorOf(fill, 'fill-color', precaution)).toBe(rgba('#1e88e5'));
    const opacity = (p: Record<string, unknown>) => Number(evaluate(fill, 'paint', 'fill-opacity', p, 11));
    expect(opacity(sealed)).toBeCloseTo(0.3);
    expect(opacity(precaution)).toBeLessThan(0.1);
    expect(opacity({ ...sealed, status: 'proposed' })).toBeLessThan(opacity(sealed));
    expect(opacity({ ...sealed, status: 'lifted' })).toBeLessThan(0.05);
    expect(Number(evaluate(fill, 'paint', 'fill-opacity', sealed, 16))).toBeLessThan(opacity(sealed)); // lighter zoomed in
  });

  it('dashes the outline of a proposed zone and widens the selected one', () => {
    const line = byId(planZoneLayers(), 'plan-zones-line');
    const [p] = props(zoneMapFeatures([zone(1, { status: 'proposed' })], PROFILE, text, 1));
    expect(evaluate(line, 'paint', 'line-dasharray', p)).toEqual([2, 1.5]);
    expect(evaluate(line, 'paint', 'line-dasharray', { ...p, status: 'active' })).toEqual([1, 0]);
    expect(Number(evaluate(line, 'paint', 'line-width', p, 15))).toBeGreaterThan(Number(evaluate(line, 'paint', 'line-width', { ...p, selected: false }, 15)));
  });

  it('labels a zone with its name and kind, says when it is only proposed, and leaves lifted zones unlabelled', () => {
    const fc = zoneMapFeatures([zone(1), zone(2, { status: 'proposed', kind: 'controlled' }), zone(3, { status: 'lifted' })], PROFILE, text, null);
    const labels = Object.fromEntries(props(fc).map((p) => [p.zoneId, p.label]));
    expect(labels).toEqual({ 1: '区域1\n封控区', 2: '区域2\n管控区 · 待审定', 3: '' });
    const label = byId(planZoneLabelLayers(), 'plan-zones-label');
    expect(keeps(label, { label: '' })).toBe(false);
    expect(evaluate(label, 'layout', 'text-field', { label: 'x' })).toBeTruthy();
  });

  it('draws stricter kinds last, so a sealed compound shows above the precaution area around it', () => {
    const fc = zoneMapFeatures([zone(1), zone(2, { kind: 'precaution' }), zone(3, { kind: 'controlled' }), zone(4, { status: 'lifted' })],
      PROFILE, text, null);
    expect(props(fc).map((p) => p.zoneId)).toEqual([4, 2, 3, 1]);
  });

  it('gives proposals numeric ids for clicks, their kind colour and a dashed outline', () => {
    const fc = proposalMapFeatures([proposal('place:5', 'controlled'), proposal('building:9')], PROFILE, text, 'building:9');
    expect(fc.features.map((f) => f.id)).toEqual([1, 2]);
    expect(props(fc).map((p) => p.selected)).toEqual([false, true]);
    const line = byId(proposalLayers(), 'plan-proposals-line');
    expect(colorOf(line, 'line-color', props(fc)[0])).toBe(rgba('#ef6c00'));
    expect(evaluate(line, 'paint', 'line-dasharray', props(fc)[0])).toEqual([3, 2]);
  });

  it('puts a checkpoint at every road crossing of the impact', () => {
    const fc = crossingFeatures({ crossings: [{ lng: 114.2, lat: 36.4, roadId: 3, roadName: '滏阳路', roadClass: 'trunk' },
      { lng: 114.21, lat: 36.41, roadId: 4, roadName: null, roadClass: 'lane' }] } as never);
    expect(fc.features.map((f) => [f.geometry.coordinates, f.properties?.roadName])).toEqual([[[114.2, 36.4], '滏阳路'], [[114.21, 36.41], '']]);
    expect(crossingFeatures(null).features).toEqual([]);
  });
});
