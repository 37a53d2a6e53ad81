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
  # serve: its HTTP library, and the browser its end-to-end tests drive.
  libcpp-httplib-dev chromium
)
# Node.js and npm fetch the web app's packages (Cytoscape.js, and playwright-core
# for the browser tests). A machine may have them from elsewhere than Debian;
# then Debian's would conflict, so only a missing command asks for them.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The web app's packages, at the versions web/package-lock.json pins, into
# web/node_modules; again only when the lock file changed since.
install_web_packages() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/web"
  if [[ ! -f $dir/node_modules/.package-lock.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    echo "installing the web app's packages (npm ci in web/)" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

if [[ ${#missing[@]} -eq 0 ]]; then
  install_web_packages
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
install_web_packages
