// The server/DB suite runs on SQLite and on a real PostgreSQL server; without the server it
// fails loudly rather than skip half of itself.
import pg from 'pg';

export default async function setup(): Promise<void> {
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
}
