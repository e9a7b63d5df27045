// The field view's own layers: the team's areas (a light fill under everything, a strong outline
// over the zones) and the team's tasks. Pure layer specs; ids are part of the browser-test contract.
import type { ExpressionSpecification } from 'maplibre-gl';
import { FONT, haloText, zoomRamp, type SlottedLayer } from './style-kit.ts';

export const TEAM_AREA_COLOR = '#0b57d0';
export const TASK_COLORS = { open: '#0b57d0', inProgress: '#e8710a', overdue: '#c5221f' } as const;

export function teamAreaLayers(source = 'team-areas'): SlottedLayer[] {
  return [
    { slot: 'boundaries', spec: { id: 'team-areas-fill', type: 'fill', source,
      paint: { 'fill-color': TEAM_AREA_COLOR, 'fill-opacity': 0.07 } } },
    // Outline in the zones slot, drawn after the zones, so a sealed area's red never hides it.
    { slot: 'zones', spec: { id: 'team-areas-line', type: 'line', source,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': TEAM_AREA_COLOR, 'line-width': zoomRamp([[11, 2.5], [16, 4]]), 'line-opacity': 0.9 } } },
  ];
}

export function teamAreaLabelLayers(source = 'team-areas-labels'): SlottedLayer[] {
  return [{ slot: 'labels', spec: { id: 'team-areas-label', type: 'symbol', source,
    layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 15, 'text-max-width': 8 },
    paint: haloText(TEAM_AREA_COLOR, 2) } }];
}

/** Overdue beats status: it is what a field member must see first. */
const taskColor: ExpressionSpecification = ['case', ['boolean', ['get', 'overdue'], false], TASK_COLORS.overdue,
  ['==', ['get', 'status'], 'inProgress'], TASK_COLORS.inProgress, TASK_COLORS.open];
const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const selected: ExpressionSpecification = ['boolean', ['get', 'selected'], false];

export function taskLayers(source = 'tasks'): SlottedLayer[] {
  return [
    { slot: 'points', spec: { id: 'tasks-fill', type: 'fill', source, filter: isPolygon,
      paint: { 'fill-color': taskColor, 'fill-opacity': 0.18 } } },
    { slot: 'points', spec: { id: 'tasks-line', type: 'line', source, filter: isPolygon,
      paint: { 'line-color': taskColor, 'line-width': ['case', selected, 4, 2.5], 'line-dasharray': [2, 1] } } },
    // A target (◎): a ring around a dot, so a task never looks like a case's plain dot. Big
    // enough for a thumb: 15–19 px plus the 6 px tolerance of MapPopup.
    { slot: 'points', spec: { id: 'tasks-ring', type: 'circle', source, filter: isPoint,
      paint: { 'circle-radius': ['case', selected, 19, 15], 'circle-color': '#ffffff', 'circle-opacity': 0.85,
        'circle-stroke-color': ['case', selected, '#202124', taskColor], 'circle-stroke-width': ['case', selected, 4, 3] } } },
    { slot: 'points', spec: { id: 'tasks-circle', type: 'circle', source, filter: isPoint,
      paint: { 'circle-color': taskColor, 'circle-radius': ['case', selected, 9, 7] } } },
    { slot: 'points', spec: { id: 'tasks-label', type: 'symbol', source, minzoom: 13,
      layout: { 'text-field': ['get', 'title'], 'text-font': [FONT], 'text-size': 14, 'text-offset': [0, 1.3],
        'text-anchor': 'top', 'text-max-width': 9, 'text-optional': true },
      paint: haloText('#202124', 2) } },
  ];
}

/** Task shapes a tap opens, before the layers under them. */
export const TASK_INTERACTIVE_LAYERS = ['tasks-circle', 'tasks-ring', 'tasks-fill'] as const;
