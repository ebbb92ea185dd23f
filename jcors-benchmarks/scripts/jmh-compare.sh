#!/usr/bin/env bash
# Runs CorsComparisonBenchmark one (scenario, origins) row at a time, every implementation of a row
# back to back, so that the load of a shared machine, which drifts over minutes, weighs on the
# implementations of a row alike. Writes one JMH JSON file per row into OUT_DIR and prints the
# Markdown table (scripts/jmh-table.py).
#
#   ./mvnw -q -pl jcors-benchmarks -am package -DskipTests
#   jcors-benchmarks/scripts/jmh-compare.sh [OUT_DIR] [extra JMH options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-target/jmh-compare}
shift || true
JAR=jcors-benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: build it first (see the top of this script)" >&2; exit 2; }
mkdir -p "$OUT"
for scenario in actual-allowed actual-refused no-origin preflight-allowed preflight-refused preflight-hostile; do
  for origins in 1 100 10000; do
    echo "$(date +%T) $scenario $origins (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    java -jar "$JAR" CorsComparisonBenchmark -p scenario="$scenario" -p origins="$origins" \
      -f 1 -wi 2 -w 1s -i 5 -r 500ms -prof gc "$@" \
      -rf json -rff "$OUT/$scenario-$origins.json" > "$OUT/$scenario-$origins.log" 2>&1
  done
done
python3 jcors-benchmarks/scripts/jmh-table.py "$OUT"/*.json
