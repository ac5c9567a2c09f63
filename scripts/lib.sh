# Shared by run.sh and test.sh. Sourced, not executed.

# ensure_packages PKG... : installs the Debian packages that are missing (apt-get as root), or prints the
# exact command to run and exits when not root.
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages. Run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# as_postgres CMD... : runs a PostgreSQL server tool as the postgres user when we are root (initdb refuses root).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

PG_BIN=/usr/lib/postgresql/15/bin

# free_port START : prints the first TCP port from START upwards that nothing listens on at 127.0.0.1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

# service_addresses SERVE_ARGS... : prints "WEB_HOST WEB_PORT DICOM_PORT" as serve will use them (the first of
# Urls; --Urls=/--Dicom:Port= arguments win over Urls/Dicom__Port in the environment, as in serve).
service_addresses() {
  local urls=${Urls:-http://127.0.0.1:8080} dicom_port=${Dicom__Port:-11112} arg
  for arg in "$@"; do
    case "$arg" in
      --Urls=*) urls=${arg#--Urls=} ;;
      --Dicom:Port=*) dicom_port=${arg#--Dicom:Port=} ;;
    esac
  done
  local first=${urls%%;*}
  local hostport=${first#*://}
  hostport=${hostport%%/*}
  local host=${hostport%:*} port=${hostport##*:}
  case "$host" in 0.0.0.0|"*"|+|"[::]") host=127.0.0.1 ;; esac
  echo "$host $port $dicom_port"
}

# wait_ready HOST PORT PID : waits until GET /health/ready answers 200 (true) or the process PID has ended (false).
wait_ready() {
  local host=$1 port=$2 pid=$3 status
  while kill -0 "$pid" 2>/dev/null; do
    status=$( (exec 3<>"/dev/tcp/$host/$port" && printf 'GET /health/ready HTTP/1.0\r\nHost: %s\r\n\r\n' "$host" >&3 \
      && IFS= read -r -t 5 line <&3 && echo "$line") 2>/dev/null || true)
    [[ $status == *" 200 "* ]] && return 0
    sleep 1
  done
  return 1
}
