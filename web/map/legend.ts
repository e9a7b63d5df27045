// Legend entries per toggleable layer, from the same colour tables as the style. Labels are
// i18n keys; the layer panel translates them.
import type { LayerId } from '../../domain/layers.ts';
import {
  BASE_COLORS, CASE_COLORS, CHECKPOINT_COLORS, CONTACT_COLORS, OCCUPANCY_STOPS, RESOURCE_COLORS,
  TESTING_SITE_COLORS, ZONE_COLORS,
} from './palette.ts';

export type LegendShape = 'circle' | 'fill' | 'line';
export interface LegendEntry {
  key: string;
  color: string;
  shape: LegendShape;
}

const entries = (table: Record<string, string>, prefix: string, shape: LegendShape,
  only?: ReadonlySet<string>): LegendEntry[] =>
  Object.entries(table)
    .filter(([k]) => !only || only.has(k))
    .map(([k, color]) => ({ key: `${prefix}.${k}`, color, shape }));

const OCCUPANCY_KEYS = ['occupancyLow', 'occupancyHigh', 'occupancyNearFull', 'occupancyFull'];

/**
 * The legend of one layer. For zones, whose kinds depend on the rule profile, pass the kinds
 * present in the data; with none, the 封控/管控/防范 set is shown.
 */
export function legendFor(layer: LayerId, zoneKinds?: ReadonlySet<string>): LegendEntry[] {
  switch (layer) {
    case 'zones': {
      const kinds = zoneKinds && zoneKinds.size > 0 ? zoneKinds : new Set(['sealed', 'controlled', 'precaution']);
      return entries(ZONE_COLORS, 'zoneKind', 'fill', kinds);
    }
    case 'cases': return entries(CASE_COLORS, 'category', 'circle');
    case 'contacts': return entries(CONTACT_COLORS, 'category', 'circle');
    case 'checkpoints': return entries(CHECKPOINT_COLORS, 'checkpointKind', 'circle');
    case 'quarantine-sites':
      return OCCUPANCY_STOPS.map(([, color], i) => ({ key: `legend.${OCCUPANCY_KEYS[i]}`, color, shape: 'circle' }));
    case 'testing-sites': return entries(TESTING_SITE_COLORS, 'testingSiteKind', 'circle');
    case 'resources': return entries(RESOURCE_COLORS, 'resourceKind', 'circle');
    case 'buildings': return [{ key: 'legend.building', color: BASE_COLORS.buildingOutline, shape: 'fill' }];
    case 'places': return [{ key: 'legend.place', color: BASE_COLORS.place, shape: 'circle' }];
    case 'grids': return [{ key: 'legend.gridBoundary', color: BASE_COLORS.boundary, shape: 'line' }];
    default: return [];
  }
}
