#!/usr/bin/env bash
# The lab's system dependencies: the real Prometheus server and promtool (Debian package
# `prometheus`) and the real Alertmanager (Debian package `prometheus-alertmanager`). Installed
# when missing and we can (root with apt-get); otherwise a clear stop naming the packages.
set -euo pipefail
missing=()
if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
  missing+=(prometheus)
fi
if [ ! -x "${ALERTMANAGER_BIN:-/usr/bin/prometheus-alertmanager}" ]; then
  missing+=(prometheus-alertmanager)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the Debian packages ${missing[*]} for the lab..."
  apt-get update -qq
  # Packaged services are not started (no init here, or policy-rc.d): the lab runs its own.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "error: the lab needs ${missing[*]}: install the Debian package(s) (sudo apt-get install ${missing[*]})" >&2
exit 1
