// How many households each village gets: what the towns leave of the district total, shared by
// weights (plain villages and those near a town larger, hill villages smaller, a seeded spread),
// each at least 300 (one full grid) and never 501–639, which no cut into 300–500 grids fits (600–639 only barely, given
// that households come in lumps of a cell).
import type { Layout } from './layout.ts';
import { MEAN_SIZE } from './households.ts';
import { rng } from './prng.ts';

export function villageTargets(layout: Layout, urbanHouseholds: number, population: number, seed: number): number[] {
  const r = rng(seed, 'village-targets');
  const budget = Math.max(0, (population - urbanHouseholds * MEAN_SIZE.urban) / MEAN_SIZE.rural);
  const villages = layout.units.filter((u) => u.kind === 'village');
  const weight = villages.map((u) => (u.hilly ? 0.65 : 1.25) * Math.exp(r.normal(0, 0.3)));
  const out = layout.units.map(() => 0);
  let scale = budget / weight.reduce((s, w) => s + w, 0);
  for (let pass = 0; pass < 6; pass++) {
    let sum = 0;
    villages.forEach((u, k) => {
      let h = Math.round(Math.min(1800, Math.max(300, weight[k] * scale)));
      if (h > 500 && h < 640) h = h < 570 ? 500 : 640; // 600–640: room for the lumpiness of cells
      out[u.index] = h; sum += h;
    });
    scale *= budget / Math.max(1, sum);
  }
  return out;
}
