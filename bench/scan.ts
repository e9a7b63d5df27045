// The prospective space-time permutation scan (domain/scan, issue 7 item 7): 999 replications
// over a year of daily data for 200 villages, target ≤ 10 s here, median of RUNS.
// Data: 200 synthetic villages uniform in a 20 km square around the district seat, sizes varying
// ×10 (lognormal); 3,200 cases over 365 days — about the district's load of notifiable
// infectious diseases (46万 residents × roughly 700 per 100,000 a year, classes A–C, China's
// national figure of recent pre-COVID years) — with a weekly rhythm (weekends 60 %), a winter
// season, and 30 extra cases in 4 neighbouring villages over the last 7 days so there is a cluster.
// Peer: SaTScan, the reference implementation, is a closed binary that does not run here (no
// Linux build in Debian, no network install), so no peer figure. Beside ours: a plain
// implementation of the same statistic (tests/domain/scan/plain-scan.ts: full count matrix, every
// cylinder summed cell by cell) timed for PLAIN_REPLICATIONS and extrapolated to 999 — what the
// precomputed expected counts and suffix sums buy — and whether both find the same cluster.
// Beside each wall time, the process's CPU time: on a shared machine under `nice` the wall time
// mostly measures the neighbours; CPU time is what the scan costs (it is single-threaded).
import { loadavg } from 'node:os';
import { haversineMeters } from '../domain/scan/cylinders.ts';
import { SCAN_DEFAULTS, spaceTimePermutationScan, type ScanInput, type ScanResult } from '../domain/scan/space-time-permutation.ts';
import { seededRandom } from '../domain/stats/prng.ts';
import { plainScan } from '../tests/domain/scan/plain-scan.ts';
import { ms, ratio, summarise, type Row } from './harness.ts';

const RUNS = 3;
const VILLAGES = 200;
const DAYS = 365;
const CASES = 3200;
const PLAIN_REPLICATIONS = 2;
/** The district seat, 114.2039 E 36.4204 N (geodata/design.ts). */
const SEAT: [number, number] = [114.2039, 36.4204];

export function scanBenchInput(seed = 20220607): ScanInput {
  const rnd = seededRandom(seed);
  const half: [number, number] = [10_000 / (111_320 * Math.cos((SEAT[1] * Math.PI) / 180)), 10_000 / 110_950];
  const locations = Array.from({ length: VILLAGES }, (_, i) => ({ id: i + 1, lng: SEAT[0] + (rnd() * 2 - 1) * half[0], lat: SEAT[1] + (rnd() * 2 - 1) * half[1] }));
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const weight = locations.map(() => Math.exp(0.6 * gauss())); // 5th–95th percentile ≈ ×0.37–×2.7
  const dayWeight = Array.from({ length: DAYS }, (_, d) => (d % 7 >= 5 ? 0.6 : 1) * (1 + 0.4 * Math.cos((2 * Math.PI * (d - 20)) / DAYS)));
  const cum = (w: number[]) => { let s = 0; return w.map((x) => (s += x)); };
  const draw = (c: number[]) => { const r = rnd() * c[c.length - 1]; let lo = 0; while (c[lo] <= r) lo++; return lo; };
  const cl = cum(weight), cd = cum(dayWeight);
  const cases = Array.from({ length: CASES - 30 }, () => ({ location: draw(cl), day: draw(cd) }));
  const near = locations.map((l, j) => [haversineMeters(locations[0].lng, locations[0].lat, l.lng, l.lat), j]).sort((a, b) => a[0] - b[0]).slice(0, 4).map(([, j]) => j);
  for (let k = 0; k < 30; k++) cases.push({ location: near[k % 4], day: DAYS - 7 + (k % 7) });
  return { locations, days: DAYS, cases };
}

export async function benchScan(): Promise<Row[]> {
  const input = scanBenchInput();
  const params = { ...SCAN_DEFAULTS, replications: 999 };
  spaceTimePermutationScan(input, { ...params, replications: 9 }); // JIT warm-up
  const samples: number[] = [], cpuSamples: number[] = [];
  let result: ScanResult | null = null;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now(), c0 = process.cpuUsage();
    result = spaceTimePermutationScan(input, params);
    samples.push(performance.now() - t0);
    cpuSamples.push(cpuMs(c0));
  }
  const oursMs = summarise(samples).p50, oursCpuMs = summarise(cpuSamples).p50;
  const top = result!.clusters[0];
  const t0 = performance.now(), c0 = process.cpuUsage();
  const plain = plainScan(input, params, PLAIN_REPLICATIONS);
  const scale = (params.replications + 1) / (PLAIN_REPLICATIONS + 1);
  const plainMs = (performance.now() - t0) * scale, plainCpuMs = cpuMs(c0) * scale;
  const same = plain.best.centre === top.centre && plain.best.observed === top.observed && Math.abs(plain.best.llr - top.llr) < 1e-9;
  const figure = `space-time permutation scan, ${VILLAGES} villages × ${DAYS} days, ${CASES.toLocaleString()} cases, 999 replications (median of ${RUNS}; load ${loadavg()[0].toFixed(1)})`;
  return [
    { figure, ours: `${ms(oursMs)} (CPU ${ms(oursCpuMs)}); top cluster ${top.locations.length} villages, ${top.endDay - top.startDay + 1} d, ${top.observed} obs / ${top.expected.toFixed(1)} exp, LLR ${top.llr.toFixed(2)}, p ${top.pValue}`,
      target: '≤ 10 s', peer: 'SaTScan', peerValue: 'none runnable here (closed binary)', ratio: '' },
    { figure: '', ours: '', target: '', peer: `plain implementation, ${PLAIN_REPLICATIONS} replications extrapolated to 999`,
      peerValue: `${ms(plainMs)} (CPU ${ms(plainCpuMs)}); ${same ? 'same most likely cluster' : `DIFFERENT cluster (LLR ${plain.best.llr.toFixed(2)})`}`, ratio: `${ratio(oursCpuMs, plainCpuMs)} (CPU)` },
  ];
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
}

// `npx tsx bench/scan.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchScan());
}
