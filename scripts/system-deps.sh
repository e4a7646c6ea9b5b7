#!/usr/bin/env bash
# Install the Debian packages the browser tests need (Chromium), when missing and when we can.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: Chromium is missing; install it with 'sudo apt-get install chromium'" \
         "(the browser tests will be skipped without it)" >&2
    exit 0
fi
echo "system-deps: installing Chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
