#!/usr/bin/env bash
# The lab's system dependency: the real Prometheus server and promtool (Debian package
# `prometheus`). Installed when missing and we can (root with apt-get); otherwise a clear stop.
set -euo pipefail
if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the Debian package 'prometheus' for the lab..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  exit 0
fi
echo "error: the lab needs Prometheus and promtool: install the Debian package 'prometheus' (sudo apt-get install prometheus)" >&2
exit 1
