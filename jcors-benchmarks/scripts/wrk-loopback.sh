#!/usr/bin/env bash
# End to end on loopback: wrk against one route (/api/data, 200 {"ok":true}) with and without CORS,
# on the JDK HTTP server (jcors-jdk), embedded Jetty 12 (jcors-servlet) and Express with the cors
# package, for the same requests.
#
#   ./mvnw -q -pl jcors-benchmarks -am package -DskipTests
#   (cd jcors-benchmarks/express && npm ci)
#   jcors-benchmarks/scripts/wrk-loopback.sh [SECONDS_PER_RUN] [ROUNDS]
#
# Each round starts every server in turn, warms it up, then runs wrk once per scenario; servers
# alternate so that a noisy minute hurts both sides of a comparison alike. Prints the requests per
# second of every run, then the median of the rounds and the ratio with CORS / without.
# Needs: java 17+, wrk (Debian package wrk), node and npm for the Express servers.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${1:-5}
ROUNDS=${2:-3}
CONNECTIONS=${CONNECTIONS:-32}
JAR=jcors-benchmarks/target/benchmarks.jar
SERVERS=${SERVERS:-"jdk-plain jdk-cors jetty-plain jetty-cors express-plain express-cors"}
SCENARIOS="actual-allowed preflight-allowed no-origin"
ORIGIN=https://app50.example.com

for tool in java wrk node; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "missing $JAR: build it first (see the top of this script)" >&2; exit 2; }
[ -d jcors-benchmarks/express/node_modules ] \
  || { echo "run 'npm ci' in jcors-benchmarks/express first" >&2; exit 2; }

WORK=$(mktemp -d)
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/actual-allowed.lua" <<LUA
wrk.method = "GET"
wrk.headers["Origin"] = "$ORIGIN"
LUA
cat > "$WORK/preflight-allowed.lua" <<LUA
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "$ORIGIN"
wrk.headers["Access-Control-Request-Method"] = "PUT"
wrk.headers["Access-Control-Request-Headers"] = "content-type,authorization,x-requested-with"
LUA
cat > "$WORK/no-origin.lua" <<LUA
wrk.method = "GET"
LUA

start_server() {
  local log="$WORK/server.log"
  : > "$log"
  case $1 in
    # nodelay: without TCP_NODELAY the JDK server's header and body writes meet delayed ACKs, and
    # every keep-alive request waits about 40 ms whatever the CORS layer does.
    jdk-plain | jdk-cors | jetty-plain | jetty-cors)
      java -Dsun.net.httpserver.nodelay=true -cp "$JAR" io.jcors.benchmarks.LoopbackServer \
        "${1%-*}" "${1#*-}" 0 > "$log" 2>&1 & ;;
    express-plain) node jcors-benchmarks/express/server.js plain 0 > "$log" 2>&1 & ;;
    express-cors) node jcors-benchmarks/express/server.js cors 0 > "$log" 2>&1 & ;;
    *) echo "unknown server $1" >&2; exit 2 ;;
  esac
  PID=$!
  for _ in $(seq 1 300); do
    if grep -q '^listening on ' "$log"; then break; fi
    sleep 0.1
  done
  PORT=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log")
  [ -n "$PORT" ] || { echo "$1 did not start:" >&2; cat "$log" >&2; exit 1; }
}

stop_server() {
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=
}

RESULTS="$WORK/results.tsv"
echo "uptime before: $(uptime)"
for round in $(seq 1 "$ROUNDS"); do
  for server in $SERVERS; do
    start_server "$server"
    url="http://127.0.0.1:$PORT/api/data"
    wrk -t1 -c"$CONNECTIONS" -d3s -s "$WORK/actual-allowed.lua" "$url" > /dev/null # warm-up
    for scenario in $SCENARIOS; do
      out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/$scenario.lua" "$url")
      if grep -q 'Non-2xx' <<< "$out"; then
        echo "$server $scenario: non-2xx responses" >&2
        echo "$out" >&2
        exit 1
      fi
      rps=$(awk '/^Requests\/sec:/ {print $2}' <<< "$out")
      printf '%s\t%s\t%s\t%s\n' "$round" "$server" "$scenario" "$rps" | tee -a "$RESULTS"
    done
    stop_server
  done
done
echo "uptime after: $(uptime)"

echo
echo "median requests/s over $ROUNDS rounds of ${DURATION}s, $CONNECTIONS connections, 1 wrk thread"
awk -F'\t' '
  { v[$2 "|" $3] = v[$2 "|" $3] " " $4 }
  END {
    for (k in v) {
      n = split(substr(v[k], 2), a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      m = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
      split(k, p, "|"); med[p[1] "|" p[2]] = m
    }
    split("actual-allowed preflight-allowed no-origin", sc, " ")
    printf "| server | scenario | without CORS | with CORS | with / without |\n|---|---|---:|---:|---:|\n"
    split("jdk jetty express", srv, " ")
    for (s = 1; s <= 3; s++) for (c = 1; c <= 3; c++) {
      plain = med[srv[s] "-plain|" sc[c]]; withc = med[srv[s] "-cors|" sc[c]]
      if (plain == "" || withc == "") continue
      printf "| %s | %s | %.0f | %.0f | %.1f%% |\n", srv[s], sc[c], plain, withc, 100 * withc / plain
    }
  }' "$RESULTS"
