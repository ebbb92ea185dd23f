#!/bin/sh
# The "At scale" figures of docs/performance.md: a SQLite table of COUNT tenants' origins
# (https://tenantN.example.com), loaded as jcors serve loads it, and the footprint of the
# compiled lists. Run from the repository root; builds the benchmarks jar first.
set -eu
COUNT=${1:-1000000}
DIR=${DIR:-/tmp/jcors-scale}
mkdir -p "$DIR"
./mvnw -q -pl jcors-core,jcors-jdbc,jcors-benchmarks -am package -DskipTests
JAR=jcors-benchmarks/target/benchmarks.jar
rm -f "$DIR/origins.db"
sqlite3 "$DIR/origins.db" <<SQL
CREATE TABLE cors_origins (origin TEXT NOT NULL);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $COUNT)
INSERT INTO cors_origins SELECT 'https://tenant' || i || '.example.com' FROM n;
SQL
echo "== OriginsFootprint exact $COUNT"
java -Xmx2g -cp "$JAR" io.jcors.benchmarks.OriginsFootprint exact "$COUNT"
echo "== OriginsFootprint pattern $((COUNT / 10))"
java -Xmx2g -cp "$JAR" io.jcors.benchmarks.OriginsFootprint pattern "$((COUNT / 10))"
echo "== JdbcLoadTime, SQLite, $COUNT rows"
java -Xmx1g -cp "$JAR" io.jcors.benchmarks.JdbcLoadTime "jdbc:sqlite:$DIR/origins.db" \
  "SELECT origin FROM cors_origins"
echo "== RefreshAllocation, SQLite, $COUNT rows (Epsilon: the heap grows by what is allocated)"
java -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xms10g -Xmx10g -cp "$JAR" \
  io.jcors.benchmarks.RefreshAllocation "jdbc:sqlite:$DIR/origins.db" "SELECT origin FROM cors_origins"
