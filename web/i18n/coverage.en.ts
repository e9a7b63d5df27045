// English: /plan's coverage mode, merged in as `plan.coverage` (plan.en.ts). Same keys as coverage.zh-CN.ts.
export default {
  intro: 'Travel time over the road network from each home to the nearest facility: green is the service area (darker is closer), red circles are residents outside it (larger: more people). Click the map for the route to the nearest facility.',
  facility: 'Facility', mode: 'Travel', minutes: 'Time', minutesValue: '{n} min', avoidSealed: 'Avoid sealed zones',
  avoidSealedHint: 'Routes may not cross a sealed zone (the profile’s strictest zone kind)',
  facilities: { testingSites: 'Sampling points', quarantineSites: 'Quarantine sites', feverClinics: 'Fever clinics', supplyPoints: 'Supply points' },
  modes: { walk: 'Walk', drive: 'Drive' },
  modeWord: { walk: 'walking', drive: 'driving' },
  facilityOne: { testingSites: 'sampling point', quarantineSites: 'quarantine site', feverClinics: 'fever clinic', supplyPoints: 'supply point' },
  loading: 'Computing…', failed: 'Could not compute: {message}',
  summary: {
    heading: 'Coverage', explain: 'Share of residents who can reach a {facility} within {minutes} min {mode}; the rest need a new site or door-to-door service.',
    share: 'Covered', uncovered: 'Residents not covered', insideSealed: 'In sealed zones', insideSealedHint: 'Served at the door; not counted as uncovered',
    residents: 'Residents', cols: { uncovered: 'Not covered', insideSealed: 'In sealed' }, facilities: '{n} {facility}', township: 'Township', village: 'Village', back: 'Back to townships',
    villagesOf: 'Villages of {name}', people: '{n}', fit: 'Click a name to show it on the map',
  },
  capacity: {
    heading: 'Capacity vs need', explain: 'Resources present against what the population needs by the profile’s standards; red is short and needs more.',
    area: 'Area', samplingPoints: 'Sampling pts', samplers: 'Samplers needed', testHours: 'One round', rooms: 'Quarantine rooms',
    needRange: 'need {min}–{max}', need: 'need {n}', hours: '{n} h', noSite: 'none', target: 'target ≤{n} h', free: '{n} free',
    forecast: 'Close-contact forecast', forecastLine: '{cases} cases in 7 days × {perCase} contacts each ≈ {forecast}; {free} quarantine rooms free',
    forecastShort: 'about {n} rooms short', sources: 'Rules', level: { district: 'District', township: 'Township', zone: 'Zone' },
  },
  placement: {
    heading: 'Where to add sites', explain: 'Among public buildings, squares, schools and village clinics, the places that bring the most uncovered residents within {minutes} min, best first.',
    k: 'New sites', run: 'Suggest', running: 'Computing…', added: '+{n}', after: '{share} covered after',
    before: 'Covered now: {covered} ({share}); {candidates} candidates', empty: 'No candidate adds coverage',
    kinds: { publicBuilding: 'Public building', square: 'Square', school: 'School', clinic: 'Village clinic' },
  },
  checkpoints: {
    heading: 'Checkpoint suggestions', explain: 'Where a road crosses an active zone’s boundary with no active checkpoint within 50 m: set one up there.',
    count: '{n} suggested; {covered} crossings already staffed', none: 'Every crossing has a checkpoint', unnamed: 'Unnamed road', more: '{n} more',
  },
  route: {
    hint: 'Click anywhere on the map for the {mode} route to the nearest {facility}', result: '{mode} {minutes} min · {distance}', to: 'to {name}',
    meters: '{n} m', km: '{n} km', clear: 'Clear route', pending: 'Finding the route…', failed: 'Route failed: {message}',
    reasons: { no_road_near_start: 'No road within 300 m of the start', no_road_near_end: 'No road near the facility', unreachable: 'Unreachable (a sealed zone may block it)' },
  },
  legend: {
    heading: 'Coverage', band: 'within {n} min', uncovered: 'Residents outside', uncoveredSize: 'larger circle, more people', offNetwork: 'Facility far from roads', sealedFacility: 'Facility in a sealed zone',
    pick: 'Suggested new site', checkpoint: 'Suggested checkpoint', route: 'Route',
  },
};
