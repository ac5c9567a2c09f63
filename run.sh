#!/usr/bin/env bash
# Runs XrayTriage on this machine: installs missing Debian packages, builds, and — unless
# ConnectionStrings__Triage is given — brings up a private PostgreSQL under .data/postgres on a free
# loopback port, applies migrations and runs `xraytriage serve` with the shipped models.
# Ctrl-C or SIGTERM stops the service, then the private PostgreSQL. A second run reuses the cluster.
# Extra arguments go to `serve`, e.g. ./run.sh --Dicom:Port=104
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
source scripts/lib.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
# The JPEG-LS and JPEG 2000 decoders are Debian's CharLS and OpenJPEG.
ensure_packages libcharls2 libopenjp2-7
if [ -z "${ConnectionStrings__Triage:-}" ]; then
  ensure_packages postgresql-15
fi

echo "== building"
dotnet build src/XrayTriage.Host -c Release -nologo -v quiet -clp:ErrorsOnly
XRAYTRIAGE=(dotnet "$ROOT/src/XrayTriage.Host/bin/Release/net10.0/xraytriage.dll")

PGDIR=$ROOT/.data/postgres
pg_started=0
stop_postgres() {
  if [ "$pg_started" = 1 ]; then
    echo "== stopping the private PostgreSQL"
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null || true
    pg_started=0
  fi
}

start_private_postgres() {
  mkdir -p "$PGDIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PGDIR"
    runuser -u postgres -- test -x "$PGDIR" || {
      echo "The postgres user cannot reach $PGDIR (a parent folder is private). Move the checkout or set ConnectionStrings__Triage." >&2
      exit 1
    }
  fi
  chmod 700 "$PGDIR"
  if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    echo "== creating a private PostgreSQL cluster in .data/postgres"
    local password
    password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
    (umask 077 && printf '%s' "$password" >"$PGDIR/xraytriage.password")
    as_postgres mkdir -p "$PGDIR/run"
    # Sockets in a private folder may use peer/trust; TCP on loopback needs the password.
    as_postgres "$PG_BIN/initdb" -D "$PGDIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log"
    pg_new=1
  fi
  PGPORT=$(free_port 54320)
  echo "== starting the private PostgreSQL on 127.0.0.1:$PGPORT"
  # setsid: Ctrl-C in this terminal must reach the service first; PostgreSQL is stopped after it.
  as_postgres setsid "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$PGPORT -c unix_socket_directories=$PGDIR/run" >/dev/null
  pg_started=1
  if [ "${pg_new:-0}" = 1 ]; then
    as_postgres psql -h "$PGDIR/run" -p "$PGPORT" -U postgres -q -v ON_ERROR_STOP=1 \
      -v pw="$(cat "$PGDIR/xraytriage.password")" <<'SQL'
CREATE ROLE xraytriage LOGIN PASSWORD :'pw';
CREATE DATABASE xraytriage OWNER xraytriage;
SQL
  fi
  export ConnectionStrings__Triage="Host=127.0.0.1;Port=$PGPORT;Database=xraytriage;Username=xraytriage;Password=$(cat "$PGDIR/xraytriage.password")"
}

if [ -z "${ConnectionStrings__Triage:-}" ]; then
  if [ "$(id -u)" -ne 0 ] && [ -d "$PGDIR/data" ] && [ "$(stat -c %U "$PGDIR/data")" != "$(id -un)" ]; then
    echo "$PGDIR belongs to $(stat -c %U "$PGDIR/data"); run ./run.sh as that user (or root)." >&2
    exit 1
  fi
  if [ -f "$PGDIR/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    echo "The private PostgreSQL in .data/postgres is already running (another ./run.sh?). Stop that first." >&2
    exit 1
  fi
  trap stop_postgres EXIT
  start_private_postgres
fi

echo "== applying migrations"
"${XRAYTRIAGE[@]}" migrate

echo "== starting xraytriage serve (Ctrl-C to stop)"
export Dicom__SpoolPath="${Dicom__SpoolPath:-$ROOT/.data/spool}"
"${XRAYTRIAGE[@]}" serve "$@" &
serve_pid=$!
forward() { kill -TERM "$serve_pid" 2>/dev/null || true; }
trap forward INT TERM
status=0
wait "$serve_pid" || status=$?
# wait returns early when a trapped signal arrives; wait again for the service to finish draining.
while kill -0 "$serve_pid" 2>/dev/null; do
  wait "$serve_pid" || status=$?
done
trap - INT TERM
stop_postgres
exit "$status"
