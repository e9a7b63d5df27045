// English. Same keys as zh-CN.ts, checked by the type below and by tests/web/i18n.test.ts.
import type zhCN from './zh-CN.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  app: {
    title: 'Shouwang',
    subtitle: 'Public-health emergency command map',
    district: 'Fengfeng Mining District (demo)',
    language: 'Language',
    layers: 'Layers',
    showLayers: 'Show layer panel',
    hideLayers: 'Hide layer panel',
    operational: 'Response layers',
    base: 'Base map',
    loading: 'Loading…',
    retry: 'Retry',
    loadFailed: '{layer} failed to load: {message}',
    attribution: 'Demo data: synthetic geography (shaped on public facts about Fengfeng), not a survey',
    count: '{n}',
  },
  locale: { 'zh-CN': '中文', en: 'English' },
  layers: {
    district: 'District boundary', townships: 'Townships', villages: 'Villages & communities', grids: 'Grids',
    landuse: 'Land use', waterways: 'Waterways', roads: 'Roads', buildings: 'Buildings', places: 'Places',
    'address-points': 'Address points', cases: 'Cases', contacts: 'Contacts', checkpoints: 'Checkpoints',
    'quarantine-sites': 'Quarantine sites', 'testing-sites': 'Testing sites', resources: 'Resources', zones: 'Control zones',
  },
  legend: {
    occupancyLow: 'Occupancy < 70%', occupancyHigh: 'Occupancy 70–90%', occupancyNearFull: 'Occupancy 90–100%',
    occupancyFull: 'Full', building: 'Building', place: 'Compounds, schools, markets…', gridBoundary: 'Grid boundary',
  },
  category: {
    confirmed: 'Confirmed case', asymptomatic: 'Asymptomatic infection', suspected: 'Suspected case',
    closeContact: 'Close contact', secondaryContact: 'Secondary contact', atRiskTraveller: 'At-risk traveller',
  },
  personStatus: { active: 'Under management', released: 'Released', closed: 'Loop closed' },
  sex: { male: 'Male', female: 'Female' },
  zoneKind: { sealed: 'Sealed area', controlled: 'Controlled area', precaution: 'Precaution area', high: 'High-risk area', medium: 'Medium-risk area', low: 'Low-risk area' },
  zoneStatus: { draft: 'Draft', proposed: 'Proposed', active: 'Active', downgraded: 'Downgraded', lifted: 'Lifted' },
  facilityStatus: { active: 'Active', standby: 'Standby', closed: 'Closed', open: 'Open' },
  checkpointKind: { districtBoundary: 'District boundary', trunkRoad: 'Trunk road', expresswayExit: 'Expressway exit', compoundGate: 'Compound gate' },
  testingSiteKind: { fixed: 'Fixed site', convenience: 'Convenience site', mobile: 'Mobile site', allDay: '24-hour site' },
  resourceKind: { supplyDepot: 'Supply depot', transferVehicle: 'Transfer vehicle', feverClinic: 'Fever clinic' },
  placeKind: {
    compound: 'Residential compound', naturalVillage: 'Natural village', workplace: 'Workplace', school: 'School',
    market: 'Market', clinic: 'Clinic', publicBuilding: 'Public building', square: 'Square',
  },
  placeSubkind: { enterprise: 'Enterprise', mineShaft: 'Mine shaft', canteen: 'Canteen', bathhouse: 'Bath-house', dormitory: 'Dormitory' },
  buildingKind: { midrise: 'Mid-rise housing', courtyard: 'Courtyard houses', public: 'Public building', industrial: 'Industrial building' },
  field: {
    id: 'ID', code: 'Statistical code', layer: 'Layer', name: 'Name', category: 'Category', status: 'Status', onsetDate: 'Onset date',
    sampleDate: 'Sample date', reportDate: 'Report date', age: 'Age', sex: 'Sex', homeAddress: 'Home address', kind: 'Type',
    roadName: 'Road', shifts: 'Shifts', staff: 'Staff', throughputPerDay: 'Throughput', address: 'Address',
    occupancy: 'Rooms occupied', capacityPerHour: 'Sampling capacity', openingHours: 'Opening hours', capacity: 'Capacity',
    floors: 'Floors', units: 'Units', households: 'Households', residents: 'Residents', population: 'Population',
    version: 'Version', lastInfectionAt: 'Last infection', downgradeOn: 'Downgrade due', liftOn: 'Lift due', subkind: 'Subtype',
  },
  mapUi: {
    zoomIn: 'Zoom in', zoomOut: 'Zoom out', toggleAttribution: 'About the data', close: 'Close', map: 'Map',
    meters: 'm', kilometers: 'km',
  },
  unit: { years: '{n} y', perDay: '{n} per day', perHour: '{n} per hour', people: '{n} people' },
  error: {
    network: 'Cannot reach the server; check the network',
    badResponse: 'The server sent data that could not be read',
    tooManyPages: 'Too much data; loading stopped',
    generic: 'Request failed ({status})',
  },
};

export default en;
