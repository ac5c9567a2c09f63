#!/usr/bin/env bash
# Runs XrayTriage on this machine: installs missing Debian packages, builds, and — unless
# ConnectionStrings__Triage is given — brings up a private PostgreSQL under .data/postgres on a free
# loopback port, applies migrations and runs `xraytriage serve` with the shipped models.
# Ctrl-C or SIGTERM stops the service, then the private PostgreSQL. A second run reuses the cluster.
#   ./run.sh [--demo] [SERVE ARGS]   the service; the first run creates the account `admin` and prints its password
#                                    once (kept in .data/admin.password until changed); --demo also sends the sample
#                                    films of ../shared/dicom-samples and prints where to look
#   ./run.sh VERB [ARGS]             any xraytriage verb against the private database (started for the verb, or
#                                    the running service's), e.g. ./run.sh user add alice --role radiologist
# Extra serve arguments, e.g. ./run.sh --Dicom:Port=104
set -euo pipefail
CALLER_PWD=$PWD
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
mkdir -p .data
dotnet build src/XrayTriage.Host -c Release -nologo -v quiet -clp:ErrorsOnly </dev/null >.data/build.log || { cat .data/build.log >&2; exit 1; }
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

mode=serve demo=0
case "${1:-}" in
  --demo) demo=1; shift ;;
  -*|"") ;;
  *) mode=verb ;;
esac

reuse_running_postgres() {
  # The running service's cluster: postmaster.pid's fourth line is its port.
  PGPORT=$(sed -n 4p "$PGDIR/data/postmaster.pid")
  export ConnectionStrings__Triage="Host=127.0.0.1;Port=$PGPORT;Database=xraytriage;Username=xraytriage;Password=$(cat "$PGDIR/xraytriage.password")"
}

if [ -z "${ConnectionStrings__Triage:-}" ]; then
  if [ "$(id -u)" -ne 0 ] && [ -d "$PGDIR/data" ] && [ "$(stat -c %U "$PGDIR/data")" != "$(id -un)" ]; then
    echo "$PGDIR belongs to $(stat -c %U "$PGDIR/data"); run ./run.sh as that user (or root)." >&2
    exit 1
  fi
  if [ -f "$PGDIR/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    if [ "$mode" = serve ]; then
      echo "The private PostgreSQL in .data/postgres is already running (another ./run.sh?). Stop that first." >&2
      exit 1
    fi
    reuse_running_postgres
  else
    trap stop_postgres EXIT
    start_private_postgres </dev/null
  fi
fi

if [ "$mode" = verb ]; then
  if [ "$1" != migrate ]; then
    migrated=$("${XRAYTRIAGE[@]}" migrate </dev/null 2>&1) || { echo "$migrated" >&2; exit 1; }
  fi
  status=0
  (cd "$CALLER_PWD" && "${XRAYTRIAGE[@]}" "$@") || status=$?
  if [ "$1" = user ] && [ -f .data/admin.password ]; then
    # The initial password is kept only until it no longer signs in (e.g. after `user password admin`).
    kept=$("${XRAYTRIAGE[@]}" user init-admin --password-file "$ROOT/.data/admin.password" </dev/null 2>&1 || true)
    if [[ $kept == *removed* ]]; then echo "$kept"; fi
  fi
  stop_postgres
  exit "$status"
fi

echo "== applying migrations"
"${XRAYTRIAGE[@]}" migrate </dev/null

echo "== starting xraytriage serve (Ctrl-C to stop)"
export Dicom__SpoolPath="${Dicom__SpoolPath:-$ROOT/.data/spool}"
"${XRAYTRIAGE[@]}" serve "$@" &
serve_pid=$!
forward() { kill -TERM "$serve_pid" 2>/dev/null || true; }
trap forward INT TERM
read -r web_host web_port dicom_port < <(service_addresses "$@")
if wait_ready "$web_host" "$web_port" "$serve_pid"; then
  "${XRAYTRIAGE[@]}" user init-admin --password-file "$ROOT/.data/admin.password" </dev/null || true
  echo "== XrayTriage is ready: worklist http://$web_host:$web_port (sign in as admin), DICOM any AE title at 127.0.0.1:$dicom_port"
  echo "   send films: ./run.sh send 127.0.0.1 $dicom_port FILE|FOLDER…   classify one: ./run.sh classify FILE   Ctrl-C stops"
  if [ "$demo" = 1 ]; then
    "${XRAYTRIAGE[@]}" demo "$ROOT/../shared/dicom-samples" --dicom-port "$dicom_port" --web "http://$web_host:$web_port" \
      --password-file "$ROOT/.data/admin.password" </dev/null || true
  fi
fi
status=0
wait "$serve_pid" || status=$?
# wait returns early (128 + signal) when a trapped signal arrives; wait again for the service to finish draining and
# for its own exit status (bash keeps it when the service ended meanwhile).
if [ "$status" -gt 128 ]; then
  status=0
  wait "$serve_pid" || status=$?
fi
trap - INT TERM
stop_postgres
exit "$status"
