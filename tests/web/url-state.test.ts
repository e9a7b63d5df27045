import { describe, expect, it } from 'vitest';
import { decodeMapUrl, encodeMapUrl } from '../../web/stores/url-state.ts';
import { TOGGLEABLE_LAYERS } from '../../web/stores/layers.ts';

describe('map URL state', () => {
  it('reads centre, zoom and layers', () => {
    expect(decodeMapUrl('?c=114.2039,36.4204&z=11.5&l=cases,checkpoints,zones', TOGGLEABLE_LAYERS)).toEqual({
      center: [114.2039, 36.4204], zoom: 11.5, layers: ['zones', 'cases', 'checkpoints'],
    });
  });

  it('writes the same shape, with literal commas and rounded numbers', () => {
    expect(encodeMapUrl({ center: [114.203912345, 36.42041234], zoom: 11.54321, layers: ['cases', 'zones'] }))
      .toBe('?c=114.20391,36.42041&z=11.54&l=cases,zones');
  });

  it('round-trips', () => {
    const state = { center: [114.1, 36.5] as [number, number], zoom: 14, layers: [...TOGGLEABLE_LAYERS] };
    expect(decodeMapUrl(encodeMapUrl(state), TOGGLEABLE_LAYERS)).toEqual(state);
  });

  it('keeps other query parameters', () => {
    expect(encodeMapUrl({ center: [1, 2], zoom: 3, layers: [] }, '?e2e=1&z=9')).toBe('?e2e=1&z=3&c=1,2&l=');
  });

  it('drops invalid values and unknown layers instead of guessing', () => {
    expect(decodeMapUrl('?c=abc,36&z=99&l=cases,nope', TOGGLEABLE_LAYERS)).toEqual({ layers: ['cases'] });
    expect(decodeMapUrl('?c=114.2&z=', TOGGLEABLE_LAYERS)).toEqual({});
    expect(decodeMapUrl('?c=200,36', TOGGLEABLE_LAYERS)).toEqual({});
  });

  it('distinguishes "no layers" (l=) from "defaults" (no l)', () => {
    expect(decodeMapUrl('?l=', TOGGLEABLE_LAYERS)).toEqual({ layers: [] });
    expect(decodeMapUrl('', TOGGLEABLE_LAYERS)).toEqual({});
  });
});
