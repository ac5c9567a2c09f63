#!/usr/bin/env bash
# Installs (or upgrades) XrayTriage as a systemd service on a Linux x64 server.
#
#   sudo deploy/linux/install.sh                      # publish, install, migrate, enable and start
#   deploy/linux/install.sh --prefix /tmp/root --no-systemctl --publish-dir DIR   # staged install (tests, packaging)
#
# Layout (under --prefix, default /):
#   /opt/xraytriage/                 the self-contained linux-x64 publish output and models/ (root-owned, read-only)
#   /opt/xraytriage.previous/        the version replaced by the last upgrade (for a rollback)
#   /etc/xraytriage/xraytriage.env   site settings as Section__Key=value (mode 0640, group xraytriage); never overwritten
#   /etc/systemd/system/xraytriage.service
#   /var/lib/xraytriage/             the service user's home and the only writable folder; spool/ inside
#
# Options:
#   --prefix DIR       install below DIR instead of / (or DESTDIR=DIR in the environment; DESTDIR-style: files land in DIR, the unit still names the
#                      final paths). Without --create-user, a prefix other than / creates no user and changes no owner.
#   --publish-dir DIR  use an existing `dotnet publish -r linux-x64 --self-contained` output instead of publishing
#   --models DIR       the ensemble folder to install (default: models/ of this repository)
#   --no-systemctl     do not run systemctl (daemon-reload, enable, restart); implied by a prefix other than /
#   --no-migrate       do not run `xraytriage migrate`
#   --create-user      create the user and set owners even with a prefix (needs root)
# The connection string: ConnectionStrings__Triage in the environment of this script is written to a new env file;
# an existing env file is kept as it is. Migrations run when the env file has a connection string.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
PREFIX=${DESTDIR:-/}
PUBLISH_DIR=
MODELS_DIR=$REPO/models
RUN_SYSTEMCTL=1
RUN_MIGRATE=1
CREATE_USER=auto
SERVICE_USER=xraytriage

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) PREFIX=${1#*=}; shift ;;
    --publish-dir) PUBLISH_DIR=${2:?--publish-dir needs a folder}; shift 2 ;;
    --publish-dir=*) PUBLISH_DIR=${1#*=}; shift ;;
    --models) MODELS_DIR=${2:?--models needs a folder}; shift 2 ;;
    --models=*) MODELS_DIR=${1#*=}; shift ;;
    --no-systemctl) RUN_SYSTEMCTL=0; shift ;;
    --no-migrate) RUN_MIGRATE=0; shift ;;
    --create-user) CREATE_USER=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done

PREFIX=$(realpath -m "$PREFIX")
root() { if [ "$PREFIX" = / ]; then echo "$1"; else echo "$PREFIX$1"; fi; }
if [ "$PREFIX" != / ]; then
  RUN_SYSTEMCTL=0
  [ "$CREATE_USER" = auto ] && CREATE_USER=0
fi
[ "$CREATE_USER" = auto ] && CREATE_USER=1
if [ "$CREATE_USER" = 1 ] && [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: creating the service user needs root (sudo), or use --prefix for a staged install" >&2
  exit 1
fi

APP=$(root /opt/xraytriage)
ETC=$(root /etc/xraytriage)
STATE=$(root /var/lib/xraytriage)
UNIT_DIR=$(root /etc/systemd/system)
ENV_FILE=$ETC/xraytriage.env

step() { echo "== $*"; }

# 1. The self-contained linux-x64 build.
if [ -z "$PUBLISH_DIR" ]; then
  PUBLISH_DIR=$(mktemp -d)
  trap 'rm -rf "$PUBLISH_DIR"' EXIT
  step "publishing src/XrayTriage.Host (Release, linux-x64, self-contained)"
  dotnet publish "$REPO/src/XrayTriage.Host" -c Release -r linux-x64 --self-contained -nologo -v quiet -o "$PUBLISH_DIR"
fi
[ -x "$PUBLISH_DIR/xraytriage" ] || { echo "install.sh: $PUBLISH_DIR/xraytriage is missing (not a linux-x64 publish?)" >&2; exit 1; }
[ -f "$MODELS_DIR/ensemble.json" ] || { echo "install.sh: no ensemble.json in $MODELS_DIR" >&2; exit 1; }

# 2. The service user: a system account without a login shell whose home is the state folder.
if [ "$CREATE_USER" = 1 ]; then
  if ! getent passwd "$SERVICE_USER" >/dev/null; then
    step "creating system user $SERVICE_USER"
    useradd --system --user-group --home-dir /var/lib/xraytriage --no-create-home \
      --shell /usr/sbin/nologin --comment "XrayTriage service" "$SERVICE_USER"
  fi
else
  step "not creating user $SERVICE_USER (staged install under $PREFIX)"
fi

# 3. Folders.
step "folders under $PREFIX"
install -d -m 0755 "$(dirname "$APP")" "$UNIT_DIR"
install -d -m 0750 "$ETC" "$STATE" "$STATE/spool"
if [ "$CREATE_USER" = 1 ]; then
  chown root:"$SERVICE_USER" "$ETC"
  chown "$SERVICE_USER:$SERVICE_USER" "$STATE" "$STATE/spool"
fi

# 4. The application: staged next to the live folder, then swapped; the previous version is kept for a rollback.
step "installing the application to $APP"
STAGE=$APP.new
rm -rf "$STAGE"
cp -a "$PUBLISH_DIR/." "$STAGE/"
# The Windows build of ONNX Runtime (about 200 MB, from the Gpu.Windows package) is useless on Linux. Only the native
# libraries: the managed Microsoft.ML.OnnxRuntime.dll stays.
find "$STAGE" -maxdepth 1 -name 'onnxruntime*.dll' -delete
install -d -m 0755 "$STAGE/models" "$STAGE/docs"
for f in "$MODELS_DIR"/ensemble.json "$MODELS_DIR"/*.onnx "$MODELS_DIR"/MODEL_CARD.md; do
  [ -f "$f" ] && install -m 0644 "$f" "$STAGE/models/"
done
for f in "$REPO"/docs/operations.md "$REPO"/docs/conformance-statement.md; do
  [ -f "$f" ] && install -m 0644 "$f" "$STAGE/docs/"
done
chmod -R u=rwX,go=rX "$STAGE"
[ "$(id -u)" -eq 0 ] && [ "$CREATE_USER" = 1 ] && chown -R root:root "$STAGE"
step "verifying the models"
"$STAGE/xraytriage" models verify --path "$STAGE/models"
if [ -d "$APP" ]; then
  rm -rf "$APP.previous"
  mv "$APP" "$APP.previous"
fi
mv "$STAGE" "$APP"

# 5. Site settings: created once, never overwritten (an upgrade keeps the site's values).
if [ ! -f "$ENV_FILE" ]; then
  step "writing $ENV_FILE (edit it, then restart the service)"
  install -m 0640 "$REPO/deploy/linux/xraytriage.env.example" "$ENV_FILE"
  if [ -n "${ConnectionStrings__Triage:-}" ]; then
    printf '\n# Written by install.sh from its environment.\nConnectionStrings__Triage=%s\n' "$ConnectionStrings__Triage" >>"$ENV_FILE"
  fi
else
  step "keeping the existing $ENV_FILE"
fi
[ "$CREATE_USER" = 1 ] && chown root:"$SERVICE_USER" "$ENV_FILE"

# 6. The unit.
step "installing $UNIT_DIR/xraytriage.service"
install -m 0644 "$REPO/deploy/linux/xraytriage.service" "$UNIT_DIR/xraytriage.service"

# 7. Database migrations of this version (idempotent), with the settings the service will use.
connection=$(sed -n 's/^ConnectionStrings__Triage=//p' "$ENV_FILE" | tail -n 1)
if [ "$RUN_MIGRATE" = 1 ] && [ -n "$connection" ]; then
  step "xraytriage migrate"
  migrate=(env "ConnectionStrings__Triage=$connection" "$APP/xraytriage" migrate)
  if [ "$CREATE_USER" = 1 ] && [ "$PREFIX" = / ]; then
    runuser -u "$SERVICE_USER" -- "${migrate[@]}"
  else
    "${migrate[@]}"
  fi
elif [ "$RUN_MIGRATE" = 1 ]; then
  step "no ConnectionStrings__Triage in $ENV_FILE yet: set it, then run"
  echo "   sudo -u $SERVICE_USER env \$(grep -v '^#' /etc/xraytriage/xraytriage.env | xargs) /opt/xraytriage/xraytriage migrate"
fi

# 8. systemd.
if [ "$RUN_SYSTEMCTL" = 1 ]; then
  step "systemctl daemon-reload, enable, restart"
  systemctl daemon-reload
  systemctl enable xraytriage.service
  if [ -n "$connection" ]; then
    systemctl restart xraytriage.service
    systemctl --no-pager status xraytriage.service | head -n 5 || true
  else
    echo "   not started: set ConnectionStrings__Triage in /etc/xraytriage/xraytriage.env, then: systemctl start xraytriage"
  fi
else
  step "systemctl skipped; to start: systemctl daemon-reload && systemctl enable --now xraytriage"
fi
echo "installed XrayTriage to $APP"
