// proposeZones (domain/zones/propose.ts) timed on the demo district and on the city-scale set:
// the call alone, inputs built beforehand, median of RUNS. Targets from issue 4: demo ≤ 200 ms,
// 10,000 cases ≤ 2 s. No open-source outbreak tool proposes zones to compare with (SORMAS,
// Go.Data and DHIS2 keep cases and contacts, not control zones; peers.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, endOfShanghaiDay } from '../domain/zones/calendar.ts';
import type { ProfileParams } from '../domain/zones/profile.ts';
import { proposeZones } from '../domain/zones/propose.ts';
import type { ProposalInput } from '../domain/zones/propose-types.ts';
import { horizonDays } from '../domain/zones/propose-window.ts';
import { generateDemo } from '../geodata/generate.ts';
import { openDatabase, type Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';
import { listProfiles } from '../server/db/profiles.ts';
import { loadRows } from '../server/db/seed.ts';
import { proposalInput } from '../server/db/zone-proposal-input.ts';
import { ms, summarise, type Row } from './harness.ts';
import { cityExposuresAndUnits, sampleCityCases } from './proposals-city.ts';

const RUNS = 7;
const SEED = 20220607;
const PROFILES = ['cn-2021-community', 'cn-2022-20measures'] as const;

function timeIt(input: ProposalInput): { p50: number; zones: number } {
  const samples: number[] = [];
  let zones = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    zones = proposeZones(input).length;
    samples.push(performance.now() - t0);
  }
  return { p50: summarise(samples).p50, zones };
}

const row = (figure: string, r: { p50: number; zones: number }, target: string): Row => ({
  figure: `${figure} → ${r.zones.toLocaleString()} zones`, ours: `p50 ${ms(r.p50)}`, target,
  peer: 'SORMAS / Go.Data / DHIS2', peerValue: 'no zone proposals', ratio: '',
});

async function profileParams(db: Db): Promise<Record<string, ProfileParams>> {
  const all = await listProfiles(db);
  return Object.fromEntries(PROFILES.map((key) => [key, all.filter((p) => p.summary.key === key).at(-1)!.params]));
}

export async function benchProposals(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-proposals-'));
  const db = openDatabase({ file: join(dir, 'demo.sqlite') });
  try {
    await migrateToLatest(db.kysely as never);
    await loadRows(db, generateDemo({ seed: SEED, scale: 'demo' }));
    const params = await profileParams(db), rows: Row[] = [];
    // the demo as POST /zones/proposals sees it at the end of 2022-06-07, the day of the notice (§3.4)
    for (const key of PROFILES) {
      const input = await proposalInput(db, 1, params[key], '2022-06-07', endOfShanghaiDay('2022-06-07'));
      rows.push(row(`proposals, demo (${input.cases.length} cases, ${input.exposures.length} exposures), ${key}, 2022-06-07`, timeIt(input), '≤ 200 ms'));
    }
    // city scale: n cases reported within the profile's horizon before the scenario's today
    const skip = Number((await db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const city = generateDemo({ seed: SEED, scale: 'city' }), today = '2022-06-18';
    for (const [n, key] of [[1_000, PROFILES[0]], [10_000, PROFILES[0]], [10_000, PROFILES[1]]] as const) {
      const { cases, homes } = sampleCityCases(city, skip, n, addDays(today, -horizonDays(params[key])), today);
      const input = { params: params[key], today, cases, ...(await cityExposuresAndUnits(db, cases, homes)) };
      rows.push(row(`proposals, city set (${cases.length.toLocaleString()} cases, homes only), ${key}, ${today}`, timeIt(input), n === 10_000 ? '≤ 2 s' : ''));
    }
    return rows;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
