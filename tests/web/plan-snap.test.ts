// Snapping a new corner to buildings and compounds: the nearest corner within 10 px wins over
// a nearer edge; an edge is used when no corner is near; nothing beyond the tolerance.
import { describe, expect, it } from 'vitest';
import { closestOnSegment, nearestSnap } from '../../web/map/snap.ts';
import { roundRing } from '../../web/map/snap-rendered.ts';

const building = [{ x: 100, y: 100 }, { x: 140, y: 100 }, { x: 140, y: 130 }, { x: 100, y: 130 }, { x: 100, y: 100 }];

describe('snapping', () => {
  it('snaps to a corner within the tolerance, even when an edge is closer', () => {
    const hit = nearestSnap({ x: 107, y: 102 }, [building]);
    expect(hit).toMatchObject({ kind: 'vertex', point: { x: 100, y: 100 } });
  });

  it('snaps to the nearest point of an edge when no corner is near', () => {
    expect(nearestSnap({ x: 120, y: 104 }, [building])).toMatchObject({ kind: 'edge', point: { x: 120, y: 100 }, distancePx: 4 });
  });

  it('leaves the pointer alone beyond the tolerance, and with nothing rendered', () => {
    expect(nearestSnap({ x: 120, y: 115 }, [building])).toBeNull();
    expect(nearestSnap({ x: 120, y: 115 }, [building], 20)).not.toBeNull();
    expect(nearestSnap({ x: 0, y: 0 }, [])).toBeNull();
  });

  it('picks the closest corner among several buildings', () => {
    const other = building.map((p) => ({ x: p.x + 45, y: p.y }));
    expect(nearestSnap({ x: 143, y: 101 }, [building, other])?.point).toEqual({ x: 145, y: 100 });
  });

  it('clamps the closest point to the segment', () => {
    expect(closestOnSegment({ x: -5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toEqual({ x: 0, y: 0 });
    expect(closestOnSegment({ x: 4, y: 3 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('rounds a stored ring to what terra-draw accepts (8 decimals, ~1 mm)', () => {
    expect(roundRing([[114.16802924137932, 36.400885577889451], [114.1, 36.4]])).toEqual([[114.16802924, 36.40088558], [114.1, 36.4]]);
  });
});
