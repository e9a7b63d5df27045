import { describe, expect, it } from 'vitest';
import { TASK_COLORS, TEAM_AREA_COLOR, taskLayers, teamAreaLabelLayers, teamAreaLayers } from '../../web/map/field-styles.ts';
import { colorOf, evaluate, keeps, rgba, validate } from './style-eval.ts';

const layer = (id: string) => [...taskLayers(), ...teamAreaLayers()].find((l) => l.spec.id === id)!.spec;

describe('field view layer specs', () => {
  it('is a valid MapLibre style with the ids the browser test queries', () => {
    const all = [...teamAreaLayers(), ...teamAreaLabelLayers(), ...taskLayers()];
    expect(validate(all)).toEqual([]);
    expect(all.map((l) => l.spec.id)).toEqual(expect.arrayContaining(['team-areas-line', 'team-areas-fill', 'tasks-circle']));
  });

  it('outlines the team areas above the zones and fills them lightly below', () => {
    const [fill, line] = teamAreaLayers();
    expect(fill.slot).toBe('boundaries');
    expect(line.slot).toBe('zones');
    expect(colorOf(line.spec, 'line-color', {})).toBe(rgba(TEAM_AREA_COLOR));
    expect(evaluate(fill.spec, 'paint', 'fill-opacity')).toBeLessThan(0.15);
  });

  it('colours tasks by status with overdue first, and enlarges the selected one', () => {
    const circle = layer('tasks-circle');
    expect(colorOf(circle, 'circle-color', { status: 'open', overdue: false })).toBe(rgba(TASK_COLORS.open));
    expect(colorOf(circle, 'circle-color', { status: 'inProgress', overdue: false })).toBe(rgba(TASK_COLORS.inProgress));
    expect(colorOf(circle, 'circle-color', { status: 'inProgress', overdue: true })).toBe(rgba(TASK_COLORS.overdue));
    const ring = layer('tasks-ring');
    expect(colorOf(ring, 'circle-stroke-color', { status: 'open', overdue: true })).toBe(rgba(TASK_COLORS.overdue));
    expect(evaluate(ring, 'paint', 'circle-radius', { selected: true })).toBeGreaterThan(
      evaluate(ring, 'paint', 'circle-radius', { selected: false }) as number);
    expect(evaluate(ring, 'paint', 'circle-radius', {})).toBeGreaterThanOrEqual(15); // thumb-sized
  });

  it('draws point tasks as circles and polygon tasks as shapes', () => {
    expect(keeps(layer('tasks-circle'), {}, 'Point')).toBe(true);
    expect(keeps(layer('tasks-circle'), {}, 'Polygon')).toBe(false);
    expect(keeps(layer('tasks-fill'), {}, 'Polygon')).toBe(true);
    expect(keeps(layer('tasks-fill'), {}, 'Point')).toBe(false);
  });
});
