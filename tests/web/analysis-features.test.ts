// The analysis layers' GeoJSON from GET /analysis/latest: Gi* cells without the 'none' class,
// strongest drawn last; each ST-DBSCAN cluster as its hull plus a label point on its centroid;
// each scan cluster from the recurrence threshold up as its circle plus a label point on top;
// figures rounded for display, and never a member id (the wall draws these features too).
import { describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import {
  analysisFeatures, northernmost, recurrenceAtLeast, SCAN_MIN_RECURRENCE_DAYS,
} from '../../web/map/analysis-features.ts';
import { analysisLatest, EMPTY_LATEST, ring } from './analysis-fixtures.ts';

const areas = <T extends { geometry: { type: string } }>(fs: T[]) => fs.filter((f) => f.geometry.type !== 'Point');
const labels = <T extends { geometry: { type: string } }>(fs: T[]) => fs.filter((f) => f.geometry.type === 'Point');

describe('analysis features', () => {
  it('are empty before the first run and before the first answer', () => {
    for (const latest of [null, EMPTY_LATEST]) {
      const fc = analysisFeatures(latest);
      expect([fc.hotspots.features, fc.stClusters.features, fc.scan.features]).toEqual([[], [], []]);
    }
  });

  it('draw the significant Gi* cells only, strongest last, with their figures', () => {
    const { hotspots } = analysisFeatures(analysisLatest());
    expect(hotspots.features.map((f) => f.properties?.class)).toEqual(['cold90', 'hot90', 'cold95', 'hot95', 'cold99', 'hot99']);
    const hot99 = hotspots.features.at(-1)!;
    expect(hot99.id).toBe(100);
    expect(hot99.properties).toEqual({ kind: 'hotspot', gridId: 100, count: 12, z: 3.4, p: 0.0004, class: 'hot99', hot: true });
    expect(hotspots.features[0].properties).toMatchObject({ class: 'cold90', hot: false, z: -2.1 });
  });

  it('draw each ST-DBSCAN cluster as its hull and a label point on its centroid, growing when last 7 days > previous 7', () => {
    const { stClusters } = analysisFeatures(analysisLatest());
    expect(areas(stClusters.features).map((f) => f.id)).toEqual([1, 2]);
    const [first, second] = labels(stClusters.features);
    expect((first.geometry as Point).coordinates).toEqual([114.205, 36.425]);
    expect(first.properties).toEqual({ kind: 'stCluster', clusterId: 1, count: 14, firstDay: '2022-05-27', lastDay: '2022-05-30',
      last7: 14, prev7: 0, growing: true, label: true });
    expect(second.properties).toMatchObject({ count: 3, growing: false });
  });

  it(`draw scan clusters with a recurrence interval ≥ ${SCAN_MIN_RECURRENCE_DAYS} days, the most likely on top, labelled on the circle's top`, () => {
    const { scan } = analysisFeatures(analysisLatest());
    expect(areas(scan.features).map((f) => f.id)).toEqual([2, 1]); // rank 3 (RI 2.5 days) is chance
    const top = labels(scan.features).find((f) => f.properties?.rank === 1)!;
    expect((top.geometry as Point).coordinates[1]).toBeCloseTo(36.425 + 0.012, 9);
    expect(top.properties).toEqual({ kind: 'scan', rank: 1, status: 'new', observed: 14, expected: 2.3, relativeRisk: 6.5, pValue: 0.001,
      recurrenceDays: 1000, riAtLeast: 365, startDay: '2022-05-27', endDay: '2022-05-30', villages: 2, radiusMeters: 1234, label: true });
    expect(labels(scan.features).find((f) => f.properties?.rank === 2)?.properties).toMatchObject({ status: 'ongoing', riAtLeast: 100, recurrenceDays: 167 });
  });

  it('say "RI ≥ step" with the alert rule’s steps', () => {
    expect([1000, 365, 364.9, 100, 99.5, 20].map(recurrenceAtLeast)).toEqual([365, 365, 100, 100, 99, 20]);
    expect(northernmost(ring(0, 0, 1))).toEqual([expect.closeTo(0, 9), 1]);
    expect(northernmost({ type: 'Polygon', coordinates: [] })).toBeNull();
  });

  it('carry ids and figures only, never the member (person) ids', () => {
    const fc = analysisFeatures(analysisLatest());
    const text = JSON.stringify([fc.hotspots, fc.stClusters, fc.scan].map((c) => c.features.map((f) => f.properties)));
    expect(text).not.toMatch(/member|name|person/i);
  });
});
