// A road file's class, from our own `class` property (domain/layers.ts ROAD_CLASSES) or an
// OpenStreetMap `highway` value. OSM's values follow the wiki's Key:highway table
// (https://wiki.openstreetmap.org/wiki/Key:highway, "Roads" and "Paths"); China's OSM community
// tags 高速公路 motorway, 国道 trunk, 省道 primary, 县道 secondary, 乡道 tertiary
// (https://wiki.openstreetmap.org/wiki/China/Road_classification), which is the order of
// ROAD_CLASSES. The `_link` ramps take their road's class. Anything else (a platform, a road
// under construction, a typo) is refused by name, not guessed.
import { ROAD_CLASSES, type RoadClass } from '../layers.ts';

const OSM_HIGHWAY: Record<string, RoadClass> = {
  motorway: 'expressway', motorway_link: 'expressway',
  trunk: 'trunk', trunk_link: 'trunk',
  primary: 'primary', primary_link: 'primary',
  secondary: 'secondary', secondary_link: 'secondary',
  tertiary: 'tertiary', tertiary_link: 'tertiary',
  residential: 'residential', unclassified: 'residential', living_street: 'residential', road: 'residential',
  // Ways a resident walks (and a service road a car may use): the routing speeds treat lanes as slow.
  service: 'lane', track: 'lane', path: 'lane', footway: 'lane', pedestrian: 'lane', cycleway: 'lane',
  steps: 'lane', bridleway: 'lane',
};

export type ClassOf = { ok: true; roadClass: RoadClass } | { ok: false; code: 'missing_class' | 'unknown_class'; value: string | null };

/** The class of a feature's properties: `class` first (ours, or an OSM value), then `highway`. */
export function roadClassOf(props: Record<string, unknown>): ClassOf {
  const raw = props.class ?? props.highway;
  if (raw === undefined || raw === null || raw === '') return { ok: false, code: 'missing_class', value: null };
  if (typeof raw !== 'string') return { ok: false, code: 'unknown_class', value: JSON.stringify(raw).slice(0, 40) };
  const key = raw.trim().toLowerCase();
  if ((ROAD_CLASSES as readonly string[]).includes(key)) return { ok: true, roadClass: key as RoadClass };
  const osm = OSM_HIGHWAY[key];
  return osm ? { ok: true, roadClass: osm } : { ok: false, code: 'unknown_class', value: raw.slice(0, 40) };
}

export type OnewayOf = { ok: true; oneway: boolean; reversed: boolean } | { ok: false; value: string };

/** OSM `oneway` (https://wiki.openstreetmap.org/wiki/Key:oneway): yes/true/1 follow the line,
 * -1/reverse run against it (the line is reversed so the stored direction is the traffic's);
 * reversible and alternating change direction during the day, so either way may be driven. */
export function onewayOf(value: unknown): OnewayOf {
  if (value === undefined || value === null || value === false || value === 0) return { ok: true, oneway: false, reversed: false };
  if (value === true || value === 1) return { ok: true, oneway: true, reversed: false };
  if (value === -1) return { ok: true, oneway: true, reversed: true };
  const v = typeof value === 'string' ? value.trim().toLowerCase() : null;
  if (v === null) return { ok: false, value: JSON.stringify(value).slice(0, 40) };
  if (['yes', 'true', '1'].includes(v)) return { ok: true, oneway: true, reversed: false };
  if (['-1', 'reverse'].includes(v)) return { ok: true, oneway: true, reversed: true };
  if (['', 'no', 'false', '0', 'reversible', 'alternating'].includes(v)) return { ok: true, oneway: false, reversed: false };
  return { ok: false, value: value as string };
}
