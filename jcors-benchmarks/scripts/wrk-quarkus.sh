#!/usr/bin/env bash
# End to end on loopback, Quarkus: wrk against GET /api/products/1 of examples/quarkus (Quarkus
# REST), started with java -jar in three configurations of the same jar: jcors (its
# application.properties), Quarkus's own CORS (quarkus.http.cors.*, jcors.enabled=false, the same
# origins, credentials and max-age) and no CORS (jcors.enabled=false).
#
#   (cd examples/quarkus && mvn package -DskipTests)   # jcors artifacts installed, see its README
#   jcors-benchmarks/scripts/wrk-quarkus.sh [SECONDS_PER_RUN] [ROUNDS]
#
# Each round starts each configuration in turn, in an order that turns each round (interleaved,
# so that a noisy minute hurts every configuration alike, and none always runs first), warms it up
# (WARMUP seconds per scenario, 3 by default), then runs wrk -t1 -c16 once per scenario:
# an allowed GET and an allowed preflight. Prints one line per run: round, configuration,
# scenario, requests/s, the server's CPU time per request (user + system of the server process,
# from /proc, divided by the requests wrk completed) and wrk's count of non-2xx responses, then
# the medians over the rounds of each round's ratios (jcors / quarkus, jcors / none).
# PIN=1 runs the server on CPU 1 and wrk on CPU 0 (taskset), so that they do not take turns on the
# same core: steadier numbers, on a machine with at least two CPUs and nothing else running.
# Needs: java 17+, wrk, curl (and taskset for PIN=1).
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-8}
rounds=${2:-3}
warmup=${WARMUP:-3} # seconds of warm-up per scenario, each time a configuration starts
jar=${JAR:-examples/quarkus/target/quarkus-app/quarkus-run.jar}
origin=https://app.example.com
declare -A flags=(
  [jcors]=""
  [quarkus]="-Djcors.enabled=false -Dquarkus.http.cors.enabled=true -Dquarkus.http.cors.origins=$origin,http://localhost:5173 -Dquarkus.http.cors.access-control-allow-credentials=true -Dquarkus.http.cors.access-control-max-age=600"
  [none]="-Djcors.enabled=false"
)
preflight=$(mktemp --suffix=.lua)
cat > "$preflight" <<LUA
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "$origin"
wrk.headers["Access-Control-Request-Method"] = "PUT"
wrk.headers["Access-Control-Request-Headers"] = "content-type"
LUA
tick=$(getconf CLK_TCK)
if [ "${PIN:-0}" = 1 ]; then
  server_pin="taskset -c 1"
  wrk_pin="taskset -c 0"
else
  server_pin=
  wrk_pin=
fi
results=$(mktemp)
trap 'rm -f "$preflight" "$results"' EXIT

for round in $(seq 1 "$rounds"); do
  # The order turns each round (jcors first, then quarkus first, then none first), so that no
  # configuration always runs right after another one's JVM stopped.
  configs=(jcors quarkus none)
  for i in 0 1 2; do
    config=${configs[$(((i + round - 1) % 3))]}
    port=$((18080 + round))
    # shellcheck disable=SC2086 # the flags are separate words
    $server_pin java -Xmx256m ${flags[$config]} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$port \
      -jar "$jar" > "/tmp/wrk-quarkus-$config-$round.log" 2>&1 &
    pid=$!
    url="http://127.0.0.1:$port/api/products/1"
    for _ in $(seq 1 120); do
      curl -s -o /dev/null "$url" && break
      sleep 0.5
    done
    $wrk_pin wrk -t1 -c16 -d"${warmup}s" -H "Origin: $origin" "$url" > /dev/null
    $wrk_pin wrk -t1 -c16 -d"${warmup}s" -s "$preflight" "$url" > /dev/null
    for scenario in actual-allowed preflight-allowed; do
      if [[ $scenario == actual-allowed ]]; then
        args=(-H "Origin: $origin")
      else
        args=(-s "$preflight")
      fi
      cpu0=$(awk '{print $14+$15}' "/proc/$pid/stat")
      out=$($wrk_pin wrk -t1 -c16 -d"${seconds}s" "${args[@]}" "$url")
      cpu1=$(awk '{print $14+$15}' "/proc/$pid/stat")
      rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
      total=$(awk '/requests in/ {print $1}' <<< "$out")
      non2xx=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
      cpu_us=$(awk -v a="$cpu0" -v b="$cpu1" -v t="$tick" -v n="$total" \
        'BEGIN {printf "%.1f", (b-a)/t*1e6/n}')
      echo "$round $config $scenario $rps $cpu_us ${non2xx:-0}" | tee -a "$results"
    done
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  done
done

echo
echo "medians over $rounds rounds of each round's ratio (the three configurations of a round ran one"
echo "after the other, so a ratio within a round is less exposed to a noisy minute)"
awk '
  function median(list,    a, n, i, j, t) {
    n = split(substr(list, 2), a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function pct(list) { return list == "" ? "-" : sprintf("%.1f%%", 100 * median(list)) }
  { rps[$1 "|" $2 "|" $3] = $4; cpu[$1 "|" $2 "|" $3] = $5; rounds[$1] = 1 }
  END {
    split("actual-allowed preflight-allowed", sc, " ")
    print "| scenario | jcors / quarkus, req/s | jcors / quarkus, CPU µs/req | jcors / none, req/s | jcors / none, CPU µs/req | rounds |"
    print "|---|---:|---:|---:|---:|---:|"
    for (c = 1; c <= 2; c++) {
      q = ""; qc = ""; n = ""; nc = ""; k = 0
      for (r in rounds) {
        j = r "|jcors|" sc[c]; o = r "|quarkus|" sc[c]; z = r "|none|" sc[c]
        if (!(j in rps)) continue
        k++
        if (o in rps && rps[o] > 0) { q = q " " rps[j] / rps[o]; qc = qc " " cpu[j] / cpu[o] }
        if (z in rps && rps[z] > 0) { n = n " " rps[j] / rps[z]; nc = nc " " cpu[j] / cpu[z] }
      }
      printf "| %s | %s | %s | %s | %s | %d |\n", sc[c], pct(q), pct(qc), pct(n), pct(nc), k
    }
  }' "$results"
