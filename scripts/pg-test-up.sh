#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 cluster and makes the test role and database.
# Prints the connection URL to export as SHOUWANG_TEST_PG_URL.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_ctlcluster 15 main start 2>/dev/null || pg_ctlcluster 15 main status >/dev/null
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
as_pg() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
[ "$(as_pg "select 1 from pg_roles where rolname='shouwang_test'")" = 1 ] ||
  as_pg "create role shouwang_test login password 'shouwang_test' createdb"
[ "$(as_pg "select 1 from pg_database where datname='shouwang_test'")" = 1 ] ||
  as_pg "create database shouwang_test owner shouwang_test"
echo "postgres://shouwang_test:shouwang_test@127.0.0.1:5432/shouwang_test"
