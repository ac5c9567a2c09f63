#!/usr/bin/env bash
# Removes the XrayTriage service installed by install.sh.
#
#   sudo deploy/linux/uninstall.sh            # stop, disable, remove the unit and /opt/xraytriage; keep data and settings
#   sudo deploy/linux/uninstall.sh --purge    # also remove /etc/xraytriage, /var/lib/xraytriage (the spool!) and the user
#   deploy/linux/uninstall.sh --prefix DIR    # the same below a staged root (no systemctl, no userdel)
# The PostgreSQL database is never touched: drop it yourself after taking a backup (docs/operations.md).
set -euo pipefail

PREFIX=${DESTDIR:-/}
PURGE=0
RUN_SYSTEMCTL=1
SERVICE_USER=xraytriage
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) PREFIX=${1#*=}; shift ;;
    --purge) PURGE=1; shift ;;
    --no-systemctl) RUN_SYSTEMCTL=0; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done
PREFIX=$(realpath -m "$PREFIX")
root() { if [ "$PREFIX" = / ]; then echo "$1"; else echo "$PREFIX$1"; fi; }
[ "$PREFIX" != / ] && RUN_SYSTEMCTL=0

if [ "$RUN_SYSTEMCTL" = 1 ] && systemctl list-unit-files xraytriage.service >/dev/null 2>&1; then
  echo "== stopping and disabling xraytriage.service"
  systemctl disable --now xraytriage.service || true
fi
rm -f "$(root /etc/systemd/system/xraytriage.service)"
[ "$RUN_SYSTEMCTL" = 1 ] && systemctl daemon-reload
rm -rf "$(root /opt/xraytriage)" "$(root /opt/xraytriage.new)" "$(root /opt/xraytriage.previous)"
echo "== removed the unit and $(root /opt/xraytriage)"

if [ "$PURGE" = 1 ]; then
  rm -rf "$(root /etc/xraytriage)" "$(root /var/lib/xraytriage)"
  if [ "$PREFIX" = / ] && getent passwd "$SERVICE_USER" >/dev/null; then
    userdel "$SERVICE_USER"
  fi
  echo "== purged settings and spool$([ "$PREFIX" = / ] && echo ' and the user') (the database was not touched)"
else
  echo "== kept $(root /etc/xraytriage) and $(root /var/lib/xraytriage) (use --purge to remove them)"
fi
