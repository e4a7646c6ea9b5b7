#!/usr/bin/env bash
# Install the Debian packages the tests need, when missing and when we can:
# Chromium (browser tests, handouts), bubblewrap (confinement of student kernels in `newstrace grade`)
# and npm (fetches reveal.js for the offline slide decks at build time).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: missing ${missing[*]}; install with 'sudo apt-get install ${missing[*]}'" \
         "(browser tests are skipped without Chromium; without bubblewrap student code runs unconfined)" >&2
    exit 0
fi
echo "system-deps: installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
