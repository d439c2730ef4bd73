#!/bin/bash
# The load, memory and start-up figures of docs/benchmarks.md at a million records, in one go on an otherwise idle
# machine (about an hour on 2 cores, most of it the import): generates the records (once), imports them into a new
# archive, serves it with a 512 MB heap and measures the reading pages under wrk beside nginx serving the same bytes
# (bench/load_bench.py, which rewrites its section of docs/benchmarks.md), then times start-ups of the default run on
# that archive and on a small one.
#
#   bench/million.sh WORK_DIR        # WORK_DIR holds gen.jsonl (made if missing) and the archives; keep it off /tmp
#
# Needs wrk, nginx and jcmd on the PATH; load goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath "$1")
mkdir -p "$work"
port=8092

echo "== building"
mvn -q -DskipTests -Djacoco.skip=true package
mvn -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime
jar="$work/archive.jar"
cp target/policy-archive-0.1.0-SNAPSHOT.jar "$jar"

if [ ! -s "$work/gen.jsonl" ]; then
  echo "== generating a million records"
  python3 bench/generate.py --count 1000000 --out "$work/gen.jsonl" --seed 7
fi

if [ ! -d "$work/million/index" ]; then
  echo "== importing them into $work/million"
  java -Xmx2g -jar "$jar" --archive.data-dir="$work/million" --archive.import="$work/gen.jsonl" \
    --spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=async | tail -3
fi

echo "== serving the million-record archive with a 512 MB heap"
java -Xmx512m -Xlog:gc:file="$work/gc.log" -jar "$jar" --archive.data-dir="$work/million" --server.port=$port \
  > "$work/serve.log" 2>&1 &
archive=$!
trap 'kill $archive 2> /dev/null || true' EXIT
until grep -q "Started PolicyArchiveApplication" "$work/serve.log"; do
  kill -0 $archive 2> /dev/null || { tail -20 "$work/serve.log"; exit 1; }
  sleep 1
done
# the start-up catch-up of the index runs after "Started"; measure once the archive says it is ready
until curl -sf "http://127.0.0.1:$port/readyz" > /dev/null; do sleep 1; done
# 20 s of warm-up a page: 10 s left the JIT unfinished
python3 bench/load_bench.py --port $port --pid $archive --archive "1,000,001 records" --warm-up 20 --seconds 10 \
  --doc docs/benchmarks.md
echo "largest heap after a collection during the load (MB):"
grep -o '[0-9]*M->[0-9]*M' "$work/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1
kill $archive
wait $archive 2> /dev/null || true
trap - EXIT

# What `mvn spring-boot:run` launches: the classes and the dependencies, with the JIT's first tier only.
default_run=(-XX:TieredStopAtLevel=1 -cp "target/classes:$(cat "$work/cp.txt")" org.policyarchive.PolicyArchiveApplication)
echo "== start-up of the default run on the million-record archive"
bench/startup_bench.sh "$work/million" 3 "${default_run[@]}"
if [ ! -d "$work/small/postgres" ]; then
  java -jar "$jar" --archive.data-dir="$work/small" \
    --archive.import=../shared/corpus/us-presidential-speeches.jsonl | tail -1
fi
echo "== start-up of the default run on the real corpus (1,005 records)"
bench/startup_bench.sh "$work/small" 3 "${default_run[@]}"
