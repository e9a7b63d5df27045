import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dbscan, EARTH_RADIUS_METERS } from '../../../domain/clusters/dbscan.ts';

// Labels scikit-learn gave for the same 2,000 points (10 km square at Fengfeng, 70 % in 12 clusters):
// sklearn.cluster.DBSCAN(eps = eps_m / R, min_samples, metric='haversine', algorithm='ball_tree').
// The command that made the fixture is its first field (and at the top of the script beside it).
interface Run { epsMeters: number; minPoints: number; labels: number[]; core: number[] }
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/dbscan/sklearn-labels.json', import.meta.url), 'utf8')) as
  { command: string; sklearn: string; earthRadiusMeters: number; points: [number, number][]; runs: Run[] };
const lng = fixture.points.map((p) => p[0]), lat = fixture.points.map((p) => p[1]);
const haversineMeters = (a: number, b: number) => {
  const rad = Math.PI / 180, dPhi = (lat[a] - lat[b]) * rad, dLambda = (lng[a] - lng[b]) * rad;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(lat[a] * rad) * Math.cos(lat[b] * rad) * Math.sin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
};

describe('dbscan agrees with scikit-learn (haversine, ball_tree)', () => {
  it('uses the same Earth radius as the fixture', () => {
    expect(fixture.command).toContain('make-sklearn-fixture.py');
    expect(fixture.earthRadiusMeters).toBe(EARTH_RADIUS_METERS);
  });

  // Exact equality, cluster ids included. Border points are not ambiguous here: both assign a
  // border point to the lowest-numbered cluster that reaches it (sklearn expands one cluster fully
  // before it starts the next), so no tolerance is needed.
  for (const run of fixture.runs) {
    it(`gives sklearn ${fixture.sklearn}'s labels at eps ${run.epsMeters} m, minPoints ${run.minPoints}`, () => {
      const ours = dbscan(lng, lat, { epsMeters: run.epsMeters, minPoints: run.minPoints });
      expect(Array.from(ours)).toEqual(run.labels);
    });
  }

  it('includes border points that two clusters reach (the ordering rule is exercised)', () => {
    const run = fixture.runs.find((r) => r.minPoints === 5)!;
    let contested = 0;
    for (let i = 0; i < lng.length; i++) {
      if (run.core[i] || run.labels[i] < 0) continue;
      const reaching = new Set<number>();
      for (let j = 0; j < lng.length; j++) if (run.core[j] && haversineMeters(i, j) <= run.epsMeters) reaching.add(run.labels[j]);
      if (reaching.size > 1) { contested++; expect(run.labels[i]).toBe(Math.min(...reaching)); }
    }
    expect(contested).toBeGreaterThan(0);
  });
});
