#!/usr/bin/env bash
# End to end on loopback: wrk against one route (/api/data, 200 {"ok":true}) with and without CORS,
# on the JDK HTTP server (jcors-jdk), embedded Jetty 12 (jcors-servlet), Vert.x Web 5 (jcors-vertx,
# and Vert.x's own CorsHandler with the same options), Netty 4.2 (jcors-netty, beside Netty's own
# CorsHandler with the same options) and Express with the cors package, for the
# same requests.
#
#   ./mvnw -q -pl jcors-benchmarks -am package -DskipTests
#   (cd jcors-benchmarks/express && npm ci)
#   jcors-benchmarks/scripts/wrk-loopback.sh [SECONDS_PER_RUN] [ROUNDS]
#
# Each round starts every server in turn, warms it up, then runs wrk once per scenario; servers
# alternate so that a noisy minute hurts both sides of a comparison alike. Prints the requests per
# second and the server's CPU time per request of every run, then the medians of the rounds and
# the ratios with CORS / without; for Vert.x, the median over the rounds of each round's ratio
# (jcors / no CORS, jcors / Vert.x CorsHandler), whose servers ran next to each other.
#   SERVERS="vertx-plain vertx-builtin vertx-cors" jcors-benchmarks/scripts/wrk-loopback.sh 5 3
# runs Vert.x alone.
# For Netty, the medians of each round's ratios (jcors / no CORS, jcors / Netty's CorsHandler),
# each ratio taken between runs of the same round:
#   SERVERS="netty-plain netty-native netty-cors" jcors-benchmarks/scripts/wrk-loopback.sh 5 5
# Before and after a change, in one run: a server name ending in @before runs from BEFORE_JAR (a
# copy of the benchmarks jar built before the change), the others from JAR; PAIRS lists the
# pairs A:B whose per-round ratios (A / B, requests/s and CPU per request) are reported as medians:
#   cp jcors-benchmarks/target/benchmarks.jar /tmp/before.jar    # then change, rebuild
#   BEFORE_JAR=/tmp/before.jar \
#   SERVERS="vertx-plain vertx-builtin vertx-cors@before vertx-cors" \
#   PAIRS="vertx-cors:vertx-builtin vertx-cors@before:vertx-builtin vertx-cors:vertx-plain \
#     vertx-cors@before:vertx-plain vertx-cors:vertx-cors@before" \
#   jcors-benchmarks/scripts/wrk-loopback.sh 5 5
# vertx-filter and netty-filter: a handler that only passes the request on (for Vert.x on a route of
# its own at jcors's order, as mountOn puts jcors), what any handler in that place costs; give them
# in SERVERS and PAIRS (vertx-filter:vertx-plain, vertx-cors:vertx-filter, ...).
# RESIDENT=1 starts every server once (side by side, each on its own port), warms each up, then
# runs the rounds on the warm servers, each scenario on every server in turn: the pairs' runs are
# seconds apart and no run pays for a fresh JIT compilation.
# Needs: java 17+, wrk (Debian package wrk), node and npm for the Express servers.
# SERVERS="netty-plain netty-native netty-cors" runs only Netty (no node needed).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${1:-5}
ROUNDS=${2:-3}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-3}
# PIN=1 runs the server on CPU 1 and wrk on CPU 0 (taskset), so that they do not take turns on the
# same core: steadier numbers, on a machine with at least two CPUs and nothing else running.
if [ "${PIN:-0}" = 1 ]; then
  SERVER_PIN="taskset -c 1"
  WRK_PIN="taskset -c 0"
else
  SERVER_PIN=
  WRK_PIN=
fi
JAR=${JAR:-jcors-benchmarks/target/benchmarks.jar}
SERVERS=${SERVERS:-"jdk-plain jdk-filter jdk-cors jetty-plain jetty-filter jetty-cors vertx-plain vertx-builtin vertx-cors netty-plain netty-native netty-cors express-plain express-cors"}
SCENARIOS="actual-allowed preflight-allowed no-origin"
ORIGIN=https://app50.example.com

TOOLS="java wrk"
case " $SERVERS " in *" express-"*) TOOLS="$TOOLS node" ;; esac
for tool in $TOOLS; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "missing $JAR: build it first (see the top of this script)" >&2; exit 2; }
case " $SERVERS " in
  *"@before "*)
    [ -f "${BEFORE_JAR:-}" ] || { echo "a server ends in @before: set BEFORE_JAR to a jar" >&2; exit 2; } ;;
esac
case " $SERVERS " in
  *" express-"*)
    [ -d jcors-benchmarks/express/node_modules ] \
      || { echo "run 'npm ci' in jcors-benchmarks/express first" >&2; exit 2; } ;;
esac

WORK=$(mktemp -d)
PID=
RESIDENTS=
cleanup() {
  for pid in $PID $RESIDENTS; do kill "$pid" 2>/dev/null || true; done
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
  local log="$WORK/server-$1.log"
  local jar=$JAR name=$1
  : > "$log"
  if [[ $name == *@before ]]; then
    jar=$BEFORE_JAR
    name=${name%@before}
  fi
  case $name in
    # nodelay: without TCP_NODELAY the JDK server's header and body writes meet delayed ACKs, and
    # every keep-alive request waits about 40 ms whatever the CORS layer does.
    jdk-plain | jdk-filter | jdk-cors | jetty-plain | jetty-filter | jetty-cors \
      | vertx-plain | vertx-filter | vertx-builtin | vertx-cors \
      | netty-plain | netty-filter | netty-native | netty-cors)
      $SERVER_PIN java -Dsun.net.httpserver.nodelay=true -cp "$jar" io.jcors.benchmarks.LoopbackServer \
        "${name%-*}" "${name#*-}" 0 > "$log" 2>&1 & ;;
    express-plain) $SERVER_PIN node jcors-benchmarks/express/server.js plain 0 > "$log" 2>&1 & ;;
    express-cors) $SERVER_PIN node jcors-benchmarks/express/server.js cors 0 > "$log" 2>&1 & ;;
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

# utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat; the command name,
# field 2, is in parentheses and has no spaces here).
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}
HZ=$(getconf CLK_TCK)

RESULTS="$WORK/results.tsv"
echo "uptime before: $(uptime)"
# One measured run of wrk against the server $PID on $PORT: a result line.
measure() {
  local round=$1 server=$2 scenario=$3 url="http://127.0.0.1:$PORT/api/data"
  local cpu_before cpu_after out rps requests cpu
  cpu_before=$(cpu_ticks "$PID")
  out=$($WRK_PIN wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/$scenario.lua" "$url")
  cpu_after=$(cpu_ticks "$PID")
  if grep -q 'Non-2xx' <<< "$out"; then
    echo "$server $scenario: non-2xx responses" >&2
    echo "$out" >&2
    exit 1
  fi
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<< "$out")
  requests=$(awk '/ requests in / {print $1}' <<< "$out")
  # The server's CPU time per request (user + system, all its threads), in microseconds.
  cpu=$(awk -v t="$((cpu_after - cpu_before))" -v hz="$HZ" -v n="$requests" \
    'BEGIN { printf "%.2f", t * 1e6 / hz / n }')
  printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$server" "$scenario" "$rps" "$cpu" | tee -a "$RESULTS"
}

# Warm-up: every scenario, so that the JIT compiler's work (its threads count in the server's
# CPU time) is done before the measured runs.
warm_up() {
  for scenario in $SCENARIOS; do
    $WRK_PIN wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/$scenario.lua" \
      "http://127.0.0.1:$PORT/api/data" > /dev/null
  done
}

if [ "${RESIDENT:-0}" = 1 ]; then
  # RESIDENT=1: every server started once and warmed up, then each round runs each scenario on
  # every server in turn, so that the runs of a pair are seconds apart and each server is past its
  # JIT compilation (a server started afresh each round is not, on a loaded machine).
  declare -A PIDS PORTS
  for server in $SERVERS; do
    start_server "$server"
    PIDS[$server]=$PID
    PORTS[$server]=$PORT
    RESIDENTS="${RESIDENTS:-} $PID"
    PID=
  done
  for server in $SERVERS; do
    PID=${PIDS[$server]}
    PORT=${PORTS[$server]}
    warm_up
  done
  for round in $(seq 1 "$ROUNDS"); do
    for scenario in $SCENARIOS; do
      for server in $SERVERS; do
        PID=${PIDS[$server]}
        PORT=${PORTS[$server]}
        measure "$round" "$server" "$scenario"
      done
    done
  done
  PID=
  for pid in $RESIDENTS; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  RESIDENTS=
else
  for round in $(seq 1 "$ROUNDS"); do
    for server in $SERVERS; do
      start_server "$server"
      warm_up
      for scenario in $SCENARIOS; do
        measure "$round" "$server" "$scenario"
      done
      stop_server
    done
  done
fi
echo "uptime after: $(uptime)"

# median(list): the median of a list of numbers, each after a space (" 3 1 2"), as the summaries
# below collect a run's values; written once here and prepended to each summary's awk program.
AWK_MEDIAN='
  function median(list,    a, n, i, j, t) {
    n = split(substr(list, 2), a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }'

echo
echo "median over $ROUNDS rounds of ${DURATION}s, $CONNECTIONS connections, 1 wrk thread; requests/s,"
echo "and the server's CPU time per request in microseconds (user + system, all threads)"
awk -F'\t' "$AWK_MEDIAN"'
  function cell(key, list) { return (key in list) ? sprintf("%.0f", median(list[key])) : "-" }
  function cpucell(key) { return (key in cpu) ? sprintf("%.1f", median(cpu[key])) : "-" }
  function ratio(a, b, list) { return (a in list && b in list) ? sprintf("%.1f%%", 100 * median(list[a]) / median(list[b])) : "-" }
  { rps[$2 "|" $3] = rps[$2 "|" $3] " " $4; cpu[$2 "|" $3] = cpu[$2 "|" $3] " " $5 }
  END {
    split("actual-allowed preflight-allowed no-origin", sc, " ")
    split("jdk jetty vertx express", srv, " ")
    for (s = 1; s <= 4; s++) for (c = 1; c <= 3; c++) {
      p = srv[s] "-plain|" sc[c]; f = srv[s] "-" (srv[s] == "vertx" ? "builtin" : "filter") "|" sc[c]; w = srv[s] "-cors|" sc[c]
      if (!(p in rps) && !(w in rps)) continue
      if (!header++) {
        print "| server | scenario | req/s plain | req/s filter | req/s cors | cors / plain | cors / filter | CPU µs/req plain | filter | cors |"
        print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
      }
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", srv[s], sc[c], cell(p, rps), cell(f, rps), cell(w, rps), ratio(w, p, rps), ratio(w, f, rps), cpucell(p), cpucell(f), cpucell(w)
    }
  }' "$RESULTS"
echo "(for vertx, the filter column is Vert.x Web's CorsHandler with the same options)"

# Vert.x: each round's ratios, then their medians. The three servers of a round ran one after the
# other, so a ratio within a round is less exposed to a noisy minute than a ratio of medians.
if [[ " $SERVERS " == *" vertx-plain "* && " $SERVERS " == *" vertx-cors "* ]]; then
  echo
  echo "Vert.x, medians over the rounds of each round's ratio"
  awk -F'\t' "$AWK_MEDIAN"'
    $2 ~ /^vertx-/ { rps[$1 "|" $2 "|" $3] = $4; cpu[$1 "|" $2 "|" $3] = $5; rounds[$1] = 1 }
    END {
      split("actual-allowed preflight-allowed no-origin", sc, " ")
      print "| scenario | jcors / no CORS, req/s | jcors / CorsHandler, req/s | jcors / CorsHandler, CPU µs/req | rounds |"
      print "|---|---:|---:|---:|---:|"
      for (c = 1; c <= 3; c++) {
        plain = ""; builtin = ""; cpuratio = ""; n = 0
        for (r in rounds) {
          w = r "|vertx-cors|" sc[c]; p = r "|vertx-plain|" sc[c]; b = r "|vertx-builtin|" sc[c]
          if (!(w in rps) || !(p in rps)) continue
          n++
          plain = plain " " rps[w] / rps[p]
          if (b in rps) { builtin = builtin " " rps[w] / rps[b]; cpuratio = cpuratio " " cpu[w] / cpu[b] }
        }
        printf "| %s | %s | %s | %s | %d |\n", sc[c], \
          (plain == "" ? "-" : sprintf("%.1f%%", 100 * median(plain))), \
          (builtin == "" ? "-" : sprintf("%.1f%%", 100 * median(builtin))), \
          (cpuratio == "" ? "-" : sprintf("%.1f%%", 100 * median(cpuratio))), n
      }
    }' "$RESULTS"
fi

if [[ " $SERVERS " == *" netty-cors "* ]]; then

echo
echo "Netty: medians over $ROUNDS rounds of the ratios within each round (jcors = jcors-netty,"
echo "netty = Netty's CorsHandler); requests/s and CPU µs/request are medians of the runs"
awk -F'\t' "$AWK_MEDIAN"'
  { rps[$1 "|" $2 "|" $3] = $4; cpu[$1 "|" $2 "|" $3] = $5; rounds[$1] = 1
    all[$2 "|" $3] = all[$2 "|" $3] " " $4; allcpu[$2 "|" $3] = allcpu[$2 "|" $3] " " $5 }
  END {
    split("actual-allowed preflight-allowed no-origin", sc, " ")
    print "| scenario | req/s plain | req/s netty | req/s jcors | jcors / plain | jcors / netty | CPU µs/req plain | netty | jcors | jcors / netty CPU |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for (c = 1; c <= 3; c++) {
      p = "netty-plain|" sc[c]; n = "netty-native|" sc[c]; w = "netty-cors|" sc[c]
      if (!(w in all)) continue
      vp = ""; vn = ""; vc = ""
      for (r in rounds) {
        if ((r "|" w) in rps && (r "|" p) in rps) vp = vp " " rps[r "|" w] / rps[r "|" p]
        if ((r "|" w) in rps && (r "|" n) in rps) vn = vn " " rps[r "|" w] / rps[r "|" n]
        if ((r "|" w) in cpu && (r "|" n) in cpu && cpu[r "|" n] > 0) vc = vc " " cpu[r "|" w] / cpu[r "|" n]
      }
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", sc[c],
        (p in all) ? sprintf("%.0f", median(all[p])) : "-", (n in all) ? sprintf("%.0f", median(all[n])) : "-",
        sprintf("%.0f", median(all[w])),
        vp != "" ? sprintf("%.1f%%", 100 * median(vp)) : "-", vn != "" ? sprintf("%.1f%%", 100 * median(vn)) : "-",
        (p in allcpu) ? sprintf("%.1f", median(allcpu[p])) : "-", (n in allcpu) ? sprintf("%.1f", median(allcpu[n])) : "-",
        sprintf("%.1f", median(allcpu[w])), vc != "" ? sprintf("%.1f%%", 100 * median(vc)) : "-"
    }
  }' "$RESULTS"
fi

# PAIRS: for each pair A:B, the median over the rounds of each round's ratio A / B (A and B ran
# next to each other in the round), in requests/s and in the server's CPU time per request.
if [ -n "${PAIRS:-}" ]; then
  echo
  echo "Pairs: medians over $ROUNDS rounds of the ratios within each round"
  awk -F'\t' -v pairs="$PAIRS" "$AWK_MEDIAN"'
    { rps[$1 "|" $2 "|" $3] = $4; cpu[$1 "|" $2 "|" $3] = $5; rounds[$1] = 1 }
    END {
      split("actual-allowed preflight-allowed no-origin", sc, " ")
      print "| A / B | scenario | req/s A / B | CPU µs/req A / B | rounds |"
      print "|---|---|---:|---:|---:|"
      np = split(pairs, pair, " ")
      for (k = 1; k <= np; k++) {
        split(pair[k], ab, ":")
        for (c = 1; c <= 3; c++) {
          vr = ""; vc = ""; n = 0
          for (r in rounds) {
            a = r "|" ab[1] "|" sc[c]; b = r "|" ab[2] "|" sc[c]
            if (!(a in rps) || !(b in rps) || rps[b] == 0 || cpu[b] == 0) continue
            n++; vr = vr " " rps[a] / rps[b]; vc = vc " " cpu[a] / cpu[b]
          }
          if (n == 0) continue
          printf "| %s / %s | %s | %.1f%% | %.1f%% | %d |\n", ab[1], ab[2], sc[c], 100 * median(vr), 100 * median(vc), n
        }
      }
    }' "$RESULTS"
fi
