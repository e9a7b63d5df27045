// Household sizes and age bands. Rural households are larger and older than urban ones
// (shares chosen so the district comes out near 14 % / 67 % / 19 % aged 0–14 / 15–64 / 65+);
// the sizes are then nudged one person at a time until the district total hits its target.
import type { Rng } from './prng.ts';

/** P(size = 1…6). Means ≈ 3.03 (rural) and 2.71 (urban). */
const SIZE_RURAL = [0.12, 0.3, 0.22, 0.2, 0.11, 0.05];
const SIZE_URBAN = [0.15, 0.32, 0.3, 0.15, 0.06, 0.02];
/** P(child, working age, elderly) per member. */
const BAND_RURAL = [0.13, 0.62, 0.25];
const BAND_URBAN = [0.15, 0.71, 0.14];

export const MEAN_SIZE = {
  rural: SIZE_RURAL.reduce((s, p, i) => s + p * (i + 1), 0),
  urban: SIZE_URBAN.reduce((s, p, i) => s + p * (i + 1), 0),
};

export interface Household { residents: number; bands: [number, number, number] }

export function drawHousehold(r: Rng, rural: boolean): Household {
  const size = r.weighted(rural ? SIZE_RURAL : SIZE_URBAN) + 1;
  const bands: [number, number, number] = [0, 0, 0];
  if (size === 1) bands[r.chance(rural ? 0.5 : 0.35) ? 2 : 1] = 1;
  else {
    for (let k = 0; k < size; k++) bands[r.weighted(rural ? BAND_RURAL : BAND_URBAN)]++;
    if (bands[1] + bands[2] === 0) { bands[0]--; bands[1]++; } // someone must be an adult
  }
  return { residents: size, bands };
}

/** Adds or removes one person at a time in random households until the sum equals `target`. */
export function hitTotal(list: Household[], target: number, r: Rng): void {
  let sum = list.reduce((s, h) => s + h.residents, 0);
  for (let guard = 0; sum !== target && guard < 10 * Math.abs(target - sum) + 1000; guard++) {
    const h = list[r.int(0, list.length - 1)];
    if (sum < target && h.residents < 8) {
      h.bands[r.chance(0.25) ? 0 : 1]++; h.residents++; sum++;
    } else if (sum > target && h.residents > 1) {
      const band = h.bands[1] > 1 ? 1 : h.bands[0] > 0 ? 0 : h.bands[2] > 1 ? 2 : null;
      if (band === null) continue;
      h.bands[band]--; h.residents--; sum--;
    }
  }
}
