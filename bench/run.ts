// npm run bench: installs the peers it needs from Debian (GDAL), runs every benchmark and
// prints one table. Never part of npm test.
import { execSync } from 'node:child_process';
import { benchBbox, benchDemoBbox } from './bbox.ts';
import { benchCoverage } from './coverage.ts';
import { benchDbscan } from './dbscan.ts';
import { benchDisplayClusters } from './display-clusters.ts';
import { benchDissolve } from './dissolve.ts';
import { benchGeocode } from './geocode.ts';
import { printTable, type Row } from './harness.ts';
import { benchImpact } from './impact.ts';
import { benchImport } from './import.ts';
import { benchLiveFanout } from './live-fanout.ts';
import { benchProposals } from './proposals.ts';
import { benchScan } from './scan.ts';
import { benchSeed } from './seed.ts';
import { benchWallLoad } from './wall-load.ts';

function ensurePeers(): void {
  try { execSync('command -v ogr2ogr', { stdio: 'ignore' }); return; } catch { /* install below */ }
  try {
    console.log('installing the peer tool gdal-bin (ogr2ogr) from Debian…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdal-bin', { stdio: 'ignore' });
  } catch {
    console.log('could not install gdal-bin; the seed peer column will say so');
  }
}

ensurePeers();
const rows: Row[] = [];
rows.push(...(await benchSeed()));
rows.push(...(await benchDemoBbox()));
rows.push(...(await benchBbox()));
rows.push(...(await benchDissolve()));
rows.push(...(await benchProposals()));
rows.push(...(await benchImpact()));
rows.push(...(await benchImport()));
rows.push(...(await benchGeocode()));
rows.push(...(await benchLiveFanout()));
rows.push(...(await benchWallLoad()));
rows.push(...(await benchDbscan()));
rows.push(...(await benchScan()));
rows.push(...(await benchDisplayClusters()));
rows.push(...(await benchCoverage()));
printTable(rows);
