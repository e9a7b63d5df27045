// Oracles of domain-rules.md §4 (gcoord 1.0.7).
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../domain/sheets/crs.ts';

describe('sheet coordinates to WGS-84', () => {
  it('GCJ-02 (114.209936, 36.420487), the DataV district seat → WGS-84 (114.203873, 36.420368) ± 1e-6°', () => {
    const [lng, lat] = toWgs84(114.209936, 36.420487, 'GCJ02');
    expect(Math.abs(lng - 114.203873)).toBeLessThan(1e-6);
    expect(Math.abs(lat - 36.420368)).toBeLessThan(1e-6);
  });

  it('BD-09 of the WGS-84 point (114.2224500, 36.4267027) comes back to (114.209936, 36.420487) within 1e-6°', () => {
    const [lng, lat] = toWgs84(114.22245, 36.4267027, 'BD09');
    expect(Math.abs(lng - 114.209936)).toBeLessThan(1e-6);
    expect(Math.abs(lat - 36.420487)).toBeLessThan(1e-6);
  });

  it('leaves WGS-84 and points outside China unchanged', () => {
    expect(toWgs84(114.2, 36.4, 'WGS84')).toEqual([114.2, 36.4]);
    expect(toWgs84(2.35, 48.85, 'GCJ02')).toEqual([2.35, 48.85]);
  });
});
