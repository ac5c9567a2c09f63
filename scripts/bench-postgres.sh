# Throwaway PostgreSQL 15 for the benchmarks. Sourced after scripts/lib.sh, not executed.
#   bench_postgres_start WORK   initdb + start under WORK/pg on a free port, create role and database xraytriage,
#                               export ConnectionStrings__Triage (for serve/migrate) and BENCH_PG (for psql)
#   bench_postgres_stop WORK    fast shutdown (call it from the EXIT trap)

bench_postgres_start() {
  local work=$1 pgdir=$1/pg pw
  mkdir -p "$pgdir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
  chmod 700 "$pgdir"
  as_postgres mkdir -p "$pgdir/run"
  as_postgres "$PG_BIN/initdb" -D "$pgdir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log"
  BENCH_PGPORT=$(free_port 55432)
  as_postgres "$PG_BIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$BENCH_PGPORT -c unix_socket_directories=$pgdir/run" >/dev/null
  pw=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  as_postgres psql -h "$pgdir/run" -p "$BENCH_PGPORT" -U postgres -q -v ON_ERROR_STOP=1 -v pw="$pw" <<'SQL'
CREATE ROLE xraytriage LOGIN PASSWORD :'pw';
CREATE DATABASE xraytriage OWNER xraytriage;
SQL
  export ConnectionStrings__Triage="Host=127.0.0.1;Port=$BENCH_PGPORT;Database=xraytriage;Username=xraytriage;Password=$pw"
  export BENCH_PG="host=127.0.0.1 port=$BENCH_PGPORT dbname=xraytriage user=xraytriage password=$pw"
}

bench_postgres_stop() {
  local pgdir=$1/pg
  if [ -f "$pgdir/data/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
