#!/usr/bin/env bash
# Starts the local PostgreSQL (Debian's cluster, 15/main here) for the feedback store's integration tests, creates
# (idempotently) the role movierec and the database movierec_test it owns, and prints the JDBC URL on stdout:
#   jdbc:postgresql://127.0.0.1:5432/movierec_test?user=movierec&password=movierec
# Installs the postgresql package with apt-get when it is missing. Runs as root (CI does); progress goes to stderr.
# Usage: MOVIEREC_POSTGRES_URL=$(scripts/postgres.sh)
set -euo pipefail

role=movierec password=movierec database=movierec_test
say() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  say "installing the postgresql package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# The first cluster pg_lsclusters lists; create main for the newest installed version when there is none.
read -r version cluster port status _ < <(pg_lsclusters -h | head -1) || true
if [[ -z ${version:-} ]]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -1) cluster=main
  say "creating cluster $version/$cluster"
  pg_createcluster "$version" "$cluster" >&2
  read -r version cluster port status _ < <(pg_lsclusters -h | head -1)
fi

if [[ $status != online* ]]; then
  say "starting cluster $version/$cluster on port $port"
  # Another caller may start it at the same moment: a failure here is judged by pg_isready below.
  pg_ctlcluster "$version" "$cluster" start >&2 || say "pg_ctlcluster start returned $? (checking whether it runs)"
fi
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || {
  say "PostgreSQL $version/$cluster does not accept connections on 127.0.0.1:$port after 30 s; see /var/log/postgresql/"
  exit 1
}

psql_admin() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $port $*" >&2; }
psql_admin -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN PASSWORD '$password';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $database OWNER $role' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$database')
\gexec
SQL

echo "jdbc:postgresql://127.0.0.1:$port/$database?user=$role&password=$password"
