#!/usr/bin/env bash
# npm test: unit tests (domain, server on SQLite and PostgreSQL, web, geodata), then the browser
# suite. When SHOUWANG_TEST_PG_URL is unset and this machine can start its PostgreSQL, start it
# (scripts/pg-test-up.sh) and say so; otherwise the suite stops with how to set the variable.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SHOUWANG_TEST_PG_URL:-}" ] && command -v pg_ctlcluster >/dev/null && [ "$(id -u)" = 0 ]; then
  if url="$(bash scripts/pg-test-up.sh 2>/dev/null | tail -n 1)"; then
    echo "SHOUWANG_TEST_PG_URL was unset: started the local PostgreSQL and using $url"
    export SHOUWANG_TEST_PG_URL="$url"
  fi
fi
npm run -s test:unit
npm run -s test:e2e
