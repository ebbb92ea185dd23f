#!/usr/bin/env bash
# End to end on loopback, Quarkus: wrk against GET /api/products/1 of examples/quarkus (Quarkus
# REST), started with java -jar in three configurations of the same jar: jcors (its
# application.properties), Quarkus's own CORS (quarkus.http.cors.*, jcors.enabled=false, the same
# origins, credentials and max-age) and no CORS (jcors.enabled=false).
#
#   (cd examples/quarkus && mvn package -DskipTests)   # jcors artifacts installed, see its README
#   jcors-benchmarks/scripts/wrk-quarkus.sh [SECONDS_PER_RUN] [ROUNDS]
#
# Each round starts each configuration in turn (interleaved, so that a noisy minute hurts every
# configuration alike), warms it up (3 s per scenario), then runs wrk -t1 -c16 once per scenario:
# an allowed GET and an allowed preflight. Prints one line per run: round, configuration,
# scenario, requests/s, the server's CPU time per request (user + system of the server process,
# from /proc, divided by the requests wrk completed) and wrk's count of non-2xx responses.
# Needs: java 17+, wrk, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-8}
rounds=${2:-3}
jar=${JAR:-examples/quarkus/target/quarkus-app/quarkus-run.jar}
origin=https://app.example.com
declare -A flags=(
  [jcors]=""
  [quarkus]="-Djcors.enabled=false -Dquarkus.http.cors.enabled=true -Dquarkus.http.cors.origins=$origin,http://localhost:5173 -Dquarkus.http.cors.access-control-allow-credentials=true -Dquarkus.http.cors.access-control-max-age=600"
  [none]="-Djcors.enabled=false"
)
preflight=$(mktemp --suffix=.lua)
trap 'rm -f "$preflight"' EXIT
cat > "$preflight" <<LUA
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "$origin"
wrk.headers["Access-Control-Request-Method"] = "PUT"
wrk.headers["Access-Control-Request-Headers"] = "content-type"
LUA
tick=$(getconf CLK_TCK)

for round in $(seq 1 "$rounds"); do
  for config in jcors quarkus none; do
    port=$((18080 + round))
    # shellcheck disable=SC2086 # the flags are separate words
    java -Xmx256m ${flags[$config]} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$port \
      -jar "$jar" > "/tmp/wrk-quarkus-$config-$round.log" 2>&1 &
    pid=$!
    url="http://127.0.0.1:$port/api/products/1"
    for _ in $(seq 1 120); do
      curl -s -o /dev/null "$url" && break
      sleep 0.5
    done
    wrk -t1 -c16 -d3s -H "Origin: $origin" "$url" > /dev/null
    wrk -t1 -c16 -d3s -s "$preflight" "$url" > /dev/null
    for scenario in actual-allowed preflight-allowed; do
      if [[ $scenario == actual-allowed ]]; then
        args=(-H "Origin: $origin")
      else
        args=(-s "$preflight")
      fi
      cpu0=$(awk '{print $14+$15}' "/proc/$pid/stat")
      out=$(wrk -t1 -c16 -d"${seconds}s" "${args[@]}" "$url")
      cpu1=$(awk '{print $14+$15}' "/proc/$pid/stat")
      rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
      total=$(awk '/requests in/ {print $1}' <<< "$out")
      non2xx=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
      cpu_us=$(awk -v a="$cpu0" -v b="$cpu1" -v t="$tick" -v n="$total" \
        'BEGIN {printf "%.1f", (b-a)/t*1e6/n}')
      echo "$round $config $scenario $rps $cpu_us ${non2xx:-0}"
    done
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  done
done
