// Coverage and routing (issue 8 item 7), three measurements, each beside its target and the peers
// measured in the same run:
// 1. straight-line coverage, 100,000 points × 50 sites within 1 km (target ≤ 40 ms) and
//    1,000,000 × 200: withinRadius beside cKDTree, BallTree, PostGIS KNN, Turf (coverage-radius.ts);
// 2. 15-minute walking service areas of every demo testing site (target ≤ 2 s), beside
//    pgRouting's pgr_drivingDistance for the search (coverage-demo.ts);
// 3. placement of 10 new sites on the demo: reachSets + greedyPlacement (coverage-demo.ts).
// Alone: `nice -n 10 npx tsx bench/coverage.ts`. Never part of npm test.
import { benchCoverageDemo } from './coverage-demo.ts';
import { benchCoverageRadius } from './coverage-radius.ts';
import type { Row } from './harness.ts';

export async function benchCoverage(): Promise<Row[]> {
  return [...(await benchCoverageRadius()), ...(await benchCoverageDemo())];
}

// `npx tsx bench/coverage.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchCoverage());
}
