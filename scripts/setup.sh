#!/usr/bin/env bash
# Installs what tempest-db needs to build and test on Debian 12, idempotently: packages
# already installed are not fetched again. Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev
  qtkeychain-qt6-dev
  libqt6sql6-sqlite libqt6sql6-psql
  libsqlite3-dev sqlite3 libpq-dev postgresql-15
  nlohmann-json3-dev libssl-dev
  libgl-dev
  clang libclang-rt-14-dev
  man-db desktop-file-utils appstream shared-mime-info
  python3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The postgresql package starts a system cluster on install; the tests run their own
# throwaway cluster on a private socket and port, so the system one is left alone.
