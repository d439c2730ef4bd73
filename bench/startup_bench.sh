#!/bin/bash
# Start-up benchmark: starts the archive RUNS times on an initialised data directory, each time until it logs
# "Started", and prints what Spring Boot reports, the process's CPU seconds by then, the main thread's and the JIT
# compilers', the load average, and how long after the launch /readyz first answered 200 (the search index checked);
# then stops it. The rest of the arguments are the java command's: how to launch.
#
#   bench/startup_bench.sh DATA_DIR RUNS -jar target/policy-archive-0.1.0-SNAPSHOT.jar
#   bench/startup_bench.sh DATA_DIR RUNS -XX:TieredStopAtLevel=1 -cp "target/classes:$(cat cp.txt)" \
#       org.policyarchive.PolicyArchiveApplication        # what mvn spring-boot:run launches
#
# The port is 8197; the data directory must hold an archive that has started once (its PostgreSQL initialised).
set -euo pipefail
data_dir=$1
runs=$2
shift 2
log=$(mktemp)
cpu() { awk '{printf "%.1f", ($14 + $15) / 100}' "$1"; }
for run in $(seq 1 "$runs"); do
  launched=$(date +%s%N)
  java "$@" --archive.data-dir="$data_dir" --server.port=8197 > "$log" 2>&1 &
  pid=$!
  until grep -q "Started PolicyArchiveApplication" "$log"; do
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "run $run: the archive stopped before it started:"
      tail -20 "$log"
      exit 1
    fi
    sleep 0.1
  done
  main=0
  jit=0
  for task in /proc/"$pid"/task/*; do
    case "$(cat "$task"/comm)" in
      java) main=$(cpu "$task"/stat) ;;
      C1\ Compiler*|C2\ Compiler*) jit=$(awk -v a="$jit" -v b="$(cpu "$task"/stat)" 'BEGIN {printf "%.1f", a + b}') ;;
    esac
  done
  line="run $run: $(grep -o 'Started PolicyArchiveApplication in [0-9.]* seconds' "$log" | cut -d' ' -f4) s;"
  line+=" CPU $(cpu /proc/"$pid"/stat) s, main thread $main s, JIT $jit s; load average $(cut -d' ' -f1 /proc/loadavg)"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8197/readyz)" = 200 ]; do sleep 0.05; done
  echo "$line; ready after $(( ($(date +%s%N) - launched) / 1000000 )) ms"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
done
rm -f "$log"
