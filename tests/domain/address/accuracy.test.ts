// Top-1 accuracy on 300 messy addresses made from the demo (tests/fixtures/address-labelled.json,
// written by bench/address-fixture.ts; the noises and their rates are in bench/address-noise.ts),
// against the slice of the demo gazetteer stored with them. The benchmark (bench/geocode.ts)
// holds the full district to ≥ 95 % (≈ 99 % measured); this spec asks 97 % of the slice (100 %
// measured; without fuzzy matching it falls to 96 %), so it fails on a real regression — and it holds the line on what matters most for an
// import: a wrong place must not be accepted without review.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, geocode } from '../../../domain/address/geocode.ts';
import { REVIEW_BELOW, type AddressParts, type GazetteerInput } from '../../../domain/address/types.ts';

type P = [number, number];
interface Row { text: string; noises: string[]; addressPointId: number; buildingId: number | null; level: 'point' | 'building' }
interface Fixture {
  units: [number, string, 'district' | 'township' | 'village', number | null, number, number][];
  places: [number, string, string, number, number, number][];
  buildings: [number, number | null, number, string, number, number][];
  addressPoints: [number, number | null, number, AddressParts, number, number][];
  rows: Row[];
}

const fx = JSON.parse(readFileSync(new URL('../../fixtures/address-labelled.json', import.meta.url), 'utf8')) as Fixture;
const input: GazetteerInput = {
  units: fx.units.map(([id, name, level, parentId, lng, lat]) => ({ id, name, level, parentId, point: [lng, lat] as P })),
  places: fx.places.map(([id, kind, name, adminUnitId, lng, lat]) => ({ id, kind, name, adminUnitId, point: [lng, lat] as P })),
  buildings: fx.buildings.map(([id, placeId, adminUnitId, name, lng, lat]) => ({ id, placeId, adminUnitId, name, point: [lng, lat] as P })),
  addressPoints: fx.addressPoints.map(([id, buildingId, adminUnitId, parts, lng, lat]) => ({ id, buildingId, adminUnitId, parts, point: [lng, lat] as P })),
};
const gaz = buildGazetteer(input);
const results = fx.rows.map((row) => {
  const best = geocode(gaz, row.text).best;
  const correct = row.level === 'point' ? best?.addressPointId === row.addressPointId : best?.buildingId === row.buildingId;
  return { row, best, correct, accepted: (best?.confidence ?? 0) >= REVIEW_BELOW };
});
const share = (n: number) => n / results.length;

describe('geocoding accuracy on the labelled demo addresses', () => {
  it('has the 300 rows and the noises the generator documents', () => {
    expect(fx.rows).toHaveLength(300);
    const noises = new Set(fx.rows.flatMap((r) => r.noises));
    for (const n of ['prefix', 'noTown', 'suffix', 'typo', 'dash', 'fullWidth', 'spaces', 'natural', 'buildingOnly', 'trailing']) {
      expect(noises).toContain(n);
    }
  });

  it('puts at least 97 % of the rows on the labelled flat, door or building', () => {
    const wrong = results.filter((r) => !r.correct).map((r) => `${r.row.text} → ${r.best?.label ?? 'nothing'}`);
    expect(share(results.length - wrong.length), wrong.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('finds at least 90 % of the rows with a one-character typo (fuzzy matching at work)', () => {
    const typos = results.filter((r) => r.row.noises.includes('typo'));
    expect(typos.length).toBeGreaterThan(15);
    expect(typos.filter((r) => r.correct).length / typos.length).toBeGreaterThanOrEqual(0.9);
  });

  it('accepts a wrong place without review for at most 1 % of the rows', () => {
    const wrongAccepted = results.filter((r) => r.accepted && !r.correct).map((r) => `${r.row.text} → ${r.best!.label}`);
    expect(share(wrongAccepted.length), wrongAccepted.join('\n')).toBeLessThanOrEqual(0.01);
  });

  it('accepts the rows without a typo at room or door level with full confidence when nothing is missing', () => {
    const clean = results.filter((r) => r.row.noises.length === 0 && r.row.level === 'point');
    expect(clean.length).toBeGreaterThan(10);
    for (const r of clean) expect(r.best, r.row.text).toMatchObject({ addressPointId: r.row.addressPointId, confidence: 1 });
  });
});
