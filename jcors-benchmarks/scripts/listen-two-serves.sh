#!/bin/bash
# Two `jcors serve` instances on one PostgreSQL database, polling hourly and listening on
# cors_origins_changed: how long an INSERT and a DELETE take to reach both, before and after a
# restart of the database. A throwaway cluster in a temporary directory, on loopback; run from
# the repository root. Needs PostgreSQL (/usr/lib/postgresql/*/bin) and curl.
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
DIR=$(mktemp -d /tmp/jcors-listen.XXXXXX)
PORT=${PORT:-55432}
as_pg() { if [[ $(id -u) == 0 ]]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[[ $(id -u) == 0 ]] && chown postgres: "$DIR"
as_pg "$BIN/initdb -D $DIR/data -A trust -U postgres" >/dev/null
pg() { as_pg "$BIN/pg_ctl -D $DIR/data -l $DIR/server.log -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1' -w $1" >/dev/null; }
psql() { as_pg "$BIN/psql -h 127.0.0.1 -p $PORT -U postgres -q -v ON_ERROR_STOP=1 -c \"$1\""; }
pg start
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; pg stop || true; rm -rf "$DIR"; }
trap cleanup EXIT
psql "CREATE TABLE cors_origins (origin text PRIMARY KEY)"
psql "INSERT INTO cors_origins VALUES ('https://app.example.com')"
# the trigger of docs/origins-from-a-database.md
python3 -c 'import re,sys; print(re.search(r"```sql\n(CREATE OR REPLACE FUNCTION cors_origins_notify.*?)```", open(sys.argv[1]).read(), re.S).group(1))' \
  docs/origins-from-a-database.md >"$DIR/trigger.sql"
as_pg "$BIN/psql -h 127.0.0.1 -p $PORT -U postgres -q -v ON_ERROR_STOP=1 -f $DIR/trigger.sql"
cat >"$DIR/serve.json" <<JSON
{"origin": {"jdbc": {"url": "jdbc:postgresql://127.0.0.1:$PORT/postgres", "user": "postgres",
  "query": "SELECT origin FROM cors_origins", "refreshSeconds": 3600,
  "listen": "cors_origins_changed"}}}
JSON
./jcors --help >/dev/null 2>&1 || true # builds the jar when it is stale
URLS=()
for i in 1 2; do
  java -jar jcors-cli/target/jcors.jar serve --config "$DIR/serve.json" --port 0 \
    >"$DIR/serve$i.out" 2>"$DIR/serve$i.err" &
  PIDS+=($!)
done
for i in 1 2; do
  for _ in $(seq 1 300); do
    u=$(grep -o 'http://[0-9.:]*' "$DIR/serve$i.out" | head -1 || true)
    [[ -n "$u" ]] && break
    sleep 0.1
  done
  URLS+=("$u")
done
allowed() { # $1 url, $2 origin
  curl -s -D - -o /dev/null -H "Origin: $2" "$1/" | grep -qi "^access-control-allow-origin: $2"
}
until_both() { # $1 origin, $2 "allowed" or "refused"; prints the milliseconds it took
  local start=$(date +%s%N)
  while :; do
    local n=0
    for u in "${URLS[@]}"; do
      if allowed "$u" "$1"; then [[ $2 == allowed ]] && n=$((n + 1)); else [[ $2 == refused ]] && n=$((n + 1)); fi
    done
    [[ $n == 2 ]] && break
    (( $(date +%s%N) - start > 10000000000 )) && { echo "not within 10 s"; return 1; }
  done
  echo "$(( ($(date +%s%N) - start) / 1000000 )) ms"
}
psql "INSERT INTO cors_origins VALUES ('https://new.example.com')"
echo "insert reached both instances in $(until_both https://new.example.com allowed)"
psql "DELETE FROM cors_origins WHERE origin = 'https://app.example.com'"
echo "delete reached both instances in $(until_both https://app.example.com refused)"
pg "-m fast stop"
sleep 2
pg start
sleep 3 # the listeners reconnect with backoff
psql "INSERT INTO cors_origins VALUES ('https://after-restart.example.com')"
echo "after the restart, insert reached both in $(until_both https://after-restart.example.com allowed)"
psql "DELETE FROM cors_origins WHERE origin = 'https://new.example.com'"
echo "after the restart, delete reached both in $(until_both https://new.example.com refused)"
grep -h "listening\|not listening" "$DIR"/serve*.err | sed 's/^/log: /' | head -6 || true
