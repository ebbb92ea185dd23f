#!/bin/bash
# p99 latency of `jcors serve` under a bounded wrk load on loopback, with origins from a SQLite
# table of COUNT rows: once with refreshSeconds 3600 (no refresh during the run), once with
# refreshSeconds 1 while one row changes every second, so that every refresh reads, checks and
# compiles every row and swaps the new list in. Run from the repository root after at-scale.sh
# (which makes the table). Prints wrk's latency distribution and errors for both runs.
set -euo pipefail
DIR=${DIR:-/tmp/jcors-scale}
DB="$DIR/origins.db"
COUNT=$(sqlite3 "$DB" "SELECT count(*) FROM cors_origins")
ORIGIN="https://tenant$((COUNT / 2)).example.com"
sqlite3 "$DB" "PRAGMA journal_mode=WAL;" >/dev/null
./jcors --help >/dev/null 2>&1 || true # builds the jar when it is stale

run() { # $1: refreshSeconds, $2: label
  cat >"$DIR/serve.json" <<JSON
{"origin": {"jdbc": {"url": "jdbc:sqlite:$DB", "query": "SELECT origin FROM cors_origins",
  "refreshSeconds": $1, "maxRows": 2000000, "maxBytes": 134217728, "queryTimeoutSeconds": 60}},
 "credentials": true}
JSON
  java -Xmx1g -jar jcors-cli/target/jcors.jar serve --config "$DIR/serve.json" --port 0 \
    >"$DIR/serve.out" 2>"$DIR/serve.err" &
  local pid=$!
  local url=""
  for _ in $(seq 1 600); do
    url=$(grep -o 'http://[0-9.:]*' "$DIR/serve.out" | head -1 || true)
    [[ -n "$url" ]] && break
    sleep 0.1
  done
  [[ -n "$url" ]] || { cat "$DIR/serve.err"; kill "$pid"; exit 1; }
  local changer=""
  if [[ "$1" == 1 ]]; then
    (while :; do
      sqlite3 -cmd ".timeout 2000" "$DB" \
        "UPDATE cors_origins SET origin = CASE origin WHEN 'https://tenant0.example.com'
           THEN 'https://tenant0b.example.com' ELSE 'https://tenant0.example.com' END
         WHERE rowid = 1" 2>/dev/null || true
      sleep 1
    done) &
    changer=$!
  fi
  curl -s -o /dev/null -H "Origin: $ORIGIN" "$url/" # the first request after start
  echo "== $2 (refreshSeconds $1)"
  wrk -t2 -c16 -d10s --latency -H "Origin: $ORIGIN" "$url/" | sed -n '/Latency Distribution/,$p'
  curl -s -D - -o /dev/null -H "Origin: $ORIGIN" "$url/" | grep -i '^access-control-allow-origin'
  [[ -n "$changer" ]] && kill "$changer"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "loads logged: $(grep -c 'loaded' "$DIR/serve.err" || true)," \
    "failed refreshes: $(grep -c 'could not refresh' "$DIR/serve.err" || true)"
}

run 3600 "no refresh during the load"
run 1 "back-to-back refreshes, one row changing every second"
