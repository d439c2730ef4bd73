#!/bin/bash
# The effect of a change on the reading pages under load, in one run: two builds of the archive, one after the other,
# serve the same data directory with a 512 MB heap, and each is put under wrk beside nginx serving the very same
# bytes (bench/load_bench.py, which prints a table for each; its options follow the three arguments).
#
#   bench/ab.sh BEFORE.jar AFTER.jar DATA_DIR [load_bench.py options]
#   bench/ab.sh before.jar after.jar /work/bench-data/us --page record=/records/SLUG --encodings gzip --warm-up 40
#
# Needs wrk and nginx on the PATH; load goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "$1")
after=$(realpath "$2")
data=$(realpath "$3")
shift 3
port=8094
log=$(mktemp)
for jar in "$before" "$after"; do
  java -Xmx512m -jar "$jar" --archive.data-dir="$data" --server.port=$port > "$log" 2>&1 &
  archive=$!
  trap 'kill $archive 2> /dev/null || true' EXIT
  until curl -sf "http://127.0.0.1:$port/readyz" > /dev/null; do
    kill -0 $archive 2> /dev/null || { tail -20 "$log"; exit 1; }
    sleep 1
  done
  echo "== $jar"
  python3 bench/load_bench.py --port $port --pid $archive "$@"
  kill $archive
  wait $archive 2> /dev/null || true
  trap - EXIT
done
rm -f "$log"
