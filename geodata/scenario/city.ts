// The 'city' scale: the demo district plus a benchmark set of 1,000,000 further tracked persons
// (≈ 12 % cases), clustered on the same settlements as the demo outbreak (大社镇 and the 8 管控
// sites weigh most), produced lazily so memory stays flat. No contacts or loop steps for them.
import { TOWNSHIPS } from '../design.ts';
import { toLngLat } from '../frame.ts';
import { IdRegistry, makeIdentity } from '../people/identity.ts';
import { rng } from '../prng.ts';
import { lazy } from '../rows/lazy.ts';
import type { SeedRow } from '../types.ts';
import type { World } from '../world.ts';
import { addDays, HOUR, localTime, ms, SCENARIO_NOW } from '../facilities/common.ts';
import { FIRST_REPORT_DAY } from './cases.ts';
import { CONTROLLED, SEALED_TOWNSHIP } from './facts.ts';
import type { Homes } from './homes.ts';

export const CITY_EXTRA_PERSONS = 1_000_000;
const CASE_SHARE = 0.12;
const DAYS = 97; // 05-27 … 08-31
const NOW = ms(SCENARIO_NOW);

export function cityPersons(w: World, homes: Homes, demo: readonly SeedRow<'persons'>[], seed: number, extra = CITY_EXTRA_PERSONS): Iterable<SeedRow<'persons'>> {
  const sealed = TOWNSHIPS.findIndex((t) => t.name === SEALED_TOWNSHIP);
  const hot = new Set(CONTROLLED.map((c) => c.name));
  const weights = w.layout.units.map((u) => homes.byUnit[u.index].length * (u.town === sealed ? 12 : hot.has(u.name) ? 8 : 1));
  const cumulative = new Float64Array(weights.length);
  weights.reduce((s, x, i) => (cumulative[i] = s + x), 0);
  return lazy(function* () {
    yield* demo;
    const r = rng(seed, 'city-persons'), ids = new IdRegistry(500, 999), total = cumulative[cumulative.length - 1];
    // day tables: date strings from 4 days before the first report, and local midnights
    const dates = Array.from({ length: DAYS + 4 }, (_, k) => addDays(FIRST_REPORT_DAY, k - 4));
    const midnight = dates.map((d) => localTime(d, 0));
    for (let i = 0; i < extra; i++) {
      let lo = 0, hi = cumulative.length - 1;
      const x = r.float(0, total);
      while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid] < x) lo = mid + 1; else hi = mid; }
      const list = homes.byUnit[lo], home = list[r.int(0, list.length - 1)];
      const isCase = r.chance(CASE_SHARE);
      // triangular epidemic curve over the 97 days, peaking in mid-June
      const day = Math.min(DAYS - 1, Math.floor(DAYS * (r.chance(0.4) ? 0.2 * Math.sqrt(r.next()) : 0.2 + 0.8 * (1 - Math.sqrt(r.next())))));
      const hour = r.int(8, 21), minute = r.int(0, 59), date = dates[day + 4], at = midnight[day + 4] + hour * HOUR + minute * 60_000;
      const bands = w.households[home].bands, band = r.weighted(bands.map((b) => Math.max(b, 0.01)));
      const id = makeIdentity(r, ids, band === 0 ? r.int(1, 14) : band === 1 ? r.int(18, 64) : r.int(65, 91), date);
      const category = isCase ? (r.chance(0.6) ? 'confirmed' : r.chance(0.88) ? 'asymptomatic' : 'suspected')
        : r.chance(0.7) ? 'closeContact' : r.chance(0.75) ? 'secondaryContact' : 'atRiskTraveller';
      const sampleDay = day + 4 - (r.chance(0.35) ? 0 : 1), sample = isCase ? dates[sampleDay] : null;
      // local 08:00–21:59 is 00:00–13:59 UTC on the same date
      const ageDays = (NOW - at) / (24 * HOUR), validFrom = `${date}T${String(hour - 8).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
      yield {
        id: demo.length + i + 1, incident_id: 1, category, name: id.name, id_number: id.idNumber, phone: id.phone, sex: id.sex, age: id.age,
        home_address_point_id: home + 1, home_address: homes.address(home),
        status: ageDays > 28 ? 'closed' : ageDays > 14 ? 'released' : 'active',
        onset_date: isCase && category !== 'asymptomatic' ? dates[Math.max(0, sampleDay - r.int(0, 3))] : null, sample_date: sample, report_date: isCase ? date : null,
        created_at: validFrom, updated_at: validFrom, valid_from: validFrom, valid_to: null, synthetic: 1,
        geometry: { type: 'Point', coordinates: toLngLat(homes.x[home], homes.y[home]) },
      } satisfies SeedRow<'persons'>;
    }
  });
}
