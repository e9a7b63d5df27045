// The server/DB suite runs on SQLite and on a real PostgreSQL server; without the server it
// fails loudly rather than skip half of itself. The setup also opens the run's PII record
// (tests/support/pii-scan.ts) and the teardown scans every recorded response (reliability.md P1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { assertClean, scanDir } from './pii-scan.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const url = process.env.SHOUWANG_TEST_PG_URL;
  if (!url) {
    throw new Error(
      'SHOUWANG_TEST_PG_URL is not set. The DB tests run on PostgreSQL too. Start the local server and set it:\n' +
      '  export SHOUWANG_TEST_PG_URL=$(npm run -s pg:test-up)\n' +
      '(scripts/pg-test-up.sh starts PostgreSQL 15 and creates the shouwang_test role and database; .ci/run does this.)',
    );
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at SHOUWANG_TEST_PG_URL (${(err as Error).message}); run npm run pg:test-up`);
  } finally {
    await client.end().catch(() => {});
  }

  const piiDir = mkdtempSync(join(tmpdir(), 'shouwang-pii-'));
  project.provide('piiDir', piiDir);
  return () => {
    const result = scanDir(piiDir);
    rmSync(piiDir, { recursive: true, force: true });
    console.log(`PII scan (P1): ${result.scanned} responses scanned, ${result.exempt} reveal answers exempt, ${result.hits.length} clear ID/phone numbers`);
    // A teardown error is only logged by Vitest; the exit code is what CI sees.
    if (result.hits.length) process.exitCode = 1;
    assertClean(result);
  };
}
