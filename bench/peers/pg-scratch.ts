// A scratch PostgreSQL database for a bench's peer (PostGIS, pgRouting): the Debian package
// installed when missing, the test cluster started (scripts/pg-test-up.sh), the database made
// afresh with its extension as the postgres superuser, and dropped again on `drop()`. Each bench
// names its own database, so two benches never drop each other's.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { aptInstall } from './debian.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const asPostgres = (sql: string, db = 'postgres') =>
  execFileSync('su', ['postgres', '-c', `psql -v ON_ERROR_STOP=1 -qtA -d ${db} -c "${sql}"`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

export interface Scratch { client: pg.Client; drop(): Promise<void> }

/** e.g. openScratch('shouwang_bench_dbscan', 'postgresql-15-postgis-3', 'create extension postgis'). */
export async function openScratch(database: string, debianPackage: string, createExtension: string): Promise<Scratch> {
  try { execFileSync('dpkg', ['-s', debianPackage], { stdio: 'ignore' }); } catch { aptInstall(debianPackage); }
  execFileSync('bash', [`${HERE}../../scripts/pg-test-up.sh`], { stdio: 'ignore' });
  asPostgres(`drop database if exists ${database}`);
  asPostgres(`create database ${database} owner shouwang_test`);
  asPostgres(createExtension, database);
  const client = new pg.Client({ connectionString: `postgres://shouwang_test:shouwang_test@127.0.0.1:5432/${database}` });
  await client.connect();
  return {
    client,
    async drop() {
      await client.end();
      asPostgres(`drop database if exists ${database}`);
    },
  };
}
