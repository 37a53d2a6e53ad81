#!/bin/bash
# Installs the Debian 12 packages diplograph builds and tests with, if missing.
# As root it runs apt-get; otherwise it prints the command to run and stops.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  librocksdb-dev libicu-dev nlohmann-json3-dev libboost-graph-dev catch2 libcli11-dev libxml2-dev
  # The programs the export tests read the exports with: networkx, xmllint,
  # Graphviz and rapper.
  python3-networkx libxml2-utils graphviz raptor2-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "diplograph needs these Debian packages: ${missing[*]}" >&2
  echo "install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
