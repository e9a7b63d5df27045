// The playback bar's model: zone figures per kind strictest first, date labels spread over the
// incident always with its first and last day, histogram bars scaled to the busiest day.
import { describe, expect, it } from 'vitest';
import { dailyCounts } from '../../domain/playback/daily-counts.ts';
import { indexPlayback } from '../../domain/playback/day-index.ts';
import { barHeights, kindFigures, labelDays, trackPosition } from '../../web/components/playback/bar-model.ts';
import { PLAYBACK } from './playback-fixtures.ts';

const counts = dailyCounts(indexPlayback(PLAYBACK));

describe('playback bar model', () => {
  it('gives the zones per kind of a day with their colour, strictest first, none left out but empties', () => {
    expect(kindFigures(counts, PLAYBACK.zones, 0, 'state')).toEqual([{ kind: 'sealed', colour: '#8b0000', count: 1 }]);
    expect(kindFigures(counts, PLAYBACK.zones, 4, 'state')).toEqual([{ kind: 'precaution', colour: '#e9c300', count: 1 }]);
    expect(kindFigures(counts, PLAYBACK.zones, 4, 'cumulative').map((f) => [f.kind, f.count])).toEqual([['sealed', 3], ['precaution', 1]]);
  });

  it('labels the first and the last day and a few between', () => {
    expect(labelDays(0)).toEqual([]);
    expect(labelDays(1)).toEqual([0]);
    expect(labelDays(3, 6)).toEqual([0, 1, 2]);
    expect(labelDays(23, 6)).toEqual([0, 4, 9, 13, 18, 22]);
    expect(trackPosition(0, 23)).toBe(0);
    expect(trackPosition(22, 23)).toBe(1);
    expect(trackPosition(0, 1)).toBe(0.5);
  });

  it('scales bars to the busiest day and keeps a small day visible', () => {
    expect(barHeights([0, 50, 100, 1])).toEqual([0, 0.5, 1, 0.06]);
    expect(barHeights([0, 0])).toEqual([0, 0]);
    expect(barHeights([])).toEqual([]);
  });
});
