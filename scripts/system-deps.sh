#!/usr/bin/env bash
# Install the Debian packages the course build and the tests need, only when missing and only as root:
#   chromium    PDF handouts (slides, reading packets, worksheets) and the browser tests
#   bubblewrap  confinement of student code in `newstrace grade` (no network, no access to solutions)
#   npm         fetches reveal.js once for the offline slide decks
#   openjdk-17-jre-headless  Java for find_copies(engine="spark") and its tests (pyspark 4 needs Java 17+)
# Not root: print one line naming what to install and what will be missing, and carry on.
set -euo pipefail
missing=()
without=()
if ! command -v chromium >/dev/null 2>&1; then
    missing+=(chromium fonts-dejavu-core); without+=("no PDF handouts, browser tests skipped")
fi
if ! command -v bwrap >/dev/null 2>&1; then
    missing+=(bubblewrap); without+=("student code in the grading demo runs unconfined")
fi
if ! command -v npm >/dev/null 2>&1 && [ ! -f build/vendor/reveal.js/dist/reveal.js ]; then
    missing+=(npm); without+=("no slide decks")
fi
java_major=0
if command -v java >/dev/null 2>&1; then
    java_major=$(java -version 2>&1 | sed -n '1s/.*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p')
elif [ -n "${JAVA_HOME:-}" ]; then
    java_major=17  # trust a JAVA_HOME someone set on purpose
fi
if [ "${java_major:-0}" -lt 17 ]; then
    missing+=(openjdk-17-jre-headless); without+=("no Spark engine for find-copies, Spark tests skipped")
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    joined=$(IFS=';'; echo "${without[*]}" | sed 's/;/; /g')
    echo "system-deps: please install ${missing[*]} (sudo apt-get install ${missing[*]}); without them: ${joined}" >&2
    exit 0
fi
echo "system-deps: installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
