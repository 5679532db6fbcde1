#!/usr/bin/env bash
# Starts the whole Inovasi Bangka platform on this machine without Docker: a real Kafka broker (KRaft), the MongoDB
# stand-in (data under ./data) and the four services. Needs Java 17+, Maven and (to build the web pages) npm.
# Ctrl-C, or `./run-local.sh stop`, stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"

if [ "${1:-}" = "stop" ]; then
  if [ -f data/run/launcher.pid ] && kill -0 "$(cat data/run/launcher.pid)" 2>/dev/null; then
    kill "$(cat data/run/launcher.pid)"
    while kill -0 "$(cat data/run/launcher.pid)" 2>/dev/null; do sleep 0.5; done
    echo "[run-local] stopped"
  else
    echo "[run-local] not running"
  fi
  exit 0
fi

built() {
  for module in gateway submission-service catalog-service stats-service; do
    ls "$module"/target/"$module"-*.jar >/dev/null 2>&1 || return 1
  done
  ls platform-local/target/platform-local-*.jar >/dev/null 2>&1 && [ -d platform-local/target/lib ]
}

if ! built; then
  echo "[run-local] building (first run): mvn -B -q -DskipTests package"
  mvn -B -q -DskipTests package
fi

launcher=$(ls platform-local/target/platform-local-*.jar | head -n 1)
# The launcher's JVM holds the MongoDB stand-in. A heap fixed at 1 GiB gives it a young generation large enough that
# what it caches dies young instead of filling the old generation: no full collection pausing every store call
# (docs/benchmarks.md section 2, eighteenth session).
exec java -Xms1g -Xmx1g -XX:+UseSerialGC -Dinovasi.root="$PWD" -cp "$launcher:platform-local/target/lib/*" \
  id.go.bangka.inovasi.local.LocalPlatform
