// The synthetic demo district: `generateDemo({ seed, scale })` returns one iterable of seed rows
// per table (types.ts). Deterministic: everything derives from `seed` through named PRNG streams
// (prng.ts); no Math.random, no clock. See README.md for provenance and sizes.
import type { Polygon } from 'geojson';
import { TOWNSHIPS } from './design.ts';
import { checkpointRows, type GateSite } from './facilities/checkpoints.ts';
import { SCENARIO_NOW } from './facilities/common.ts';
import { incidentRows, profileRows } from './facilities/profiles.ts';
import { quarantineSites } from './facilities/quarantine.ts';
import { resourceRows } from './facilities/resources.ts';
import { teamRows } from './facilities/teams.ts';
import { testingSiteRows } from './facilities/testing-sites.ts';
import { adminRows } from './rows/admin.ts';
import { landuseRows, roadRows, waterwayRows } from './rows/base.ts';
import { builtRows } from './rows/built.ts';
import { cityPersons } from './scenario/city.ts';
import { CONTROLLED, SEALED_TOWNSHIP } from './scenario/facts.ts';
import { buildScenario } from './scenario/scenario.ts';
import { zoneRows } from './scenario/zones.ts';
import { syndromicRows } from './syndromic.ts';
import type { DemoData, GenerateOptions } from './types.ts';
import { buildWorld } from './world.ts';

export const GENERATOR_VERSION = 1;

export function generateDemo(opts: GenerateOptions): DemoData {
  const { seed } = opts, world = buildWorld(seed), { layout } = world;
  const admin = adminRows(world), built = builtRows(world, admin.ids), roads = roadRows(world);
  const unitRows = admin.units.filter((u) => u.level === 'village');
  const unitPop = layout.units.map((u) => unitRows.find((r) => r.id === admin.ids.unitId[u.index])!.population);
  const townPop = TOWNSHIPS.map((_, k) => admin.units.find((u) => u.id === admin.ids.townshipId[k])!.population);
  const busyTown = TOWNSHIPS.findIndex((t) => t.name === SEALED_TOWNSHIP);
  const profiles = profileRows(), teams = teamRows(layout.units, admin.ids, busyTown);
  const quarantine = quarantineSites(world.landmarks.filter((l) => l.use === 'hotel'), admin.units[0].population, seed);
  const scenario = buildScenario(world, quarantine, teams.index, seed);
  const place = (name: string) => world.built.places.find((p) => p.name === name);
  const gates: GateSite[] = CONTROLLED.flatMap((c) => {
    const p = c.kind === 'village' ? world.built.places.find((x) => x.kind === 'naturalVillage' && x.name === c.name.replace(/村$/, '')) : place(c.name);
    const at = p?.gate ?? p?.point;
    return at ? [{ name: c.name, at, village: c.kind === 'village' }] : [];
  });
  const placeRow = (name: string) => built.places.find((p) => p.name === name && p.kind === 'compound');
  const zones = zoneRows(world, {
    district: admin.units[0].geometry,
    township: (name) => admin.units.find((u) => u.name === name && u.level === 'township')!.geometry,
    village: (name) => unitRows.find((u) => u.name === name)?.geometry,
    compound: (name) => placeRow(name)?.geometry as Polygon | undefined,
    cases: scenario.persons.flatMap((p, i) => (p.caseDraft ? [{ id: i + 1, group: p.caseDraft.group, reportAt: p.caseDraft.reportAt }] : [])),
  });
  return {
    meta: [
      { key: 'demo.seed', value: String(seed) }, { key: 'demo.scale', value: opts.scale },
      { key: 'demo.generator_version', value: String(GENERATOR_VERSION) }, { key: 'demo.scenario_now', value: SCENARIO_NOW },
      { key: 'demo.attribution', value: '合成演示数据：真实乡镇名称与代码，几何与人口为合成（synthetic demo district; geometry and people are synthetic）' },
    ],
    admin_units: admin.units,
    grids: admin.grids,
    places: built.places,
    buildings: built.buildings,
    address_points: built.addressPoints,
    households: built.households,
    roads,
    landuse: landuseRows(world),
    waterways: waterwayRows(world),
    rule_profiles: profiles,
    incidents: incidentRows(profiles[0].id),
    teams: teams.teams,
    team_areas: teams.areas,
    checkpoints: checkpointRows(roads, admin.units[0].geometry as Polygon, gates, seed),
    quarantine_sites: quarantine.sites,
    quarantine_rooms: scenario.rooms,
    testing_sites: testingSiteRows(world, unitPop, seed),
    resources: resourceRows(world.landmarks, townPop, busyTown, seed),
    persons: opts.scale === 'city' ? cityPersons(world, scenario.homes, scenario.personRows, seed) : scenario.personRows,
    contact_links: scenario.links,
    exposures: scenario.exposures,
    loop_steps: scenario.steps,
    control_zones: zones.zones,
    control_zone_versions: zones.versions,
    syndromic_counts: syndromicRows(layout.units, admin.ids.unitId, unitPop, seed),
  };
}
